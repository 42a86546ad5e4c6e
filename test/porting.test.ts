/**
 * The README's "Porting to the L2" examples, built here as they are written there, with assertions on
 * the templates they produce: rosetta only proves they compile, these prove they do what the README says.
 */
import * as cdk from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { beforeEach, describe, expect, test } from 'vitest';
import * as appstream from '../lib';

let app: cdk.App;
let stack: cdk.Stack;

beforeEach(() => {
  app = new cdk.App();
  stack = new cdk.Stack(app, 'Stack');
});

function imageBuilderProps(s: cdk.Stack = stack): Record<string, any> {
  const all = Object.values(Template.fromStack(s).findResources('AWS::AppStream::ImageBuilder'));
  expect(all).toHaveLength(1);
  return all[0].Properties;
}

describe('README: the L1 behind the L2', () => {
  test('node.defaultChild is the CfnImageBuilder, and addPropertyOverride reaches its template', () => {
    const builder = new appstream.ImageBuilder(stack, 'Builder', {
      image: appstream.Image.fromName('AppStream-WinServer2022-06-17-2024'),
      instanceType: appstream.InstanceType.STANDARD_MEDIUM,
    });
    const cfnBuilder = builder.node.defaultChild as cdk.aws_appstream.CfnImageBuilder;
    expect(cfnBuilder).toBeInstanceOf(cdk.aws_appstream.CfnImageBuilder);
    expect(cfnBuilder.node.id).toBe('Resource');
    cfnBuilder.addPropertyOverride('AppstreamAgentVersion', '10-23-2024');

    expect(imageBuilderProps().AppstreamAgentVersion).toBe('10-23-2024');
  });

  test('a role given by overriding IamRoleArn is not builder.role: a grant then defines a role that stays unattached', () => {
    const builder = new appstream.ImageBuilder(stack, 'Builder', {
      image: appstream.Image.fromName('AppStream-WinServer2022-06-17-2024'),
      instanceType: appstream.InstanceType.STANDARD_MEDIUM,
    });
    (builder.node.defaultChild as cdk.CfnResource).addPropertyOverride('IamRoleArn', 'arn:aws:iam::123456789012:role/mine');
    builder.grantPrincipal.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }));

    expect(imageBuilderProps().IamRoleArn).toBe('arn:aws:iam::123456789012:role/mine');
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::Role', 1); // the L2's, which the builder does not use
    template.hasResourceProperties('AWS::IAM::Policy', { Roles: [{ Ref: Match.stringLikeRegexp('^BuilderRole') }] });
  });

  test('requireImdsv2 renders DisableIMDSV1, which the L1 of the oldest supported aws-cdk-lib has no prop for', () => {
    new appstream.ImageBuilder(stack, 'Builder', {
      image: appstream.Image.fromName('AppStream-WinServer2022-06-17-2024'),
      instanceType: appstream.InstanceType.STANDARD_MEDIUM,
      requireImdsv2: true,
    });
    expect(imageBuilderProps().DisableIMDSV1).toBe(true);
  });

  test('every prop of the porting table lands on the CloudFormation property the table names', () => {
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, restrictDefaultSecurityGroup: false });
    const sg = new ec2.SecurityGroup(stack, 'Sg', { vpc });
    const role = new iam.Role(stack, 'Role', { assumedBy: new iam.ServicePrincipal('appstream.amazonaws.com') });
    new appstream.ImageBuilder(stack, 'Builder', {
      imageBuilderName: 'office-builder',
      image: appstream.Image.fromArn('arn:aws:appstream:us-east-1::image/AppStream-WinServer2022-06-17-2024'),
      instanceType: appstream.InstanceType.of('stream.standard.large'),
      description: 'Builds the Office image',
      displayName: 'Office builder',
      vpc,
      vpcSubnets: { subnets: [vpc.privateSubnets[0]] },
      securityGroups: [sg],
      role,
      enableDefaultInternetAccess: false,
      domainJoin: {
        directory: appstream.DirectoryConfig.fromDirectoryName(stack, 'Directory', 'corp.example.com'),
        organizationalUnitDistinguishedName: 'OU=AppStream,DC=corp,DC=example,DC=com',
      },
      agentVersion: appstream.AgentVersion.LATEST,
      tags: { team: 'desktops' },
      accessEndpoints: [appstream.AccessEndpoint.fromVpceId('vpce-0123456789abcdef0')],
      rootVolumeSize: cdk.Size.gibibytes(300),
      softwaresToInstall: ['Microsoft_Office_2021_LTSC_Professional_Plus_64Bit'],
      softwaresToUninstall: ['Microsoft_Visio_2021_LTSC_Professional_x64'],
      requireImdsv2: true,
    });

    const props = imageBuilderProps();
    expect(Object.keys(props).sort()).toEqual([
      'AccessEndpoints', 'AppstreamAgentVersion', 'Description', 'DisableIMDSV1', 'DisplayName', 'DomainJoinInfo',
      'EnableDefaultInternetAccess', 'IamRoleArn', 'ImageArn', 'InstanceType', 'Name', 'RootVolumeConfig',
      'SoftwaresToInstall', 'SoftwaresToUninstall', 'Tags', 'VpcConfig',
    ]);
    expect(props).toMatchObject({
      Name: 'office-builder',
      ImageArn: 'arn:aws:appstream:us-east-1::image/AppStream-WinServer2022-06-17-2024',
      InstanceType: 'stream.standard.large',
      Description: 'Builds the Office image',
      DisplayName: 'Office builder',
      VpcConfig: {
        SubnetIds: [stack.resolve(vpc.privateSubnets[0].subnetId)],
        SecurityGroupIds: [stack.resolve(sg.securityGroupId)],
      },
      IamRoleArn: stack.resolve(role.roleArn),
      EnableDefaultInternetAccess: false,
      DomainJoinInfo: { DirectoryName: 'corp.example.com', OrganizationalUnitDistinguishedName: 'OU=AppStream,DC=corp,DC=example,DC=com' },
      AppstreamAgentVersion: 'LATEST',
      Tags: [{ Key: 'team', Value: 'desktops' }],
      AccessEndpoints: [{ EndpointType: 'STREAMING', VpceId: 'vpce-0123456789abcdef0' }],
      RootVolumeConfig: { VolumeSizeInGb: 300 },
      SoftwaresToInstall: ['Microsoft_Office_2021_LTSC_Professional_Plus_64Bit'],
      SoftwaresToUninstall: ['Microsoft_Visio_2021_LTSC_Professional_x64'],
      DisableIMDSV1: true,
    });
  });

  test('removalPolicy sets the DeletionPolicy the L1 would take from cfnOptions', () => {
    new appstream.ImageBuilder(stack, 'Builder', {
      image: appstream.Image.fromName('AppStream-WinServer2022-06-17-2024'),
      instanceType: appstream.InstanceType.STANDARD_MEDIUM,
      removalPolicy: cdk.RemovalPolicy.RETAIN,
    });
    Template.fromStack(stack).hasResource('AWS::AppStream::ImageBuilder', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });
});

