/**
 * The Elastic path's own constructs, lib/app-block.ts, lib/application.ts, lib/app-block-builder.ts and
 * lib/s3-location.ts (issue 14): every error message and warning whole, the imports' names, ARNs and
 * environments, the isX() guards, the generated names and their hashes, what is written to the template
 * and what is left out, the bucket policy and the dependency on it, and the builder's grants and role.
 */
import { App, CfnParameter, Duration, RemovalPolicy, Stack, Tags } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { beforeEach, describe, expect, test } from 'vitest';
import {
  AccessEndpoint, AppBlock, AppBlockBuilder, AppBlockBuilderProps, AppBlockPackaging, AppBlockProps, AppBlockScript, Application, ApplicationProps,
  FleetPlatform, InstanceFamily, InstanceType, S3Location,
} from '../../lib';
import { API_TYPES } from '../../lib/private/api-types.generated';
import { S3_BUCKET_FORMAT } from '../../lib/private/rules';

const ENV = { account: '123456789012', region: 'us-east-1' };
const POWERSHELL = 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe';
const NAME_RULE = "must be 1 to 101 characters: letters, digits, '_', '.' and '-', starting with a letter or digit (pattern ^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$)";
const ARN_RULE = 'must be an ARN in an AWS partition (pattern ^arn:aws(?:\\-cn|\\-iso\\-b|\\-iso|\\-us\\-gov)?:[A-Za-z0-9][A-Za-z0-9_/.-]{0,62}:[A-Za-z0-9_/.-]{0,63}:[A-Za-z0-9_/.-]{0,63}:[A-Za-z0-9][A-Za-z0-9:_/+=,@.\\\\-]{0,1023}$)';
const BUCKET_FIX = 'Give the name of an S3 bucket: 3 to 63 lowercase letters, digits, dots and hyphens, starting and ending with a letter or digit.';
const KEY_FIX = "Give the key of the object in the bucket, such as 'apps/notepadpp.vhdx' (AppStream needs a key for this location).";
const js = (x: unknown) => x as any;
const BUCKET = API_TYPES['aws-cdk-lib.aws_s3.IBucket'];
const BUCKET_MEMBERS = BUCKET.kind === 'external' ? BUCKET.members ?? [] : [];
/** A stand-in for an s3.IBucket from plain JavaScript: every member the boundary asks of one (each a function), then `own`. */
const bucketStandIn = (own: Record<string, unknown>) => js({ ...Object.fromEntries(BUCKET_MEMBERS.map((m) => [m, () => undefined])), ...own });

let app: App;
let stack: Stack;
let vpc: ec2.Vpc;
let bucket: s3.Bucket;

beforeEach(() => {
  app = new App();
  stack = new Stack(app, 'Stack', { env: ENV });
  vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
  bucket = new s3.Bucket(stack, 'Apps');
});

function script(props: Partial<AppBlockScript> = {}): AppBlockScript {
  return { script: S3Location.fromBucket(bucket, 'scripts/setup.ps1'), executablePath: POWERSHELL, timeout: Duration.minutes(5), ...props };
}
function block(props: Partial<AppBlockProps> = {}, id = 'Block', scope: Stack = stack): AppBlock {
  return new AppBlock(scope, id, { source: S3Location.fromBucketName('apps-bucket', 'apps/notepadpp.vhdx'), packaging: AppBlockPackaging.appStream2(), ...props });
}
function application(props: Partial<ApplicationProps> = {}, id = 'App', scope: Stack = stack): Application {
  return new Application(scope, id, {
    appBlock: AppBlock.fromAppBlockArn(scope, `${id}Block`, 'arn:aws:appstream:us-east-1:123456789012:app-block/notepad'),
    launchPath: 'C:\\Program Files\\Notepad++\\notepad++.exe',
    icon: S3Location.fromBucketName('icons-bucket', 'icons/notepadpp.png'),
    platforms: [FleetPlatform.WINDOWS_SERVER_2019],
    instanceFamilies: [InstanceFamily.GENERAL_PURPOSE],
    ...props,
  });
}
function builder(props: Partial<AppBlockBuilderProps> = {}, id = 'Builder', scope: Stack = stack): AppBlockBuilder {
  return new AppBlockBuilder(scope, id, { instanceType: InstanceType.STANDARD_MEDIUM, vpc, ...props });
}
function resources(type: string, scope: Stack = stack): Record<string, any>[] {
  return Object.values(Template.fromStack(scope).findResources(type));
}
function only(type: string, scope: Stack = stack): Record<string, any> {
  const all = resources(type, scope);
  expect(all).toHaveLength(1);
  return all[0];
}
function warnings(scope: Stack = stack): string[] {
  return Annotations.fromStack(scope).findWarning('*', Match.anyValue()).map((w) => String(w.entry.data));
}
function otherStack(env: { account?: string; region?: string } = ENV): Stack {
  return new Stack(new App(), 'Stack', { env });
}
function partitionArn(rest: string) {
  return { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, rest]] };
}

