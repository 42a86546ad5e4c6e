/**
 * The example app: an image builder in its own VPC, reachable by administrators who may open a
 * streaming session to it; a fleet that streams the image made on it (by name), with the scaling AppStream
 * recommends and an alarm when users are refused a session, and the stack users reach it through; and a
 * role for the portal that may create streaming URLs for them.
 *
 * `npm run example` synthesizes it into examples/cdk.out and prints where the template is and which
 * AppStream resources it holds. Deploy it yourself with `npx cdk deploy --app "npx ts-node examples/app.ts"`.
 */
import * as path from 'path';
import { App, Duration, Size, Stack, StackProps } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import * as appstream from '../lib';
import { AgentVersion, Image, ImageBuilder, InstanceType } from '../lib';

/** A stack with one image builder in a private subnet and a role for the administrators who use it. */
export class ImageBuilderExampleStack extends Stack {
  public readonly vpc: ec2.Vpc;
  public readonly builder: ImageBuilder;
  public readonly fleet: appstream.Fleet;
  public readonly appStack: appstream.Stack;
  public readonly capacityAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);

    const vpc = new ec2.Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 1,
      // Record the builder's network traffic (cdk-nag AwsSolutions-VPC7).
      flowLogs: { all: { trafficType: ec2.FlowLogTrafficType.ALL } },
    });
    this.vpc = vpc;

    this.builder = new ImageBuilder(this, 'Builder', {
      imageBuilderName: 'example-image-builder',
      displayName: 'Example image builder',
      image: Image.fromName('AppStream-WinServer2022-06-17-2024'),
      instanceType: InstanceType.STANDARD_MEDIUM,
      vpc,
      vpcSubnets: { subnets: [vpc.privateSubnets[0]] },
      agentVersion: AgentVersion.LATEST,
      rootVolumeSize: Size.gibibytes(250),
      tags: { project: 'cdk-appstream-example' },
    });

    const admins = new iam.Role(this, 'ImageAdmins', {
      assumedBy: new iam.AccountRootPrincipal(),
      description: 'Administrators who install applications on the example image builder',
    });
    this.builder.grantCreateStreamingUrl(admins);
    this.builder.grantStartStop(admins);

    // The image the administrators create on the builder, streamed by an On-Demand fleet in the same
    // private subnets (the image name is the one given when creating it on the builder).
    this.fleet = new appstream.Fleet(this, 'Fleet', {
      fleetName: 'example-fleet',
      image: appstream.Image.fromName('example-image-2026-11-30'),
      instanceType: appstream.InstanceType.STANDARD_MEDIUM,
      capacity: appstream.FleetCapacity.instances(2),
      vpc,
      maxUserDuration: Duration.hours(8),
      disconnectTimeout: Duration.minutes(15),
      idleDisconnectTimeout: Duration.minutes(10),
      tags: { project: 'cdk-appstream-example' },
    });
    // The scaling AppStream recommends: out when users are refused a session or the fleet is busy, in
    // when it is idle.
    this.fleet.autoScaleCapacity({ minCapacity: 1, maxCapacity: 10 }).scaleOnDemand('Demand');
    // Know when users could not get a session (add an action, such as an SNS topic, to be told).
    this.capacityAlarm = this.fleet.metricInsufficientCapacityError().createAlarm(this, 'InsufficientCapacity', {
      alarmDescription: 'Users of example-fleet were refused a streaming session for lack of capacity',
      threshold: 0,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });

    this.appStack = new appstream.Stack(this, 'Stack', {
      stackName: 'example-stack',
      fleet: this.fleet,
      userSettings: [
        appstream.UserSetting.enable(appstream.UserAction.CLIPBOARD_COPY_TO_LOCAL_DEVICE, { maximumLength: 1024 }),
        appstream.UserSetting.disable(appstream.UserAction.FILE_DOWNLOAD),
      ],
      storageConnectors: [appstream.StorageConnector.homeFolders()],
      tags: { project: 'cdk-appstream-example' },
    });

    // The portal that signs users in and hands them a streaming URL.
    const portal = new iam.Role(this, 'StreamingPortal', {
      assumedBy: new iam.AccountRootPrincipal(),
      description: 'The portal that creates streaming URLs for users of the example stack',
    });
    this.appStack.grantCreateStreamingUrl(portal);
  }
}

/**
 * A stack whose fleet follows an image pipeline: on the first of each month AWS patches the latest
 * image (managed image updates), the pipeline records it, rolls it out to the fleet, keeps the last
 * three images it made and tells the topic.
 */
export class ImagePipelineExampleStack extends Stack {
  public readonly pipeline: appstream.ImagePipeline;
  public readonly fleet: appstream.Fleet;

  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const vpc = new ec2.Vpc(this, 'Vpc', {
      maxAzs: 2,
      natGateways: 1,
      flowLogs: { all: { trafficType: ec2.FlowLogTrafficType.ALL } },
    });
    const topic = new sns.Topic(this, 'ImageNews', { enforceSSL: true });
    this.pipeline = new appstream.ImagePipeline(this, 'Pipeline', {
      source: appstream.ImageSource.managedUpdates(Image.fromName('example-image-2026-11-30')),
      imageNamePrefix: 'example-image',
      imageDisplayName: 'Example image',
      imageTags: { project: 'cdk-appstream-example' },
      schedule: events.Schedule.cron({ day: '1', hour: '3', minute: '0' }),
      keepImages: 3,
      timeout: Duration.hours(8),
      notificationTopic: topic,
    });
    this.fleet = new appstream.Fleet(this, 'Fleet', {
      fleetName: 'example-patched-fleet',
      image: this.pipeline.latestImage,
      instanceType: appstream.InstanceType.STANDARD_MEDIUM,
      fleetType: appstream.FleetType.ON_DEMAND,
      capacity: appstream.FleetCapacity.instances(1),
      vpc,
    });
    this.pipeline.addFleet(this.fleet);
  }
}

if (require.main === module) {
  const outdir = path.join(__dirname, 'cdk.out');
  const app = new App({ outdir });
  new ImageBuilderExampleStack(app, 'AppStreamExample', { env: { account: '111111111111', region: 'us-east-1' } });
  new ImagePipelineExampleStack(app, 'AppStreamPipelineExample', { env: { account: '111111111111', region: 'us-east-1' } });

  const assembly = app.synth();
  for (const artifact of assembly.stacks) {
    const templatePath = path.join(assembly.directory, artifact.templateFile);
    const resources = Object.entries<{ Type: string }>(artifact.template.Resources ?? {});
    const appstreamResources = resources.filter(([, r]) => r.Type.startsWith('AWS::AppStream::'));
    console.log(`Stack ${artifact.stackName}: template written to ${path.relative(process.cwd(), templatePath)}`);
    console.log(`  ${resources.length} resources, ${appstreamResources.length} AppStream:`);
    for (const [logicalId, r] of appstreamResources) {
      console.log(`  - ${logicalId} (${r.Type})`);
    }
  }
}