describe('README: a subnet and a security group known only by id', () => {
  test('Vpc.fromVpcAttributes, Subnet.fromSubnetAttributes and SecurityGroup.fromSecurityGroupId', () => {
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
      vpcId: 'vpc-0123456789abcdef0',
      availabilityZones: ['us-east-1a'],
    });
    const subnet = ec2.Subnet.fromSubnetAttributes(stack, 'Subnet', {
      subnetId: 'subnet-0123456789abcdef0',
      availabilityZone: 'us-east-1a',
    });
    const securityGroup = ec2.SecurityGroup.fromSecurityGroupId(stack, 'SecurityGroup', 'sg-0123456789abcdef0', {
      mutable: false,
    });

    new appstream.ImageBuilder(stack, 'Builder', {
      image: appstream.Image.fromName('AppStream-WinServer2022-06-17-2024'),
      instanceType: appstream.InstanceType.STANDARD_MEDIUM,
      vpc,
      vpcSubnets: { subnets: [subnet] },
      securityGroups: [securityGroup],
    });

    expect(imageBuilderProps().VpcConfig).toEqual({
      SubnetIds: ['subnet-0123456789abcdef0'],
      SecurityGroupIds: ['sg-0123456789abcdef0'],
    });
    // Nothing is defined for the imported network: no security group, no rules.
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::EC2::SecurityGroup', 0);
    template.resourceCountIs('AWS::EC2::SecurityGroupIngress', 0);
  });

  test('Subnet.fromSubnetId, without an availability zone, is enough for an image builder', () => {
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', { vpcId: 'vpc-0123456789abcdef0', availabilityZones: ['us-east-1a'] });
    new appstream.ImageBuilder(stack, 'Builder', {
      image: appstream.Image.fromName('AppStream-WinServer2022-06-17-2024'),
      instanceType: appstream.InstanceType.STANDARD_MEDIUM,
      vpc,
      vpcSubnets: { subnets: [ec2.Subnet.fromSubnetId(stack, 'Subnet', 'subnet-0123456789abcdef0')] },
    });
    const vpcConfig = imageBuilderProps().VpcConfig;
    expect(vpcConfig.SubnetIds).toEqual(['subnet-0123456789abcdef0']);
    // Without securityGroups, the builder defines its own group in the imported VPC.
    expect(vpcConfig.SecurityGroupIds).toEqual([{ 'Fn::GetAtt': [expect.stringMatching(/^BuilderSecurityGroup/), 'GroupId'] }]);
    Template.fromStack(stack).hasResourceProperties('AWS::EC2::SecurityGroup', { VpcId: 'vpc-0123456789abcdef0' });
  });

  test('Vpc.fromLookup works the same way (before the lookup, with its dummy VPC)', () => {
    const envStack = new cdk.Stack(app, 'EnvStack', { env: { account: '123456789012', region: 'us-east-1' } });
    const vpc = ec2.Vpc.fromLookup(envStack, 'Vpc', { vpcId: 'vpc-0123456789abcdef0' });
    new appstream.ImageBuilder(envStack, 'Builder', {
      image: appstream.Image.fromName('AppStream-WinServer2022-06-17-2024'),
      instanceType: appstream.InstanceType.STANDARD_MEDIUM,
      vpc,
      vpcSubnets: { subnets: [ec2.Subnet.fromSubnetId(envStack, 'Subnet', 'subnet-0123456789abcdef0')] },
      securityGroups: [ec2.SecurityGroup.fromSecurityGroupId(envStack, 'SecurityGroup', 'sg-0123456789abcdef0')],
    });
    expect(imageBuilderProps(envStack).VpcConfig).toEqual({
      SubnetIds: ['subnet-0123456789abcdef0'],
      SecurityGroupIds: ['sg-0123456789abcdef0'],
    });
  });
});