describe('S3Location', () => {
  test('a bucket of the app: the policy lets AppStream read the key only, and the reader depends on it', () => {
    const b = block({ source: S3Location.fromBucket(bucket, 'apps/notepadpp.vhdx') });
    const policy = only('AWS::S3::BucketPolicy');
    expect(policy.Properties.PolicyDocument.Statement).toEqual([{
      Sid: 'AppStreamReads',
      Effect: 'Allow',
      Principal: { Service: 'appstream.amazonaws.com' },
      Action: 's3:GetObject',
      Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket), 'Arn'] }, '/apps/notepadpp.vhdx']] },
    }]);
    const policyId = Object.keys(Template.fromStack(stack).findResources('AWS::S3::BucketPolicy'))[0];
    expect(only('AWS::AppStream::AppBlock').DependsOn).toEqual([policyId]);
    expect(only('AWS::AppStream::AppBlock').Properties.SourceS3Location).toEqual({ S3Bucket: { Ref: stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket) }, S3Key: 'apps/notepadpp.vhdx' });
    expect(warnings()).toEqual([]);
    expect(b.node.dependencies).toHaveLength(1);
  });

  test('a bucket by name, or imported, warns with the bucket, key and id; a token bucket is "the bucket"', () => {
    block({ source: S3Location.fromBucketName('apps-bucket', 'apps/a.vhdx') }, 'A');
    block({ source: S3Location.fromBucket(s3.Bucket.fromBucketName(stack, 'Imported', 'my-apps'), 'apps/b.vhdx') }, 'B');
    const name = new CfnParameter(stack, 'BucketName').valueAsString;
    block({ source: S3Location.fromBucketName(name, 'apps/c.vhdx') }, 'C');
    expect(warnings()).toEqual([
      "source: bucket 'apps-bucket' is not defined in this app, so its policy is yours to set: let the service principal appstream.amazonaws.com call s3:GetObject on the key 'apps/a.vhdx', or AppStream cannot read it. [ack: cdk-appstream:appBlock:bucketPolicyNotManaged]",
      "source: bucket 'my-apps' is not defined in this app, so its policy is yours to set: let the service principal appstream.amazonaws.com call s3:GetObject on the key 'apps/b.vhdx', or AppStream cannot read it. [ack: cdk-appstream:appBlock:bucketPolicyNotManaged]",
      "source: the bucket is not defined in this app, so its policy is yours to set: let the service principal appstream.amazonaws.com call s3:GetObject on the key 'apps/c.vhdx', or AppStream cannot read it. [ack: cdk-appstream:appBlock:bucketPolicyNotManaged]",
    ]);
    expect(resources('AWS::S3::BucketPolicy')).toEqual([]);
  });

  test('a policy added without a dependable, or a dependable without an added statement, warns and adds no dependency', () => {
    const fake = (result: iam.AddToResourcePolicyResult) => bucketStandIn({
      bucketName: 'fake-bucket', addToResourcePolicy: () => result, arnForObjects: (k: string) => `arn:aws:s3:::fake-bucket/${k}`,
    });
    const dependable = new Construct(stack, 'Dependable');
    const a = block({ source: S3Location.fromBucket(fake({ statementAdded: true }), 'a.vhdx') }, 'A');
    const b = block({ source: S3Location.fromBucket(fake({ statementAdded: false, policyDependable: dependable }), 'b.vhdx') }, 'B');
    expect(a.node.dependencies).toEqual([]);
    expect(b.node.dependencies).toEqual([]);
    expect(warnings()).toEqual([
      "source: bucket 'fake-bucket' is not defined in this app, so its policy is yours to set: let the service principal appstream.amazonaws.com call s3:GetObject on the key 'a.vhdx', or AppStream cannot read it. [ack: cdk-appstream:appBlock:bucketPolicyNotManaged]",
      "source: bucket 'fake-bucket' is not defined in this app, so its policy is yours to set: let the service principal appstream.amazonaws.com call s3:GetObject on the key 'b.vhdx', or AppStream cannot read it. [ack: cdk-appstream:appBlock:bucketPolicyNotManaged]",
    ]);
  });

  test('bound to a construct of another library, it speaks of that construct', () => {
    const other = new Construct(stack, 'Other');
    expect(S3Location.fromBucketName('apps-bucket', 'k').bind(other, 'thing')).toEqual({ s3Bucket: 'apps-bucket', s3Key: 'k' });
    expect(Annotations.fromStack(stack).findWarning('/Stack/Other', Match.stringLikeRegexp('^thing: bucket .apps-bucket. is not defined'))).toHaveLength(1);
    expect(() => S3Location.fromBucketName('a', 'k').bind(other, 'thing'))
      .toThrow(`Construct 'Stack/Other': thing bucket name "a" must be at least 3 characters long (it is 1). ${BUCKET_FIX}`);
  });

  test('each problem of the bucket, whole', () => {
    expect(() => block({ source: S3Location.fromBucket(undefined as any, 'k') }, 'A')).toThrow('S3Location.fromBucket(): bucket is required. Give an s3.IBucket (the bucket).');
    // Lacking members of an s3.IBucket, it is refused where it is given; with all of them but one not a
    // function, or a name that is no string, where it is bound.
    expect(() => block({ source: S3Location.fromBucket(js({ bucketName: 'b-b' }), 'k') }, 'B'))
      .toThrow('S3Location.fromBucket(): bucket {"bucketName":"b-b"} must be an s3.IBucket, not an object (it has no addEventNotification, addObjectCreatedNotification, addObjectRemovedNotification). Give an s3.IBucket (the bucket).');
    expect(() => block({ source: S3Location.fromBucket(bucketStandIn({ bucketName: 'b-b', addToResourcePolicy: 5 }), 'k') }, 'B2'))
      .toThrow("AppBlock 'Stack/B2': source bucket {\"addToResourcePolicy\":5,\"bucketName\":\"b-b\"} is not of the expected type. Give an s3.IBucket: an s3.Bucket defined in the app, or one imported with s3.Bucket.fromBucketName().");
    expect(() => block({ source: S3Location.fromBucket(bucketStandIn({ bucketName: 5, addToResourcePolicy: () => ({ statementAdded: false }) }), 'k') }, 'C'))
      .toThrow("AppBlock 'Stack/C': source bucket {\"bucketName\":5} is not of the expected type. Give an s3.IBucket: an s3.Bucket defined in the app, or one imported with s3.Bucket.fromBucketName().");
    expect(() => block({ source: S3Location.fromBucketName(undefined as any, 'k') }, 'D')).toThrow("S3Location.fromBucketName(): bucketName is required. Give a string (the bucket's name).");
    expect(() => block({ source: S3Location.fromBucketName('My_Bucket', 'k') }, 'E'))
      .toThrow(`AppBlock 'Stack/E': source bucket name "My_Bucket" must be lowercase letters, digits, '.' and '-', not ending in '.' (pattern ^[0-9a-z\\.\\-]*(?<!\\.)$). ${BUCKET_FIX}`);
    expect(() => block({ source: S3Location.fromBucketName('-apps', 'k') }, 'F'))
      .toThrow(`AppBlock 'Stack/F': source bucket name "-apps" must be an S3 bucket name: lowercase letters, digits, '.' and '-', starting and ending with a letter or digit, without '..', '.-' or '-.', not an IP address, and without the prefixes and suffixes S3 reserves (pattern ${S3_BUCKET_FORMAT.pattern}): character 1 '-' is not allowed there. ${BUCKET_FIX}`);
    expect(() => block({ source: S3Location.fromBucketName('a'.repeat(64), 'k') }, 'G'))
      .toThrow(`AppBlock 'Stack/G': source bucket name "${'a'.repeat(64)}" must be at most 63 characters long (it is 64). ${BUCKET_FIX}`);
    block({ source: S3Location.fromBucketName('abc', 'k') }, 'H');
    block({ source: S3Location.fromBucketName('a'.repeat(63), 'k') }, 'I');
  });

  test('each problem of the key, whole; 1 and 1024 characters pass', () => {
    const custom = AppBlockPackaging.custom({ setupScript: script() });
    expect(() => block({ source: S3Location.fromBucketName('apps-bucket', undefined as any), packaging: custom }, 'A')).toThrow(`AppBlock 'Stack/A': source key is required. ${KEY_FIX}`);
    expect(() => block({ source: S3Location.fromBucketName('apps-bucket', null as any), packaging: custom }, 'A2')).toThrow("AppBlock 'Stack/A2': source key is required. Give the key of the object in the bucket, such as 'apps/notepadpp.vhdx' (AppStream needs a key for this location).");
    expect(() => block({ source: S3Location.fromBucket(bucket, '') }, 'B')).toThrow(`AppBlock 'Stack/B': source key "" must not be empty. ${KEY_FIX}`);
    expect(() => block({ source: S3Location.fromBucketName('apps-bucket', 'k'.repeat(1025)) }, 'C'))
      .toThrow(/^AppBlock 'Stack\/C': source key "k{80}…" \(1025 characters\) must be at most 1024 characters long \(it is 1025\)\. Give the key of the object in the bucket, such as 'apps\/notepadpp\.vhdx' \(AppStream needs a key for this location\)\.$/);
    block({ source: S3Location.fromBucketName('apps-bucket', 'k') }, 'D');
    block({ source: S3Location.fromBucketName('apps-bucket', 'k'.repeat(1024)) }, 'E');
    expect(resources('AWS::AppStream::AppBlock').map((r) => r.Properties.SourceS3Location.S3Key.length)).toEqual([1, 1024]);
  });
});

describe('AppBlockPackaging', () => {
  test('custom and appStream2 carry only their own script; absent options are no script', () => {
    const s = script();
    expect(AppBlockPackaging.custom({ setupScript: s })).toEqual({ packagingType: 'CUSTOM', setupScript: s, postSetupScript: undefined });
    expect(AppBlockPackaging.appStream2({ postSetupScript: s })).toEqual({ packagingType: 'APPSTREAM2', setupScript: undefined, postSetupScript: s });
    // custom() needs its options (the setup script): the public boundary refuses them absent
    expect(() => AppBlockPackaging.custom(undefined as any)).toThrow(/^AppBlockPackaging\.custom\(\): options is required\. Give an object with the fields of CustomPackagingOptions, at least setupScript/);
    expect(AppBlockPackaging.appStream2().postSetupScript).toBeUndefined();
    expect(AppBlockPackaging.appStream2(null as any).postSetupScript).toBeUndefined();
    expect(AppBlockPackaging.appStream2({ postSetupScript: null as any }).postSetupScript).toBeUndefined();
  });
});

