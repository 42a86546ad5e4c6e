import * as cdk from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { aws_appstream as appstreamRefs } from 'aws-cdk-lib/interfaces';
import type { IFleet } from '../fleet';
import { FLEET_START_STOP_ACTIONS } from './actions';

/**
 * What fleets defined in the app (`Fleet`, `ElasticFleet`) and imported ones share: the reference
 * and the grants. Not exported from the package: jsii copies its members into each subclass.
 *
 * @internal
 */
export abstract class FleetBase extends cdk.Resource implements IFleet {
  public abstract readonly fleetName: string;
  public abstract readonly fleetArn: string;

  /** A reference to the fleet (its name: aws-cdk-lib calls it fleetId). */
  public get fleetRef(): appstreamRefs.FleetReference {
    return { fleetId: this.fleetName };
  }

  /**
   * Grant `grantee` the given AppStream actions on this fleet.
   *
   * @param grantee the principal
   * @param actions the actions, for example `appstream:DescribeFleets`
   */
  public grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee, actions, resourceArns: [this.fleetArn] });
  }

  /**
   * Grant `grantee` the right to start and stop this fleet (`appstream:StartFleet`, `appstream:StopFleet`).
   *
   * @param grantee the principal
   */
  public grantStartStop(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, ...FLEET_START_STOP_ACTIONS);
  }
}
