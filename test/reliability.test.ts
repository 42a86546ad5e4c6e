/**
 * Reliability: the library refuses nothing valid, lets nothing through that AWS would reject, and never
 * crashes on what plain JavaScript callers pass. Each class of problem has a failing case and a passing
 * neighbour; the fixes live in the shared kit (lib/private/), so every construct inherits them.
 */
import { App, Aws, CfnParameter, Duration, Fn, Lazy, NestedStack, SecretValue, Size, Stack, Stage, Tags } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as acmpca from 'aws-cdk-lib/aws-acmpca';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { Construct } from 'constructs';
import { beforeEach, describe, expect, test } from 'vitest';
import {
  AccessEndpoint,
  CertificateBasedAuthStatus,
  DirectoryConfig,
  DirectoryConfigProps,
  Fleet,
  Image,
  ImageBuilder,
  ImageBuilderProps,
  InstanceType,
  ServiceAccountCredentials,
  Stack as AppStreamStack,
  AppBlock,
  AppBlockBuilder,
  AppBlockPackaging,
  Application,
  AppVisibility,
  ElasticFleet,
  EntitlementAttribute,
  FleetPlatform,
  InstanceFamily,
  S3Location,
  SamlAttribute,
  User,
} from '../lib';
import { distinguishedNameKey } from '../lib/private/rules';

const IMAGE = Image.fromName('AppStream-WinServer2022-06-17-2024');
const TYPE = InstanceType.STANDARD_MEDIUM;
const OU = 'OU=AppStream,DC=corp,DC=example,DC=com';
const ENV = { account: '123456789012', region: 'us-east-1' };

let app: App;
let stack: Stack;

beforeEach(() => {
  app = new App();
  stack = new Stack(app, 'Stack');
});

function builder(props: Partial<ImageBuilderProps> = {}, id = 'Builder', scope: Stack = stack): ImageBuilder {
  return new ImageBuilder(scope, id, { image: IMAGE, instanceType: TYPE, ...props });
}

function directory(props: Partial<DirectoryConfigProps> = {}, id = 'Directory', scope: Stack = stack): DirectoryConfig {
  return new DirectoryConfig(scope, id, {
    directoryName: 'corp.example.com',
    organizationalUnitDistinguishedNames: [OU],
    serviceAccountCredentials: ServiceAccountCredentials.fromPassword('svc', SecretValue.secretsManager('appstream/svc', { jsonField: 'password' })),
    ...props,
  });
}

/** Call as plain JavaScript would: no type checks. */
const js = (x: unknown) => x as any;

