import { App, CfnParameter, Duration, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { beforeEach, describe, expect, test } from 'vitest';
import {
  AccessEndpoint, AppBlock, AppBlockBuilder, AppBlockBuilderProps, AppBlockPackaging, AppBlockProps, Application, ApplicationProps, ElasticFleet,
  ElasticFleetProps, Fleet, FleetPlatform, InstanceFamily, InstanceType, S3Location, Stack as AppStreamStack,
} from '../lib';

let app: App;
let stack: Stack;
let vpc: ec2.Vpc;
let bucket: s3.Bucket;

beforeEach(() => {
  app = new App();
  stack = new Stack(app, 'Stack', { env: { account: '123456789012', region: 'us-east-1' } });
  vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
  bucket = new s3.Bucket(stack, 'Apps');
});

const js = (x: unknown) => x as any;

function elastic(props: Partial<ElasticFleetProps> = {}, id = 'Elastic'): ElasticFleet {
  return new ElasticFleet(stack, id, {
    platform: FleetPlatform.WINDOWS_SERVER_2019, instanceType: InstanceType.STANDARD_MEDIUM, maxConcurrentSessions: 10, vpc, ...props,
  });
}

function block(props: Partial<AppBlockProps> = {}, id = 'Block'): AppBlock {
  return new AppBlock(stack, id, { source: S3Location.fromBucket(bucket, 'apps/notepadpp.vhdx'), packaging: AppBlockPackaging.appStream2(), ...props });
}

function application(props: Partial<ApplicationProps> = {}, id = 'App'): Application {
  return new Application(stack, id, {
    appBlock: props.appBlock ?? block({}, `${id}Block`),
    launchPath: 'C:\\Program Files\\Notepad++\\notepad++.exe',
    icon: S3Location.fromBucket(bucket, 'icons/notepadpp.png'),
    platforms: [FleetPlatform.WINDOWS_SERVER_2019],
    instanceFamilies: [InstanceFamily.GENERAL_PURPOSE],
    ...props,
  });
}

function builder(props: Partial<AppBlockBuilderProps> = {}, id = 'Builder'): AppBlockBuilder {
  return new AppBlockBuilder(stack, id, { instanceType: InstanceType.STANDARD_MEDIUM, vpc, ...props });
}

function only(type: string): Record<string, any> {
  const all = Object.values(Template.fromStack(stack).findResources(type));
  expect(all).toHaveLength(1);
  return all[0];
}

function warnings(s: Stack = stack): string[] {
  return Annotations.fromStack(s).findWarning('*', Match.anyValue()).map((w) => String(w.entry.data));
}

describe('ElasticFleet', () => {
  test('defines an ELASTIC fleet in one private subnet per zone, started on creation', () => {
    const f = elastic({ sessionScript: S3Location.fromBucket(bucket, 'scripts/session.zip'), maxUserDuration: Duration.hours(8), usbDeviceFilterStrings: ['Wacom Tablet,056A,0357,*,*,*,1,0'] });
    const r = only('AWS::AppStream::Fleet');
    expect(r.Properties).toMatchObject({
      FleetType: 'ELASTIC',
      Platform: 'WINDOWS_SERVER_2019',
      InstanceType: 'stream.standard.medium',
      MaxConcurrentSessions: 10,
      SessionScriptS3Location: { S3Bucket: { Ref: expect.stringMatching(/^Apps/) }, S3Key: 'scripts/session.zip' },
      MaxUserDurationInSeconds: 28800,
    });
    expect(r.Properties.ComputeCapacity).toBeUndefined();
    expect(r.Properties.ImageName).toBeUndefined();
    expect(r.Properties.VpcConfig.SubnetIds).toHaveLength(2);
    expect(r.CreationPolicy).toEqual({ StartFleet: true });
    expect(ElasticFleet.isElasticFleet(f)).toBe(true);
    expect(Fleet.isFleet(f)).toBe(false);
  });

  test('a stack takes an ElasticFleet as its fleet', () => {
    const f = elastic({ fleetName: 'elastic' });
    new AppStreamStack(stack, 'Desktops', { fleet: f });
    Template.fromStack(stack).hasResource('AWS::AppStream::StackFleetAssociation', {
      Properties: { FleetName: { Ref: Match.stringLikeRegexp('^Elastic') } }, DependsOn: Match.absent(),
    });
  });

  test('the session script\'s bucket lets AppStream read the key', () => {
    elastic({ sessionScript: S3Location.fromBucket(bucket, 'scripts/session.zip') });
    Template.fromStack(stack).hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Principal: { Service: 'appstream.amazonaws.com' }, Action: 's3:GetObject' })]) },
    });
    expect(only('AWS::AppStream::Fleet').DependsOn).toEqual(expect.arrayContaining([expect.stringMatching(/^AppsPolicy/)]));
  });

  test('an imported bucket warns that its policy is the user\'s', () => {
    elastic({ sessionScript: S3Location.fromBucket(s3.Bucket.fromBucketName(stack, 'Imported', 'my-scripts'), 'session.zip') });
    expect(warnings().join('\n')).toMatch(/sessionScript: bucket 'my-scripts' is not defined in this app.*cdk-appstream:elasticFleet:bucketPolicyNotManaged/);
  });

  test('fails an empty session-script key', () => {
    expect(() => elastic({ sessionScript: S3Location.fromBucket(bucket, '') })).toThrow(/ElasticFleet 'Stack\/Elastic': sessionScript key "" must not be empty/);
  });

  test('fails a bucket name S3 cannot have', () => {
    expect(() => elastic({ sessionScript: S3Location.fromBucketName('-scripts', 'session.zip') })).toThrow(/sessionScript bucket name "-scripts" must be an S3 bucket name/);
    expect(() => elastic({ sessionScript: S3Location.fromBucketName('My_Bucket', 'session.zip') }, 'E2)')).toThrow(/bucket name "My_Bucket" must be lowercase letters/);
  });

  test('accepts each Elastic platform and instance type', () => {
    for (const [i, platform] of [FleetPlatform.WINDOWS_SERVER_2019, FleetPlatform.AMAZON_LINUX2, FleetPlatform.UBUNTU_PRO_2404].entries()) {
      elastic({ platform, instanceType: InstanceType.STANDARD_2XLARGE }, `E${i}`);
    }
    Template.fromStack(stack).resourceCountIs('AWS::AppStream::Fleet', 3);
  });

  test('a platform the model takes but the docs do not give for Elastic fleets warns (the docs alone say so), and is written as given', () => {
    elastic({ platform: FleetPlatform.WINDOWS_SERVER_2022 });
    expect(warnings()).toEqual([
      "ElasticFleet 'Stack/Elastic': platform \"WINDOWS_SERVER_2022\" is not one of the platforms the AppStream docs give for elastic fleets (FleetPlatform.WINDOWS_SERVER_2019, FleetPlatform.AMAZON_LINUX2, FleetPlatform.UBUNTU_PRO_2404). AWS may refuse it at deployment: use one of those, or ignore this if AWS supports it now. [ack: cdk-appstream:elasticFleet:undocumentedPlatform]",
    ]);
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::Fleet', { Platform: 'WINDOWS_SERVER_2022' });
  });

  test('a platform the library does not know (FleetPlatform.of) warns, and is written as given', () => {
    elastic({ platform: FleetPlatform.of('WINDOWS_SERVER_2031') });
    expect(warnings()).toEqual([expect.stringMatching(/^platform 'WINDOWS_SERVER_2031' is not one of the platforms this library knows for elastic fleets \(FleetPlatform.WINDOWS_SERVER_2019, .*\[ack: cdk-appstream:elasticFleet:unknownPlatform\]$/)]);
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::Fleet', { Platform: 'WINDOWS_SERVER_2031' });
  });

  test('a platform from a parameter is not judged, and does not refuse applications', () => {
    const f = elastic({ platform: FleetPlatform.of(new CfnParameter(stack, 'Platform').valueAsString) });
    f.addApplication(application());
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::Fleet', { Platform: { Ref: 'Platform' } });
  });

  test('fails an instance type Elastic fleets do not offer', () => {
    expect(() => elastic({ instanceType: InstanceType.COMPUTE_LARGE })).toThrow(/instanceType "stream.compute.large" is not offered for elastic fleets/);
  });

  test('fails maxConcurrentSessions of 0, and a missing one', () => {
    expect(() => elastic({ maxConcurrentSessions: 0 })).toThrow(/maxConcurrentSessions 0 must be a whole number from 1 to 2147483647/);
    expect(() => elastic({ maxConcurrentSessions: js(undefined) }, 'E2')).toThrow(/maxConcurrentSessions is required/);
  });

  test('maxConcurrentSessions from a parameter passes unchecked', () => {
    elastic({ maxConcurrentSessions: new CfnParameter(stack, 'Max', { type: 'Number' }).valueAsNumber });
    expect(only('AWS::AppStream::Fleet').Properties.MaxConcurrentSessions).toEqual({ Ref: 'Max' });
  });

  test('fails a missing vpc', () => {
    expect(() => elastic({ vpc: js(undefined) })).toThrow(/ElasticFleet 'Stack\/Elastic': vpc is required\. Give an ec2\.IVpc \(the VPC of the fleet's instances: Elastic fleets need subnets in at least two availability zones\)/);
  });

  test('fails subnets in one zone', () => {
    expect(() => elastic({ vpcSubnets: { availabilityZones: [vpc.availabilityZones[0]] } })).toThrow(/vpcSubnets must have at least 2 subnets \(it has 1\)/);
    expect(() => elastic({ vpcSubnets: { subnets: [vpc.privateSubnets[0], vpc.publicSubnets[0]] } }, 'E2'))
      .toThrow(/selects subnets in 1 availability zone, but an elastic fleet needs subnets in at least 2/);
  });

  test('shares Fleet\'s duration and USB rules', () => {
    expect(() => elastic({ idleDisconnectTimeout: Duration.hours(2) })).toThrow(/idleDisconnectTimeout \(in seconds\) 7200 must be a whole number from 60 to 3600/);
    expect(() => elastic({ usbDeviceFilterStrings: ['not a filter'] }, 'E2')).toThrow(/usbDeviceFilterStrings\[0\] "not a filter" must be a USB device filter string/);
    elastic({ idleDisconnectTimeout: Duration.seconds(90) }, 'E3');
    expect(warnings().join('\n')).toMatch(/cdk-appstream:elasticFleet:idleDisconnectTimeoutRounded/);
  });

  test('grants, role and connections', () => {
    const f = elastic();
    const user = new iam.User(stack, 'Operator');
    f.grantStartStop(user);
    f.grant(f.grantPrincipal, 'appstream:DescribeFleets');
    f.connections.allowFromAnyIpv4(ec2.Port.tcp(443));
    const policies = JSON.stringify(Template.fromStack(stack).findResources('AWS::IAM::Policy'));
    expect(policies).toMatch(/appstream:StartFleet/);
    expect(only('AWS::AppStream::Fleet').Properties.IamRoleArn).toBeDefined();
  });

  test('imports by name and ARN', () => {
    expect(stack.resolve(ElasticFleet.fromElasticFleetName(stack, 'ByName', 'pool').fleetArn)).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':appstream:us-east-1:123456789012:fleet/pool']],
    });
    expect(ElasticFleet.fromElasticFleetArn(stack, 'ByArn', 'arn:aws:appstream:us-east-1:123456789012:fleet/pool').fleetName).toBe('pool');
  });

  test('warns where CloudFormation lacks the Elastic properties', () => {
    const cn = new Stack(app, 'China', { env: { account: '123456789012', region: 'cn-northwest-1' } });
    new ElasticFleet(cn, 'E', { platform: FleetPlatform.WINDOWS_SERVER_2019, instanceType: InstanceType.STANDARD_SMALL, maxConcurrentSessions: 1, vpc: new ec2.Vpc(cn, 'Vpc', { maxAzs: 2 }) });
    expect(warnings(cn).join('\n')).toMatch(/cdk-appstream:elasticFleet:propertyNotInRegion/);
  });
});

