import * as cdk from 'aws-cdk-lib';

/**
 * Apply the removal policy of the props to the L1: `RemovalPolicy.DESTROY` by default, as an
 * AppStream resource holds no data (the boundary refuses a value outside the enum).
 */
export function applyRemovalPolicy(resource: cdk.CfnResource, policy: cdk.RemovalPolicy | undefined): void {
  resource.applyRemovalPolicy(policy ?? cdk.RemovalPolicy.DESTROY);
}