describe('README: leaving security groups out', () => {
  const vpcProps: ec2.VpcProps = { maxAzs: 1, restrictDefaultSecurityGroup: false };

  test('by default, a builder in a VPC gets one new security group: no inbound rules, all outbound', () => {
    const vpc = new ec2.Vpc(stack, 'Vpc', vpcProps);
    const builder = new appstream.ImageBuilder(stack, 'Builder', {
      image: appstream.Image.fromName('AppStream-WinServer2022-06-17-2024'),
      instanceType: appstream.InstanceType.STANDARD_MEDIUM,
      vpc,
    });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::EC2::SecurityGroup', 1);
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: Match.absent(),
      SecurityGroupEgress: [{ CidrIp: '0.0.0.0/0', IpProtocol: '-1' }],
    });
    expect(builder.connections.securityGroups).toHaveLength(1);
  });

  test('securityGroups: [] defines no group and renders an empty SecurityGroupIds', () => {
    const vpc = new ec2.Vpc(stack, 'Vpc', vpcProps);
    const builder = new appstream.ImageBuilder(stack, 'Builder', {
      image: appstream.Image.fromName('AppStream-WinServer2022-06-17-2024'),
      instanceType: appstream.InstanceType.STANDARD_MEDIUM,
      vpc,
      securityGroups: [],
    });
    Template.fromStack(stack).resourceCountIs('AWS::EC2::SecurityGroup', 0);
    expect(imageBuilderProps().VpcConfig).toEqual({
      SubnetIds: [stack.resolve(vpc.privateSubnets[0].subnetId)],
      SecurityGroupIds: [],
    });
    expect(builder.connections.securityGroups).toEqual([]);
  });

  test('the escape hatch removes SecurityGroupIds from VpcConfig and keeps the subnet', () => {
    const vpc = new ec2.Vpc(stack, 'Vpc', vpcProps);
    const builder = new appstream.ImageBuilder(stack, 'Builder', {
      image: appstream.Image.fromName('AppStream-WinServer2022-06-17-2024'),
      instanceType: appstream.InstanceType.STANDARD_MEDIUM,
      vpc,
      securityGroups: [],
    });
    const cfnBuilder = builder.node.defaultChild as cdk.aws_appstream.CfnImageBuilder;
    cfnBuilder.addPropertyDeletionOverride('VpcConfig.SecurityGroupIds');

    const vpcConfig = imageBuilderProps().VpcConfig;
    expect(vpcConfig).toEqual({ SubnetIds: [stack.resolve(vpc.privateSubnets[0].subnetId)] });
    expect(vpcConfig).not.toHaveProperty('SecurityGroupIds');
    Template.fromStack(stack).resourceCountIs('AWS::EC2::SecurityGroup', 0);
  });

  test('the escape hatch alone leaves the unused default security group in the template', () => {
    const vpc = new ec2.Vpc(stack, 'Vpc', vpcProps);
    const builder = new appstream.ImageBuilder(stack, 'Builder', {
      image: appstream.Image.fromName('AppStream-WinServer2022-06-17-2024'),
      instanceType: appstream.InstanceType.STANDARD_MEDIUM,
      vpc,
    });
    (builder.node.defaultChild as cdk.CfnResource).addPropertyDeletionOverride('VpcConfig.SecurityGroupIds');

    expect(imageBuilderProps().VpcConfig).not.toHaveProperty('SecurityGroupIds');
    Template.fromStack(stack).resourceCountIs('AWS::EC2::SecurityGroup', 1);
  });
});