describe('ElasticFleet.addApplication', () => {
  test('associates an application by ARN', () => {
    const f = elastic({ fleetName: 'pool' });
    const a = application();
    f.addApplication(a);
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::ApplicationFleetAssociation', {
      FleetName: { Ref: Match.stringLikeRegexp('^Elastic') }, ApplicationArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^App'), 'Arn'] },
    });
  });

  test('the applications prop does the same; an imported application is taken as is', () => {
    elastic({ applications: [application(), Application.fromApplicationArn(stack, 'Imported', 'arn:aws:appstream:us-east-1:123456789012:application/x')] });
    Template.fromStack(stack).resourceCountIs('AWS::AppStream::ApplicationFleetAssociation', 2);
  });

  test('fails an application whose platforms exclude the fleet\'s', () => {
    const f = elastic({ platform: FleetPlatform.AMAZON_LINUX2 });
    expect(() => f.addApplication(application())).toThrow(/addApplication\(\) "Stack\/App" runs on WINDOWS_SERVER_2019, not on the fleet's platform AMAZON_LINUX2/);
  });

  test('a fleet whose platform is a parameter takes any application: the platform is known only at deployment', () => {
    const platform = new CfnParameter(stack, 'Platform', { allowedValues: ['WINDOWS_SERVER_2019', 'AMAZON_LINUX2'] }).valueAsString;
    const f = elastic({ platform: FleetPlatform.of(platform) });
    f.addApplication(application({}, 'Windows'));
    f.addApplication(application({ platforms: [FleetPlatform.AMAZON_LINUX2] }, 'Linux'));
    Template.fromStack(stack).resourceCountIs('AWS::AppStream::ApplicationFleetAssociation', 2);
  });

  test('fails an application without GENERAL_PURPOSE', () => {
    const f = elastic();
    expect(() => f.addApplication(application({ instanceFamilies: [InstanceFamily.GRAPHICS_G4] }))).toThrow(/not on GENERAL_PURPOSE/);
  });

  test('fails the same application twice', () => {
    const f = elastic();
    const a = application();
    f.addApplication(a);
    expect(() => f.addApplication(a)).toThrow(/adds the same application as 'Stack\/App' again/);
  });
});