describe('false rejections', () => {
  describe('context lookups complete, as the CLI runs them', () => {
    /** The app of a user: a looked-up VPC (subnet group 'builders') and an image ARN from a looked-up SSM parameter. */
    function lookupApp(context: Record<string, unknown> = {}) {
      const a = new App({ context });
      const s = new Stack(a, 'Lookups', { env: ENV });
      const vpc = ec2.Vpc.fromLookup(s, 'Vpc', { vpcId: 'vpc-0123456789abcdef0' });
      const arn = ssm.StringParameter.valueFromLookup(s, '/appstream/golden-image-arn');
      new ImageBuilder(s, 'Builder', { image: Image.fromArn(arn), instanceType: TYPE, vpc, vpcSubnets: { subnetGroupName: 'builders' } });
      const name = ssm.StringParameter.valueFromLookup(s, '/appstream/golden-image-name');
      new Fleet(s, 'Fleet', { image: Image.fromName(name), instanceType: TYPE, vpc, vpcSubnets: { subnetGroupName: 'builders' } });
      new ec2.Instance(s, 'Instance', { vpc, instanceType: new ec2.InstanceType('t3.micro'), machineImage: ec2.MachineImage.latestAmazonLinux2023(), vpcSubnets: { subnetGroupName: 'builders' } });
      return a.synth();
    }
    /** What the CLI would look up for the missing keys of a first synth. */
    function lookedUp(missing: Array<{ key: string; provider: string }>, imageArn: string): Record<string, unknown> {
      const subnet = (az: string, n: number) => ({ subnetId: `subnet-0000000000000000${n}`, cidr: `10.0.${n}.0/24`, availabilityZone: az, routeTableId: `rtb-${n}` });
      return Object.fromEntries(missing.map(({ key, provider }) => [key, provider === 'vpc-provider' ? {
        vpcId: 'vpc-0123456789abcdef0',
        vpcCidrBlock: '10.0.0.0/16',
        availabilityZones: ['us-east-1a', 'us-east-1b'],
        subnetGroups: [{ name: 'builders', type: 'Private', subnets: [subnet('us-east-1a', 1), subnet('us-east-1b', 2)] }],
      } : key.includes('golden-image-name') ? 'Golden' : imageArn]));
    }

    test('the first synth succeeds and reports the missing context; the second applies the rules to the real values', () => {
      const first = lookupApp();
      const missing = first.manifest.missing ?? [];
      expect(missing.map((m) => m.provider).sort()).toEqual(['ssm', 'ssm', 'vpc-provider']);

      const second = lookupApp(lookedUp(missing, 'arn:aws:appstream:us-east-1::image/Golden'));
      expect(second.manifest.missing ?? []).toEqual([]);
      const props = Object.values<any>(second.getStackByName('Lookups').template.Resources).find((r) => r.Type === 'AWS::AppStream::ImageBuilder').Properties;
      expect(props.VpcConfig.SubnetIds).toEqual(['subnet-00000000000000001']);
      expect(props.ImageArn).toBe('arn:aws:appstream:us-east-1::image/Golden');
      const fleet = Object.values<any>(second.getStackByName('Lookups').template.Resources).find((r) => r.Type === 'AWS::AppStream::Fleet').Properties;
      expect(fleet.ImageName).toBe('Golden');
      expect(fleet.VpcConfig.SubnetIds).toEqual(['subnet-00000000000000001', 'subnet-00000000000000002']);
    });

    test('fails on the second synth when the looked-up value breaks a rule', () => {
      const missing = lookupApp().manifest.missing ?? [];
      expect(() => lookupApp(lookedUp(missing, 'not-an-arn'))).toThrow(/ImageBuilder 'Lookups\/Builder': image \(Image.fromArn\) "not-an-arn" must be an ARN/);
    });
  });

  describe('context lookups of every resource in a VPC, and of an instance type, complete as the CLI runs them', () => {
    const BUILDERS = 'vpc-0000000000000b001';
    const FLEETS = 'vpc-0000000000000f001';
    /** The app: an image builder in the private subnets of one looked-up VPC, fleets in those of another, the instance type from SSM. */
    function app2(context: Record<string, unknown> = {}) {
      const a = new App({ context });
      const s = new Stack(a, 'Lookups', { env: ENV });
      const builders = ec2.Vpc.fromLookup(s, 'Builders', { vpcId: BUILDERS });
      const fleets = ec2.Vpc.fromLookup(s, 'Fleets', { vpcId: FLEETS });
      const type = InstanceType.of(ssm.StringParameter.valueFromLookup(s, '/appstream/instance-type'));
      new ImageBuilder(s, 'Builder', { image: IMAGE, instanceType: type, vpc: builders, vpcSubnets: { subnets: builders.privateSubnets } });
      new Fleet(s, 'Fleet', { image: IMAGE, instanceType: type, vpc: fleets, vpcSubnets: { subnets: fleets.privateSubnets } });
      new ElasticFleet(s, 'Elastic', { platform: FleetPlatform.WINDOWS_SERVER_2019, instanceType: type, maxConcurrentSessions: 2, vpc: fleets, vpcSubnets: { subnets: fleets.privateSubnets } });
      new AppBlockBuilder(s, 'BlockBuilder', { instanceType: type, vpc: fleets });
      return a.synth();
    }
    /** What the CLI looks up: the builders' VPC with `builderSubnets` private subnets, the fleets' VPC with two, and `type`. */
    function lookedUp(missing: Array<{ key: string; provider: string; props: any }>, type: string, builderSubnets = 1): Record<string, unknown> {
      const subnet = (az: string, n: number) => ({ subnetId: `subnet-0000000000000000${n}`, cidr: `10.0.${n}.0/24`, availabilityZone: az, routeTableId: `rtb-${n}` });
      const vpc = (vpcId: string, count: number) => ({
        vpcId,
        vpcCidrBlock: '10.0.0.0/16',
        availabilityZones: ['us-east-1a', 'us-east-1b'],
        subnetGroups: [{ name: 'Private', type: 'Private', subnets: [subnet('us-east-1a', 1), subnet('us-east-1b', 2)].slice(0, count) }],
      });
      return Object.fromEntries(missing.map(({ key, provider, props }) => [key, provider !== 'vpc-provider' ? type
        : props.filter['vpc-id'] === BUILDERS ? vpc(BUILDERS, builderSubnets) : vpc(FLEETS, 2)]));
    }
    const resources = (assembly: ReturnType<typeof app2>) => Object.values<any>(assembly.getStackByName('Lookups').template.Resources);

    test('the first synth, with dummy VPCs of two private subnets and a dummy instance type, succeeds and reports what is missing', () => {
      const missing = app2().manifest.missing ?? [];
      expect(missing.map((m) => m.provider).sort()).toEqual(['ssm', 'vpc-provider', 'vpc-provider']);
      const second = app2(lookedUp(missing as any, 'stream.standard.medium'));
      expect(second.manifest.missing ?? []).toEqual([]);
      const byType = (type: string) => resources(second).filter((r) => r.Type === type).map((r) => r.Properties);
      expect(byType('AWS::AppStream::ImageBuilder')[0]).toMatchObject({ InstanceType: 'stream.standard.medium', VpcConfig: { SubnetIds: ['subnet-00000000000000001'] } });
      expect(byType('AWS::AppStream::Fleet').map((f) => f.VpcConfig.SubnetIds)).toEqual([
        ['subnet-00000000000000001', 'subnet-00000000000000002'], ['subnet-00000000000000001', 'subnet-00000000000000002'],
      ]);
      expect(byType('AWS::AppStream::AppBlockBuilder')[0].VpcConfig.SubnetIds).toEqual(['subnet-00000000000000001', 'subnet-00000000000000002']);
    });

    test('fails on the second synth when the looked-up VPC gives the image builder two subnets', () => {
      const missing = app2().manifest.missing ?? [];
      expect(() => app2(lookedUp(missing as any, 'stream.standard.medium', 2)))
        .toThrow(/ImageBuilder 'Lookups\/Builder': vpcSubnets must have exactly 1 subnet \(it has 2\)/);
    });

    test('fails on the second synth when the looked-up instance type is not an AppStream one', () => {
      const missing = app2().manifest.missing ?? [];
      expect(() => app2(lookedUp(missing as any, 'm5.large'))).toThrow(/instance type "m5.large" must start with 'stream.'/);
    });

    test('a value looked up in another stack is not judged before its lookup either', () => {
      const a = new App();
      const shared = new Stack(a, 'Shared', { env: ENV });
      const name = ssm.StringParameter.valueFromLookup(shared, '/appstream/golden-image-name');
      const s = new Stack(a, 'Fleets', { env: ENV });
      new Fleet(s, 'Fleet', { image: Image.fromName(name), instanceType: TYPE });
      expect(a.synth().manifest.missing?.map((m) => m.provider)).toEqual(['ssm']);
    });

    test('fails, without a lookup, an instance type that only looks like a dummy', () => {
      const s = new Stack(new App(), 'NoLookups', { env: ENV });
      expect(() => new ImageBuilder(s, 'Builder', { image: IMAGE, instanceType: InstanceType.of('dummy-value-for-x') }))
        .toThrow(/ImageBuilder 'NoLookups\/Builder': instanceType "dummy-value-for-x" must start with 'stream.'/);
    });
  });

  describe('unknown environments are not one', () => {
    test('two stages without an env may use the same builder name and directory', () => {
      for (const name of ['Dev', 'Prod']) {
        const s = new Stack(new Stage(app, name), 'Builders');
        builder({ imageBuilderName: 'golden' }, 'Builder', s);
        directory({}, 'Directory', s);
      }
      for (const name of ['Dev', 'Prod']) {
        const assembly = (app.node.findChild(name) as Stage).synth();
        expect(Object.values<any>(assembly.getStackByName(`${name}-Builders`).template.Resources).filter((r) => r.Type === 'AWS::AppStream::ImageBuilder')
          .map((r) => r.Properties.Name)).toEqual(['golden']);
      }
    });
    test('two stacks with unknown accounts may share a name', () => {
      builder({ imageBuilderName: 'golden' }, 'Builder', new Stack(app, 'A'));
      builder({ imageBuilderName: 'golden' }, 'Builder', new Stack(app, 'B'));
      expect(Template.fromStack(app.node.findChild('B') as Stack).findResources('AWS::AppStream::ImageBuilder')).not.toEqual({});
    });
    test('fails the same name twice in one stack, or in a stack and its nested stack, whatever the env', () => {
      builder({ imageBuilderName: 'golden' }, 'A');
      expect(() => builder({ imageBuilderName: 'golden' }, 'B')).toThrow(/imageBuilderName "golden" is already used by 'Stack\/A'/);
      const nested = new NestedStack(stack, 'Nested');
      expect(() => builder({ imageBuilderName: 'golden' }, 'C', nested)).toThrow(/is already used by 'Stack\/A'/);
    });
    test('fails the same name in two stacks of one known account and region', () => {
      builder({ imageBuilderName: 'golden' }, 'Builder', new Stack(app, 'A', { env: ENV }));
      expect(() => builder({ imageBuilderName: 'golden' }, 'Builder', new Stack(app, 'B', { env: ENV }))).toThrow(/already used by 'A\/Builder'/);
    });
  });

  describe('across stages', () => {
    test('a directory config in a shared stage may be joined from another stage (no cross-stage dependency)', () => {
      const shared = new Stack(new Stage(app, 'Shared'), 'Directory', { env: ENV });
      const d = directory({}, 'Directory', shared);
      const workload = new Stack(new Stage(app, 'Workload'), 'Builders', { env: ENV });
      builder({ vpc: new ec2.Vpc(workload, 'Vpc'), domainJoin: { directory: d, organizationalUnitDistinguishedName: OU } }, 'Builder', workload);
      const assembly = (app.node.findChild('Workload') as Stage).synth();
      const props = Object.values<any>(assembly.getStackByName('Workload-Builders').template.Resources).find((r) => r.Type === 'AWS::AppStream::ImageBuilder');
      expect(props.DependsOn).toBeUndefined();
      expect(props.Properties.DomainJoinInfo.DirectoryName).toBe('corp.example.com');
    });
    test('fails a directory config of another region, across stages too', () => {
      const shared = new Stack(new Stage(app, 'Shared'), 'Directory', { env: { ...ENV, region: 'eu-west-1' } });
      const d = directory({}, 'Directory', shared);
      const workload = new Stack(new Stage(app, 'Workload'), 'Builders', { env: ENV });
      expect(() => builder({ vpc: new ec2.Vpc(workload, 'Vpc'), domainJoin: { directory: d } }, 'Builder', workload))
        .toThrow(/domainJoin.directory "Shared\/Directory\/Directory" is in region eu-west-1, but this is in region us-east-1/);
    });
  });

  describe('IAM reads a trust policy its own way', () => {
    /** A builder whose role trusts only through `statements` (the account root's own statement aside). */
    function trusting(...statements: iam.PolicyStatement[]): () => void {
      const a = new App();
      const s = new Stack(a, 'Trust');
      const role = new iam.Role(s, 'Role', { assumedBy: new iam.AccountRootPrincipal() });
      role.assumeRolePolicy!.addStatements(...statements);
      builder({ role }, 'Builder', s);
      return () => a.synth();
    }
    const appstreamPrincipal = new iam.ServicePrincipal('appstream.amazonaws.com');
    const allow = (actions: string[]) => new iam.PolicyStatement({ actions, principals: [appstreamPrincipal] });
    const refused = /ImageBuilder 'Trust\/Builder': role "Trust\/Role" cannot be assumed by appstream.amazonaws.com/;

    test.each([['sts:assumerole'], ['STS:AssumeRole'], ['sts:Assume*'], ['sts:*Role'], ['*'], ['s3:GetObject', 'sts:*']])('accepts the actions %j', (...actions) => {
      expect(trusting(allow(actions))).not.toThrow();
    });
    test('accepts NotAction that leaves sts:AssumeRole in', () => {
      expect(trusting(new iam.PolicyStatement({ notActions: ['s3:*'], principals: [appstreamPrincipal] }))).not.toThrow();
    });
    test('accepts a conditional Deny: it may not apply', () => {
      expect(trusting(allow(['sts:AssumeRole']), new iam.PolicyStatement({
        effect: iam.Effect.DENY, actions: ['sts:AssumeRole'], principals: [new iam.AnyPrincipal()], conditions: { Bool: { 'aws:SecureTransport': 'false' } },
      }))).not.toThrow();
    });
    test.each([['sts:AssumeRoleWithSAML'], ['sts:Get*'], ['sts:TagSession']])('fails the actions %j, which do not cover sts:AssumeRole', (...actions) => {
      expect(trusting(allow(actions))).toThrow(refused);
    });
    test('fails NotAction that names sts:AssumeRole', () => {
      expect(trusting(new iam.PolicyStatement({ notActions: ['sts:*'], principals: [appstreamPrincipal] }))).toThrow(refused);
    });
    test('fails an unconditional Deny, which wins over the Allow', () => {
      expect(trusting(allow(['sts:AssumeRole']), new iam.PolicyStatement({ effect: iam.Effect.DENY, actions: ['sts:*'], principals: [new iam.AnyPrincipal()] })))
        .toThrow(refused);
    });
  });

  describe('an OU however it is escaped', () => {
    test('\\2C and \\, are the same comma; hex pairs spell UTF-8', () => {
      expect(distinguishedNameKey('OU=Sales\\2C East,DC=corp,DC=example,DC=com')).toBe(distinguishedNameKey('ou=sales\\, east, DC=corp,DC=example,DC=com'));
      expect(distinguishedNameKey('OU=M\\C3\\BCnchen,DC=corp')).toBe(distinguishedNameKey('OU=München,DC=corp'));
      expect(distinguishedNameKey('OU=a\\,b,DC=corp')).not.toBe(distinguishedNameKey('OU=a,OU=b,DC=corp'));
    });
    test('a domain join matches the directory config\'s OU written with the other escape', () => {
      const d = directory({ organizationalUnitDistinguishedNames: ['OU=Sales\\, East,DC=corp,DC=example,DC=com'] });
      builder({ vpc: new ec2.Vpc(stack, 'Vpc'), domainJoin: { directory: d, organizationalUnitDistinguishedName: 'OU=Sales\\2C East,DC=corp,DC=example,DC=com' } });
      Template.fromStack(stack).resourceCountIs('AWS::AppStream::ImageBuilder', 1);
    });
    test('fails a second OU that is the first one escaped otherwise', () => {
      expect(() => directory({ organizationalUnitDistinguishedNames: ['OU=a\\,b,DC=corp,DC=example,DC=com', 'OU=a\\2cb,DC=corp,DC=example,DC=com'] }))
        .toThrow(/organizationalUnitDistinguishedNames\[1\] .* is the same OU as organizationalUnitDistinguishedNames\[0\]/);
    });
  });
});

