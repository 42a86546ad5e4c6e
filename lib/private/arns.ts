import * as cdk from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

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
