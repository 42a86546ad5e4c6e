/**
 * Integ snapshot: the Elastic path. An app block (CUSTOM packaging, with its setup script) and one
 * application in a bucket defined here (so each S3 location adds its bucket-policy statement), an
 * Elastic fleet in two zones that streams it with a session script, the stack users reach it through,
 * a user-pool user of that stack, and an entitlement for SAML users. `npx projen integ` compares the
 * synthesized template with the committed snapshot; `npx projen integ:update` rewrites it.
 */
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as appstream from '../lib';

const app = new App();
const stack = new Stack(app, 'ElasticFleetIntegStack');

const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1, restrictDefaultSecurityGroup: false });
const bucket = new s3.Bucket(stack, 'Apps', {
  enforceSSL: true,
  blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
  removalPolicy: RemovalPolicy.DESTROY,
});

const block = new appstream.AppBlock(stack, 'Notepad', {
  source: appstream.S3Location.fromBucket(bucket, 'apps/notepadpp.vhdx'),
  packaging: appstream.AppBlockPackaging.custom({
    setupScript: {
      script: appstream.S3Location.fromBucket(bucket, 'scripts/mount-notepadpp.ps1'),
      executablePath: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe',
      executableParameters: '-File C:\\AppStream\\AppBlocks\\Notepad\\mount-notepadpp.ps1',
      timeout: Duration.minutes(5),
    },
  }),
  displayName: 'Notepad++',
});

const notepad = new appstream.Application(stack, 'NotepadApp', {
  appBlock: block,
  launchPath: 'C:\\Program Files\\Notepad++\\notepad++.exe',
  icon: appstream.S3Location.fromBucket(bucket, 'icons/notepadpp.png'),
  platforms: [appstream.FleetPlatform.WINDOWS_SERVER_2019],
  instanceFamilies: [appstream.InstanceFamily.GENERAL_PURPOSE],
  displayName: 'Notepad++',
});

const fleet = new appstream.ElasticFleet(stack, 'Elastic', {
  fleetName: 'integ-elastic',
  platform: appstream.FleetPlatform.WINDOWS_SERVER_2019,
  instanceType: appstream.InstanceType.STANDARD_MEDIUM,
  maxConcurrentSessions: 10,
  vpc,
  sessionScript: appstream.S3Location.fromBucket(bucket, 'scripts/session.zip'),
  maxUserDuration: Duration.hours(8),
  idleDisconnectTimeout: Duration.minutes(10),
  tags: { project: 'cdk-appstream-integ' },
});
fleet.addApplication(notepad);

const appStack = new appstream.Stack(stack, 'Stack', { stackName: 'integ-elastic-stack', fleet });
appStack.addUser(new appstream.User(stack, 'Alice', { email: 'alice@example.com', firstName: 'Alice', sendWelcomeEmail: false }));
appStack.addEntitlement('Finance', {
  appVisibility: appstream.AppVisibility.ASSOCIATED,
  attributes: [appstream.EntitlementAttribute.of(appstream.SamlAttribute.DEPARTMENT, 'finance')],
}).addApplication(notepad);

new IntegTest(app, 'ElasticFleetInteg', { testCases: [stack] });