describe('false acceptances', () => {
  describe('an OU lies in the directory\'s domain', () => {
    test('accepts the domain in other case', () => {
      directory({ organizationalUnitDistinguishedNames: ['OU=AppStream,DC=Corp,DC=EXAMPLE,DC=com'] });
      Template.fromStack(stack).resourceCountIs('AWS::AppStream::DirectoryConfig', 1);
    });
    test('fails a misspelt domain, in a directory config and in a domain join', () => {
      expect(() => directory({ organizationalUnitDistinguishedNames: ['OU=Builders,DC=corp,DC=exmaple,DC=com'] }))
        .toThrow(/organizationalUnitDistinguishedNames\[0\] "OU=Builders,DC=corp,DC=exmaple,DC=com" lies in the domain corp.exmaple.com, not in the directory's domain corp.example.com\. Give an OU of corp.example.com, ending in DC=corp,DC=example,DC=com/);
      const imported = DirectoryConfig.fromDirectoryName(stack, 'Imported', 'corp.example.com');
      expect(() => builder({ vpc: new ec2.Vpc(stack, 'Vpc'), domainJoin: { directory: imported, organizationalUnitDistinguishedName: 'OU=Builders,DC=corp,DC=exmaple,DC=com' } }))
        .toThrow(/domainJoin.organizationalUnitDistinguishedName .* lies in the domain corp.exmaple.com/);
    });
    test('fails an OU written without commas: one part, no DC= parts', () => {
      expect(() => directory({ organizationalUnitDistinguishedNames: ['OU=One DC=corp DC=example DC=com'] }))
        .toThrow(/names no domain: it has no DC= parts/);
    });
  });

  describe('image', () => {
    test('fails a missing image name (an unset environment variable)', () => {
      expect(() => builder({ image: Image.fromName(process.env.CDK_APPSTREAM_UNSET_VARIABLE as string) }))
        .toThrow(/^Image\.fromName\(\): name is required\. Give a string \(the image's name/);
    });
    test('fails an image that renders both a name and an ARN', () => {
      const both = { bind: () => ({ imageName: 'a', imageArn: 'arn:aws:appstream:us-east-1::image/a' }) };
      expect(() => builder({ image: js(both) })).toThrow(/image .* must give exactly one of an image name and an image ARN/);
    });
    test('fails an image ARN of another partition than the stack\'s; passes its own', () => {
      const s = new Stack(app, 'China', { env: { region: 'cn-north-1' } });
      builder({ image: Image.fromArn('arn:aws-cn:appstream:cn-north-1::image/Base') }, 'Own', s);
      expect(() => builder({ image: Image.fromArn('arn:aws:appstream:us-east-1::image/Base') }, 'Other', s))
        .toThrow(/image \(Image.fromArn\) .* is in partition aws, but the stack deploys to partition aws-cn/);
    });
  });

  describe('network', () => {
    test('fails a subnet and a security group of another VPC', () => {
      const vpc = new ec2.Vpc(stack, 'Vpc');
      const other = new ec2.Vpc(stack, 'Other');
      expect(() => builder({ vpc, vpcSubnets: { subnets: [other.privateSubnets[0]] } }, 'A')).toThrow(/vpcSubnets.subnets\[0\] "Stack\/Other\/PrivateSubnet1" is not a subnet of vpc/);
      const sg = new ec2.SecurityGroup(stack, 'Sg', { vpc: other });
      expect(() => builder({ vpc, securityGroups: [sg] }, 'B')).toThrow(/securityGroups\[0\] "Stack\/Sg" is a security group of another VPC than vpc/);
    });
    test('accepts a subnet and a security group of the VPC, and ones imported by id (their VPC is unknown)', () => {
      const vpc = new ec2.Vpc(stack, 'Vpc');
      builder({ vpc, vpcSubnets: { subnets: [vpc.privateSubnets[1]] }, securityGroups: [new ec2.SecurityGroup(stack, 'Sg', { vpc })] }, 'A');
      builder({
        vpc,
        vpcSubnets: { subnets: [ec2.Subnet.fromSubnetId(stack, 'S', 'subnet-0123456789abcdef0')] },
        securityGroups: [ec2.SecurityGroup.fromSecurityGroupId(stack, 'I', 'sg-0123456789abcdef0')],
      }, 'B');
      Template.fromStack(stack).resourceCountIs('AWS::AppStream::ImageBuilder', 2);
    });
    test('a list token standing in for the one subnet warns (its number is known only at deployment); one element selected from it does not', () => {
      const ids = new CfnParameter(stack, 'SubnetIds', { type: 'List<AWS::EC2::Subnet::Id>' }).valueAsList;
      const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Imported', { vpcId: 'vpc-0123456789abcdef0', availabilityZones: ['us-east-1a'] });
      builder({ vpc, vpcSubnets: { subnets: [ec2.Subnet.fromSubnetId(stack, 'List', js(ids)[0])] } }, 'A');
      builder({ vpc, vpcSubnets: { subnets: [ec2.Subnet.fromSubnetId(stack, 'One', Fn.select(0, ids))] } }, 'B');
      const warned = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('subnetCountUnknown')).map((w) => w.id);
      expect(warned).toEqual(['/Stack/A']);
    });
  });

  describe('strings that embed tokens are judged by their literal parts', () => {
    test('fails a name with a space, whatever the region', () => {
      expect(() => builder({ imageBuilderName: `golden builder-${Aws.REGION}` }))
        .toThrow(/imageBuilderName "golden builder-\$\{…\}" must be .*whatever the values of the tokens in it/);
    });
    test('accepts a name whose tokens may make it valid, and an image ARN built from pseudo parameters', () => {
      builder({ imageBuilderName: `golden-${Aws.REGION}`, image: Image.fromArn(`arn:${Aws.PARTITION}:appstream:${Aws.REGION}::image/Base`) });
      Template.fromStack(stack).resourceCountIs('AWS::AppStream::ImageBuilder', 1);
    });
    test('fails a tag value whose literal part is refused', () => {
      expect(() => builder({ tags: { team: `desk#${Aws.ACCOUNT_ID}` } })).toThrow(/tag 'team' value "desk#\$\{…\}"/);
    });
  });

  describe('enums and late values', () => {
    test('fails a certificate-based auth status outside the enum, given from JavaScript', () => {
      const ca = acmpca.CertificateAuthority.fromCertificateAuthorityArn(stack, 'Ca', 'arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/11111111-2222-3333-4444-555555555555');
      expect(() => directory({ certificateBasedAuth: { certificateAuthority: js(ca), status: js('ON') } })).toThrow(/certificateBasedAuth\.status "ON" must be a member of CertificateBasedAuthStatus \(ENABLED, ENABLED_NO_DIRECTORY_LOGIN_FALLBACK, DISABLED\)/);
      directory({ certificateBasedAuth: { certificateAuthority: js(ca), status: CertificateBasedAuthStatus.DISABLED } }, 'Ok', new Stack(app, 'Other'));
    });
    test('an enum value known only at deployment (a parameter) is not judged; a wrong literal still fails', () => {
      const param = (id: string) => new CfnParameter(stack, id).valueAsString;
      const f = new Fleet(stack, 'Fleet', { image: IMAGE, instanceType: TYPE, fleetType: js(param('FleetType')), streamView: js(param('StreamView')) });
      new AppStreamStack(stack, 'Apps', { fleet: f, preferredProtocol: js(param('Protocol')) })
        .addEntitlement('E', { appVisibility: js(param('Visibility')), attributes: [EntitlementAttribute.of(SamlAttribute.GROUPS, 'g')] });
      new Application(stack, 'App', {
        appBlock: new AppBlock(stack, 'Block', { source: S3Location.fromBucketName('my-apps', 'a.vhdx'), packaging: AppBlockPackaging.appStream2() }),
        launchPath: 'C:\\app.exe',
        icon: S3Location.fromBucketName('my-apps', 'icon.png'),
        platforms: [FleetPlatform.of(param('Platform'))],
        instanceFamilies: [InstanceFamily.of(param('Family'))],
      });
      const t = Template.fromStack(stack);
      t.hasResourceProperties('AWS::AppStream::Fleet', { FleetType: { Ref: 'FleetType' }, StreamView: { Ref: 'StreamView' } });
      t.hasResourceProperties('AWS::AppStream::Stack', { StreamingExperienceSettings: { PreferredProtocol: { Ref: 'Protocol' } } });
      t.hasResourceProperties('AWS::AppStream::Entitlement', { AppVisibility: { Ref: 'Visibility' } });
      t.hasResourceProperties('AWS::AppStream::Application', { Platforms: [{ Ref: 'Platform' }], InstanceFamilies: [{ Ref: 'Family' }] });
      expect(() => new Fleet(stack, 'Wrong', { image: IMAGE, instanceType: TYPE, streamView: js('desktop') })).toThrow(/streamView "desktop" must be a member of StreamView \(APP, DESKTOP\)/);
    });
    test('fails at synthesis a Lazy that resolves to a 150-character display name; passes a short one', () => {
      builder({ displayName: Lazy.string({ produce: () => 'x'.repeat(150) }) }, 'Long');
      expect(() => app.synth()).toThrow(/ImageBuilder 'Stack\/Long': displayName "x+…" \(150 characters\) must be at most 100 characters long \(it is 150\) \(as resolved at synthesis\)/);
    });
    test('a Lazy that resolves to a valid value passes', () => {
      builder({ displayName: Lazy.string({ produce: () => 'Golden' }) });
      expect(Object.values<any>(Template.fromStack(stack).findResources('AWS::AppStream::ImageBuilder'))[0].Properties.DisplayName).toBe('Golden');
    });
  });

  describe('tags of the stack reach the builder', () => {
    test('fail when they make more than 50', () => {
      const tags: Record<string, string> = {};
      for (let i = 0; i < 45; i++) tags[`stack${i}`] = 'x';
      const s = new Stack(app, 'Tagged', { tags });
      const own: Record<string, string> = {};
      for (let i = 0; i < 6; i++) own[`own${i}`] = 'y';
      builder({ tags: own }, 'Builder', s);
      expect(() => app.synth()).toThrow(/tags must have at most 50 tags \(it has 51\), counting tags added with Tags.of\(\)/);
    });
    test('fail when one breaks the tag rules; pass when they are fine', () => {
      builder({}, 'Builder', new Stack(app, 'Fine', { tags: { team: 'desktops' } }));
      expect(() => app.synth()).not.toThrow();
      const bad = new App();
      builder({}, 'Builder', new Stack(bad, 'Bad', { tags: { 'cost#center': '1' } }));
      expect(() => bad.synth()).toThrow(/tag key "cost#center"/);
    });
    test('Tags.of(stack) counts once', () => {
      const b = builder();
      Tags.of(stack).add('team', 'desktops');
      app.synth();
      expect(b.node.metadata.filter((m) => m.type === 'aws:cdk:error')).toEqual([]);
    });
  });
});

describe('crashes and unhelpful errors', () => {
  test.each<[string, Partial<ImageBuilderProps>, RegExp]>([
    ['a missing image', { image: js(undefined) }, /ImageBuilder 'Stack\/Builder': image is required\. Use Image\.fromArn\(\), Image\.fromName\(\)/],
    ['a null image', { image: js(null) }, /ImageBuilder 'Stack\/Builder': image is required\. Use Image\.fromArn\(\), Image\.fromName\(\)/],
    ['a string for an image', { image: js('AppStream-WinServer2022') }, /image "AppStream-WinServer2022" must be an Image, not a string\. Use Image\.fromArn\(\), Image\.fromName\(\)/],
    ['a missing instance type', { instanceType: js(undefined) }, /instanceType is required\. Use InstanceType\.of\(\), or a constant such as InstanceType\./],
    ['null in a string', { displayName: js(null), imageBuilderName: js(42) }, /imageBuilderName 42 must be a string, not a number/],
    ['undefined inside a list', { accessEndpoints: js([AccessEndpoint.fromVpceId('vpce-0123456789abcdef0'), undefined]) }, /accessEndpoints\[1\] is required\. Use AccessEndpoint\.fromVpceId\(\), AccessEndpoint\.fromVpcEndpoint\(\)/],
    ['undefined among the softwares', { softwaresToInstall: js(['Office', null]) }, /softwaresToInstall\[1\] is required\. Give a string/],
    ['a number where a Size is expected', { rootVolumeSize: js(300) }, /rootVolumeSize 300 must be a Size, not a number\. Give a Size \(the size of the root volume/],
    ['tags as CloudFormation\'s list', { tags: js([{ Key: 'team', Value: 'x' }]) }, /tags \[\{"Key":"team","Value":"x"\}\] must be a map of strings, not a list\. Give an object whose keys are names/],
    ['a number as a tag value', { tags: js({ team: 7 }) }, /tags\.team 7 must be a string, not a number/],
    ['a string for the security groups', { vpc: undefined, securityGroups: js('sg-1') }, /securityGroups "sg-1" must be a list/],
    ['a domain join without its directory', { domainJoin: js({ organizationalUnitDistinguishedName: OU }) }, /domainJoin.directory is required/],
  ])('%s gets a message, not a TypeError', (_what, props, message) => {
    if (props.domainJoin) {
      props = { ...props, vpc: new ec2.Vpc(stack, 'Vpc') };
    }
    expect(() => builder(props)).toThrow(message);
    expect(() => builder(props, 'Again')).not.toThrow(TypeError);
  });

  // One test per construct (not one for all), so that each covers only its construct's code: a mutation
  // run then runs the one that concerns a mutant, not all of them.
  const junk: unknown[] = [null, undefined, 0, 7, NaN, true, 'x', [], [null], {}, [{ Key: 'k', Value: 'v' }], { a: null }, [1], ['a']];
  const twoZones = (s: Stack) => ec2.Vpc.fromVpcAttributes(s, 'Vpc', {
    vpcId: 'vpc-0a1b2c3d', availabilityZones: ['us-east-1a', 'us-east-1b'], privateSubnetIds: ['subnet-0a1b2c3d', 'subnet-1a2b3c4d'],
  });
  const location = (key: string) => S3Location.fromBucketName('my-apps', key);
  const block = (s: Stack) => new AppBlock(s, 'Block', { source: location('a.vhdx'), packaging: AppBlockPackaging.appStream2() });
  const elastic = (s: Stack, props: Record<string, unknown> = {}) => new ElasticFleet(s, 'E', {
    platform: FleetPlatform.WINDOWS_SERVER_2019, instanceType: TYPE, maxConcurrentSessions: 2, vpc: twoZones(s), ...props,
  });
  /** What to try: a name, the message every error must start with, and each (what, make) to call with each junk value. */
  const tables: Array<[string, RegExp, Array<[string, (s: Stack, value: unknown) => void]>]> = [
    ['ImageBuilder', /^ImageBuilder 'S\/B': /, ['image', 'instanceType', 'imageBuilderName', 'displayName', 'description', 'vpc', 'vpcSubnets', 'securityGroups',
      'role', 'enableDefaultInternetAccess', 'domainJoin', 'agentVersion', 'accessEndpoints', 'tags', 'rootVolumeSize', 'softwaresToInstall',
      'softwaresToUninstall', 'requireImdsv2', 'removalPolicy'].flatMap((prop) => [false, true].map((inVpc): [string, (s: Stack, value: unknown) => void] => [
      `${prop} (${inVpc ? 'in' : 'no'} VPC)`, (s, value) => new ImageBuilder(s, 'B', {
        image: IMAGE,
        instanceType: TYPE,
        vpc: inVpc ? ec2.Vpc.fromVpcAttributes(s, 'Vpc', { vpcId: 'vpc-0a1b2c3d', availabilityZones: ['us-east-1a'], privateSubnetIds: ['subnet-0a1b2c3d'] }) : undefined,
        [prop]: value,
      }),
    ]))],
    ['DirectoryConfig', /^DirectoryConfig 'S\/D': /, ['directoryName', 'organizationalUnitDistinguishedNames', 'serviceAccountCredentials', 'certificateBasedAuth',
      'removalPolicy'].map((prop) => [prop, (s, value) => directory({ [prop]: value }, 'D', s)])],
    ['Fleet', /^Fleet 'S\/F': /, ['image', 'instanceType', 'fleetType', 'capacity', 'fleetName', 'displayName', 'description', 'vpc', 'vpcSubnets', 'securityGroups',
      'enableDefaultInternetAccess', 'role', 'domainJoin', 'maxUserDuration', 'disconnectTimeout', 'idleDisconnectTimeout', 'streamView',
      'usbDeviceFilterStrings', 'rootVolumeSize', 'requireImdsv2', 'startFleet', 'tags', 'removalPolicy']
      .map((prop) => [prop, (s, value) => new Fleet(s, 'F', { image: IMAGE, instanceType: TYPE, [prop]: value })])],
    ['Stack', /^Stack 'S\/St': /, [
      ...['fleet', 'userSettings', 'storageConnectors', 'applicationSettings', 'accessEndpoints', 'embedHostDomains', 'redirectUrl',
        'feedbackUrl', 'preferredProtocol', 'stackName', 'displayName', 'description', 'tags', 'removalPolicy']
        .map((prop): [string, (s: Stack, value: unknown) => void] => [prop, (s, value) => new AppStreamStack(s, 'St', { [prop]: value })]),
      ['addUser()', (s, value) => new AppStreamStack(s, 'St').addUser(value as any, value as any)],
    ]],
    ['ElasticFleet', /^ElasticFleet 'S\/E': /, [
      ...['platform', 'instanceType', 'maxConcurrentSessions', 'vpc', 'vpcSubnets', 'securityGroups', 'enableDefaultInternetAccess', 'role',
        'sessionScript', 'applications', 'maxUserDuration', 'disconnectTimeout', 'idleDisconnectTimeout', 'usbDeviceFilterStrings', 'startFleet', 'fleetName',
        'displayName', 'description', 'tags', 'removalPolicy'].map((prop): [string, (s: Stack, value: unknown) => void] => [prop, (s, value) => elastic(s, { [prop]: value })]),
      ['addApplication()', (s, value) => elastic(s).addApplication(value as any)],
    ]],
    ['User', /^User 'S\/U': /, ['email', 'firstName', 'lastName', 'sendWelcomeEmail', 'removalPolicy']
      .map((prop) => [prop, (s, value) => new User(s, 'U', { email: 'alice@example.com', [prop]: value })])],
    ['Entitlement', /^(Stack 'S\/St'|Entitlement 'S\/St\/E'): /, [
      ...['appVisibility', 'attributes', 'entitlementName', 'description', 'removalPolicy'].map((prop): [string, (s: Stack, value: unknown) => void] => [prop,
        (s, value) => new AppStreamStack(s, 'St').addEntitlement('E', { appVisibility: AppVisibility.ALL, attributes: [EntitlementAttribute.of(SamlAttribute.GROUPS, 'g')], [prop]: value })]),
      ['addEntitlement() options', (s, value) => new AppStreamStack(s, 'St').addEntitlement('E', value as any)],
    ]],
    ['AppBlock', /^(AppBlock 'S\/B'|AppBlockPackaging\.custom\(\)): /, [
      ...['source', 'packaging', 'appBlockName', 'displayName', 'description', 'tags', 'removalPolicy'].map((prop): [string, (s: Stack, value: unknown) => void] => [prop,
        (s, value) => new AppBlock(s, 'B', { source: location('a.vhdx'), packaging: AppBlockPackaging.appStream2(), [prop]: value })]),
      ...['script', 'executablePath', 'executableParameters', 'timeout'].map((prop): [string, (s: Stack, value: unknown) => void] => [`setupScript.${prop}`,
        (s, value) => new AppBlock(s, 'B', {
          source: location('a.vhdx'),
          packaging: AppBlockPackaging.custom({ setupScript: { script: location('setup.ps1'), executablePath: 'C:\\setup.exe', timeout: Duration.minutes(1), [prop]: value } }),
        })]),
    ]],
    ['Application', /^Application 'S\/A': /, ['appBlock', 'launchPath', 'icon', 'platforms', 'instanceFamilies', 'launchParameters', 'workingDirectory', 'applicationName',
      'displayName', 'description', 'tags', 'removalPolicy'].map((prop) => [prop, (s, value) => new Application(s, 'A', {
      appBlock: block(s),
      launchPath: 'C:\\app.exe',
      icon: location('icon.png'),
      platforms: [FleetPlatform.WINDOWS_SERVER_2019],
      instanceFamilies: [InstanceFamily.GENERAL_PURPOSE],
      [prop]: value,
    })])],
    ['AppBlockBuilder', /^AppBlockBuilder 'S\/AB': /, ['instanceType', 'vpc', 'vpcSubnets', 'securityGroups', 'enableDefaultInternetAccess', 'role', 'accessEndpoints', 'appBlocks',
      'appBlockBuilderName', 'displayName', 'description', 'tags', 'removalPolicy'].map((prop) => [prop, (s, value) => new AppBlockBuilder(s, 'AB', {
      instanceType: TYPE, vpc: twoZones(s), [prop]: value,
    })])],
  ];

  test.each(tables)('%s: every prop, given each value a plain JavaScript caller might pass: our message or success, never a TypeError', (_kind, kind, cases) => {
    const problems: string[] = [];
    for (const [what, make] of cases) {
      for (const value of junk) {
        const a = new App();
        try {
          make(new Stack(a, 'S'), value);
          a.synth();
        } catch (e) {
          if (e instanceof TypeError || !kind.test((e as Error).message)) {
            problems.push(`${what} = ${String(value)}: ${(e as Error).message.slice(0, 120)}`);
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });

  test('a construct where another kind of object is expected gets a message that shows its path', () => {
    const fleet = new ElasticFleet(stack, 'E', {
      platform: FleetPlatform.WINDOWS_SERVER_2019, instanceType: TYPE, maxConcurrentSessions: 2, vpc: new ec2.Vpc(stack, 'Vpc'),
    });
    expect(() => fleet.addApplication(js(new Construct(stack, 'NotAnApp'))))
      .toThrow(/^ElasticFleet 'Stack\/E': addApplication\(application\) Stack\/NotAnApp must be an IApplication, not a Construct \(it has no applicationArn, applicationName\)\. /);
  });

  test('null for an optional string is absent, as undefined is', () => {
    builder({ displayName: js(null), description: js(null) });
    expect(Object.values<any>(Template.fromStack(stack).findResources('AWS::AppStream::ImageBuilder'))[0].Properties.DisplayName).toBeUndefined();
  });

  test('missing props get a message', () => {
    expect(() => new ImageBuilder(stack, 'B', js(undefined))).toThrow(/ImageBuilder 'Stack\/B': props is required/);
    expect(() => new DirectoryConfig(stack, 'D', js({ organizationalUnitDistinguishedNames: [OU] }))).toThrow(/DirectoryConfig 'Stack\/D': directoryName is required/);
    expect(() => new DirectoryConfig(stack, 'E', js({ directoryName: 'corp.example.com', organizationalUnitDistinguishedNames: [OU] })))
      .toThrow(/serviceAccountCredentials is required/);
  });

  test('messages print no ${Token[...]} and no null for NaN', () => {
    expect(() => builder({ imageBuilderName: `bad name ${Aws.STACK_NAME}` }, 'A')).toThrow(/"bad name \$\{…\}"/);
    let message = '';
    try {
      builder({ rootVolumeSize: Size.gibibytes(NaN) }, 'B');
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/rootVolumeSize NaN must be a whole number from 200 to 500/);
    expect(message).not.toMatch(/Token\[|null/);
  });

  test('a long value is shortened around the part that is wrong', () => {
    const name = `${'a'.repeat(90)}#${'b'.repeat(9)}`;
    expect(() => builder({ imageBuilderName: name })).toThrow(/imageBuilderName …"a+#b+" \(100 characters, from character \d+\) must be/);
  });
});

describe('warnings stay warnings', () => {
  test('an unknown instance type warns, once', () => {
    builder({ instanceType: InstanceType.of('stream.standard.future') });
    Annotations.fromStack(stack).hasWarning('/Stack/Builder', Match.stringLikeRegexp('cdk-appstream:imageBuilder:unknownInstanceType'));
  });
});
