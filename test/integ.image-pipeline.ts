/**
 * Integ snapshot of an image pipeline that deploys as it is, for whoever has an account: managed image
 * updates of an image of yours, each new image shared with nobody, copied to us-west-2 and re-tagged
 * there (by the pipeline's Lambda function), kept three deep, rolled out to a stopped On-Demand fleet
 * that follows the pipeline, and reported to an SNS topic. `npx projen integ`
 * compares the synthesized template with the committed snapshot (no AWS account needed); `npx projen
 * integ:update` rewrites it after an intended change.
 *
 * To deploy it: `npx integ-runner --language typescript --update-on-failed --force --parallel-regions
 * us-east-1 integ.image-pipeline.ts` (without `--dry-run`, with credentials), after putting the name of
 * a private AppStream image of your account in SOURCE_IMAGE below (AppStream must be able to update it:
 * yours, from a base image published on or after 2017-07-24). Then start a run:
 * `aws stepfunctions start-execution --state-machine-arn <the stack's state machine>` and watch it.
 *
 * What only that deployment proves, and the offline tests cannot: that CloudFormation resolves the
 * fleet's `{{resolve:ssm:…}}` image name to the parameter the same stack creates; that the role's
 * policy lets every call through (and nothing broader is needed); that CreateUpdatedImage's dry run,
 * the polling and the UpdateFleet roll-out behave as the fake models them; that the copy in us-west-2
 * can be tagged right after CopyImage returns (or within the task's retries) and carries the image's
 * tags afterwards (`aws appstream list-tags-for-resource --region us-west-2`); how long a managed
 * update takes; and the names AWS gives the errors the pipeline retries.
 *
 * What it costs while deployed: the state machine, the function, the parameter, the topic and the
 * schedule cost nothing at rest; a run is about 22 state transitions plus 4 per poll and about 20 for
 * retention (see bench/RESULTS.md), one invocation of the function, and
 * AppStream bills the managed update's builder while it runs. The fleet is not started (no instance
 * hours); the VPC's NAT gateway is billed by the hour; the copies in us-west-2 are stored images.
 * `cdk destroy` deletes the stack's resources (the re-tagging function's log group stays, as log
 * groups do); the images the pipeline made and their copies stay (delete them in the console).
 */
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as events from 'aws-cdk-lib/aws-events';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as appstream from '../lib';

/** A private image of your account to start from (replace before deploying). */
const SOURCE_IMAGE = 'MyImage-2026-11-30';

const app = new App();
const stack = new Stack(app, 'ImagePipelineIntegStack');

// No custom resource (and so no asset) to restrict the default security group: the snapshot stays plain JSON.
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1, restrictDefaultSecurityGroup: false });
const topic = new sns.Topic(stack, 'ImageNews', { enforceSSL: true });

const pipeline = new appstream.ImagePipeline(stack, 'Pipeline', {
  source: appstream.ImageSource.managedUpdates(appstream.Image.fromName(SOURCE_IMAGE)),
  imageNamePrefix: 'integ-pipeline',
  imageDisplayName: 'Integ pipeline',
  imageDescription: 'Made by the cdk-appstream image pipeline integ test',
  imageTags: { project: 'cdk-appstream-integ' },
  schedule: events.Schedule.cron({ day: '1', hour: '3', minute: '0' }),
  copyToRegions: ['us-west-2'],
  keepImages: 3,
  timeout: Duration.hours(6),
  notificationTopic: topic,
});

const fleet = new appstream.Fleet(stack, 'Fleet', {
  fleetName: 'integ-pipeline-fleet',
  image: pipeline.latestImage,
  instanceType: appstream.InstanceType.STANDARD_MEDIUM,
  fleetType: appstream.FleetType.ON_DEMAND,
  capacity: appstream.FleetCapacity.instances(1),
  vpc,
  startFleet: false,
});
pipeline.addFleet(fleet);

new IntegTest(app, 'ImagePipelineInteg', { testCases: [stack] });