describe('README: a CloudFormation condition', () => {
  function conditionedBuilder(): { builder: appstream.ImageBuilder; condition: cdk.CfnCondition } {
    const withBuilder = new cdk.CfnParameter(stack, 'WithBuilder', { allowedValues: ['true', 'false'], default: 'false' });
    const condition = new cdk.CfnCondition(stack, 'BuilderWanted', {
      expression: cdk.Fn.conditionEquals(withBuilder.valueAsString, 'true'),
    });
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, restrictDefaultSecurityGroup: false });
    const builder = new appstream.ImageBuilder(stack, 'Builder', {
      image: appstream.Image.fromName('AppStream-WinServer2022-06-17-2024'),
      instanceType: appstream.InstanceType.STANDARD_MEDIUM,
      vpc,
    });
    return { builder, condition };
  }

  test('cfnOptions.condition on the default child puts the condition on the image builder only', () => {
    const { builder, condition } = conditionedBuilder();
    (builder.node.defaultChild as cdk.CfnResource).cfnOptions.condition = condition;

    const template = Template.fromStack(stack);
    template.hasResource('AWS::AppStream::ImageBuilder', { Condition: 'BuilderWanted' });
    template.hasResource('AWS::EC2::SecurityGroup', { Condition: Match.absent() });
    template.hasCondition('BuilderWanted', { 'Fn::Equals': [{ Ref: 'WithBuilder' }, 'true'] });
  });

  test('a loop over node.findAll() puts it on every resource the builder defines', () => {
    const { builder, condition } = conditionedBuilder();
    builder.grantPrincipal; // the role, defined on first use, is one of them
    for (const child of builder.node.findAll()) {
      if (child instanceof cdk.CfnResource) {
        child.cfnOptions.condition = condition;
      }
    }

    const template = Template.fromStack(stack);
    for (const type of ['AWS::AppStream::ImageBuilder', 'AWS::EC2::SecurityGroup', 'AWS::IAM::Role']) {
      template.resourceCountIs(type, 1);
      template.hasResource(type, { Condition: 'BuilderWanted' });
    }
    // The VPC is not the builder's: it stays unconditional.
    template.hasResource('AWS::EC2::VPC', { Condition: Match.absent() });
  });
});

