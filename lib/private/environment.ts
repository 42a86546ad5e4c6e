import * as cdk from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * Whether the app still has context to look up, in any of its stacks (a value looked up in one stack
 * may be used in another): the CLI then runs a first synth with dummy values (a dummy VPC,
 * `dummy-value-for-…` strings), looks the values up, and synthesizes again. A rule that depends on
 * looked-up values must not block that first synth: it applies on the second, with the real values.
 * aws-cdk-lib records the missing keys on each stack and offers no reader for them, so this reads its
 * record, and says "no" if it is not there.
 */
export function lookupsPending(scope: IConstruct): boolean {
  return scope.node.root.node.findAll().some((c) => {
    const missing = cdk.Stack.isStack(c) ? (c as unknown as { _missingContext?: unknown[] })._missingContext : undefined;
    return Array.isArray(missing) && missing.length > 0;
  });
}

/** How the dummy that `StringParameter.valueFromLookup` and other string lookups give before the lookup starts. */
const LOOKUP_DUMMY_PREFIX = 'dummy-value-for-';

/**
 * Whether a string may be the dummy of a string lookup: for what has no construct to ask whether the
 * app has lookups pending (`InstanceType.of()`), and leaves the judgement to the resource that binds it.
 */
export function mayBeLookupDummy(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith(LOOKUP_DUMMY_PREFIX);
}

/** The dummy that `StringParameter.valueFromLookup` and other string lookups give before the lookup. */
export function isLookupDummy(scope: IConstruct, value: unknown): boolean {
  return mayBeLookupDummy(value) && lookupsPending(scope);
}

/**
 * Where a resource name must be unique: the account and region when both are known, or else the
 * top-level stack that deploys it (two stacks of unknown environments may deploy to different accounts,
 * as Dev and Prod stages deployed with different profiles do; a nested stack deploys with its parent).
 */
export function deploymentTarget(scope: IConstruct): string {
  let stack = cdk.Stack.of(scope);
  if (!cdk.Token.isUnresolved(stack.account) && !cdk.Token.isUnresolved(stack.region)) {
    return `${stack.account}/${stack.region}`;
  }
  while (stack.nestedStackParent) {
    stack = stack.nestedStackParent;
  }
  return `stack ${stack.node.path}`;
}
