import { App, Aws, CfnParameter, CfnResource, Lazy, RemovalPolicy, Size, Stack, Tags, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { beforeEach, describe, expect, test } from 'vitest';
import {
  AccessEndpoint,
  AccessEndpointType,
  AgentVersion,
  DirectoryConfig,
  Image,
  ImageBuilder,
  ImageBuilderProps,
  InstanceType,
} from '../lib';
import { unsupportedProperties } from '../lib/private/cfn-region-support';
import { CFN_REGIONS } from '../lib/private/cfn-region-support.generated';
import { ACCESS_ENDPOINT_TYPES, NAME, toRegExp } from '../lib/private/rules';

const IMAGE = Image.fromName('AppStream-WinServer2022-06-17-2024');
const TYPE = InstanceType.STANDARD_MEDIUM;

let app: App;
let stack: Stack;

beforeEach(() => {
  app = new App();
  stack = new Stack(app, 'Stack');
});

function builder(props: Partial<ImageBuilderProps> = {}, id = 'Builder'): ImageBuilder {
  return new ImageBuilder(stack, id, { image: IMAGE, instanceType: TYPE, ...props });
}

function builderProps(): Record<string, any> {
  const resources = Template.fromStack(stack).findResources('AWS::AppStream::ImageBuilder');
  const all = Object.values(resources);
  expect(all).toHaveLength(1);
  return all[0].Properties;
}

/** A string known only at deployment: a template parameter (a dangling Ref would fail cfn-lint). */
function param(name: string): string {
  return new CfnParameter(stack, name).valueAsString;
}

function vpcWith(subnetConfiguration?: ec2.SubnetConfiguration[], maxAzs = 2): ec2.Vpc {
  return new ec2.Vpc(stack, 'Vpc', { maxAzs, subnetConfiguration });
}

describe('defaults', () => {
  test('a minimal builder: image, instance type, generated name, no role, no VPC', () => {
    builder();
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::AppStream::ImageBuilder', 1);
    template.resourceCountIs('AWS::EC2::SecurityGroup', 0);
    template.resourceCountIs('AWS::IAM::Role', 0);
    const props = builderProps();
    expect(props).toEqual({
      Name: expect.stringMatching(toRegExp(NAME.pattern!)),
      ImageName: 'AppStream-WinServer2022-06-17-2024',
      InstanceType: 'stream.standard.medium',
    });
    template.resourceCountIs('AWS::IAM::Policy', 0);
    template.hasResource('AWS::AppStream::ImageBuilder', { DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' });
  });

  describe('the default role is defined on first use, once', () => {
    const TRUST = { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'appstream.amazonaws.com' } }] };
    const uses: Array<[string, (b: ImageBuilder) => void]> = [
      ['role', (b) => b.role],
      ['grantPrincipal', (b) => b.grantPrincipal],
      ['a grant to the builder', (b) => s3.Bucket.fromBucketName(b, `Bucket${b.node.children.length}`, 'installers').grantRead(b)],
      ['role.addManagedPolicy', (b) => b.role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonS3ReadOnlyAccess'))],
      ['grantPrincipal.addToPrincipalPolicy', (b) => b.grantPrincipal.addToPrincipalPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }))],
    ];
    test.each(uses)('%s defines one role that AppStream can assume, and sets IamRoleArn', (_what, use) => {
      const b = builder();
      use(b);
      use(b);
      expect(b.role).toBe(b.grantPrincipal);
      const template = Template.fromStack(stack);
      template.resourceCountIs('AWS::IAM::Role', 1);
      template.hasResourceProperties('AWS::IAM::Role', { AssumeRolePolicyDocument: TRUST, Description: 'Role of an AppStream image builder (appstream_machine_role)' });
      expect(builderProps().IamRoleArn).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^BuilderRole/), 'Arn'] });
    });
    test('a grant by the builder to others (streaming URL, start and stop) defines no role of its own', () => {
      const b = builder();
      const admins = new iam.Role(stack, 'Admins', { assumedBy: new iam.AccountRootPrincipal() });
      b.grantCreateStreamingUrl(admins);
      b.grantStartStop(admins);
      Template.fromStack(stack).resourceCountIs('AWS::IAM::Role', 1);
      expect(builderProps().IamRoleArn).toBeUndefined();
    });
  });

  test('generated names are unique per construct path and stable', () => {
    const a = builder({}, 'A');
    const b = builder({}, 'B');
    const names = [stack.resolve(a.imageBuilderName), stack.resolve(b.imageBuilderName)];
    const rendered = Object.values(Template.fromStack(stack).findResources('AWS::AppStream::ImageBuilder')).map((r) => r.Properties.Name);
    expect(new Set(rendered).size).toBe(2);
    expect(names[0]).toEqual({ Ref: expect.stringMatching(/^A/) });
  });

  test('a generated name satisfies the rule even when the construct id does not', () => {
    builder({}, '__odd id!');
    expect(builderProps().Name).toMatch(toRegExp(NAME.pattern!));
  });

  test('in a VPC: the first private subnet with egress and one new security group with no inbound rules', () => {
    const vpc = vpcWith();
    builder({ vpc });
    const template = Template.fromStack(stack);
    const first = stack.resolve(vpc.privateSubnets[0].subnetId);
    expect(builderProps().VpcConfig).toEqual({
      SubnetIds: [first],
      SecurityGroupIds: [{ 'Fn::GetAtt': [expect.stringMatching(/^BuilderSecurityGroup/), 'GroupId'] }],
    });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: Match.absent(),
      SecurityGroupEgress: [{ CidrIp: '0.0.0.0/0', IpProtocol: '-1' }],
    });
  });

  test('with internet access in a VPC: the first public subnet', () => {
    const vpc = vpcWith();
    builder({ vpc, enableDefaultInternetAccess: true });
    expect(builderProps().VpcConfig.SubnetIds).toEqual([stack.resolve(vpc.publicSubnets[0].subnetId)]);
    expect(builderProps().EnableDefaultInternetAccess).toBe(true);
  });
});