describe('README: from Terraform', () => {
  test('the aws_appstream_image_builder example renders the same arguments', () => {
    const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', { vpcId: 'vpc-0123456789abcdef0', availabilityZones: ['us-east-1a'] });

    new appstream.ImageBuilder(stack, 'OfficeBuilder', {
      imageBuilderName: 'office-builder',
      instanceType: appstream.InstanceType.STANDARD_MEDIUM,
      image: appstream.Image.fromName('AppStream-WinServer2022-06-17-2024'),
      description: 'Builds the Office image',
      displayName: 'Office builder',
      role: iam.Role.fromRoleArn(stack, 'BuilderRole', 'arn:aws:iam::123456789012:role/appstream-builder'),
      enableDefaultInternetAccess: false,
      agentVersion: appstream.AgentVersion.LATEST,
      vpc,
      vpcSubnets: { subnets: [ec2.Subnet.fromSubnetId(stack, 'PrivateA', 'subnet-0123456789abcdef0')] },
      securityGroups: [ec2.SecurityGroup.fromSecurityGroupId(stack, 'BuilderSg', 'sg-0123456789abcdef0')],
      domainJoin: {
        directory: appstream.DirectoryConfig.fromDirectoryName(stack, 'Corp', 'corp.example.com'),
        organizationalUnitDistinguishedName: 'OU=AppStream,DC=corp,DC=example,DC=com',
      },
      accessEndpoints: [appstream.AccessEndpoint.fromVpceId('vpce-0123456789abcdef0')],
      tags: { team: 'desktops' },
    });

    expect(imageBuilderProps()).toEqual({
      Name: 'office-builder',
      InstanceType: 'stream.standard.medium',
      ImageName: 'AppStream-WinServer2022-06-17-2024',
      Description: 'Builds the Office image',
      DisplayName: 'Office builder',
      IamRoleArn: 'arn:aws:iam::123456789012:role/appstream-builder',
      EnableDefaultInternetAccess: false,
      AppstreamAgentVersion: 'LATEST',
      VpcConfig: { SubnetIds: ['subnet-0123456789abcdef0'], SecurityGroupIds: ['sg-0123456789abcdef0'] },
      DomainJoinInfo: { DirectoryName: 'corp.example.com', OrganizationalUnitDistinguishedName: 'OU=AppStream,DC=corp,DC=example,DC=com' },
      AccessEndpoints: [{ EndpointType: 'STREAMING', VpceId: 'vpce-0123456789abcdef0' }],
      Tags: [{ Key: 'team', Value: 'desktops' }],
    });
    // Nothing else: no role, no security group, no policy of the library's own.
    const template = Template.fromStack(stack);
    for (const type of ['AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::EC2::SecurityGroup']) {
      template.resourceCountIs(type, 0);
    }
    // The one warning is aws-cdk-lib's, for a subnet imported without its route table; none is the library's.
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map((w) => String(w.entry.data));
    expect(warnings).toEqual([expect.stringContaining('[ack: @aws-cdk/aws-ec2:noSubnetRouteTableId]')]);
  });
});
