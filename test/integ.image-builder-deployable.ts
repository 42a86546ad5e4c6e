/**
 * Integ snapshot of a stack that deploys as it is: an image builder in a new VPC, in a private subnet
 * whose traffic leaves through a NAT gateway, started from an AppStream public base image, with a
 * 250 GiB root volume, tags, and a role that administrators assume to stream the builder and to start
 * and stop it. `npx projen integ` compares the synthesized template with the committed snapshot (no
 * AWS account needed); `npx projen integ:update` rewrites it after an intended change.
 *
 * Nothing in it is fake or tied to one account: no domain, no certificate authority, no hard-coded
 * availability zone or account (the stack is environment-agnostic; the VPC takes the first two zones
 * of the region it lands in). `npx integ-runner --language typescript --update-on-failed --force
 * --parallel-regions us-east-1 integ.image-builder-deployable.ts` (without `--dry-run`, with credentials)
 * deploys it, asserts what the deployment shows (DescribeImageBuilders: the builder is RUNNING, which
 * it is some 10 to 20 minutes after AppStream creates it; the assertion polls for up to 40 minutes),
 * updates the snapshot, and destroys it; it deploys in a region
 * whose CloudFormation has `AWS::AppStream::ImageBuilder.RootVolumeConfig` (us-east-1 does; the
 * construct warns elsewhere), to an account that has AppStream's service role
 * `AmazonAppStreamServiceAccess` (the console creates it on first use).
 *
 * What it does and costs while deployed: AppStream starts the builder, a Windows instance
 * (stream.standard.medium) billed by the hour while it runs, and the NAT gateway is billed by the hour
 * and per GB; the VPC, subnets, security group and IAM role cost nothing. Stop the builder to stop its
 * hourly charge; `cdk destroy` deletes everything (the builder's removal policy is DESTROY).
 *
 * The image is the base image the README uses. AppStream retires old base images: if the deployment
 * says the image is not found, put a current name from
 * https://docs.aws.amazon.com/appstream2/latest/developerguide/base-image-version-history.html.
 */
import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Size, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Image, ImageBuilder, InstanceType } from '../lib';

const app = new App();
const stack = new Stack(app, 'ImageBuilderDeployableIntegStack');

// One NAT gateway: the builder's subnet reaches the internet through it. No custom resource (and so no
// asset) to restrict the default security group: the snapshot stays plain JSON.
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1, restrictDefaultSecurityGroup: false });

const builder = new ImageBuilder(stack, 'Builder', {
  description: 'Deployable integ test of cdk-appstream',
  image: Image.fromName('AppStream-WinServer2022-06-17-2024'),
  instanceType: InstanceType.STANDARD_MEDIUM,
  // No vpcSubnets: the builder takes the VPC's first private subnet with egress (one subnet, as AppStream asks).
  vpc,
  rootVolumeSize: Size.gibibytes(250),
  tags: { project: 'cdk-appstream', purpose: 'integ-deployable' },
});

// Administrators of this account assume this role to stream the builder and to start and stop it.
const admins = new iam.Role(stack, 'BuilderAdmins', {
  assumedBy: new iam.AccountRootPrincipal(),
  description: 'Streams, starts and stops the cdk-appstream integ image builder',
});
builder.grantCreateStreamingUrl(admins);
builder.grantStartStop(admins);

const integ = new IntegTest(app, 'ImageBuilderDeployableInteg', { testCases: [stack] });

// What the deployment shows: AppStream starts a builder it creates, and it is RUNNING once it has booted.
// (The assertion's Lambda functions and state machine are in the DeployAssert stack, not in the builder's.)
integ.assertions
  .awsApiCall('AppStream', 'describeImageBuilders', { Names: [builder.imageBuilderName] })
  .expect(ExpectedResult.objectLike({ ImageBuilders: [{ Name: builder.imageBuilderName, State: 'RUNNING' }] }))
  .waitForAssertions({ totalTimeout: Duration.minutes(40), interval: Duration.minutes(1) });
