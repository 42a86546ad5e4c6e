/**
 * Names (lib/private/names.ts): generated names follow create-only properties, and names are unique per
 * CloudFormation resource type, not per construct class.
 */
import { App, Stack as CdkStack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { describe, expect, test } from 'vitest';
import { ElasticFleet, Fleet, FleetPlatform, FleetType, Image, InstanceType } from '../lib';

function fleetName(fleetType?: FleetType, id = 'Fleet'): string {
  const stack = new CdkStack(new App(), 'Stack');
  new Fleet(stack, id, { image: Image.fromName('MyImage'), instanceType: InstanceType.STANDARD_MEDIUM, fleetType });
  return Object.values(Template.fromStack(stack).findResources('AWS::AppStream::Fleet'))[0].Properties.Name;
}

describe('generated names and create-only properties', () => {
  test('a fleet\'s generated name changes with its fleet type (create-only), so the replacement gets a name of its own', () => {
    expect(fleetName(FleetType.ON_DEMAND)).not.toBe(fleetName(FleetType.ALWAYS_ON));
  });

  test('the default fleet type is ON_DEMAND, and the name says so: the same as when ON_DEMAND is given', () => {
    expect(fleetName()).toBe(fleetName(FleetType.ON_DEMAND));
  });
});

describe('names are unique per resource type', () => {
  function twoFleets(elasticName: string): void {
    const stack = new CdkStack(new App(), 'Stack', { env: { account: '123456789012', region: 'us-east-1' } });
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
    new Fleet(stack, 'Fleet', { fleetName: 'desktops', image: Image.fromName('MyImage'), instanceType: InstanceType.STANDARD_MEDIUM });
    new ElasticFleet(stack, 'Elastic', {
      fleetName: elasticName, platform: FleetPlatform.WINDOWS_SERVER_2019, instanceType: InstanceType.STANDARD_MEDIUM, maxConcurrentSessions: 2, vpc,
    });
  }

  test('fails for a Fleet and an ElasticFleet of one name: both are AWS::AppStream::Fleet', () => {
    expect(() => twoFleets('desktops')).toThrow("ElasticFleet 'Stack/Elastic': fleetName \"desktops\" is already used by 'Stack/Fleet' in the same account and region.");
  });

  test('a Fleet and an ElasticFleet of different names', () => {
    expect(() => twoFleets('elastic')).not.toThrow();
  });
});
