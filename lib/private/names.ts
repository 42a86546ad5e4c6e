import { createHash } from 'crypto';
import * as cdk from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { deploymentTarget } from './environment';
import { DESCRIPTION, DISPLAY_NAME, NAME } from './rules';
import { Validator } from './validation';

/** Names claimed per app: for each kind of resource, the path of the construct that holds each name in an account and region. */
const claimed = new WeakMap<IConstruct, Map<string, string>>();

/**
 * Claim `name` for `scope` among the resources of `kind` in the app, per account and region (names
 * AppStream wants unique there). Returns the path of the construct that already holds the name in the
 * same account and region, or undefined when the claim succeeds. Tokens are never judged: a name that
 * is a token claims nothing. A stack whose account or region is unknown is an environment of its own
 * (with its nested stacks): names collide for sure only where both are known and equal.
 */
export function claimUniqueName(scope: IConstruct, kind: string, name: string): string | undefined {
  if (cdk.Token.isUnresolved(name)) {
    return undefined;
  }
  const root = scope.node.root;
  let names = claimed.get(root);
  if (!names) {
    names = new Map();
    claimed.set(root, names);
  }
  const key = [kind, deploymentTarget(scope), name].join('\u0000');
  const other = names.get(key);
  if (other !== undefined) {
    return other;
  }
  names.set(key, scope.node.path);
  return undefined;
}

/**
 * The name of an AppStream resource (shape `Name`): the one given, checked, or one generated from the
 * construct path; either way claimed among the resources of its kind, so that two in one account and
 * region are an error at synth rather than at deployment.
 *
 * @param v the resource's validator (its kind is the kind of the claim)
 * @param property the prop that names it, such as `imageBuilderName`
 * @param given the name given in the props, if any
 * @param createOnly for a resource whose properties CloudFormation cannot update (each change replaces
 * it, and the new one is created before the old one is deleted): the values of those properties. The
 * generated name then ends in a hash of them, so that the replacement gets a name of its own.
 */
export function resourceName(v: Validator, property: string, given: string | undefined, createOnly?: unknown): string {
  const name = given ?? (createOnly === undefined ? generateName(v) : `${generateName(v, 91)}-${contentHash(v, createOnly)}`);
  v.string(property, name, NAME, `Use only letters, digits, _ . - and start with a letter or digit, or leave ${property} out to get a generated name.`);
  const holder = claimUniqueName(v.scope, v.kind, name);
  if (holder !== undefined) {
    v.fail(property, name, `is already used by '${holder}' in the same account and region`,
      `Give each ${v.noun} its own name, or leave ${property} out to get a generated one.`);
  }
  return name;
}

/** A name unique in the app, from the construct path, that the `Name` shape accepts. */
function generateName(v: Validator, maxLength = 100): string {
  const generated = cdk.Names.uniqueResourceName(v.scope, { maxLength, allowedSpecialCharacters: '-_.' });
  // The rule asks for a letter or digit first; construct ids may start otherwise. What is left is never
  // empty: a construct in a stack has at least two path components, and then the name ends in a hash.
  return generated.replace(/^[^a-zA-Z0-9]+/, '');
}

/** Eight hex digits that change with `values` (tokens count as what they resolve to, such as `{ Ref }`). */
function contentHash(v: Validator, values: unknown): string {
  return createHash('sha256').update(JSON.stringify(cdk.Stack.of(v.scope).resolve(values))).digest('hex').slice(0, 8);
}

/** The labels every named AppStream resource shows: its display name (at most 100) and description (at most 256). */
export function checkLabels(v: Validator, props: { readonly displayName?: string; readonly description?: string }): void {
  v.string('displayName', props.displayName, DISPLAY_NAME, 'Shorten it.');
  v.string('description', props.description, DESCRIPTION, 'Shorten it.');
}
