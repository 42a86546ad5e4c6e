/**
 * The reference app in TypeScript: the twin that test/languages/python, java and go write in their
 * own languages. `npm run test:languages` synthesizes all four and requires their templates to be the
 * same, byte for byte (test/languages/run.ts). Change this file and its three twins together.
 *
 * Four stacks, one function each:
 * - AppStreamRefNetwork: a VPC (two AZs, one NAT gateway) and an interface endpoint for AppStream streaming;
 * - AppStreamRefDirectory: a directory config whose service account comes from a Secrets Manager secret;
 * - AppStreamRefImageBuilder: an image builder in that VPC, joined to the domain, reached through the
 *   endpoint, tagged, with a role for the administrators who may stream, start and stop it;
 * - AppStreamRefFleetStack: a fleet of the image made on that builder, in the same VPC, scaled on
 *   utilization, and the AppStream stack users reach it through (user settings, home folders, the
 *   endpoint), with a role for the portal that creates users' streaming URLs.
 *
 * Run alone: `npx ts-node --project tsconfig.dev.json test/languages/typescript/app.ts OUTDIR`.
 */
import { App, Duration, Size, Stack, Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as appstream from '../../../lib';

/** Every stack's environment: concrete, so ARNs and AZs are known at synth. */
export const REFERENCE_ENV = { account: '123456789012', region: 'us-east-1' };

/**
 * The app's context: no stack traces in the assembly's metadata (as `cdk synth` does without
 * `--debug`), and the account's AZs as `cdk.context.json` would hold them after one lookup, so the
 * VPC needs no lookup and the assembly reports no missing context.
 */
export const REFERENCE_CONTEXT = {
  'aws:cdk:disable-stack-trace': true,
  'availability-zones:account=123456789012:region=us-east-1': ['us-east-1a', 'us-east-1b', 'us-east-1c'],
};

/** What the network stack gives the others. */
export interface ReferenceNetwork {
  readonly vpc: ec2.Vpc;
  readonly streamingEndpoint: ec2.InterfaceVpcEndpoint;
}

/** What the directory stack gives the others. */
export interface ReferenceDirectory {
  readonly directory: appstream.DirectoryConfig;
}

/** Options that only the tests use. */
export interface ReferenceOptions {
  /**
   * Add one tag that the twins in the other languages do not add, to show that the comparison fails
   * when this file changes without them (`CDK_APPSTREAM_TWIN_DRIFT=1 npm run test:languages`).
   */
  readonly drift?: boolean;
}

/** The app every language builds: analytics off, so no template names the language it came from. */
export function newReferenceApp(outdir?: string): App {
  return new App({ outdir, analyticsReporting: false, context: REFERENCE_CONTEXT });
}

export function defineNetwork(app: App): ReferenceNetwork {
  const stack = new Stack(app, 'AppStreamRefNetwork', { env: REFERENCE_ENV });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const streamingEndpoint = vpc.addInterfaceEndpoint('AppStreamStreaming', {
    service: new ec2.InterfaceVpcEndpointAwsService('appstream.streaming'),
  });
  return { vpc, streamingEndpoint };
}

export function defineDirectory(app: App): ReferenceDirectory {
  const stack = new Stack(app, 'AppStreamRefDirectory', { env: REFERENCE_ENV });
  const serviceAccount = secretsmanager.Secret.fromSecretNameV2(stack, 'ServiceAccount', 'appstream/service-account');
  const directory = new appstream.DirectoryConfig(stack, 'Directory', {
    directoryName: 'corp.example.com',
    organizationalUnitDistinguishedNames: ['OU=AppStream,DC=corp,DC=example,DC=com'],
    serviceAccountCredentials: appstream.ServiceAccountCredentials.fromSecret(serviceAccount),
  });
  return { directory };
}

export function defineImageBuilder(
  app: App, network: ReferenceNetwork, directory: ReferenceDirectory, options: ReferenceOptions = {},
): appstream.ImageBuilder {
  const stack = new Stack(app, 'AppStreamRefImageBuilder', { env: REFERENCE_ENV });
  const vpc = network.vpc;
  // [readme:typescript]
  const builder = new appstream.ImageBuilder(stack, 'Builder', {
    imageBuilderName: 'reference-builder',
    displayName: 'Reference image builder',
    image: appstream.Image.fromName('AppStream-WinServer2022-06-17-2024'),
    instanceType: appstream.InstanceType.STANDARD_MEDIUM,
    vpc,
    vpcSubnets: { subnets: [vpc.privateSubnets[0]] },
    domainJoin: {
      directory: directory.directory,
      organizationalUnitDistinguishedName: 'OU=AppStream,DC=corp,DC=example,DC=com',
    },
    accessEndpoints: [appstream.AccessEndpoint.fromVpcEndpoint(network.streamingEndpoint)],
    agentVersion: appstream.AgentVersion.LATEST,
    rootVolumeSize: Size.gibibytes(250),
    tags: { project: 'cdk-appstream-reference', team: 'desktops' },
  });

  const admins = new iam.Role(stack, 'ImageAdmins', { assumedBy: new iam.AccountRootPrincipal() });
  builder.grantCreateStreamingUrl(admins);
  builder.grantStartStop(admins);
  // [/readme:typescript]
  Tags.of(stack).add('environment', 'reference');
  if (options.drift) {
    Tags.of(stack).add('drift', 'typescript-only');
  }
  return builder;
}

export function defineFleetStack(app: App, network: ReferenceNetwork): appstream.Stack {
  const stack = new Stack(app, 'AppStreamRefFleetStack', { env: REFERENCE_ENV });
  const vpc = network.vpc;
  const fleet = new appstream.Fleet(stack, 'Fleet', {
    fleetName: 'reference-fleet',
    image: appstream.Image.fromName('Reference-Image-2026-11-30'),
    instanceType: appstream.InstanceType.STANDARD_MEDIUM,
    fleetType: appstream.FleetType.ON_DEMAND,
    capacity: appstream.FleetCapacity.instances(2),
    vpc,
    maxUserDuration: Duration.hours(8),
    disconnectTimeout: Duration.minutes(15),
    idleDisconnectTimeout: Duration.minutes(10),
    tags: { project: 'cdk-appstream-reference' },
  });
  fleet.autoScaleCapacity({ minCapacity: 1, maxCapacity: 10 }).scaleOnUtilization('Utilization', { targetUtilizationPercent: 75 });

  const appStack = new appstream.Stack(stack, 'Stack', {
    stackName: 'reference-stack',
    fleet,
    userSettings: [
      appstream.UserSetting.enable(appstream.UserAction.CLIPBOARD_COPY_TO_LOCAL_DEVICE, { maximumLength: 1024 }),
      appstream.UserSetting.disable(appstream.UserAction.FILE_DOWNLOAD),
    ],
    storageConnectors: [appstream.StorageConnector.homeFolders()],
    accessEndpoints: [appstream.AccessEndpoint.fromVpcEndpoint(network.streamingEndpoint)],
    applicationSettings: { settingsGroup: 'reference' },
  });

  const portal = new iam.Role(stack, 'Portal', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
  appStack.grantCreateStreamingUrl(portal);
  Tags.of(stack).add('environment', 'reference');
  return appStack;
}

/** The whole reference app: one function per stack. */
export function defineReference(app: App, options: ReferenceOptions = {}): void {
  const network = defineNetwork(app);
  const directory = defineDirectory(app);
  defineImageBuilder(app, network, directory, options);
  defineFleetStack(app, network);
}

/** One check that the other languages make too; run.ts reads the `@@check` lines. */
export interface Check {
  readonly name: 'error' | 'warning';
  readonly ok: boolean;
  readonly detail: string;
}

/** An invalid builder (two subnets) fails with our message, naming the path, the property and the rule. */
export function checkError(): Check {
  const app = newReferenceApp();
  const stack = new Stack(app, 'Checks', { env: REFERENCE_ENV });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  try {
    new appstream.ImageBuilder(stack, 'TwoSubnets', {
      image: appstream.Image.fromName('AppStream-WinServer2022-06-17-2024'),
      instanceType: appstream.InstanceType.STANDARD_MEDIUM,
      vpc,
      vpcSubnets: { subnets: [vpc.privateSubnets[0], vpc.privateSubnets[1]] },
    });
  } catch (e) {
    const message = `${(e as Error).name}: ${(e as Error).message}`;
    const missing = ["'Checks/TwoSubnets'", 'vpcSubnets', 'exactly 1 subnet'].filter((f) => !message.includes(f));
    return { name: 'error', ok: missing.length === 0, detail: missing.length === 0 ? message : `lacks ${missing.join(', ')}: ${message}` };
  }
  return { name: 'error', ok: false, detail: 'no exception for a selection of two subnets' };
}

/** An instance type the library does not list warns, and the warning reaches the assembly. */
export function checkWarning(outdir?: string): Check {
  const app = new App({ outdir, analyticsReporting: false });
  const stack = new Stack(app, 'Warnings', { env: REFERENCE_ENV });
  new appstream.ImageBuilder(stack, 'FutureType', {
    image: appstream.Image.fromName('AppStream-WinServer2022-06-17-2024'),
    instanceType: appstream.InstanceType.of('stream.standard.future'),
  });
  const messages = app.synth().getStackByName('Warnings').messages;
  const found = messages.find((m) => m.level === 'warning' && m.id === '/Warnings/FutureType'
    && String(m.entry.data).includes('cdk-appstream:imageBuilder:unknownInstanceType'));
  return found
    ? { name: 'warning', ok: true, detail: `${found.id}: ${found.entry.data}` }
    : { name: 'warning', ok: false, detail: `no unknownInstanceType warning among ${JSON.stringify(messages.map((m) => m.entry.data))}` };
}

if (require.main === module) {
  const outdir = process.argv[2] ?? 'test/languages/typescript/cdk.out';
  const app = newReferenceApp(outdir);
  defineReference(app, { drift: process.env.CDK_APPSTREAM_TWIN_DRIFT === '1' });
  const assembly = app.synth();
  console.log(`synthesized ${assembly.stacks.length} stacks into ${assembly.directory}`);
  const checks = [checkError(), checkWarning(process.argv[3])];
  for (const check of checks) {
    console.log(`@@check ${JSON.stringify(check)}`);
  }
  process.exitCode = checks.every((c) => c.ok) ? 0 : 1;
}
