import * as cdk from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { ARN, NAME, StringRule, stringProblem } from './rules';
import { article, showValue } from './validation';

/**
 * The ARN of an AppStream resource in the account and region of `scope`'s stack:
 * `arn:<partition>:appstream:<region>:<account>:<resource>/<name>`.
 *
 * @param scope a construct of the stack the resource is in
 * @param resource the resource type in the ARN, such as `fleet` or `image-builder`
 * @param name the resource's name
 */
export function appStreamArn(scope: IConstruct, resource: string, name: string): string {
  return cdk.Stack.of(scope).formatArn({ service: 'appstream', resource, resourceName: name, arnFormat: cdk.ArnFormat.SLASH_RESOURCE_NAME });
}

/** The name in an AppStream resource's ARN (a token when the ARN is one). */
export function nameInArn(scope: IConstruct, arn: string): string {
  return cdk.Stack.of(scope).splitArn(arn, cdk.ArnFormat.SLASH_RESOURCE_NAME).resourceName!;
}

/** The fix of a bad imported name: the Name shape in words. */
const NAME_FIX = 'Give the name of an existing resource: 1 to 101 letters, digits, _ . - starting with a letter or digit.';

/**
 * Check a literal value given to an import (`Fleet.fromFleetName()`): there is no construct of ours to
 * blame, so the message names the method and its argument, then the value, the problem and the fix.
 * Tokens pass: only a known string is judged.
 *
 * @param scope the scope of the import
 * @param id the construct id of the import
 * @param method the method, such as `Fleet.fromFleetName()`
 * @param argument the argument, such as `fleetName`
 * @param value the value given
 * @param rule the rule the value follows
 * @param fix how to mend it
 */
export function checkImported(scope: IConstruct, id: string, method: string, argument: string, value: string, rule: StringRule, fix: string): void {
  const where = `${method} at '${scope.node.path ? `${scope.node.path}/` : ''}${id}'`;
  if (cdk.Token.isUnresolved(value)) { // a string: the public boundary checked the import's arguments
    return;
  }
  const problem = stringProblem(rule, value);
  if (problem) {
    throw new Error(`${where}: ${argument} ${showValue(value)} ${problem}. ${fix}`);
  }
}

/**
 * Check a name given to an import by name against the `Name` shape every AppStream resource name
 * follows (tokens pass).
 */
export function checkImportedName(scope: IConstruct, id: string, method: string, argument: string, name: string): void {
  checkImported(scope, id, method, argument, name, NAME, NAME_FIX);
}

/**
 * Check an ARN given to an import by ARN: the ARN shape (an AWS partition), the service `appstream`,
 * the resource type, and a name of the `Name` shape. An ARN with tokens is judged on none of this.
 *
 * @param resource the resource type in the ARN, such as `fleet` or `image-builder`
 */
export function checkImportedArn(scope: IConstruct, id: string, method: string, argument: string, arn: string, resource: string): void {
  const example = `arn:aws:appstream:us-east-1:123456789012:${resource}/my-name`;
  checkImported(scope, id, method, argument, arn, ARN, `Give an ARN such as ${example}.`);
  if (cdk.Token.isUnresolved(arn)) {
    return;
  }
  const [, , service, , , rest] = arn.split(':');
  const prefix = `${resource}/`;
  if (service !== 'appstream' || arn.split(':').length !== 6 || !rest.startsWith(prefix)) {
    const noun = resource.replace(/-/g, ' ');
    throw new Error(`${method} at '${scope.node.path ? `${scope.node.path}/` : ''}${id}': ${argument} ${showValue(arn)} is not the ARN of ${article(noun)}. Give an ARN such as ${example}.`);
  }
  checkImported(scope, id, method, `the name in ${argument}`, rest.slice(prefix.length), NAME, NAME_FIX);
}
