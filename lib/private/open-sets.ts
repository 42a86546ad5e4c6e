import * as cdk from 'aws-cdk-lib';
import { Validator } from './validation';

/**
 * An open set of the API's values, as an enum-like class (`FleetPlatform`, `InstanceFamily`) holds
 * them: AWS adds members, so a value the library does not list warns, and so does one it lists for
 * other resources only (the docs' prose, not the model, says which a resource takes).
 */
export interface OpenSet {
  /** What this resource takes. */
  readonly offered: readonly string[];
  /** Every value the library lists (for any resource). */
  readonly known: readonly string[];
  /** The class of the values, for messages: `FleetPlatform`. */
  readonly className: string;
  /** The value in words, which also names the warnings: `platform` (`unknownPlatform`), `instance family`. */
  readonly noun: 'platform' | 'instance family';
}

/**
 * The name of one value of an open set, checked: a token passes, a listed platform the docs do not give
 * for the resource warns (`cdk-appstream:<kind>:undocumentedPlatform`), and so does an unlisted value
 * (`cdk-appstream:<kind>:unknownPlatform`, `unknownInstanceFamily`).
 */
export function openValue(v: Validator, property: string, value: { readonly name: string }, set: OpenSet): string {
  const name = value.name;
  if (cdk.Token.isUnresolved(name) || set.offered.includes(name)) {
    return name;
  }
  const members = set.offered.map((n) => `${set.className}.${n}`).join(', ');
  // Where `offered` is narrower than `known`, only the docs' prose narrows it (the model's enum names
  // every known value). Only platforms are: every instance family the library knows, applications take.
  if (set.known.includes(name)) {
    v.warn('undocumentedPlatform', v.message(property, name, `is not one of the ${set.noun}s the AppStream docs give for ${v.noun}s (${members})`,
      'AWS may refuse it at deployment: use one of those, or ignore this if AWS supports it now.'));
    return name;
  }
  const text = `${property} '${name}' is not one of the ${set.noun === 'instance family' ? 'instance families' : `${set.noun}s`} this library knows for ${v.noun}s (${members}); `
    + 'check the name (AppStream refuses unknown values at deployment) or ignore this if AWS has added it since.';
  // Literal names, which the README's table of warnings is checked against (test/warnings.test.ts).
  if (set.noun === 'platform') {
    v.warn('unknownPlatform', text);
  } else {
    v.warn('unknownInstanceFamily', text);
  }
  return name;
}

/**
 * The names of a list of an open set's values, each checked as `openValue` does and none twice. A list
 * that is a token (a CloudFormation list parameter) passes whole: no value of it is known.
 */
export function openList(v: Validator, property: string, given: ReadonlyArray<{ readonly name: string }>, set: OpenSet): string[] {
  if (cdk.Token.isUnresolved(given)) { // a list: the public boundary checked the props
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