describe('AppBlock', () => {
  const script = () => ({ script: S3Location.fromBucket(bucket, 'scripts/setup.ps1'), executablePath: 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe', timeout: Duration.minutes(5) });

  test('CUSTOM packaging renders its setup script', () => {
    block({ packaging: AppBlockPackaging.custom({ setupScript: { ...script(), executableParameters: '-File setup.ps1' } }) });
    expect(only('AWS::AppStream::AppBlock').Properties).toMatchObject({
      PackagingType: 'CUSTOM',
      SourceS3Location: { S3Key: 'apps/notepadpp.vhdx' },
      SetupScriptDetails: { ExecutableParameters: '-File setup.ps1', TimeoutInSeconds: 300, ScriptS3Location: { S3Key: 'scripts/setup.ps1' } },
    });
  });

  test('APPSTREAM2 packaging takes a post-setup script', () => {
    block({ packaging: AppBlockPackaging.appStream2({ postSetupScript: script() }) });
    expect(only('AWS::AppStream::AppBlock').Properties).toMatchObject({ PackagingType: 'APPSTREAM2', PostSetupScriptDetails: { TimeoutInSeconds: 300 } });
  });

  test('the generated name changes with the props; a given name is kept', () => {
    const a = block({}, 'A');
    const other = new App();
    const s2 = new Stack(other, 'Stack', { env: { account: '123456789012', region: 'us-east-1' } });
    const b = new AppBlock(s2, 'A', { source: S3Location.fromBucketName('apps-bucket', 'apps/v2.vhdx'), packaging: AppBlockPackaging.appStream2() });
    expect(a.appBlockName).toMatch(/^StackA[0-9A-F]*-[0-9a-f]{8}$/);
    expect(b.appBlockName).not.toBe(a.appBlockName);
    expect(block({ appBlockName: 'notepad' }, 'N').appBlockName).toBe('notepad');
  });

  test('fails a CUSTOM block without a setup script', () => {
    expect(() => block({ packaging: AppBlockPackaging.custom(js({})) })).toThrow(/^AppBlockPackaging\.custom\(\): options\.setupScript is required\. Give an object with the fields of AppBlockScript/);
  });

  test('fails an empty source key, and a script timeout of 0', () => {
    expect(() => block({ source: S3Location.fromBucket(bucket, '') })).toThrow(/source key "" must not be empty/);
    expect(() => block({ packaging: AppBlockPackaging.appStream2({ postSetupScript: { ...script(), timeout: Duration.seconds(0) } }) }, 'B2'))
      .toThrow(/packaging.postSetupScript.timeout \(in seconds\) 0 must be a whole number from 1/);
  });

  test('fails a CUSTOM block with a post-setup script, as plain JavaScript may give it (only APPSTREAM2 blocks take one)', () => {
    const packaging = js({ packagingType: 'CUSTOM', setupScript: script(), postSetupScript: script() });
    expect(() => block({ packaging })).toThrow(/AppBlock 'Stack\/Block': packaging.postSetupScript is only for APPSTREAM2 packaging, not CUSTOM\. Leave postSetupScript out/);
    block({ packaging: js({ packagingType: 'CUSTOM', setupScript: script() }) }, 'Good');
    expect(only('AWS::AppStream::AppBlock').Properties.PackagingType).toBe('CUSTOM');
  });

  test('an APPSTREAM2 block without a key names the bucket where the app block builder puts a new package', () => {
    block({ source: S3Location.fromBucket(bucket) });
    expect(only('AWS::AppStream::AppBlock').Properties.SourceS3Location).toEqual({ S3Bucket: { Ref: expect.stringMatching(/^Apps/) } });
    expect(warnings().join('\n')).toMatch(/source: the app block builder uploads the new package to the bucket, whose policy is yours to set.*\[ack: cdk-appstream:appBlock:packageUploadPolicyNotManaged\]/);
  });

  test('an APPSTREAM2 block whose bucket is given by name, without a key: the warning names the bucket, or not when its name is a token', () => {
    block({ source: S3Location.fromBucketName('apps-bucket') });
    const token = new CfnParameter(stack, 'AppsBucket').valueAsString;
    block({ source: S3Location.fromBucketName(token) }, 'ByToken');
    const upload = warnings().filter((w) => w.includes('packageUploadPolicyNotManaged'));
    expect(upload).toEqual([
      "source: the app block builder uploads the new package to the bucket 'apps-bucket', whose policy is yours to set: give the service principal appstream.amazonaws.com the access the AppStream docs ask for uploading app block packages (https://docs.aws.amazon.com/appstream2/latest/developerguide/s3-permissions.html). [ack: cdk-appstream:appBlock:packageUploadPolicyNotManaged]",
      'source: the app block builder uploads the new package to the bucket, whose policy is yours to set: give the service principal appstream.amazonaws.com the access the AppStream docs ask for uploading app block packages (https://docs.aws.amazon.com/appstream2/latest/developerguide/s3-permissions.html). [ack: cdk-appstream:appBlock:packageUploadPolicyNotManaged]',
    ]);
  });

  test('fails a CUSTOM block without a source key, and a script without one', () => {
    expect(() => block({ source: S3Location.fromBucket(bucket), packaging: AppBlockPackaging.custom({ setupScript: script() }) }))
      .toThrow(/AppBlock 'Stack\/Block': source key is required\. Give the key of the object in the bucket/);
    expect(() => block({ packaging: AppBlockPackaging.appStream2({ postSetupScript: { ...script(), script: S3Location.fromBucketName('my-scripts') } }) }, 'B2'))
      .toThrow(/AppBlock 'Stack\/B2': packaging.postSetupScript.script key is required/);
  });

  test('one bucket serving several locations gets one statement for AppStream, with every key', () => {
    block({ packaging: AppBlockPackaging.custom({ setupScript: script() }) });
    application({ appBlock: AppBlock.fromAppBlockName(stack, 'Imported', 'notepad') });
    const statements = Object.values(Template.fromStack(stack).findResources('AWS::S3::BucketPolicy'))[0].Properties.PolicyDocument.Statement;
    const appStream = statements.filter((st: any) => st.Principal?.Service === 'appstream.amazonaws.com');
    expect(appStream).toHaveLength(1);
    expect(appStream[0]).toMatchObject({ Sid: 'AppStreamReads', Effect: 'Allow', Action: 's3:GetObject' });
    expect(appStream[0].Resource.map((r: any) => r['Fn::Join'][1][1])).toEqual(['/apps/notepadpp.vhdx', '/scripts/setup.ps1', '/icons/notepadpp.png']);
    const sids = statements.map((st: any) => st.Sid).filter((sid: unknown) => sid !== undefined);
    expect(new Set(sids).size).toBe(sids.length);
  });

  test('a key that several locations share is one resource of the statement', () => {
    block({ packaging: AppBlockPackaging.custom({ setupScript: script() }) });
    block({ packaging: AppBlockPackaging.custom({ setupScript: script() }) }, 'Again');
    const statements = Object.values(Template.fromStack(stack).findResources('AWS::S3::BucketPolicy'))[0].Properties.PolicyDocument.Statement;
    const appStream = statements.filter((st: any) => st.Principal?.Service === 'appstream.amazonaws.com');
    expect(appStream).toHaveLength(1);
    expect(appStream[0].Resource.map((r: any) => r['Fn::Join'][1][1])).toEqual(['/apps/notepadpp.vhdx', '/scripts/setup.ps1']);
  });

  test.each([
    'my-.apps', 'my.-apps', 'my..apps', '192.168.5.4', 'xn--apps', 'sthree-apps', 'amzn-s3-demo-apps', 'apps-s3alias', 'apps--ol-s3', 'apps.mrap', 'apps--x-s3', 'apps--table-s3',
  ])('fails the bucket name %s, which breaks S3\'s naming rules', (name) => {
    expect(() => block({ source: S3Location.fromBucketName(name, 'a.vhdx') })).toThrow(/AppBlock 'Stack\/Block': source bucket name .* must be an S3 bucket name/);
  });

  test.each(['my-apps', 'apps.example.com', '192.168.5.4a', 'xn-apps', 'apps-s3', 'my-apps-1'])('accepts the bucket name %s', (name) => {
    block({ source: S3Location.fromBucketName(name, 'a.vhdx') });
    expect(only('AWS::AppStream::AppBlock').Properties.SourceS3Location.S3Bucket).toBe(name);
  });

  test('fails an empty executable path', () => {
    expect(() => block({ packaging: AppBlockPackaging.custom({ setupScript: { ...script(), executablePath: '' } }) })).toThrow(/packaging.setupScript.executablePath "" must not be empty/);
  });

  test('imports by name and ARN', () => {
    expect(AppBlock.fromAppBlockArn(stack, 'ByArn', 'arn:aws:appstream:us-east-1:123456789012:app-block/notepad').appBlockName).toBe('notepad');
    expect(stack.resolve(AppBlock.fromAppBlockName(stack, 'ByName', 'notepad').appBlockArn)['Fn::Join'][1]).toContain(':appstream:us-east-1:123456789012:app-block/notepad');
    expect(AppBlock.isAppBlock(block())).toBe(true);
  });

  test('warns in us-west-1, where CloudFormation has no app blocks', () => {
    const west = new Stack(app, 'West', { env: { account: '123456789012', region: 'us-west-1' } });
    new AppBlock(west, 'B', { source: S3Location.fromBucketName('apps-bucket', 'a.vhdx'), packaging: AppBlockPackaging.appStream2() });
    expect(warnings(west).join('\n')).toMatch(/cdk-appstream:appBlock:resourceNotInRegion/);
  });
});

describe('Application', () => {
  test('defines an application of an app block', () => {
    application({ launchParameters: '-multiInst', workingDirectory: 'C:\\Temp', displayName: 'Notepad++' });
    expect(only('AWS::AppStream::Application').Properties).toMatchObject({
      AppBlockArn: { 'Fn::GetAtt': [expect.stringMatching(/^AppBlock/), 'Arn'] },
      Platforms: ['WINDOWS_SERVER_2019'],
      InstanceFamilies: ['GENERAL_PURPOSE'],
      LaunchParameters: '-multiInst',
      WorkingDirectory: 'C:\\Temp',
      IconS3Location: { S3Key: 'icons/notepadpp.png' },
    });
  });

  test('accepts 1 to 3 platforms; fails none, and one twice', () => {
    application({ platforms: [FleetPlatform.WINDOWS_SERVER_2019, FleetPlatform.AMAZON_LINUX2, FleetPlatform.UBUNTU_PRO_2404] });
    expect(() => application({ platforms: [] }, 'A2')).toThrow(/platforms must have at least 1 platform \(it has 0\)/);
    expect(() => application({ platforms: [FleetPlatform.AMAZON_LINUX2, FleetPlatform.AMAZON_LINUX2] }, 'A3')).toThrow(/platforms\[1\] "AMAZON_LINUX2" is already in platforms/);
  });

  test('warns for a platform the docs do not give for applications (the model takes it), and fails no instance family', () => {
    expect(() => application({ instanceFamilies: [] }, 'A3')).toThrow(/instanceFamilies must have at least 1 instance family/);
    application({ platforms: [FleetPlatform.WINDOWS] });
    expect(warnings()).toEqual([expect.stringMatching(/^Application 'Stack\/\w+': platforms\[0\] "WINDOWS" is not one of the platforms the AppStream docs give for applications .*\[ack: cdk-appstream:application:undocumentedPlatform\]$/)]);
  });

  test('an instance family or platform the library does not know warns (InstanceFamily.of, FleetPlatform.of)', () => {
    application({ instanceFamilies: [InstanceFamily.of('GRAPHICS_G5')], platforms: [FleetPlatform.of('WINDOWS_SERVER_2031')] });
    expect(warnings()).toEqual([
      expect.stringMatching(/^platforms\[0\] 'WINDOWS_SERVER_2031' is not one of the platforms this library knows for applications .*\[ack: cdk-appstream:application:unknownPlatform\]$/),
      expect.stringMatching(/^instanceFamilies\[0\] 'GRAPHICS_G5' is not one of the instance families this library knows for applications \(InstanceFamily.GENERAL_PURPOSE, InstanceFamily.GRAPHICS_G4\).*\[ack: cdk-appstream:application:unknownInstanceFamily\]$/),
    ]);
  });

  test('platforms and instance families that are list tokens are not judged, and render as given', () => {
    const platforms = Token.asList({ Ref: 'Platforms' }) as unknown as FleetPlatform[];
    const families = Token.asList({ Ref: 'Families' }) as unknown as InstanceFamily[];
    application({ platforms, instanceFamilies: families });
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::Application', { Platforms: { Ref: 'Platforms' }, InstanceFamilies: { Ref: 'Families' } });
  });

  test('fails an empty launch path and an icon without a key', () => {
    expect(() => application({ launchPath: '' })).toThrow(/launchPath "" must not be empty/);
    expect(() => application({ icon: S3Location.fromBucket(bucket, '') }, 'A2')).toThrow(/icon key "" must not be empty/);
  });

  test('imports by name and ARN', () => {
    expect(Application.fromApplicationArn(stack, 'ByArn', 'arn:aws:appstream:us-east-1:123456789012:application/notepad').applicationName).toBe('notepad');
    expect(Application.fromApplicationName(stack, 'ByName', 'notepad').applicationName).toBe('notepad');
    expect(Application.isApplication(application())).toBe(true);
  });
});

describe('AppBlockBuilder', () => {
  test('defines a Windows Server 2019 builder in two zones with its app blocks', () => {
    const b = block();
    builder({ appBlocks: [b], accessEndpoints: [AccessEndpoint.fromVpceId('vpce-0123456789abcdef0')], tags: { team: 'apps' } });
    const r = only('AWS::AppStream::AppBlockBuilder');
    expect(r.Properties).toMatchObject({
      Platform: 'WINDOWS_SERVER_2019',
      InstanceType: 'stream.standard.medium',
      AppBlockArns: [{ 'Fn::GetAtt': [expect.stringMatching(/^Block/), 'Arn'] }],
      AccessEndpoints: [{ EndpointType: 'STREAMING', VpceId: 'vpce-0123456789abcdef0' }],
      Tags: [{ Key: 'team', Value: 'apps' }],
    });
    expect(r.Properties.VpcConfig.SubnetIds).toHaveLength(2);
  });

  test('no app blocks and no grants: no AppBlockArns and no role', () => {
    builder();
    expect(only('AWS::AppStream::AppBlockBuilder').Properties.AppBlockArns).toBeUndefined();
    expect(only('AWS::AppStream::AppBlockBuilder').Properties.IamRoleArn).toBeUndefined();
  });

  test('grants streaming URLs and start/stop; the role is defined on first use', () => {
    const b = builder();
    const user = new iam.User(stack, 'Packager');
    b.grantCreateStreamingUrl(user);
    b.grantStartStop(user);
    b.role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('ReadOnlyAccess'));
    const policies = JSON.stringify(Template.fromStack(stack).findResources('AWS::IAM::Policy'));
    expect(policies).toMatch(/appstream:CreateAppBlockBuilderStreamingURL/);
    expect(policies).toMatch(/appstream:StartAppBlockBuilder/);
    expect(only('AWS::AppStream::AppBlockBuilder').Properties.IamRoleArn).toBeDefined();
    expect(b.connections.securityGroups).toHaveLength(1);
  });

  test('fails an instance type builders do not offer', () => {
    expect(() => builder({ instanceType: InstanceType.MEMORY_LARGE })).toThrow(/instanceType "stream.memory.large" is not offered for app block builders/);
  });

  test('fails subnets in one zone', () => {
    expect(() => builder({ vpcSubnets: { subnets: [vpc.privateSubnets[0]] } })).toThrow(/AppBlockBuilder 'Stack\/Builder': vpcSubnets must have at least 2 subnets/);
  });

  test('fails five access endpoints, and the same app block twice', () => {
    const e = AccessEndpoint.fromVpceId('vpce-0123456789abcdef0');
    expect(() => builder({ accessEndpoints: [e, e, e, e, e] })).toThrow(/accessEndpoints must have at most 4 endpoints/);
    const b = block();
    expect(() => builder({ appBlocks: [b, b] }, 'B2')).toThrow(/appBlocks "Stack\/Block" lists the same app block twice/);
  });

  test('imports by name and ARN', () => {
    const i = AppBlockBuilder.fromAppBlockBuilderName(stack, 'ByName', 'packager');
    expect(i.appBlockBuilderName).toBe('packager');
    expect(AppBlockBuilder.fromAppBlockBuilderArn(stack, 'ByArn', 'arn:aws:appstream:us-east-1:123456789012:app-block-builder/packager').appBlockBuilderName).toBe('packager');
    expect(AppBlockBuilder.isAppBlockBuilder(builder())).toBe(true);
  });
});