describe('AppBlock', () => {
  test('CUSTOM: every property written, script details whole', () => {
    const b = block({
      packaging: AppBlockPackaging.custom({ setupScript: script({ executableParameters: '-File setup.ps1', timeout: Duration.seconds(1) }) }),
      appBlockName: 'notepad',
      displayName: 'Notepad++',
      description: 'The editor',
      tags: { team: 'apps' },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const r = only('AWS::AppStream::AppBlock');
    const bucketRef = { Ref: stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket) };
    expect(r.Properties).toEqual({
      Name: 'notepad',
      SourceS3Location: { S3Bucket: 'apps-bucket', S3Key: 'apps/notepadpp.vhdx' },
      PackagingType: 'CUSTOM',
      SetupScriptDetails: { ScriptS3Location: { S3Bucket: bucketRef, S3Key: 'scripts/setup.ps1' }, ExecutablePath: POWERSHELL, ExecutableParameters: '-File setup.ps1', TimeoutInSeconds: 1 },
      DisplayName: 'Notepad++',
      Description: 'The editor',
      Tags: [{ Key: 'team', Value: 'apps' }],
    });
    expect(r.DeletionPolicy).toBe('Retain');
    expect(r.DependsOn).toEqual(Object.keys(Template.fromStack(stack).findResources('AWS::S3::BucketPolicy')));
    expect(b.appBlockName).toBe('notepad');
    expect(b.packagingType).toBe('CUSTOM');
    expect(stack.resolve(b.appBlockArn)).toEqual({ 'Fn::GetAtt': [stack.getLogicalId(b.node.defaultChild as any), 'Arn'] });
  });

  test('APPSTREAM2: the post-setup script only; absent props and null parameters are not written; DESTROY by default', () => {
    const postSetupScript = script({ executableParameters: null as any, timeout: Duration.seconds(2147483647) });
    block({ packaging: AppBlockPackaging.appStream2({ postSetupScript }) });
    const r = only('AWS::AppStream::AppBlock');
    expect(r.Properties.PostSetupScriptDetails).toEqual({
      ScriptS3Location: { S3Bucket: { Ref: stack.getLogicalId(bucket.node.defaultChild as s3.CfnBucket) }, S3Key: 'scripts/setup.ps1' },
      ExecutablePath: POWERSHELL,
      TimeoutInSeconds: 2147483647,
    });
    expect(r.Properties.PackagingType).toBe('APPSTREAM2');
    for (const key of ['SetupScriptDetails', 'DisplayName', 'Description', 'Tags']) {
      expect(r.Properties[key]).toBeUndefined();
    }
    expect(r.DeletionPolicy).toBe('Delete');
    expect(warnings()).toEqual([
      "source: bucket 'apps-bucket' is not defined in this app, so its policy is yours to set: let the service principal appstream.amazonaws.com call s3:GetObject on the key 'apps/notepadpp.vhdx', or AppStream cannot read it. [ack: cdk-appstream:appBlock:bucketPolicyNotManaged]",
    ]);
  });

  test('a null script of a hand-made packaging is no script', () => {
    block({ packaging: js({ packagingType: 'APPSTREAM2', postSetupScript: null }) });
    expect(only('AWS::AppStream::AppBlock').Properties.PostSetupScriptDetails).toBeUndefined();
  });

  test('the generated name: path, then a hash that changes with each create-only prop', () => {
    const name = (props: Partial<AppBlockProps>) => block(props, 'Block', otherStack()).appBlockName;
    const base = name({});
    expect(base).toMatch(/^StackBlock[0-9A-F]{8}-[0-9a-f]{8}$/);
    expect(name({})).toBe(base);
    const variants = [
      name({ displayName: 'D' }),
      name({ description: 'D' }),
      name({ source: S3Location.fromBucketName('apps-bucket', 'apps/other.vhdx') }),
      name({ packaging: AppBlockPackaging.appStream2({ postSetupScript: script() }) }),
      name({ packaging: AppBlockPackaging.custom({ setupScript: script() }) }),
    ];
    expect(new Set([base, ...variants]).size).toBe(6);
    for (const v of variants) {
      expect(v.slice(0, -8)).toBe(base.slice(0, -8));
    }
  });

  test('the props and the packaging, each problem whole', () => {
    expect(() => new AppBlock(stack, 'A', undefined as any)).toThrow("AppBlock 'Stack/A': props is required. Give an object with the fields of AppBlockProps, at least packaging, source (the app block's properties).");
    expect(() => block({ packaging: undefined }, 'B')).toThrow("AppBlock 'Stack/B': packaging is required. Use AppBlockPackaging.appStream2(), AppBlockPackaging.custom() (how the block is packaged, and its scripts).");
    expect(() => block({ packaging: js({ packagingType: 'VHD' }) }, 'C')).toThrow("AppBlock 'Stack/C': packaging {\"packagingType\":\"VHD\"} is not of the expected type. Give AppBlockPackaging.custom() with a setupScript, or AppBlockPackaging.appStream2().");
    expect(() => block({ packaging: js({ packagingType: 'CUSTOM' }) }, 'C2'))
      .toThrow("AppBlock 'Stack/C2': packaging.setupScript is required. A CUSTOM app block needs the script that mounts its package: give AppBlockPackaging.custom() a setupScript.");
    expect(() => block({ source: undefined }, 'D')).toThrow("AppBlock 'Stack/D': source is required. Use S3Location.fromBucket(), S3Location.fromBucketName() (the package: the VHD (or, for APPSTREAM2 packaging, the package an app block builder made)).");
    expect(() => block({ source: js('apps-bucket/app.vhdx') }, 'E'))
      .toThrow("AppBlock 'Stack/E': source \"apps-bucket/app.vhdx\" must be an S3Location, not a string. Use S3Location.fromBucket(), S3Location.fromBucketName() (the package: the VHD (or, for APPSTREAM2 packaging, the package an app block builder made)).");
    expect(() => block({ packaging: AppBlockPackaging.custom(js({})) }, 'F'))
      .toThrow('AppBlockPackaging.custom(): options.setupScript is required. Give an object with the fields of AppBlockScript, at least executablePath, script, timeout (the script that mounts the package and prepares the applications (required for CUSTOM packaging)).');
    expect(() => block({ appBlockName: '-notepad' }, 'G'))
      .toThrow(`AppBlock 'Stack/G': appBlockName "-notepad" ${NAME_RULE}: character 1 '-' is not allowed there. Use only letters, digits, _ . - and start with a letter or digit, or leave appBlockName out to get a generated name.`);
    expect(() => block({ displayName: 'd'.repeat(101) }, 'H')).toThrow(/^AppBlock 'Stack\/H': displayName "d{80}…" \(101 characters\) must be at most 100 characters long \(it is 101\)\. Shorten it\.$/);
    expect(() => block({ description: 'd'.repeat(257) }, 'I')).toThrow(/^AppBlock 'Stack\/I': description "d{80}…" \(257 characters\) must be at most 256 characters long \(it is 257\)\. Shorten it\.$/);
    block({ displayName: 'd'.repeat(100), description: 'd'.repeat(256) }, 'J');
    block({ appBlockName: 'twice' }, 'K');
    expect(() => block({ appBlockName: 'twice' }, 'L'))
      .toThrow("AppBlock 'Stack/L': appBlockName \"twice\" is already used by 'Stack/K' in the same account and region. Give each app block its own name, or leave appBlockName out to get a generated one.");
    expect(() => block({ removalPolicy: js('keep') }, 'M')).toThrow("AppBlock 'Stack/M': removalPolicy \"keep\" must be a member of RemovalPolicy (DESTROY, RETAIN, SNAPSHOT, RETAIN_ON_UPDATE_OR_DELETE). Use RemovalPolicy.DESTROY or another member of RemovalPolicy (what happens to the app block when it leaves the stack).");
    expect(() => block({ tags: js([{ Key: 'a', Value: 'b' }]) }, 'N')).toThrow(/^AppBlock 'Stack\/N': tags \[.*\] must be a map of strings, not a list\. Give an object whose keys are names/);
  });

  test('the scripts, each problem whole, named by the script', () => {
    const custom = (s: unknown, id: string) => block({ packaging: AppBlockPackaging.custom({ setupScript: js(s) }) }, id);
    const post = (s: unknown, id: string) => block({ packaging: AppBlockPackaging.appStream2({ postSetupScript: js(s) }) }, id);
    const pathFix = 'Give the path of the executable that runs the script, such as C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe.';
    const timeoutFix = 'Give how long the script may run, such as Duration.minutes(5).';
    expect(() => post('setup.ps1', 'A')).toThrow('AppBlockPackaging.appStream2(): options.postSetupScript "setup.ps1" must be an AppBlockScript, not a string. Give an object with the fields of AppBlockScript, at least executablePath, script, timeout (a script to run after the package is mounted).');
    expect(() => custom(script({ script: undefined }), 'B'))
      .toThrow("AppBlockPackaging.custom(): options.setupScript.script is required. Use S3Location.fromBucket(), S3Location.fromBucketName() (the script's object in S3 (a bucket defined in the app gets the policy that lets AppStream read it)).");
    expect(() => post(script({ script: js('s3://x/y') }), 'C'))
      .toThrow(/^AppBlockPackaging\.appStream2\(\): options\.postSetupScript\.script "s3:\/\/x\/y" must be an S3Location, not a string\. Use S3Location\.fromBucket\(\), S3Location\.fromBucketName\(\)/);
    expect(() => custom(script({ script: S3Location.fromBucket(bucket, '') }), 'D')).toThrow(`AppBlock 'Stack/D': packaging.setupScript.script key "" must not be empty. ${KEY_FIX}`);
    expect(() => custom(script({ executablePath: undefined }), 'E'))
      .toThrow('AppBlockPackaging.custom(): options.setupScript.executablePath is required. Give a string (the path of the executable that runs the script, such as C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe).');
    expect(() => post(script({ executablePath: '' }), 'F')).toThrow(`AppBlock 'Stack/F': packaging.postSetupScript.executablePath "" must not be empty. ${pathFix}`);
    expect(() => custom(script({ executableParameters: '' }), 'G'))
      .toThrow("AppBlock 'Stack/G': packaging.setupScript.executableParameters \"\" must not be empty. Leave executableParameters out rather than empty.");
    expect(() => custom(script({ executableParameters: js(5) }), 'G2'))
      .toThrow("AppBlockPackaging.custom(): options.setupScript.executableParameters 5 must be a string, not a number. Give a string (the executable's parameters (not empty when given)).");
    expect(() => post(script({ executablePath: js(5) }), 'G3')).toThrow('AppBlockPackaging.appStream2(): options.postSetupScript.executablePath 5 must be a string, not a number. Give a string (the path of the executable that runs the script, such as C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe).');
    expect(() => custom(script({ timeout: undefined }), 'H')).toThrow('AppBlockPackaging.custom(): options.setupScript.timeout is required. Give a Duration (how long the script may run, in whole seconds (at least 1)).');
    expect(() => post(script({ timeout: Duration.seconds(0) }), 'I'))
      .toThrow(`AppBlock 'Stack/I': packaging.postSetupScript.timeout (in seconds) 0 must be a whole number from 1 to 2147483647. ${timeoutFix}`);
    expect(() => post(script({ timeout: Duration.seconds(2147483648) }), 'J'))
      .toThrow(`AppBlock 'Stack/J': packaging.postSetupScript.timeout (in seconds) 2147483648 must be a whole number from 1 to 2147483647. ${timeoutFix}`);
    expect(() => custom(script({ timeout: js(300) }), 'K'))
      .toThrow('AppBlockPackaging.custom(): options.setupScript.timeout 300 must be a Duration, not a number. Give a Duration (how long the script may run, in whole seconds (at least 1)).');
  });

  test('imports: name and ARN both ways, and the environment of the ARN', () => {
    const byName = AppBlock.fromAppBlockName(stack, 'ByName', 'notepad');
    expect(byName.appBlockName).toBe('notepad');
    expect(stack.resolve(byName.appBlockArn)).toEqual(partitionArn(':appstream:us-east-1:123456789012:app-block/notepad'));
    const byArn = AppBlock.fromAppBlockArn(stack, 'ByArn', 'arn:aws:appstream:eu-west-1:111111111111:app-block/other');
    expect(byArn.appBlockName).toBe('other');
    expect(byArn.appBlockArn).toBe('arn:aws:appstream:eu-west-1:111111111111:app-block/other');
    expect(byArn.env).toEqual({ account: '111111111111', region: 'eu-west-1' });
    expect(byName.env).toEqual({ account: '123456789012', region: 'us-east-1' });
  });

  test('isAppBlock: true for a defined block only', () => {
    expect(AppBlock.isAppBlock(block())).toBe(true);
    expect(AppBlock.isAppBlock({ [Symbol.for('cdk-appstream.AppBlock')]: true })).toBe(true);
    const fn = Object.assign(() => undefined, { [Symbol.for('cdk-appstream.AppBlock')]: true });
    for (const x of [null, undefined, {}, 'AppBlock', 5, fn, AppBlock.fromAppBlockName(stack, 'I', 'x')]) {
      expect(AppBlock.isAppBlock(x)).toBe(false);
    }
  });

  test('warns, with the resource type, in a region where CloudFormation has no app blocks; not in us-east-1', () => {
    const west = otherStack({ account: '123456789012', region: 'us-west-1' });
    block({}, 'B', west);
    expect(warnings(west)).toContain(
      "CloudFormation in us-west-1 has no AWS::AppStream::AppBlock (per cfn-lint's schemas): the deployment would fail there. Deploy the stack to a region where AppStream is available. [ack: cdk-appstream:appBlock:resourceNotInRegion]");
    expect(warnings(west)).toHaveLength(2);
  });
});

describe('Application', () => {
  test('every property written; the platforms and families kept on the construct', () => {
    const b = block();
    const a = application({
      appBlock: b,
      launchParameters: '-multiInst',
      workingDirectory: 'C:\\Temp',
      applicationName: 'notepad',
      displayName: 'Notepad++',
      description: 'The editor',
      platforms: [FleetPlatform.WINDOWS_SERVER_2019, FleetPlatform.AMAZON_LINUX2, FleetPlatform.UBUNTU_PRO_2404],
      instanceFamilies: [InstanceFamily.GENERAL_PURPOSE, InstanceFamily.GRAPHICS_G4],
      tags: { team: 'apps' },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const r = only('AWS::AppStream::Application');
    expect(r.Properties).toEqual({
      Name: 'notepad',
      AppBlockArn: { 'Fn::GetAtt': [stack.getLogicalId(b.node.defaultChild as any), 'Arn'] },
      LaunchPath: 'C:\\Program Files\\Notepad++\\notepad++.exe',
      LaunchParameters: '-multiInst',
      WorkingDirectory: 'C:\\Temp',
      IconS3Location: { S3Bucket: 'icons-bucket', S3Key: 'icons/notepadpp.png' },
      Platforms: ['WINDOWS_SERVER_2019', 'AMAZON_LINUX2', 'UBUNTU_PRO_2404'],
      InstanceFamilies: ['GENERAL_PURPOSE', 'GRAPHICS_G4'],
      DisplayName: 'Notepad++',
      Description: 'The editor',
      Tags: [{ Key: 'team', Value: 'apps' }],
    });
    expect(r.DeletionPolicy).toBe('Retain');
    expect(a.applicationName).toBe('notepad');
    expect(a.platforms.map(String)).toEqual(['WINDOWS_SERVER_2019', 'AMAZON_LINUX2', 'UBUNTU_PRO_2404']);
    expect(a.instanceFamilies.map(String)).toEqual(['GENERAL_PURPOSE', 'GRAPHICS_G4']);
    expect(stack.resolve(a.applicationArn)).toEqual({ 'Fn::GetAtt': [stack.getLogicalId(a.node.defaultChild as any), 'Arn'] });
    expect(warnings().sort()).toEqual([
      "icon: bucket 'icons-bucket' is not defined in this app, so its policy is yours to set: let the service principal appstream.amazonaws.com call s3:GetObject on the key 'icons/notepadpp.png', or AppStream cannot read it. [ack: cdk-appstream:application:bucketPolicyNotManaged]",
      "source: bucket 'apps-bucket' is not defined in this app, so its policy is yours to set: let the service principal appstream.amazonaws.com call s3:GetObject on the key 'apps/notepadpp.vhdx', or AppStream cannot read it. [ack: cdk-appstream:appBlock:bucketPolicyNotManaged]",
    ].sort());
  });

  test('absent props are not written; DESTROY by default; an icon of the app depends on its policy', () => {
    const a = application({ icon: S3Location.fromBucket(bucket, 'icons/a.png') });
    const r = only('AWS::AppStream::Application');
    for (const key of ['LaunchParameters', 'WorkingDirectory', 'DisplayName', 'Description', 'Tags']) {
      expect(r.Properties[key]).toBeUndefined();
    }
    expect(r.Properties.AppBlockArn).toBe('arn:aws:appstream:us-east-1:123456789012:app-block/notepad');
    expect(r.DeletionPolicy).toBe('Delete');
    expect(r.DependsOn).toEqual(Object.keys(Template.fromStack(stack).findResources('AWS::S3::BucketPolicy')));
    expect(a.applicationName).toMatch(/^StackApp[0-9A-F]{8}-[0-9a-f]{8}$/);
  });

  test('the generated name: a hash that changes with the platforms and the instance families only', () => {
    const name = (props: Partial<ApplicationProps>) => application(props, 'App', otherStack()).applicationName;
    const base = name({});
    expect(name({ launchPath: 'C:\\other.exe', displayName: 'Other' })).toBe(base);
    const platforms = name({ platforms: [FleetPlatform.AMAZON_LINUX2] });
    const families = name({ instanceFamilies: [InstanceFamily.GRAPHICS_G4] });
    expect(new Set([base, platforms, families]).size).toBe(3);
    expect(platforms.slice(0, -8)).toBe(base.slice(0, -8));
  });

  test('the props, app block, launch path and icon, each problem whole', () => {
    const launchFix = "Give the path of the application's executable, such as C:\\Program Files\\Notepad++\\notepad++.exe.";

    expect(() => new Application(stack, 'A', undefined as any))
      .toThrow("Application 'Stack/A': props is required. Give an object with the fields of ApplicationProps, at least appBlock, icon, instanceFamilies, launchPath, platforms (the application's properties).");
    expect(() => new Application(stack, 'B', { ...js({}), launchPath: 'x' })).toThrow("Application 'Stack/B': appBlock is required. Give an AppBlock, defined here or imported with its from… methods (the app block that holds the application).");
    expect(() => application({ appBlock: js({ appBlockName: 'notepad' }) }, 'C')).toThrow("Application 'Stack/C': appBlock {\"appBlockName\":\"notepad\"} must be an IAppBlock, not an object (it has no appBlockArn). Give an AppBlock, defined here or imported with its from… methods (the app block that holds the application).");
    expect(() => application({ appBlock: js({ appBlockArn: 'notepad', appBlockName: 'notepad' }) }, 'D'))
      .toThrow(`Application 'Stack/D': appBlock "notepad" ${ARN_RULE}. Give an app block ARN, such as arn:aws:appstream:us-east-1:123456789012:app-block/notepad.`);
    expect(() => application({ launchPath: undefined }, 'E'))
      .toThrow("Application 'Stack/E': launchPath is required. Give a string (the path of the application's executable on the instance, such as C:\\Program Files\\Notepad++\\notepad++.exe).");
    expect(() => application({ launchPath: '' }, 'F')).toThrow(`Application 'Stack/F': launchPath "" must not be empty. ${launchFix}`);
    expect(() => application({ launchParameters: '' }, 'G')).toThrow("Application 'Stack/G': launchParameters \"\" must not be empty. Leave launchParameters out rather than empty.");
    expect(() => application({ workingDirectory: '' }, 'H')).toThrow("Application 'Stack/H': workingDirectory \"\" must not be empty. Leave workingDirectory out rather than empty.");
    expect(() => application({ icon: undefined }, 'I')).toThrow("Application 'Stack/I': icon is required. Use S3Location.fromBucket(), S3Location.fromBucketName() (the application's icon (a PNG), in S3).");
    expect(() => application({ icon: js({ s3Bucket: 'b', s3Key: 'k' }) }, 'J')).toThrow("Application 'Stack/J': icon {\"s3Bucket\":\"b\",\"s3Key\":\"k\"} must be an S3Location, not an object (it has no bind). Use S3Location.fromBucket(), S3Location.fromBucketName() (the application's icon (a PNG), in S3).");
    expect(() => application({ icon: S3Location.fromBucketName('icons-bucket', '') }, 'K')).toThrow(`Application 'Stack/K': icon key "" must not be empty. ${KEY_FIX}`);
    expect(() => application({ displayName: 'd'.repeat(101) }, 'L')).toThrow(/^Application 'Stack\/L': displayName "d{80}…" \(101 characters\) must be at most 100 characters long \(it is 101\)\. Shorten it\.$/);
    expect(() => application({ applicationName: 'a b' }, 'M'))
      .toThrow(`Application 'Stack/M': applicationName "a b" ${NAME_RULE}: character 2 ' ' is not allowed. Use only letters, digits, _ . - and start with a letter or digit, or leave applicationName out to get a generated name.`);
  });

  test('platforms and instance families, each problem whole', () => {
    expect(() => application({ platforms: undefined }, 'A')).toThrow("Application 'Stack/A': platforms is required. Give a list of FleetPlatform values, such as one holding FleetPlatform.AMAZON_LINUX2 (the platforms the application runs on: 1 to 4).");
    expect(() => application({ platforms: js('WINDOWS_SERVER_2019') }, 'B')).toThrow("Application 'Stack/B': platforms \"WINDOWS_SERVER_2019\" must be a list of FleetPlatform values, not a string. Give a list of FleetPlatform values, such as one holding FleetPlatform.AMAZON_LINUX2 (the platforms the application runs on: 1 to 4).");
    expect(() => application({ platforms: js([null]) }, 'C')).toThrow("Application 'Stack/C': platforms[0] is required. Use FleetPlatform.of(), or a constant such as FleetPlatform.AMAZON_LINUX2.");
    application({ platforms: [FleetPlatform.AMAZON_LINUX2, FleetPlatform.WINDOWS] }, 'D');
    expect(warnings().filter((w) => w.startsWith("Application 'Stack/D'"))).toEqual([
      "Application 'Stack/D': platforms[1] \"WINDOWS\" is not one of the platforms the AppStream docs give for applications (FleetPlatform.WINDOWS_SERVER_2019, FleetPlatform.AMAZON_LINUX2, FleetPlatform.UBUNTU_PRO_2404). AWS may refuse it at deployment: use one of those, or ignore this if AWS supports it now. [ack: cdk-appstream:application:undocumentedPlatform]",
    ]);
    expect(() => application({ platforms: [FleetPlatform.UBUNTU_PRO_2404, FleetPlatform.AMAZON_LINUX2, FleetPlatform.UBUNTU_PRO_2404] }, 'E'))
      .toThrow("Application 'Stack/E': platforms[2] \"UBUNTU_PRO_2404\" is already in platforms. Give each platform once.");
    expect(() => application({ platforms: [] }, 'F'))
      .toThrow("Application 'Stack/F': platforms must have at least 1 platform (it has 0). Give a list of 1 to 4 platforms, such as one holding FleetPlatform.WINDOWS_SERVER_2019.");
    expect(() => application({ instanceFamilies: undefined }, 'G')).toThrow("Application 'Stack/G': instanceFamilies is required. Give a list of InstanceFamily values, such as one holding InstanceFamily.GENERAL_PURPOSE (the instance families the application runs on, at least one (Elastic fleets are GENERAL_PURPOSE)).");
    expect(() => application({ instanceFamilies: [InstanceFamily.of('GRAPHICS_G5')] }, 'H')).not.toThrow(); // warns: families AWS may add
    expect(() => application({ instanceFamilies: [InstanceFamily.GRAPHICS_G4, InstanceFamily.GRAPHICS_G4] }, 'I'))
      .toThrow("Application 'Stack/I': instanceFamilies[1] \"GRAPHICS_G4\" is already in instanceFamilies. Give each instance family once.");
    expect(() => application({ instanceFamilies: [] }, 'J'))
      .toThrow("Application 'Stack/J': instanceFamilies must have at least 1 instance family (it has 0). Give a list of at least one instance family, such as one holding InstanceFamily.GENERAL_PURPOSE.");
    expect(application({ platforms: [FleetPlatform.UBUNTU_PRO_2404] }, 'K').platforms).toEqual([FleetPlatform.UBUNTU_PRO_2404]);
  });

  test('platforms from parameters: not judged one by one, but at most 4 of them', () => {
    const param = (id: string) => FleetPlatform.of(new CfnParameter(stack, id).valueAsString);
    const four = [param('P1'), param('P2'), param('P3'), param('P4')];
    expect(application({ platforms: four }, 'Four').platforms).toHaveLength(4);
    expect(() => application({ platforms: [...four, param('P5')] }, 'Five'))
      .toThrow("Application 'Stack/Five': platforms must have at most 4 platforms (it has 5). Give a list of 1 to 4 platforms, such as one holding FleetPlatform.WINDOWS_SERVER_2019.");
  });

  test('imports: name and ARN both ways, and the environment of the ARN', () => {
    const byName = Application.fromApplicationName(stack, 'ByName', 'notepad');
    expect(byName.applicationName).toBe('notepad');
    expect(stack.resolve(byName.applicationArn)).toEqual(partitionArn(':appstream:us-east-1:123456789012:application/notepad'));
    expect(byName.env).toEqual({ account: '123456789012', region: 'us-east-1' });
    const byArn = Application.fromApplicationArn(stack, 'ByArn', 'arn:aws:appstream:eu-west-1:111111111111:application/other');
    expect(byArn.applicationName).toBe('other');
    expect(byArn.applicationArn).toBe('arn:aws:appstream:eu-west-1:111111111111:application/other');
    expect(byArn.env).toEqual({ account: '111111111111', region: 'eu-west-1' });
  });

  test('isApplication: true for a defined application only', () => {
    expect(Application.isApplication(application())).toBe(true);
    expect(Application.isApplication({ [Symbol.for('cdk-appstream.Application')]: true })).toBe(true);
    const fn = Object.assign(() => undefined, { [Symbol.for('cdk-appstream.Application')]: true });
    for (const x of [null, undefined, {}, 'Application', 5, fn, Application.fromApplicationName(stack, 'I', 'x')]) {
      expect(Application.isApplication(x)).toBe(false);
    }
  });

  test('warns in a region where CloudFormation has no applications', () => {
    const west = otherStack({ account: '123456789012', region: 'us-west-1' });
    application({}, 'A', west);
    expect(warnings(west)).toContain(
      "CloudFormation in us-west-1 has no AWS::AppStream::Application (per cfn-lint's schemas): the deployment would fail there. Deploy the stack to a region where AppStream is available. [ack: cdk-appstream:application:resourceNotInRegion]");
    expect(warnings(west)).toHaveLength(2);
  });
});

describe('AppBlockBuilder', () => {
  const countFix = 'An app block builder needs at least two subnets in different availability zones: select them with vpcSubnets.';
  const twoGroups = (scope: Stack = stack, maxAzs = 2) => new ec2.Vpc(scope, 'Vpc2', {
    maxAzs,
    natGateways: 1,
    subnetConfiguration: [
      { name: 'Public', subnetType: ec2.SubnetType.PUBLIC },
      { name: 'A', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
      { name: 'B', subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
    ],
  });
  const ids = (subnets: ec2.ISubnet[]) => subnets.map((s) => stack.resolve(s.subnetId));

  test('every property written: platform, type, network, endpoints, app blocks, labels, tags, role', () => {
    const b1 = block({}, 'B1');
    const role = new iam.Role(stack, 'GivenRole', { assumedBy: new iam.ServicePrincipal('appstream.amazonaws.com') });
    const sg = new ec2.SecurityGroup(stack, 'Sg', { vpc });
    const b = builder({
      instanceType: InstanceType.STANDARD_2XLARGE,
      appBlocks: [b1],
      accessEndpoints: [AccessEndpoint.fromVpceId('vpce-0123456789abcdef0')],
      appBlockBuilderName: 'packager',
      displayName: 'Packager',
      description: 'Packages apps',
      tags: { team: 'apps' },
      role,
      securityGroups: [sg],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const r = only('AWS::AppStream::AppBlockBuilder');
    expect(r.Properties).toEqual({
      Name: 'packager',
      Platform: 'WINDOWS_SERVER_2019',
      InstanceType: 'stream.standard.2xlarge',
      VpcConfig: { SubnetIds: ids(vpc.privateSubnets), SecurityGroupIds: [stack.resolve(sg.securityGroupId)] },
      AccessEndpoints: [{ EndpointType: 'STREAMING', VpceId: 'vpce-0123456789abcdef0' }],
      AppBlockArns: [{ 'Fn::GetAtt': [stack.getLogicalId(b1.node.defaultChild as any), 'Arn'] }],
      DisplayName: 'Packager',
      Description: 'Packages apps',
      Tags: [{ Key: 'team', Value: 'apps' }],
      IamRoleArn: stack.resolve(role.roleArn),
    });
    expect(r.DeletionPolicy).toBe('Retain');
    expect(b.role).toBe(role);
    expect(b.grantPrincipal).toBe(role);
    expect(b.connections.securityGroups).toEqual([sg]);
    const ref = { Ref: stack.getLogicalId(b.node.defaultChild as any) };
    expect(stack.resolve(b.appBlockBuilderName)).toEqual(ref);
    expect(stack.resolve(b.appBlockBuilderArn)).toEqual({ 'Fn::Join': ['', [...partitionArn(':appstream:us-east-1:123456789012:app-block-builder/')['Fn::Join'][1], ref]] });
    expect(resources('AWS::EC2::SecurityGroup')).toHaveLength(1);
  });

  test('the defaults: a generated name, one new security group, no internet access, no endpoints, no blocks, no role, DESTROY', () => {
    const b = builder();
    const r = only('AWS::AppStream::AppBlockBuilder');
    for (const key of ['EnableDefaultInternetAccess', 'AccessEndpoints', 'AppBlockArns', 'DisplayName', 'Description', 'Tags', 'IamRoleArn']) {
      expect(r.Properties[key]).toBeUndefined();
    }
    expect(r.DeletionPolicy).toBe('Delete');
    expect(r.Properties.Name).toMatch(/^StackBuilder[0-9A-F]{8}$/);
    expect(stack.resolve(b.appBlockBuilderName)).toEqual({ Ref: stack.getLogicalId(b.node.defaultChild as any) });
    expect(r.Properties.VpcConfig.SubnetIds).toEqual(ids(vpc.privateSubnets));
    const sg = only('AWS::EC2::SecurityGroup');
    expect(sg.Properties.GroupDescription).toBe('AppStream app block builder');
    expect(sg.Properties.SecurityGroupEgress).toEqual([{ CidrIp: '0.0.0.0/0', Description: 'Allow all outbound traffic by default', IpProtocol: '-1' }]);
    expect(resources('AWS::IAM::Role')).toEqual([]);
    expect(warnings()).toEqual([]);
  });

  test('grantPrincipal defines the default role on first use, and attaches it', () => {
    const b = builder();
    const principal = b.grantPrincipal;
    expect(b.role).toBe(principal);
    const role = only('AWS::IAM::Role');
    expect(role.Properties.Description).toBe('Role of an AppStream app block builder (appstream_machine_role)');
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      { Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'appstream.amazonaws.com' } },
    ]);
    expect(only('AWS::AppStream::AppBlockBuilder').Properties.IamRoleArn).toEqual(stack.resolve((principal as iam.Role).roleArn));
  });

  test('grants name the builder ARN and the actions, for a defined and an imported builder', () => {
    const b = builder({ appBlockBuilderName: 'packager' });
    const imported = AppBlockBuilder.fromAppBlockBuilderArn(stack, 'I', 'arn:aws:appstream:us-east-1:123456789012:app-block-builder/other');
    const grants: Array<[string, (user: iam.User) => iam.Grant]> = [
      ['U1', (u) => b.grantCreateStreamingUrl(u)],
      ['U2', (u) => b.grantStartStop(u)],
      ['U3', (u) => b.grant(u, 'appstream:DescribeAppBlockBuilders')],
      ['U4', (u) => imported.grantStartStop(u)],
      ['U5', (u) => imported.grantCreateStreamingUrl(u)],
    ];
    for (const [id, grant] of grants) {
      expect(grant(new iam.User(stack, id)).success).toBe(true);
    }
    const policies = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy'));
    const statement = (id: string) => {
      const user = { Ref: stack.getLogicalId(stack.node.findChild(id).node.defaultChild as iam.CfnUser) };
      const mine = policies.filter((p) => JSON.stringify(p.Properties.Users) === JSON.stringify([user]));
      expect(mine).toHaveLength(1);
      return mine[0].Properties.PolicyDocument.Statement;
    };
    const arn = { 'Fn::Join': ['', [...partitionArn(':appstream:us-east-1:123456789012:app-block-builder/')['Fn::Join'][1], { Ref: stack.getLogicalId(b.node.defaultChild as any) }]] };
    const importedArn = 'arn:aws:appstream:us-east-1:123456789012:app-block-builder/other';
    expect(statement('U1')).toEqual([{ Action: 'appstream:CreateAppBlockBuilderStreamingURL', Effect: 'Allow', Resource: arn }]);
    expect(statement('U2')).toEqual([{ Action: ['appstream:StartAppBlockBuilder', 'appstream:StopAppBlockBuilder'], Effect: 'Allow', Resource: arn }]);
    expect(statement('U3')).toEqual([{ Action: 'appstream:DescribeAppBlockBuilders', Effect: 'Allow', Resource: arn }]);
    expect(statement('U4')).toEqual([{ Action: ['appstream:StartAppBlockBuilder', 'appstream:StopAppBlockBuilder'], Effect: 'Allow', Resource: importedArn }]);
    expect(statement('U5')).toEqual([{ Action: 'appstream:CreateAppBlockBuilderStreamingURL', Effect: 'Allow', Resource: importedArn }]);
  });

  test('imports: name and ARN both ways, and the environment of the ARN', () => {
    const byName = AppBlockBuilder.fromAppBlockBuilderName(stack, 'ByName', 'packager');
    expect(byName.appBlockBuilderName).toBe('packager');
    expect(stack.resolve(byName.appBlockBuilderArn)).toEqual(partitionArn(':appstream:us-east-1:123456789012:app-block-builder/packager'));
    expect(byName.env).toEqual({ account: '123456789012', region: 'us-east-1' });
    const byArn = AppBlockBuilder.fromAppBlockBuilderArn(stack, 'ByArn', 'arn:aws:appstream:eu-west-1:111111111111:app-block-builder/other');
    expect(byArn.appBlockBuilderName).toBe('other');
    expect(byArn.appBlockBuilderArn).toBe('arn:aws:appstream:eu-west-1:111111111111:app-block-builder/other');
    expect(byArn.env).toEqual({ account: '111111111111', region: 'eu-west-1' });
  });

  test('isAppBlockBuilder: true for a defined builder only', () => {
    expect(AppBlockBuilder.isAppBlockBuilder(builder())).toBe(true);
    expect(AppBlockBuilder.isAppBlockBuilder({ [Symbol.for('cdk-appstream.AppBlockBuilder')]: true })).toBe(true);
    const fn = Object.assign(() => undefined, { [Symbol.for('cdk-appstream.AppBlockBuilder')]: true });
    for (const x of [null, undefined, {}, 'AppBlockBuilder', 5, fn, AppBlockBuilder.fromAppBlockBuilderName(stack, 'I', 'x')]) {
      expect(AppBlockBuilder.isAppBlockBuilder(x)).toBe(false);
    }
  });

  test('the default subnets: one private subnet per zone, or one public subnet per zone with internet access', () => {
    const vpc2 = twoGroups();
    builder({ vpc: vpc2 }, 'A');
    builder({ vpc: vpc2, enableDefaultInternetAccess: true }, 'B');
    builder({ vpc: vpc2, vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS } }, 'C');
    const [a, b, c] = resources('AWS::AppStream::AppBlockBuilder').map((r) => r.Properties);
    expect(a.VpcConfig.SubnetIds).toEqual(ids(vpc2.selectSubnets({ subnetGroupName: 'A' }).subnets));
    expect(a.EnableDefaultInternetAccess).toBeUndefined();
    expect(b.VpcConfig.SubnetIds).toEqual(ids(vpc2.publicSubnets));
    expect(b.EnableDefaultInternetAccess).toBe(true);
    expect(c.VpcConfig.SubnetIds).toEqual(ids(vpc2.privateSubnets));
    expect(c.VpcConfig.SubnetIds).toHaveLength(4);
  });

  test('the network, each problem whole', () => {
    const vpc2 = twoGroups();
    const [a1, a2] = vpc2.selectSubnets({ subnetGroupName: 'A' }).subnets;
    const [b1] = vpc2.selectSubnets({ subnetGroupName: 'B' }).subnets;
    expect(() => builder({ vpc: undefined }, 'A'))
      .toThrow("AppBlockBuilder 'Stack/A': vpc is required. Give an ec2.IVpc (the VPC of the builder: it needs subnets in at least two availability zones).");
    expect(() => builder({ vpcSubnets: { subnets: [a1] } }, 'B')).toThrow(`AppBlockBuilder 'Stack/B': vpcSubnets must have at least 2 subnets (it has 1). ${countFix}`);
    expect(() => builder({ vpc: vpc2, vpcSubnets: { subnets: [a1, b1] } }, 'C'))
      .toThrow(`AppBlockBuilder 'Stack/C': vpcSubnets selects subnets in 1 availability zone, but an app block builder needs subnets in at least 2. ${countFix}`);
    const oneZone = new ec2.Vpc(otherStack(), 'Vpc', { maxAzs: 1 });
    expect(() => new AppBlockBuilder(oneZone.stack, 'D', { instanceType: InstanceType.STANDARD_SMALL, vpc: oneZone }))
      .toThrow(`AppBlockBuilder 'Stack/D': vpc must have at least 2 subnets (it has 1). ${countFix}`);
    expect(() => builder({ enableDefaultInternetAccess: js('yes') }, 'E'))
      .toThrow("AppBlockBuilder 'Stack/E': enableDefaultInternetAccess \"yes\" must be true or false, not a string. Give true or false, or leave it out (whether the builder gets internet access from AppStream).");
    builder({ vpc: vpc2, vpcSubnets: { subnets: [a1, a2] } }, 'F');
    expect(only('AWS::AppStream::AppBlockBuilder').Properties.VpcConfig.SubnetIds).toEqual(ids([a1, a2]));
  });

  test('the props, type, name and labels, each problem whole', () => {
    expect(() => new AppBlockBuilder(stack, 'A', undefined as any))
      .toThrow("AppBlockBuilder 'Stack/A': props is required. Give an object with the fields of AppBlockBuilderProps, at least instanceType, vpc (the builder's properties).");
    expect(() => builder({ instanceType: InstanceType.MEMORY_LARGE }, 'B'))
      .toThrow("AppBlockBuilder 'Stack/B': instanceType \"stream.memory.large\" is not offered for app block builders. Use one of the app block builder instance types: stream.standard.small, stream.standard.medium, stream.standard.large, stream.standard.xlarge, stream.standard.2xlarge.");
    expect(() => builder({ appBlockBuilderName: '_packager' }, 'C'))
      .toThrow(`AppBlockBuilder 'Stack/C': appBlockBuilderName "_packager" ${NAME_RULE}: character 1 '_' is not allowed there. Use only letters, digits, _ . - and start with a letter or digit, or leave appBlockBuilderName out to get a generated name.`);
    builder({ appBlockBuilderName: 'twice' }, 'D');
    expect(() => builder({ appBlockBuilderName: 'twice' }, 'E'))
      .toThrow("AppBlockBuilder 'Stack/E': appBlockBuilderName \"twice\" is already used by 'Stack/D' in the same account and region. Give each app block builder its own name, or leave appBlockBuilderName out to get a generated one.");
    expect(() => builder({ description: 'd'.repeat(257) }, 'F')).toThrow(/^AppBlockBuilder 'Stack\/F': description "d{80}…" \(257 characters\) must be at most 256 characters long \(it is 257\)\. Shorten it\.$/);
    expect(() => builder({ displayName: 'd'.repeat(101) }, 'G')).toThrow(/^AppBlockBuilder 'Stack\/G': displayName "d{80}…" \(101 characters\) must be at most 100 characters long \(it is 101\)\. Shorten it\.$/);
    expect(() => builder({ removalPolicy: js('keep') }, 'H')).toThrow(/^AppBlockBuilder 'Stack\/H': removalPolicy "keep" must be a member of RemovalPolicy \(DESTROY, /);
    expect(() => builder({ accessEndpoints: [] }, 'I')).toThrow("AppBlockBuilder 'Stack/I': accessEndpoints must have at least 1 endpoint (it has 0). Give 1 to 4 endpoints, or leave accessEndpoints out.");
    expect(() => builder({ role: js('arn:aws:iam::123456789012:role/x') }, 'J'))
      .toThrow("AppBlockBuilder 'Stack/J': role \"arn:aws:iam::123456789012:role/x\" must be an iam.IRole, not a string. Give an iam.IRole (the IAM role of the builder).");
    builder({ displayName: 'd'.repeat(100), description: 'd'.repeat(256) }, 'K');
  });

  test('an instance type it does not know warns, with its id', () => {
    builder({ instanceType: InstanceType.of('stream.standard.4xlarge') });
    expect(warnings()).toEqual([
      // One edit from two known types (a digit left out of 2xlarge, or one too many before xlarge): both suggested.
      "instanceType 'stream.standard.4xlarge' is not one of the app block builder instance types this library knows; check the name (AppStream rejects unknown types at deployment) or ignore this if AWS has added it since. Did you mean 'stream.standard.xlarge' or 'stream.standard.2xlarge'? [ack: cdk-appstream:appBlockBuilder:unknownInstanceType]",
    ]);
  });

  test('app blocks: added later are written; the same ARN twice fails; the same token ARN of two imports does not', () => {
    const b = builder();
    const defined = block({}, 'B1');
    b.addAppBlock(defined);
    b.addAppBlock(block({}, 'B2'));
    b.addAppBlock(AppBlock.fromAppBlockArn(stack, 'I1', 'arn:aws:appstream:us-east-1:123456789012:app-block/x'));
    const param = new CfnParameter(stack, 'BlockArn').valueAsString;
    b.addAppBlock(AppBlock.fromAppBlockArn(stack, 'T1', param));
    b.addAppBlock(AppBlock.fromAppBlockArn(stack, 'T2', param));
    expect(() => b.addAppBlock(AppBlock.fromAppBlockArn(stack, 'I2', 'arn:aws:appstream:us-east-1:123456789012:app-block/x')))
      .toThrow("AppBlockBuilder 'Stack/Builder': appBlocks \"Stack/I2\" lists the same app block twice. Give each app block once.");
    expect(() => b.addAppBlock(defined)).toThrow("AppBlockBuilder 'Stack/Builder': appBlocks \"Stack/B1\" lists the same app block twice. Give each app block once.");
    expect(only('AWS::AppStream::AppBlockBuilder').Properties.AppBlockArns).toEqual([
      { 'Fn::GetAtt': [stack.getLogicalId(defined.node.defaultChild as any), 'Arn'] },
      { 'Fn::GetAtt': [expect.stringMatching(/^B2/), 'Arn'] },
      'arn:aws:appstream:us-east-1:123456789012:app-block/x',
      { Ref: 'BlockArn' },
      { Ref: 'BlockArn' },
    ]);
  });

  test('app blocks, each problem whole', () => {
    expect(() => builder({ appBlocks: js('arn:aws:appstream:us-east-1:123456789012:app-block/x') }, 'A'))
      .toThrow("AppBlockBuilder 'Stack/A': appBlocks \"arn:aws:appstream:us-east-1:123456789012:app-block/x\" must be a list of IAppBlock values, not a string. Give a list of AppBlock objects, defined here or imported with their from… methods (the app blocks the builder packages applications into).");
    expect(() => builder({ appBlocks: js([null]) }, 'B')).toThrow("AppBlockBuilder 'Stack/B': appBlocks[0] is required. Give an AppBlock, defined here or imported with its from… methods.");
    const b = builder({}, 'C');
    expect(() => b.addAppBlock(js({ appBlockArn: 'arn:aws:appstream:us-east-1:123456789012:app-block/x' })))
      .toThrow("AppBlockBuilder 'Stack/C': addAppBlock(appBlock) {\"appBlockArn\":\"arn:aws:appstream:us-east-1:123456789012:app-block/x\"} must be an IAppBlock, not an object (it has no appBlockName). Give an AppBlock, defined here or imported with its from… methods (the app block).");
    expect(() => b.addAppBlock(js({ node: {}, appBlockArn: 5 }))).toThrow("AppBlockBuilder 'Stack/C': addAppBlock(appBlock) {\"node\":{},\"appBlockArn\":5} must be an IAppBlock, not an object (it has no appBlockName). Give an AppBlock, defined here or imported with its from… methods (the app block).");
    expect(() => b.addAppBlock(js({ node: {} }))).toThrow("AppBlockBuilder 'Stack/C': addAppBlock(appBlock) {\"node\":{}} must be an IAppBlock, not an object (it has no appBlockArn, appBlockName). Give an AppBlock, defined here or imported with its from… methods (the app block).");
    expect(() => b.addAppBlock(js(undefined))).toThrow("AppBlockBuilder 'Stack/C': addAppBlock(appBlock) is required. Give an AppBlock, defined here or imported with its from… methods (the app block).");
    expect(() => b.addAppBlock(js({ node: { path: 'Stack/Fake' }, appBlockArn: 'app-block/x', appBlockName: 'x' })))
      .toThrow(`AppBlockBuilder 'Stack/C': appBlocks "app-block/x" ${ARN_RULE}. Give an app block ARN.`);
    const logicalId = stack.getLogicalId(b.node.defaultChild as any);
    expect(Template.fromStack(stack).findResources('AWS::AppStream::AppBlockBuilder')[logicalId].Properties.AppBlockArns).toBeUndefined();
  });

  test('tags added with Tags.of() reach the builder', () => {
    const b = builder({ tags: { team: 'apps' } });
    Tags.of(b).add('cost', 'x');
    expect(only('AWS::AppStream::AppBlockBuilder').Properties.Tags).toEqual([{ Key: 'cost', Value: 'x' }, { Key: 'team', Value: 'apps' }]);
  });

  test('warns in a region where CloudFormation has no app block builders', () => {
    const west = otherStack({ account: '123456789012', region: 'us-west-1' });
    builder({ vpc: new ec2.Vpc(west, 'Vpc', { maxAzs: 2 }) }, 'B', west);
    expect(warnings(west)).toEqual([
      "CloudFormation in us-west-1 has no AWS::AppStream::AppBlockBuilder (per cfn-lint's schemas): the deployment would fail there. Deploy the stack to a region where AppStream is available. [ack: cdk-appstream:appBlockBuilder:resourceNotInRegion]",
    ]);
  });
});