describe('every prop set', () => {
  test('renders every property', () => {
    const vpc = vpcWith();
    const sg = new ec2.SecurityGroup(stack, 'Sg', { vpc });
    const role = new iam.Role(stack, 'MyRole', { assumedBy: new iam.ServicePrincipal('appstream.amazonaws.com') });
    const directory = DirectoryConfig.fromDirectoryName(stack, 'Dir', 'corp.example.com');
    const b = builder({
      imageBuilderName: 'my-builder_1.0',
      displayName: 'My builder',
      description: 'Installs the apps',
      vpc,
      vpcSubnets: { subnets: [vpc.privateSubnets[1]] },
      securityGroups: [sg],
      role,
      enableDefaultInternetAccess: false,
      domainJoin: { directory, organizationalUnitDistinguishedName: 'OU=AppStream,DC=corp,DC=example,DC=com' },
      agentVersion: AgentVersion.LATEST,
      accessEndpoints: [AccessEndpoint.fromVpceId('vpce-0123456789abcdef0')],
      tags: { 'team': 'desktop', 'cost:center': '42' },
      rootVolumeSize: Size.gibibytes(300),
      softwaresToInstall: ['Microsoft_Office_2021_LTSC_Professional_Plus_64Bit'],
      softwaresToUninstall: ['Microsoft_Visio_2021_LTSC_Professional_64Bit'],
      requireImdsv2: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    expect(builderProps()).toEqual({
      Name: 'my-builder_1.0',
      DisplayName: 'My builder',
      Description: 'Installs the apps',
      ImageName: 'AppStream-WinServer2022-06-17-2024',
      InstanceType: 'stream.standard.medium',
      VpcConfig: {
        SubnetIds: [stack.resolve(vpc.privateSubnets[1].subnetId)],
        SecurityGroupIds: [stack.resolve(sg.securityGroupId)],
      },
      IamRoleArn: stack.resolve(role.roleArn),
      EnableDefaultInternetAccess: false,
      DomainJoinInfo: { DirectoryName: 'corp.example.com', OrganizationalUnitDistinguishedName: 'OU=AppStream,DC=corp,DC=example,DC=com' },
      AppstreamAgentVersion: 'LATEST',
      AccessEndpoints: [{ EndpointType: 'STREAMING', VpceId: 'vpce-0123456789abcdef0' }],
      Tags: [{ Key: 'cost:center', Value: '42' }, { Key: 'team', Value: 'desktop' }],
      RootVolumeConfig: { VolumeSizeInGb: 300 },
      SoftwaresToInstall: ['Microsoft_Office_2021_LTSC_Professional_Plus_64Bit'],
      SoftwaresToUninstall: ['Microsoft_Visio_2021_LTSC_Professional_64Bit'],
      DisableIMDSV1: true,
    });
    Template.fromStack(stack).hasResource('AWS::AppStream::ImageBuilder', { DeletionPolicy: 'Retain' });
    expect(b.role).toBe(role);
    expect(b.grantPrincipal).toBe(role);
    expect(b.connections.securityGroups).toEqual([sg]);
  });

  test('an image by ARN, an agent version and an endpoint from a VPC endpoint construct', () => {
    const vpc = vpcWith();
    const endpoint = vpc.addInterfaceEndpoint('Streaming', {
      service: new ec2.InterfaceVpcEndpointAwsService('appstream.streaming'),
    });
    builder({
      image: Image.fromArn('arn:aws:appstream:us-east-1::image/AppStream-WinServer2022-06-17-2024'),
      agentVersion: AgentVersion.of('10-23-2024'),
      vpc,
      accessEndpoints: [AccessEndpoint.fromVpcEndpoint(endpoint)],
    });
    const props = builderProps();
    expect(props.ImageArn).toBe('arn:aws:appstream:us-east-1::image/AppStream-WinServer2022-06-17-2024');
    expect(props.ImageName).toBeUndefined();
    expect(props.AppstreamAgentVersion).toBe('10-23-2024');
    expect(props.AccessEndpoints).toEqual([{ EndpointType: 'STREAMING', VpceId: stack.resolve(endpoint.vpcEndpointId) }]);
  });

  test('requireImdsv2: false, AppStream\'s default, writes nothing (so no region lacks it) and warns nowhere', () => {
    const env = new Stack(app, 'UsEast1', { env: { region: 'us-east-1' } });
    new ImageBuilder(env, 'Builder', { image: IMAGE, instanceType: TYPE, requireImdsv2: false });
    const props = Object.values(Template.fromStack(env).findResources('AWS::AppStream::ImageBuilder'))[0].Properties;
    expect(props).not.toHaveProperty('DisableIMDSV1');
    Annotations.fromStack(env).hasNoWarning('*', Match.anyValue());
  });
  test('empty software lists write nothing, so no warning even where the region lacks the property', () => {
    const region = CFN_REGIONS.find((r) => unsupportedProperties('AWS::AppStream::ImageBuilder', r, ['SoftwaresToInstall']).length > 0
      && unsupportedProperties('AWS::AppStream::ImageBuilder', r, ['Name']).length === 0)!;
    expect(region).toBeDefined();
    const env = new Stack(app, 'Lacking', { env: { region } });
    new ImageBuilder(env, 'Builder', { image: IMAGE, instanceType: TYPE, softwaresToInstall: [], softwaresToUninstall: [] });
    const props = Object.values(Template.fromStack(env).findResources('AWS::AppStream::ImageBuilder'))[0].Properties;
    expect(props).not.toHaveProperty('SoftwaresToInstall');
    expect(props).not.toHaveProperty('SoftwaresToUninstall');
    Annotations.fromStack(env).hasNoWarning('*', Match.anyValue());
  });
});

describe('attributes and imports', () => {
  test('name, ARN and streaming URL of a builder defined in the app', () => {
    const b = builder();
    expect(stack.resolve(b.imageBuilderName)).toEqual({ Ref: expect.stringMatching(/^Builder/) });
    expect(stack.resolve(b.imageBuilderRef.imageBuilderName)).toEqual(stack.resolve(b.imageBuilderName));
    expect(stack.resolve(b.streamingUrl)).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^Builder/), 'StreamingUrl'] });
    expect(stack.resolve(b.imageBuilderArn)).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':appstream:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':image-builder/', { Ref: expect.stringMatching(/^Builder/) }]],
    });
  });

  test('fromImageBuilderName builds the ARN with the stack environment', () => {
    const envStack = new Stack(app, 'Env', { env: { account: '123456789012', region: 'eu-west-2' } });
    const imported = ImageBuilder.fromImageBuilderName(envStack, 'Imported', 'legacy-builder');
    expect(imported.imageBuilderName).toBe('legacy-builder');
    expect(envStack.resolve(imported.imageBuilderArn)).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':appstream:eu-west-2:123456789012:image-builder/legacy-builder']],
    });
  });

  test('fromImageBuilderArn parses the name and the environment', () => {
    const arn = 'arn:aws:appstream:us-west-2:210987654321:image-builder/their-builder';
    const imported = ImageBuilder.fromImageBuilderArn(stack, 'Imported', arn);
    expect(imported.imageBuilderName).toBe('their-builder');
    expect(imported.imageBuilderArn).toBe(arn);
    expect(imported.env).toEqual({ account: '210987654321', region: 'us-west-2' });
  });

  test('imports take tokens', () => {
    const byName = ImageBuilder.fromImageBuilderName(stack, 'ByName', Lazy.string({ produce: () => 'late' }));
    expect(stack.resolve(byName.imageBuilderName)).toBe('late');
    const arn = Token.asString({ Ref: 'BuilderArnParam' });
    const byArn = ImageBuilder.fromImageBuilderArn(stack, 'ByArn', arn);
    expect(stack.resolve(byArn.imageBuilderName)).toEqual({
      'Fn::Select': [1, { 'Fn::Split': ['/', { 'Fn::Select': [5, { 'Fn::Split': [':', { Ref: 'BuilderArnParam' }] }] }] }],
    });
  });

  test('isImageBuilder tells builders from other constructs', () => {
    expect(ImageBuilder.isImageBuilder(builder())).toBe(true);
    expect(ImageBuilder.isImageBuilder(ImageBuilder.fromImageBuilderName(stack, 'I', 'x'))).toBe(false);
    expect(ImageBuilder.isImageBuilder(stack)).toBe(false);
    expect(ImageBuilder.isImageBuilder(undefined)).toBe(false);
  });
});

