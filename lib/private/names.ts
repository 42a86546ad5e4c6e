import { createHash } from 'crypto';
import * as cdk from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { CREATE_ONLY_PROPERTIES } from './create-only';
import { deploymentTarget } from './environment';
import { DESCRIPTION, DISPLAY_NAME, NAME } from './rules';
import { Validator } from './validation';

/** Names claimed per app: for each kind of resource, the path of the construct that holds each name in an account and region. */
const claimed = new WeakMap<IConstruct, Map<string, string>>();

/**
 * Claim `name` for `scope` among the resources of `kind` in the app, per account and region (names
 * AppStream wants unique there). The kind is the CloudFormation resource type (with what else scopes
 * the name, such as the stack of an entitlement), not the construct class: a `Fleet` and an
 * `ElasticFleet` are both `AWS::AppStream::Fleet`. Returns the path of the construct that already holds
 * the name in the same account and region, or undefined when the claim succeeds. Tokens are never
 * judged: a name that is a token claims nothing. A stack whose account or region is unknown is an
 * environment of its own (with its nested stacks): names collide for sure only where both are known
 * and equal.
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
 * construct path; either way claimed among the resources of its type, so that two in one account and
 * region are an error at synth rather than at deployment.
 *
 * CloudFormation replaces a resource when one of its create-only properties changes, creating the new
 * one before deleting the old, and cannot do so under the same custom name. A generated name of a type
 * with create-only properties (besides the name) therefore ends in a hash of their values: a change to
 * one gives the replacement a name of its own. `createOnly` holds exactly those values, keyed by the L1
 * prop (`fleetType` for `FleetType`), as CREATE_ONLY_PROPERTIES lists them for `type`.
 *
 * @param v the resource's validator
 * @param property the prop that names it, such as `imageBuilderName`
 * @param given the name given in the props, if any
 * @param type the CloudFormation resource type, such as `AWS::AppStream::Fleet`
 * @param createOnly the values of the type's create-only properties other than the name
 */
export function resourceName(
  v: Validator, property: string, given: string | undefined, type: string, createOnly: Record<string, unknown> = {},
): string {
  const expected = createOnlyKeys(type);
  const keys = Object.keys(createOnly);
  if (keys.length !== expected.length || keys.some((k) => !expected.includes(k))) {
    // A defect of this library, not of the app: every construct passes its type's create-only values.
    throw new Error(`${type}: the generated name must follow the create-only properties ${expected.join(', ') || '(none)'}, not ${keys.join(', ') || '(none)'}`);
  }
  const name = given ?? (keys.length === 0 ? generateName(v) : `${generateName(v, 91)}-${contentHash(v, createOnly)}`);
  v.string(property, name, NAME, `Use only letters, digits, _ . - and start with a letter or digit, or leave ${property} out to get a generated name.`);
  const holder = claimUniqueName(v.scope, type, name);
  if (holder !== undefined) {
    v.fail(property, name, `is already used by '${holder}' in the same account and region`,
      `Give each ${v.noun} its own name, or leave ${property} out to get a generated one.`);
  }
  return name;
}

/** The L1 props (camelCase) of the create-only properties of `type`, the name aside. */
export function createOnlyKeys(type: string): string[] {
  const properties = CREATE_ONLY_PROPERTIES[type];
  if (properties === undefined) {
    throw new Error(`${type} has no create-only properties on record`);
  }
  return properties.filter((p) => p !== 'Name').map((p) => `${p[0].toLowerCase()}${p.slice(1)}`);
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
