/**
 * Integ snapshot: a domain-joined, multi-session fleet in a VPC that scales on utilization and on a
 * schedule, and the stack users reach it through (user settings, home folders and OneDrive, persistent
 * application settings). `npx projen integ` compares the synthesized template with the committed
 * snapshot (no AWS account needed); `npx projen integ:update` rewrites it after an intended change.
 */
import { IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as appstream from '../lib';

const app = new App();
const stack = new Stack(app, 'FleetStackIntegStack');

// No custom resource (and so no asset) to restrict the default security group: the snapshot stays plain JSON.
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1, restrictDefaultSecurityGroup: false });

const serviceAccount = new secretsmanager.Secret(stack, 'ServiceAccount', {
  description: 'AppStream service account for corp.example.com',
  generateSecretString: { secretStringTemplate: JSON.stringify({ username: 'svc-appstream' }), generateStringKey: 'password' },
});
const fleetOu = 'OU=Fleets,OU=Computers,DC=corp,DC=example,DC=com';
const directory = new appstream.DirectoryConfig(stack, 'Directory', {
  directoryName: 'corp.example.com',
  organizationalUnitDistinguishedNames: [fleetOu],
  serviceAccountCredentials: appstream.ServiceAccountCredentials.fromSecret(serviceAccount),
});

const fleet = new appstream.Fleet(stack, 'Fleet', {
  fleetName: 'integ-fleet',
  image: appstream.Image.fromName('AppStream-WinServer2022-06-17-2024'),
  instanceType: appstream.InstanceType.STANDARD_LARGE,
  fleetType: appstream.FleetType.ON_DEMAND,
  capacity: appstream.FleetCapacity.sessions({ desiredSessions: 4, maxSessionsPerInstance: 2 }),
  vpc,
  domainJoin: { directory, organizationalUnitDistinguishedName: fleetOu },
  maxUserDuration: Duration.hours(8),
  disconnectTimeout: Duration.minutes(15),
  idleDisconnectTimeout: Duration.minutes(10),
  streamView: appstream.StreamView.DESKTOP,
  tags: { project: 'cdk-appstream-integ' },
});

const scaling = fleet.autoScaleCapacity({ minCapacity: 2, maxCapacity: 20 });
scaling.scaleOnUtilization('Utilization', { targetUtilizationPercent: 75 });
scaling.scaleOnSchedule('Night', { schedule: appscaling.Schedule.cron({ hour: '20', minute: '0' }), minCapacity: 0, maxCapacity: 2 });

new appstream.Stack(stack, 'Stack', {
  stackName: 'integ-stack',
  fleet,
  userSettings: [
    appstream.UserSetting.enable(appstream.UserAction.CLIPBOARD_COPY_TO_LOCAL_DEVICE, { maximumLength: 1024 }),
    appstream.UserSetting.disable(appstream.UserAction.FILE_DOWNLOAD),
  ],
  storageConnectors: [appstream.StorageConnector.homeFolders(), appstream.StorageConnector.oneDrive(['corp.example.com'])],
  applicationSettings: { settingsGroup: 'integ' },
  tags: { project: 'cdk-appstream-integ' },
});

new IntegTest(app, 'FleetStackInteg', { testCases: [stack] });
