import * as cdk from 'aws-cdk-lib';
import { Validator } from './validation';

/**
 * Apply the removal policy of the props to the L1: `RemovalPolicy.DESTROY` by default, as an
 * AppStream resource holds no data; a value outside the enum (from JavaScript) is an error.
 */
export function applyRemovalPolicy(v: Validator, resource: cdk.CfnResource, policy: cdk.RemovalPolicy | undefined): void {
  resource.applyRemovalPolicy(v.oneOf('removalPolicy', policy, Object.values(cdk.RemovalPolicy), 'Use a RemovalPolicy member, such as RemovalPolicy.RETAIN.')
    ?? cdk.RemovalPolicy.DESTROY);
}
