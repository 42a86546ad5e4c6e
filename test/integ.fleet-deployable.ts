/**
 * Integ snapshot of a fleet and stack that deploy as they are: an On-Demand fleet of one
 * stream.standard.small instance streaming an AppStream public base image, in the private subnets of a
 * new VPC (one NAT gateway), and the stack users reach it through. `npx projen integ` compares the
 * synthesized template with the committed snapshot (no AWS account needed); `npx projen integ:update`
 * rewrites it after an intended change.
 *
 * Nothing in it is fake or tied to one account: no domain, no image of yours, no hard-coded zone or
 * account (the stack is environment-agnostic; the VPC takes the first two zones of its region).
 * `npx integ-runner --language typescript --update-on-failed --force --parallel-regions us-east-1
 * integ.fleet-deployable.ts` (without `--dry-run`, with credentials) deploys it (CloudFormation starts
 * the fleet and waits for it: `CreationPolicy: StartFleet`), asserts what the deployment shows
 * (DescribeFleets: the fleet is RUNNING; the assertion polls for up to 30 minutes), and destroys it. It
 * needs an account with AppStream's service role `AmazonAppStreamServiceAccess` (the console creates it
 * on first use).
 *
 * What it costs while deployed: an On-Demand fleet bills each running instance's stopped-instance fee
 * by the hour, and streaming by the hour; the NAT gateway by the hour and per GB. `cdk destroy` deletes
 * everything (the fleet's removal policy is DESTROY). If the deployment says the image is not found,
 * put a current base image name from
 * https://docs.aws.amazon.com/appstream2/latest/developerguide/base-image-version-history.html.
 */
import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as appstream from '../lib';

const app = new App();
const stack = new Stack(app, 'FleetDeployableIntegStack');

// No custom resource (and so no asset) to restrict the default security group.
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1, restrictDefaultSecurityGroup: false });

const fleet = new appstream.Fleet(stack, 'Fleet', {
  image: appstream.Image.fromName('AppStream-WinServer2022-06-17-2024'),
  instanceType: appstream.InstanceType.STANDARD_SMALL,
  fleetType: appstream.FleetType.ON_DEMAND,
  capacity: appstream.FleetCapacity.instances(1),
  vpc,
  maxUserDuration: Duration.hours(1),
  disconnectTimeout: Duration.minutes(5),
  tags: { project: 'cdk-appstream', purpose: 'integ-deployable' },
});

new appstream.Stack(stack, 'Stack', {
  fleet,
  userSettings: [appstream.UserSetting.disable(appstream.UserAction.FILE_DOWNLOAD)],
  tags: { project: 'cdk-appstream', purpose: 'integ-deployable' },
});

const integ = new IntegTest(app, 'FleetDeployableInteg', { testCases: [stack] });

// What the deployment shows: the fleet CloudFormation started is RUNNING.
integ.assertions
  .awsApiCall('AppStream', 'describeFleets', { Names: [fleet.fleetName] })
  .expect(ExpectedResult.objectLike({ Fleets: [{ Name: fleet.fleetName, State: 'RUNNING' }] }))
  .waitForAssertions({ totalTimeout: Duration.minutes(30), interval: Duration.minutes(1) });
