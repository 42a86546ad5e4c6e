import * as cdk from 'aws-cdk-lib';
import { Validator } from './validation';

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

/**
 * Apply the removal policy of the props to the L1: `RemovalPolicy.DESTROY` by default, as an
 * AppStream resource holds no data; a value outside the enum (from JavaScript) is an error.
 */
export function applyRemovalPolicy(v: Validator, resource: cdk.CfnResource, policy: cdk.RemovalPolicy | undefined): void {
  resource.applyRemovalPolicy(v.oneOf('removalPolicy', policy, Object.values(cdk.RemovalPolicy), 'Use a RemovalPolicy member, such as RemovalPolicy.RETAIN.')
    ?? cdk.RemovalPolicy.DESTROY);
}
