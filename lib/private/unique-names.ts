import { Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/** Names claimed per app: for each kind of resource, the path of the construct that holds each name in an account and region. */
const claimed = new WeakMap<IConstruct, Map<string, string>>();

/**
 * Claim `name` for `scope` among the resources of `kind` in the app, per account and region (names
 * AppStream wants unique there). Returns the path of the construct that already holds the name in the
 * same account and region, or undefined when the claim succeeds. Tokens are never judged: a name that
 * is a token claims nothing. Stacks without an explicit environment count as one environment.
 */
export function claimUniqueName(scope: IConstruct, kind: string, name: string): string | undefined {
  if (Token.isUnresolved(name)) {
    return undefined;
  }
  const stack = Stack.of(scope);
  const root = scope.node.root;
  let names = claimed.get(root);
  if (!names) {
    names = new Map();
    claimed.set(root, names);
  }
  const key = [kind, stack.account, stack.region, name].join('\u0000');
  const other = names.get(key);
  if (other !== undefined) {
    return other;
  }
  names.set(key, scope.node.path);
  return undefined;
}
