import { App, Size, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { AwsSolutionsChecks } from 'cdk-nag';
import { describe, expect, test } from 'vitest';
import { ImageBuilderExampleStack } from '../../examples/app';
import { AccessEndpoint, AgentVersion, DirectoryConfig, Fleet, FleetCapacity, Image, ImageBuilder, InstanceType, Stack as AppStreamStack, StorageConnector } from '../../lib';

/** The AwsSolutions findings of a stack, as `rule: logical ids` lines (empty when clean). */
function findings(app: App, stack: Stack): string[] {
  const report = new AwsSolutionsChecks(app).validateScope(stack);
  return report.violations.map((v) => `${v.ruleName}: ${v.violatingResources.map((r) => r.resourceLogicalId).join(', ')}`);
}

describe('cdk-nag AwsSolutions', () => {
  test('the example stack has no findings', () => {
    const app = new App();
    const stack = new ImageBuilderExampleStack(app, 'Example', { env: { account: '111111111111', region: 'us-east-1' } });
    expect(findings(app, stack)).toEqual([]);
  });

  test('an image builder with every feature on adds no findings of its own', () => {
    const app = new App();
    const stack = new Stack(app, 'Full', { env: { account: '111111111111', region: 'eu-west-2' } });
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, flowLogs: { all: {} } });
    new ImageBuilder(stack, 'Builder', {
      image: Image.fromName('AppStream-WinServer2022-06-17-2024'),
      instanceType: InstanceType.STANDARD_MEDIUM,
      vpc,
      domainJoin: { directory: DirectoryConfig.fromDirectoryName(stack, 'Dir', 'corp.example.com') },
      agentVersion: AgentVersion.LATEST,
      accessEndpoints: [AccessEndpoint.fromVpceId('vpce-0123456789abcdef0')],
      rootVolumeSize: Size.gibibytes(300),
      requireImdsv2: true,
      tags: { team: 'desktops' },
    });
    expect(findings(app, stack)).toEqual([]);
  });

  test('a fleet and a stack with every feature on add no findings of their own', () => {
    const app = new App();
    const stack = new Stack(app, 'FleetFull', { env: { account: '111111111111', region: 'eu-west-2' } });
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, flowLogs: { all: {} } });
    const fleet = new Fleet(stack, 'Fleet', {
      image: Image.fromName('MyImage'),
      instanceType: InstanceType.STANDARD_MEDIUM,
      capacity: FleetCapacity.sessions({ desiredSessions: 4, maxSessionsPerInstance: 2 }),
      vpc,
      domainJoin: { directory: DirectoryConfig.fromDirectoryName(stack, 'Dir', 'corp.example.com') },
      rootVolumeSize: Size.gibibytes(300),
      requireImdsv2: true,
    });
    fleet.autoScaleCapacity({ maxCapacity: 10 }).scaleOnUtilization('Utilization', { targetUtilizationPercent: 75 });
    new AppStreamStack(stack, 'Stack', {
      fleet,
      storageConnectors: [StorageConnector.homeFolders()],
      accessEndpoints: [AccessEndpoint.fromVpceId('vpce-0123456789abcdef0')],
      applicationSettings: {},
    });
    expect(findings(app, stack)).toEqual([]);
  });

  test('the check can fail: a VPC without flow logs is a finding', () => {
    const app = new App();
    const stack = new Stack(app, 'Bare');
    new ec2.Vpc(stack, 'Vpc', { maxAzs: 1 });
    expect(findings(app, stack)).toEqual([expect.stringMatching(/^AwsSolutions-VPC7/)]);
  });
});