describe('grants', () => {
  function policyOf(): any[] {
    const policies = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy'));
    expect(policies).toHaveLength(1);
    return policies[0].Properties.PolicyDocument.Statement;
  }

  test('grantCreateStreamingUrl gives CreateImageBuilderStreamingURL on the builder ARN', () => {
    const b = builder();
    const user = new iam.User(stack, 'Admin');
    b.grantCreateStreamingUrl(user);
    expect(policyOf()).toEqual([{ Action: 'appstream:CreateImageBuilderStreamingURL', Effect: 'Allow', Resource: stack.resolve(b.imageBuilderArn) }]);
  });

  test('grantStartStop gives Start and StopImageBuilder on the builder ARN', () => {
    const b = builder();
    const user = new iam.User(stack, 'Admin');
    b.grantStartStop(user);
    expect(policyOf()).toEqual([{ Action: ['appstream:StartImageBuilder', 'appstream:StopImageBuilder'], Effect: 'Allow', Resource: stack.resolve(b.imageBuilderArn) }]);
  });

  test('grant on an imported builder gives the actions on its ARN', () => {
    const arn = 'arn:aws:appstream:us-east-1:123456789012:image-builder/x';
    const imported = ImageBuilder.fromImageBuilderArn(stack, 'I', arn);
    const role = new iam.Role(stack, 'Ops', { assumedBy: new iam.AccountRootPrincipal() });
    imported.grant(role, 'appstream:DescribeImageBuilders');
    expect(policyOf()).toEqual([{ Action: 'appstream:DescribeImageBuilders', Effect: 'Allow', Resource: arn }]);
  });

  test('the builder is a grantee: grants go to its role', () => {
    const b = builder();
    const other = builder({}, 'Other');
    other.grantStartStop(b);
    const policies = Template.fromStack(stack).findResources('AWS::IAM::Policy');
    expect(Object.values(policies)[0].Properties.Roles).toEqual([stack.resolve((b.role as iam.Role).roleName)]);
  });
});

