import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { beforeEach, describe, expect, test } from 'vitest';
import { Fleet } from '../lib';

let app: App;
let stack: Stack;
let vpc: ec2.Vpc;

beforeEach(() => {
  app = new App();
  stack = new Stack(app, 'Stack', { env: { account: '123456789012', region: 'us-east-1' } });
  vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
});

describe('Fleet.fromFleetAttributes', () => {
  test('by name, with a role: grants add to the role', () => {
    const role = iam.Role.fromRoleArn(stack, 'Role', 'arn:aws:iam::123456789012:role/fleet-role');
    const f = Fleet.fromFleetAttributes(stack, 'F', { fleetName: 'far-fleet', role });
    expect(f.fleetName).toBe('far-fleet');
    expect(stack.resolve(f.fleetArn)).toEqual({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':appstream:us-east-1:123456789012:fleet/far-fleet']] });
    expect(f.grantPrincipal).toBe(role);
    const bucket = new s3.Bucket(stack, 'Bucket');
    bucket.grantRead(f);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', { Roles: ['fleet-role'] });
  });

  test('by ARN, with its security groups: connections open the network', () => {
    const sg = new ec2.SecurityGroup(stack, 'FleetSg', { vpc });
    const f = Fleet.fromFleetAttributes(stack, 'F', { fleetArn: 'arn:aws:appstream:eu-west-1:210987654321:fleet/other', securityGroups: [sg] });
    expect(f.fleetName).toBe('other');
    expect(f.env).toEqual({ account: '210987654321', region: 'eu-west-1' });
    const db = new ec2.SecurityGroup(stack, 'Db', { vpc });
    f.connections.allowTo(db, ec2.Port.tcp(5432));
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroupIngress', {
      IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^FleetSg'), 'GroupId'] },
    });
  });

  test('without a role, the principal is unknown: a grant adds nothing and warns', () => {
    const f = Fleet.fromFleetAttributes(stack, 'F', { fleetName: 'far-fleet' });
    expect(f.grantPrincipal).toBeInstanceOf(iam.UnknownPrincipal);
    const grant = iam.Grant.addToPrincipal({ grantee: f, actions: ['s3:GetObject'], resourceArns: ['arn:aws:s3:::installers/*'] });
    expect(grant.success).toBe(true);
    Template.fromStack(stack).resourceCountIs('AWS::IAM::Policy', 0);
    expect(Annotations.fromStack(stack).findWarning('/Stack/F', Match.stringLikeRegexp('s3:GetObject'))).toHaveLength(1);
  });

  test('fails connections without security groups, naming the way to give them', () => {
    const f = Fleet.fromFleetName(stack, 'F', 'far-fleet');
    expect(() => f.connections).toThrow("Fleet 'Stack/F': connections needs the fleet's security groups, which this import does not know. Import the fleet with Fleet.fromFleetAttributes() and give its securityGroups.");
    expect(f.grantPrincipal).toBeInstanceOf(iam.UnknownPrincipal);
  });

  test('fails neither a name nor an ARN, and both', () => {
    expect(() => Fleet.fromFleetAttributes(stack, 'A', {})).toThrow("Fleet.fromFleetAttributes() at 'Stack/A': give exactly one of fleetName and fleetArn (neither was given).");
    expect(() => Fleet.fromFleetAttributes(stack, 'B', { fleetName: 'x', fleetArn: 'arn:aws:appstream:us-east-1:123456789012:fleet/x' }))
      .toThrow('give exactly one of fleetName and fleetArn (both were given)');
    // Nulls from plain JavaScript count as absent: the ARN alone names the fleet.
    expect(Fleet.fromFleetAttributes(stack, 'C', { fleetName: null as any, fleetArn: 'arn:aws:appstream:us-east-1:123456789012:fleet/x' }).fleetName).toBe('x');
    expect(() => Fleet.fromFleetAttributes(stack, 'D', { fleetName: null as any, fleetArn: null as any }))
      .toThrow("Fleet.fromFleetAttributes() at 'Stack/D': give exactly one of fleetName and fleetArn (neither was given).");
  });
});
