import * as cdk from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * Whether the app still has context to look up for the stack of `scope` (or of any of `others`): the
 * CLI then runs a first synth with dummy values (a dummy VPC, `dummy-value-for-…` strings), looks the
 * values up, and synthesizes again. A rule that depends on looked-up values must not block that first
 * synth: it applies on the second, with the real values. aws-cdk-lib records the missing keys on the
 * stack and offers no reader for them, so this reads its record, and says "no" if it is not there.
 */
export function lookupsPending(scope: IConstruct, ...others: IConstruct[]): boolean {
  return [scope, ...others].some((c) => {
    const missing = (cdk.Stack.of(c) as unknown as { _missingContext?: unknown[] })._missingContext;
    return Array.isArray(missing) && missing.length > 0;
  });
}

/** The dummy that `StringParameter.valueFromLookup` and other string lookups give before the lookup. */
export function isLookupDummy(scope: IConstruct, value: unknown): boolean {
  return typeof value === 'string' && value.startsWith('dummy-value-for-') && lookupsPending(scope);
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