describe('rules', () => {
  describe('imageBuilderName', () => {
    test.each(['a', 'A1', '9builder', 'my-builder_1.0', 'x'.repeat(101)])('accepts %s', (name) => {
      builder({ imageBuilderName: name });
      expect(builderProps().Name).toBe(name);
    });
    test.each(['bad name!', '-starts-with-dash', '_x', '.x', 'x'.repeat(102), ''])('fails %s', (name) => {
      expect(() => builder({ imageBuilderName: name })).toThrow(/ImageBuilder 'Stack\/Builder': imageBuilderName .* must be 1 to 101 characters/);
    });
    test('fails a name used twice in the same account and region', () => {
      builder({ imageBuilderName: 'twin' }, 'A');
      expect(() => builder({ imageBuilderName: 'twin' }, 'B')).toThrow(/ImageBuilder 'Stack\/B': imageBuilderName "twin" is already used by 'Stack\/A'/);
    });
    test('accepts the same name in another region', () => {
      const east = new Stack(app, 'East', { env: { account: '111111111111', region: 'us-east-1' } });
      const west = new Stack(app, 'West', { env: { account: '111111111111', region: 'us-west-2' } });
      new ImageBuilder(east, 'B', { image: IMAGE, instanceType: TYPE, imageBuilderName: 'twin' });
      new ImageBuilder(west, 'B', { image: IMAGE, instanceType: TYPE, imageBuilderName: 'twin' });
      expect(Template.fromStack(west).findResources('AWS::AppStream::ImageBuilder')).not.toEqual({});
    });
  });

  describe('displayName and description', () => {
    test('accept their maximum lengths', () => {
      builder({ displayName: 'd'.repeat(100), description: 'é'.repeat(256) });
      expect(builderProps().DisplayName).toHaveLength(100);
    });
    test('fails a display name of 101 characters', () => {
      expect(() => builder({ displayName: 'd'.repeat(101) })).toThrow(/displayName "d{80}…" \(101 characters\) must be at most 100 characters long \(it is 101\)\. Shorten it\./);
    });
    test('fails a description of 257 characters', () => {
      expect(() => builder({ description: 'd'.repeat(257) })).toThrow(/description .* must be at most 256 characters long \(it is 257\)/);
    });
  });

  describe('image', () => {
    test('accepts a public image ARN with an empty account and a private one with an account', () => {
      builder({ image: Image.fromArn('arn:aws-cn:appstream:cn-north-1::image/Base') }, 'A');
      builder({ image: Image.fromArn('arn:aws:appstream:eu-west-2:123456789012:image/Mine') }, 'B');
      expect(Template.fromStack(stack).findResources('AWS::AppStream::ImageBuilder')).not.toEqual({});
    });
    test('fails an ARN of another service', () => {
      expect(() => builder({ image: Image.fromArn('arn:aws:ec2:us-east-1:123456789012:image/ami-123') })).toThrow(
        /image \(Image.fromArn\) "arn:aws:ec2:.*" must be an AppStream image ARN.*Give an AppStream image ARN/,
      );
    });
    test('fails something that is not an ARN', () => {
      expect(() => builder({ image: Image.fromArn('AppStream-WinServer2022') })).toThrow(/image \(Image.fromArn\) "AppStream-WinServer2022" must be an ARN in an AWS partition/);
    });
    test('fails an empty image name', () => {
      expect(() => builder({ image: Image.fromName('') })).toThrow(/image \(Image.fromName\) "" must not be empty/);
    });
  });

  describe('instanceType', () => {
    test('a listed type adds no warning', () => {
      builder({ instanceType: InstanceType.GRAPHICS_G6_XLARGE });
      Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
    });
    test('an unlisted stream. type is used, with a warning', () => {
      builder({ instanceType: InstanceType.of('stream.standard.future') });
      expect(builderProps().InstanceType).toBe('stream.standard.future');
      Annotations.fromStack(stack).hasWarning('/Stack/Builder', Match.stringLikeRegexp("instanceType 'stream.standard.future' is not one of the image builder instance types.*\\[ack: cdk-appstream:imageBuilder:unknownInstanceType\\]"));
    });
  });

  describe('vpc and vpcSubnets', () => {
    test('an explicit selection of one subnet is used', () => {
      const vpc = vpcWith();
      builder({ vpc, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC, availabilityZones: [vpc.availabilityZones[1]] } });
      expect(builderProps().VpcConfig.SubnetIds).toEqual([stack.resolve(vpc.publicSubnets[1].subnetId)]);
    });
    test('an imported subnet is used', () => {
      const vpc = vpcWith();
      const subnet = ec2.Subnet.fromSubnetId(stack, 'Imported', 'subnet-0123456789abcdef0');
      builder({ vpc, vpcSubnets: { subnets: [subnet] } });
      expect(builderProps().VpcConfig.SubnetIds).toEqual(['subnet-0123456789abcdef0']);
    });
    test('a selection by type, group, zone or filter takes its first subnet, as ec2.Instance does', () => {
      const vpc = vpcWith();
      const first = stack.resolve(vpc.privateSubnets[0].subnetId);
      const selections: ec2.SubnetSelection[] = [
        { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
        { subnetGroupName: 'Private' },
        { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS, availabilityZones: vpc.availabilityZones },
        { subnetFilters: [ec2.SubnetFilter.byIds(vpc.privateSubnets.map((s) => s.subnetId))] },
      ];
      const builders = selections.map((vpcSubnets, i) => builder({ vpc, vpcSubnets }, `B${i}`));
      const resources = Template.fromStack(stack).toJSON().Resources;
      for (const b of builders) {
        expect(resources[stack.getLogicalId(b.node.defaultChild as CfnResource)].Properties.VpcConfig.SubnetIds).toEqual([first]);
      }
    });
    test('fails a selection that names two subnets, saying how to narrow it', () => {
      const vpc = vpcWith();
      expect(() => builder({ vpc, vpcSubnets: { subnets: vpc.privateSubnets } })).toThrow(
        /ImageBuilder 'Stack\/Builder': vpcSubnets must have exactly 1 subnet \(it has 2\)\. An image builder uses exactly one subnet: set vpcSubnets to a selection of one subnet/,
      );
    });
    test('fails a selection of no subnet', () => {
      const vpc = vpcWith();
      expect(() => builder({ vpc, vpcSubnets: { subnetGroupName: 'Nope' } })).toThrow(/vpcSubnets selects no subnet/);
    });
    test('fails a VPC with no private subnet with egress to default to', () => {
      const vpc = vpcWith([{ name: 'isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }]);
      expect(() => builder({ vpc })).toThrow(/ImageBuilder 'Stack\/Builder': vpc selects no subnet: .*Give vpcSubnets/);
    });
    test('fails vpcSubnets without a vpc', () => {
      expect(() => builder({ vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } })).toThrow(/vpcSubnets needs a vpc/);
    });
  });

  describe('enableDefaultInternetAccess', () => {
    test('accepts a public subnet and no VPC at all', () => {
      const vpc = vpcWith();
      builder({ vpc, enableDefaultInternetAccess: true, vpcSubnets: { subnets: [vpc.publicSubnets[0]] } }, 'A');
      builder({ enableDefaultInternetAccess: true }, 'B');
      expect(Object.keys(Template.fromStack(stack).findResources('AWS::AppStream::ImageBuilder'))).toHaveLength(2);
    });
    test('fails a private subnet', () => {
      const vpc = vpcWith();
      expect(() => builder({ vpc, enableDefaultInternetAccess: true, vpcSubnets: { subnets: [vpc.privateSubnets[0]] } })).toThrow(
        /enableDefaultInternetAccess true needs a public subnet, but the selected subnet 'Stack\/Vpc\/PrivateSubnet1' is private\. Select a public subnet/,
      );
    });
    test('fails an isolated subnet', () => {
      const vpc = vpcWith([
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC },
        { name: 'isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
      ]);
      const vpcSubnets = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED, availabilityZones: [vpc.availabilityZones[0]] };
      expect(() => builder({ vpc, enableDefaultInternetAccess: true, vpcSubnets })).toThrow(
        /is isolated/,
      );
    });
  });

  describe('securityGroups', () => {
    test('accepts 5', () => {
      const vpc = vpcWith();
      const groups = [1, 2, 3, 4, 5].map((i) => new ec2.SecurityGroup(stack, `Sg${i}`, { vpc }));
      builder({ vpc, securityGroups: groups });
      expect(builderProps().VpcConfig.SecurityGroupIds).toHaveLength(5);
    });
    test('fails 6', () => {
      const vpc = vpcWith();
      const groups = [1, 2, 3, 4, 5, 6].map((i) => new ec2.SecurityGroup(stack, `Sg${i}`, { vpc }));
      expect(() => builder({ vpc, securityGroups: groups })).toThrow(/ImageBuilder 'Stack\/Builder': securityGroups must have at most 5 security groups \(it has 6\)\. Give at most 5/);
    });
    test('fails security groups without a VPC', () => {
      const vpc = vpcWith();
      expect(() => builder({ securityGroups: [new ec2.SecurityGroup(stack, 'Sg', { vpc })] })).toThrow(/securityGroups need a vpc/);
    });
  });

  describe('role', () => {
    test('accepts a role that AppStream can assume among other principals', () => {
      const role = new iam.Role(stack, 'R', {
        assumedBy: new iam.CompositePrincipal(new iam.ServicePrincipal('ec2.amazonaws.com'), new iam.ServicePrincipal('appstream.amazonaws.com')),
      });
      builder({ role });
      expect(builderProps().IamRoleArn).toEqual(stack.resolve(role.roleArn));
    });
    test('accepts an imported role (its trust policy is not known)', () => {
      builder({ role: iam.Role.fromRoleArn(stack, 'R', 'arn:aws:iam::123456789012:role/appstream-machine') });
      expect(builderProps().IamRoleArn).toBe('arn:aws:iam::123456789012:role/appstream-machine');
    });
    test('accepts a role whose principal is only known at deployment', () => {
      const role = new iam.Role(stack, 'R', { assumedBy: new iam.ServicePrincipal(param('ServiceParam')) });
      builder({ role });
      expect(builderProps().IamRoleArn).toEqual(stack.resolve(role.roleArn));
    });
    test('fails a role without policy updates whose underlying role AppStream cannot assume', () => {
      const role = new iam.Role(stack, 'R', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') });
      builder({ role: role.withoutPolicyUpdates() });
      expect(() => Template.fromStack(stack)).toThrow(/ImageBuilder 'Stack\/Builder': role "Stack\/R" cannot be assumed by appstream.amazonaws.com/);
    });
    test('accepts a role without policy updates that AppStream can assume', () => {
      const role = new iam.Role(stack, 'R', { assumedBy: new iam.ServicePrincipal('appstream.amazonaws.com') });
      builder({ role: role.withoutPolicyUpdates() });
      expect(builderProps().IamRoleArn).toEqual(stack.resolve(role.roleArn));
    });
    test('fails a role defined in the app that AppStream cannot assume', () => {
      const role = new iam.Role(stack, 'R', { assumedBy: new iam.ServicePrincipal('ec2.amazonaws.com') });
      builder({ role });
      expect(() => Template.fromStack(stack)).toThrow(/ImageBuilder 'Stack\/Builder': role "Stack\/R" cannot be assumed by appstream.amazonaws.com \(AppStream answers InvalidRoleException\)/);
    });
  });

  describe('domainJoin', () => {
    const ou = 'OU=AppStream,OU=Computers,DC=corp,DC=example,DC=com';
    test('accepts an FQDN and an OU distinguished name', () => {
      const vpc = vpcWith();
      builder({ vpc, domainJoin: { directory: DirectoryConfig.fromDirectoryName(stack, 'D', 'corp.example.com'), organizationalUnitDistinguishedName: ou } });
      expect(builderProps().DomainJoinInfo).toEqual({ DirectoryName: 'corp.example.com', OrganizationalUnitDistinguishedName: ou });
    });
    test('accepts an OU with an escaped comma and an OU of 2000 characters', () => {
      const vpc = vpcWith();
      const directory = DirectoryConfig.fromDirectoryName(stack, 'D', 'corp.example.com');
      builder({ vpc, domainJoin: { directory, organizationalUnitDistinguishedName: 'OU=Sales\\, East,DC=corp,DC=example,DC=com' } }, 'A');
      const long = `OU=${'x'.repeat(2000 - 'OU=,DC=corp,DC=example,DC=com'.length)},DC=corp,DC=example,DC=com`;
      expect(long).toHaveLength(2000);
      builder({ vpc, domainJoin: { directory, organizationalUnitDistinguishedName: long } }, 'B');
      expect(Object.keys(Template.fromStack(stack).findResources('AWS::AppStream::ImageBuilder'))).toHaveLength(2);
    });
    test('fails without a VPC', () => {
      expect(() => builder({ domainJoin: { directory: DirectoryConfig.fromDirectoryName(stack, 'D', 'corp.example.com') } })).toThrow(/domainJoin needs a vpc/);
    });
    test('fails a NetBIOS directory name', () => {
      const vpc = vpcWith();
      expect(() => builder({ vpc, domainJoin: { directory: DirectoryConfig.fromDirectoryName(stack, 'D', 'CORP') } })).toThrow(
        /^DirectoryConfig.fromDirectoryName\(\) at 'Stack\/D': directoryName "CORP" must be a fully qualified domain name .*not its NetBIOS name/, // checked at the import
      );
    });
    test('fails an OU that is not a distinguished name', () => {
      const vpc = vpcWith();
      const directory = DirectoryConfig.fromDirectoryName(stack, 'D', 'corp.example.com');
      expect(() => builder({ vpc, domainJoin: { directory, organizationalUnitDistinguishedName: 'AppStream Computers' } })).toThrow(
        /domainJoin.organizationalUnitDistinguishedName "AppStream Computers" must be a distinguished name starting with 'OU='/,
      );
    });
    test('fails an OU of 2001 characters', () => {
      const vpc = vpcWith();
      const directory = DirectoryConfig.fromDirectoryName(stack, 'D', 'corp.example.com');
      expect(() => builder({ vpc, domainJoin: { directory, organizationalUnitDistinguishedName: `OU=${'x'.repeat(1998)}` } })).toThrow(/must be at most 2000 characters long \(it is 2001\)/);
    });
  });

  describe('agentVersion', () => {
    test('accepts 100 characters', () => {
      builder({ agentVersion: AgentVersion.of('v'.repeat(100)) });
      expect(builderProps().AppstreamAgentVersion).toHaveLength(100);
    });
    test('fails 101 characters and an empty version', () => {
      expect(() => builder({ agentVersion: AgentVersion.of('v'.repeat(101)) }, 'A')).toThrow(/agentVersion .* must be at most 100 characters/);
      expect(() => builder({ agentVersion: AgentVersion.of('') }, 'B')).toThrow(/agentVersion "" must not be empty/);
    });
  });

  describe('accessEndpoints', () => {
    const ids = ['vpce-01234567', 'vpce-0123456789abcdef0', 'vpce-0123456789abcdef1', 'vpce-0123456789abcdef2', 'vpce-0123456789abcdef3'];
    test('accepts 4, with old and new style ids', () => {
      builder({ accessEndpoints: ids.slice(0, 4).map((id) => AccessEndpoint.fromVpceId(id)) });
      expect(builderProps().AccessEndpoints).toHaveLength(4);
    });
    test('the endpoint types are the model\'s', () => {
      expect(Object.values(AccessEndpointType)).toEqual([...ACCESS_ENDPOINT_TYPES]);
    });
    test('fails 5', () => {
      expect(() => builder({ accessEndpoints: ids.map((id) => AccessEndpoint.fromVpceId(id)) })).toThrow(/accessEndpoints must have at most 4 endpoints \(it has 5\)/);
    });
    test('fails an empty list', () => {
      expect(() => builder({ accessEndpoints: [] })).toThrow(/accessEndpoints must have at least 1 endpoint \(it has 0\)\. Give 1 to 4 endpoints, or leave accessEndpoints out/);
    });
    test('fails a VPC id, naming the mistake', () => {
      expect(() => builder({ accessEndpoints: [AccessEndpoint.fromVpceId('vpc-0123456789abcdef0')] })).toThrow(/accessEndpoints\[0\] "vpc-0123456789abcdef0" must be an interface VPC endpoint id.*That is a VPC id/);
    });
    test('fails an id of the wrong shape', () => {
      expect(() => builder({ accessEndpoints: [AccessEndpoint.fromVpceId('vpce-XYZ')] })).toThrow(/accessEndpoints\[0\] "vpce-XYZ" must be an interface VPC endpoint id/);
    });
  });

  describe('tags', () => {
    test('accept 50 tags, Unicode letters, the allowed punctuation and an empty value', () => {
      const tags: Record<string, string> = { 'Ümlaut ключ': 'wert_.:/=+-@ 1', 'empty': '' };
      for (let i = 0; i < 48; i++) tags[`k${i}`] = `v${i}`;
      builder({ tags });
      expect(builderProps().Tags).toHaveLength(50);
    });
    test('prop tags go to the image builder only; Tags.of() reaches the role too', () => {
      const vpc = vpcWith();
      builder({ vpc, tags: { team: 'desktop' } }).role;
      Tags.of(stack).add('owner', 'platform');
      const template = Template.fromStack(stack);
      expect(builderProps().Tags).toEqual([{ Key: 'owner', Value: 'platform' }, { Key: 'team', Value: 'desktop' }]);
      template.hasResourceProperties('AWS::IAM::Role', { Tags: [{ Key: 'owner', Value: 'platform' }] });
      template.hasResourceProperties('AWS::EC2::SecurityGroup', { Tags: [{ Key: 'owner', Value: 'platform' }] });
    });
    test('a prop tag wins over Tags.of() of the same key, from the app or from the builder', () => {
      const b = builder({ tags: { team: 'desktop' } });
      Tags.of(app).add('team', 'platform');
      Tags.of(b).add('team', 'other');
      expect(builderProps().Tags).toEqual([{ Key: 'team', Value: 'desktop' }]);
    });
    test('fails 51 tags, counting those added with Tags.of()', () => {
      const tags: Record<string, string> = {};
      for (let i = 0; i < 50; i++) tags[`k${i}`] = 'v';
      builder({ tags });
      Tags.of(app).add('owner', 'platform');
      expect(() => Template.fromStack(stack)).toThrow(/ImageBuilder 'Stack\/Builder': tags must have at most 50 tags \(it has 51\), counting tags added with Tags.of\(\)/);
    });
    test('fails a key starting with aws:', () => {
      expect(() => builder({ tags: { 'aws:owner': 'x' } })).toThrow(/tag key "aws:owner" must be letters, digits, spaces and _ \. : \/ = \+ - @, and not starting with 'aws:'/);
    });
    test('fails an empty key, which aws-cdk-lib would otherwise drop silently', () => {
      expect(() => builder({ tags: { '': 'x' } })).toThrow(/ImageBuilder 'Stack\/Builder': tag key "" must not be empty/);
    });
    test('fails a key starting with U+0085, which Java\'s . (the model\'s pattern) refuses', () => {
      expect(() => builder({ tags: { '\u0085team': 'x' } })).toThrow(/tag key "\u0085team" must be letters/);
    });
    test('fails a value with a character outside the set, added with Tags.of()', () => {
      builder();
      Tags.of(stack).add('team', 'a#b');
      expect(() => Template.fromStack(stack)).toThrow(/tag 'team' value "a#b" must be letters, digits, spaces/);
    });
    test('fails a key of 129 characters and a value of 257, naming both', () => {
      expect(() => builder({ tags: { ['k'.repeat(129)]: 'v', ok: 'v'.repeat(257) } })).toThrow(/must be at most 128 characters long[\s\S]*must be at most 256 characters long/);
    });
  });

  describe('rootVolumeSize', () => {
    test.each([200, 500])('accepts %d GiB', (gib) => {
      builder({ rootVolumeSize: Size.gibibytes(gib) });
      expect(builderProps().RootVolumeConfig).toEqual({ VolumeSizeInGb: gib });
    });
    test('accepts a size given in another unit that is whole GiB', () => {
      builder({ rootVolumeSize: Size.mebibytes(256 * 1024) });
      expect(builderProps().RootVolumeConfig).toEqual({ VolumeSizeInGb: 256 });
    });
    test.each([199, 501])('warns for %d GiB: only the docs give the range', (gib) => {
      builder({ rootVolumeSize: Size.gibibytes(gib) });
      expect(builderProps().RootVolumeConfig).toEqual({ VolumeSizeInGb: gib });
      expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp(`rootVolumeSize ${gib} is outside the range the AppStream docs give, 200 to 500`))).toHaveLength(1);
    });
    test('fails a size that is not whole GiB', () => {
      expect(() => builder({ rootVolumeSize: Size.mebibytes(300 * 1024 + 1) })).toThrow('must be a whole number from 200 to 500');
    });
  });

  describe('softwares', () => {
    test('fails an empty name, naming its index', () => {
      expect(() => builder({ softwaresToInstall: ['Microsoft_Visio_2021_LTSC_Professional_64Bit', ''] })).toThrow(/softwaresToInstall\[1\] "" must not be empty/);
      expect(() => builder({ softwaresToUninstall: [''] }, 'B')).toThrow(/softwaresToUninstall\[0\] "" must not be empty/);
    });
  });
});

