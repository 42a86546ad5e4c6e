import * as cdk from 'aws-cdk-lib';
import { Validator } from './validation';

/**
 * An open set of the API's values, as an enum-like class (`FleetPlatform`, `InstanceFamily`) holds
 * them: AWS adds members, so a value the library does not list warns, while one it lists for other
 * resources only fails.
 */
export interface OpenSet {
  /** What this resource takes. */
  readonly offered: readonly string[];
  /** Every value the library lists (for any resource). */
  readonly known: readonly string[];
  /** The class of the values, for messages: `FleetPlatform`. */
  readonly className: string;
  /** The value in words: `platform`. */
  readonly noun: string;
}

/**
 * The name of one value of an open set, checked: a token passes, a listed value the resource does
 * not take fails, an unlisted one warns (`cdk-appstream:<kind>:unknown<ClassName minus Fleet>`).
 */
export function openValue(v: Validator, property: string, value: { readonly name: string }, set: OpenSet): string {
  const name = value.name;
  if (cdk.Token.isUnresolved(name) || set.offered.includes(name)) {
    return name;
  }
  const members = set.offered.map((n) => `${set.className}.${n}`).join(', ');
  if (set.known.includes(name)) {
    v.fail(property, name, `is not a ${set.noun} ${v.noun}s take`, `Use one of ${members}.`);
  }
  const warning = `unknown${set.noun.replace(/(^| )([a-z])/g, (_, __, c: string) => c.toUpperCase())}`;
  v.warn(warning, `${property} '${name}' is not one of the ${set.noun === 'instance family' ? 'instance families' : `${set.noun}s`} this library knows for ${v.noun}s (${members}); `
    + 'check the name (AppStream refuses unknown values at deployment) or ignore this if AWS has added it since.');
  return name;
}

/**
 * The names of a list of an open set's values, each checked as `openValue` does and none twice. A list
 * that is a token (a CloudFormation list parameter) passes whole: no value of it is known.
 */
export function openList(v: Validator, property: string, given: ReadonlyArray<{ readonly name: string }> | undefined, set: OpenSet): string[] {
  if (given === undefined || given === null) {
    return [];
  }
  if (cdk.Token.isUnresolved(given)) {
    return given as unknown as string[];
  }
  const seen = new Set<string>();
  return given.map((value, i) => {
    const name = openValue(v, `${property}[${i}]`, value, set);
    if (!cdk.Token.isUnresolved(name)) {
      if (seen.has(name)) {
        v.fail(`${property}[${i}]`, name, `is already in ${property}`, `Give each ${set.noun} once.`);
      }
      seen.add(name);
    }
    return name;
  });
}
