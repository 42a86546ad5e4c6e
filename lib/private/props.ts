/**
 * Props as plain JavaScript may pass them: a `null` where TypeScript says "absent". Every
 * top-level `null` becomes `undefined`, so that the checks that skip absent props skip it too,
 * instead of failing with a TypeError.
 */
export function withoutNulls<T extends object>(props: T | undefined | null): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value !== null) {
      out[key] = value;
    }
  }
  return out as T;
}