describe('tokens pass through unchecked', () => {
  test('every string prop as a token', () => {
    const t = param;
    builder({
      imageBuilderName: t('Name'),
      displayName: t('Display'),
      description: t('Description'),
      image: Image.fromArn(t('ImageArn')),
      instanceType: InstanceType.of(t('Type')),
      agentVersion: AgentVersion.of(t('Agent')),
      accessEndpoints: [AccessEndpoint.fromVpceId(t('Vpce'))],
      tags: { team: t('Team') },
      rootVolumeSize: Size.gibibytes(new CfnParameter(stack, 'Size', { type: 'Number' }).valueAsNumber),
      softwaresToInstall: [t('Software')],
    });
    const props = builderProps();
    expect(props.Name).toEqual({ Ref: 'Name' });
    expect(props.InstanceType).toEqual({ Ref: 'Type' });
    expect(props.RootVolumeConfig).toEqual({ VolumeSizeInGb: { Ref: 'Size' } });
    expect(props.Tags).toEqual([{ Key: 'team', Value: { Ref: 'Team' } }]);
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  test('an image name and a domain join from tokens', () => {
    const vpc = vpcWith();
    builder({
      image: Image.fromName(Aws.STACK_NAME),
      vpc,
      domainJoin: {
        directory: DirectoryConfig.fromDirectoryName(stack, 'D', param('Domain')),
        organizationalUnitDistinguishedName: param('Ou'),
      },
    });
    expect(builderProps().DomainJoinInfo).toEqual({ DirectoryName: { Ref: 'Domain' }, OrganizationalUnitDistinguishedName: { Ref: 'Ou' } });
  });

  test('a root volume size token in another unit is an error that says to use GiB', () => {
    expect(() => builder({ rootVolumeSize: Size.mebibytes(Token.asNumber({ Ref: 'Size' })) })).toThrow(/rootVolumeSize is a token in a unit other than GiB\. Use Size.gibibytes\(\)/);
  });
});
