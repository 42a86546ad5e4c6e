/**
 * Integ snapshot of an image pipeline that builds its images from a recipe (ImageSource.recipe), for
 * whoever has an account: each run defines an image builder in a private subnet from a base image
 * that contains the cdk-appstream image agent, hands it the recipe, waits for the agent's report, waits
 * for the image, deletes the builder, and reports to an SNS topic; a stopped On-Demand fleet follows the
 * pipeline. `npx projen integ` compares the synthesized template with the committed snapshot (no AWS
 * account needed); `npx projen integ:update` rewrites it after an intended change.
 *
 * To deploy it: first `cdk deploy` it with credentials (`npx integ-runner --language typescript
 * --update-on-failed --force --parallel-regions us-east-1 integ.image-recipe.ts`, without `--dry-run`),
 * so that the request bucket exists; make the base image once, with the agent's settings file naming
 * that bucket and the prefix `requests/` (README, "The one-time base image"); put its name in
 * BASE_IMAGE below and deploy again; then start a run: `aws stepfunctions start-execution
 * --state-machine-arn <the stack's state machine>` and watch it.
 *
 * What only that deployment proves, and the offline tests cannot: that the builder's role lets the
 * agent read its request and write its logs (and nothing broader is needed), that SendTaskSuccess,
 * SendTaskFailure and SendTaskHeartbeat are allowed on the state machine's ARN, that the private
 * subnet reaches S3, STS and Step Functions through the NAT gateway, that a task token fits the S3
 * object's 2 KB of user metadata, how S3 stores the body Step Functions writes (the agent takes JSON
 * text or a JSON string holding it), how long a builder takes to start and an image to be made, and the
 * names AWS gives the errors.
 *
 * What it costs while deployed: the state machine, bucket, parameter and topic cost nothing at rest; a
 * run bills the builder's instance hours while it runs (it is deleted at the end of every run), and
 * about 40 state transitions plus one per poll. The fleet is not started; the VPC's NAT gateway is
 * billed by the hour. `cdk destroy` deletes the stack's resources; the bucket and the images stay.
 */
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as appstream from '../lib';

/** An image of your account with the agent installed (replace before the second deployment). */
const BASE_IMAGE = 'MyAgentImage-WinServer2022';

const app = new App();
const stack = new Stack(app, 'ImageRecipeIntegStack');

// No custom resource (and so no asset) to restrict the default security group: the snapshot stays plain JSON.
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1, restrictDefaultSecurityGroup: false });
const topic = new sns.Topic(stack, 'ImageNews', { enforceSSL: true });

const recipe = appstream.ImageRecipe.windows({
  baseImage: appstream.Image.fromName(BASE_IMAGE),
  components: [
    // Inline, so that the snapshot has no asset; ImageComponent.fromAsset() takes an installer of the repository.
    appstream.ImageComponent.inline([
      'New-Item -ItemType Directory -Force -Path "C:\\Program Files\\IntegApp" | Out-Null',
      'Copy-Item "$env:WINDIR\\System32\\notepad.exe" "C:\\Program Files\\IntegApp\\integ-notepad.exe"',
    ].join('\n'), { name: 'install-integ-app', timeout: Duration.minutes(10) }),
  ],
  applications: [{
    name: 'IntegNotepad',
    absoluteAppPath: 'C:\\Program Files\\IntegApp\\integ-notepad.exe',
    displayName: 'Integ Notepad',
  }],
  imageTags: { project: 'cdk-appstream-integ' },
});

const pipeline = new appstream.ImagePipeline(stack, 'Pipeline', {
  source: appstream.ImageSource.recipe(recipe, {
    instanceType: appstream.InstanceType.STANDARD_MEDIUM,
    vpc,
    vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    buildTimeout: Duration.hours(2),
    heartbeatTimeout: Duration.minutes(10),
  }),
  imageNamePrefix: 'integ-recipe',
  imageDisplayName: 'Integ recipe',
  timeout: Duration.hours(3),
  notificationTopic: topic,
});

const fleet = new appstream.Fleet(stack, 'Fleet', {
  fleetName: 'integ-recipe-fleet',
  image: pipeline.latestImage,
  instanceType: appstream.InstanceType.STANDARD_MEDIUM,
  fleetType: appstream.FleetType.ON_DEMAND,
  capacity: appstream.FleetCapacity.instances(1),
  vpc,
  startFleet: false,
});
pipeline.addFleet(fleet);

new IntegTest(app, 'ImageRecipeInteg', { testCases: [stack] });
