import * as fs from 'fs';
import * as path from 'path';
import { App, CfnParameter, Duration, Size, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { beforeEach, describe, expect, test } from 'vitest';
import {
  AgentVersion, DirectoryConfig, IMAGE_PIPELINE_TAG, Image, ImageComponent, ImagePipeline, ImageRecipe, ImageRecipeBuilderOptions,
  ImageRecipeProps, ImageSource, InstanceType,
} from '../lib';

const ROOT = path.join(__dirname, '..');
const SCHEMA = JSON.parse(fs.readFileSync(path.join(ROOT, 'agent', 'schema', 'request-v1.schema.json'), 'utf-8'));

let app: App;
let stack: Stack;
let vpc: ec2.IVpc;

beforeEach(() => {
  app = new App();
  stack = new Stack(app, 'Stack', { env: { account: '123456789012', region: 'us-east-1' } });
  vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
    vpcId: 'vpc-0a1b2c3d',
    availabilityZones: ['us-east-1a', 'us-east-1b'],
    privateSubnetIds: ['subnet-0a000001', 'subnet-0a000002'],
    publicSubnetIds: ['subnet-0b000001', 'subnet-0b000002'],
    privateSubnetRouteTableIds: ['rtb-0a000001', 'rtb-0a000002'],
    publicSubnetRouteTableIds: ['rtb-0b000001', 'rtb-0b000002'],
  });
});

const BASE = Image.fromName('Crm-WinServer2022-agent');

function recipe(props: Partial<ImageRecipeProps> = {}): ImageRecipe {
  return ImageRecipe.windows({
    baseImage: BASE,
    components: [ImageComponent.inline('Write-Output ok', { name: 'hello', timeout: Duration.minutes(5) })],
    applications: [{ name: 'Notepad', absoluteAppPath: 'C:\\Windows\\notepad.exe', displayName: 'Notepad' }],
    ...props,
  });
}

function pipeline(options: Partial<ImageRecipeBuilderOptions> = {}, r: ImageRecipe = recipe(), id = 'Pipeline'): ImagePipeline {
  return new ImagePipeline(stack, id, {
    source: ImageSource.recipe(r, { instanceType: InstanceType.STANDARD_MEDIUM, vpc, ...options }),
    imageNamePrefix: 'Crm',
    imageTags: { team: 'crm' },
  });
}

function definition(): Record<string, any> {
  const machines = Object.values(Template.fromStack(stack).findResources('AWS::StepFunctions::StateMachine'));
  expect(machines).toHaveLength(1);
  const parts = machines[0].Properties.DefinitionString['Fn::Join'][1] as unknown[];
  return JSON.parse(parts.map((p) => (typeof p === 'string' ? p : 'TOKEN')).join(''));
}

function allStates(states: Record<string, any>): Record<string, any> {
  const out: Record<string, any> = {};
  for (const [name, state] of Object.entries(states)) {
    out[name] = state;
    for (const branch of state.Branches ?? []) Object.assign(out, allStates(branch.States));
    if (state.ItemProcessor) Object.assign(out, allStates(state.ItemProcessor.States));
  }
  return out;
}

/** The statements of the policies attached to the role whose logical id starts with `rolePrefix`. */
function roleStatements(rolePrefix: string): any[] {
  const policies = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy'))
    .filter((p) => p.Properties.Roles.some((r: any) => typeof r.Ref === 'string' && r.Ref.startsWith(rolePrefix)));
  return policies.flatMap((p) => p.Properties.PolicyDocument.Statement);
}

function actionsOf(statements: any[]): string[] {
  return statements.flatMap((s) => [s.Action].flat()).sort();
}

function warnings(): string[] {
  return Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map((w) => String(w.entry.data));
}

describe('ImageSource.recipe: the states', () => {
  test('each run defines a builder named as its image, from the recipe\'s base image, with the builder options', () => {
    const directory = DirectoryConfig.fromDirectoryName(stack, 'Directory', 'corp.example.com');
    pipeline({
      domainJoin: { directory, organizationalUnitDistinguishedName: 'OU=Builders,DC=corp,DC=example,DC=com' },
      rootVolumeSize: Size.gibibytes(300),
      requireImdsv2: true,
      agentVersion: AgentVersion.LATEST,
    }, recipe({ licenseIncludedApplications: ['Microsoft_Office_2021_LTSC_Professional_Plus_64Bit'] }));
    const create = allStates(definition().States)['Create the image builder'];
    expect(create.Resource).toBe('arn:TOKEN:states:::aws-sdk:appstream:createImageBuilder');
    expect(create.Parameters).toEqual({
      'Name.$': '$.Image.Name',
      'ImageName': 'Crm-WinServer2022-agent',
      'InstanceType': 'stream.standard.medium',
      'DisplayName': 'Image pipeline Stack/Pipeline',
      'Description': expect.stringContaining('deleted by the image pipeline'),
      'IamRoleArn': 'TOKEN',
      'EnableDefaultInternetAccess': false,
      // One subnet (the first private one) and the new security group.
      'VpcConfig': { SubnetIds: ['subnet-0a000001'], SecurityGroupIds: ['TOKEN'] },
      'DomainJoinInfo': { DirectoryName: 'corp.example.com', OrganizationalUnitDistinguishedName: 'OU=Builders,DC=corp,DC=example,DC=com' },
      'AppstreamAgentVersion': 'LATEST',
      'RootVolumeConfig': { VolumeSizeInGb: 300 },
      'SoftwaresToInstall': ['Microsoft_Office_2021_LTSC_Professional_Plus_64Bit'],
      'DisableIMDSV1': true,
      'Tags': { team: 'crm', [IMAGE_PIPELINE_TAG]: expect.any(String) },
    });
    // The security group is a new one, with no inbound rule: the agent only calls out.
    const groups = Template.fromStack(stack).findResources('AWS::EC2::SecurityGroup');
    expect(Object.keys(groups)).toHaveLength(1);
    expect(Object.values(groups)[0].Properties.SecurityGroupIngress).toBeUndefined();
    expect(Object.values(groups)[0].Properties.VpcId).toBe('vpc-0a1b2c3d');
  });

  test('a base image given by ARN is created by ARN', () => {
    pipeline({}, recipe({ baseImage: Image.fromArn('arn:aws:appstream:us-east-1:123456789012:image/Crm-base') }));
    const create = allStates(definition().States)['Create the image builder'];
    expect(create.Parameters.ImageArn).toBe('arn:aws:appstream:us-east-1:123456789012:image/Crm-base');
    expect(create.Parameters.ImageName).toBeUndefined();
  });

  test('the request is the schema\'s shape: the recipe, the run\'s image name, and a heartbeat at a third of the heartbeat timeout', () => {
    pipeline({ heartbeatTimeout: Duration.minutes(2) }, recipe({ imageTags: { app: 'crm' } }));
    const states = allStates(definition().States);
    const prepared = states['Prepare the recipe request'].Parameters;
    expect(prepared.Polls).toBe(0);
    const request = prepared.Request;
    expect(Object.keys(request).map((k) => k.replace(/\.\$$/, '')).sort()).toEqual(Object.keys(SCHEMA.properties).sort());
    expect(request.schemaVersion).toBe(SCHEMA.properties.schemaVersion.const);
    expect(request['imageName.$']).toBe('$.Image.Name');
    expect(request.heartbeatSeconds).toBe(40); // 120 s / 3
    expect(request.recipe.platform).toBe('WINDOWS');
    expect(request.recipe.components).toEqual([{ name: 'hello', inline: 'Write-Output ok', timeoutSeconds: 300, successExitCodes: [0] }]);
    // The image carries the recipe's tags and the pipeline's, with the tag retention recognises.
    expect(request.recipe.image.tags).toEqual({ app: 'crm', team: 'crm', [IMAGE_PIPELINE_TAG]: expect.any(String) });
    for (const key of SCHEMA.$defs.recipe.required) {
      expect(request.recipe).toHaveProperty(key);
    }
  });

  test('the heartbeat is at most every minute', () => {
    pipeline({ heartbeatTimeout: Duration.minutes(30) });
    expect(allStates(definition().States)['Prepare the recipe request'].Parameters.Request.heartbeatSeconds).toBe(60);
  });

  test('the pipeline\'s display name and description name the image, over the recipe\'s', () => {
    new ImagePipeline(stack, 'Pipeline', {
      source: ImageSource.recipe(recipe({ imageDisplayName: 'From the recipe', imageDescription: 'recipe' }), { instanceType: InstanceType.STANDARD_MEDIUM, vpc }),
      imageNamePrefix: 'Crm',
      imageDisplayName: 'CRM',
    });
    const image = allStates(definition().States)['Prepare the recipe request'].Parameters.Request.recipe.image;
    expect(image.displayName).toBe('CRM');
    expect(image.description).toBe('recipe');
  });

  test('the recipe is handed over by an S3 PutObject that waits for the task token, which travels in the object\'s metadata', () => {
    pipeline({ buildTimeout: Duration.hours(2), heartbeatTimeout: Duration.minutes(15) });
    const build = allStates(definition().States)['Build in the image builder'];
    expect(build.Resource).toBe('arn:TOKEN:states:::aws-sdk:s3:putObject.waitForTaskToken');
    expect(build.HeartbeatSeconds).toBe(900);
    expect(build.TimeoutSeconds).toBe(7200);
    expect(build.Parameters).toEqual({
      'Bucket': 'TOKEN',
      // The key the agent looks for: <prefix><builder name>/request.json, the builder named as the image.
      'Key.$': "States.Format('requests/{}/request.json', $.Image.Name)",
      'Body.$': 'States.JsonToString($.Recipe.Request)',
      'ContentType': 'application/json',
      'Metadata': { 'task-token.$': '$$.Task.Token' },
    });
    expect(build.ResultPath).toBe('$.Recipe.Build');
    // After the report, the pipeline waits for the image.
    expect(build.Next).toBe('Wait for the image');
  });

  test('a given request prefix is where the requests go', () => {
    pipeline({ requestPrefix: 'appstream/builds/' });
    expect(allStates(definition().States)['Build in the image builder'].Parameters['Key.$'])
      .toBe("States.Format('appstream/builds/{}/request.json', $.Image.Name)");
  });

  test('the builder is polled every minute until RUNNING, within builderStartTimeout, and a builder that fails or stops fails the run', () => {
    pipeline({ builderStartTimeout: Duration.minutes(30) });
    const states = allStates(definition().States);
    expect(states['Create the image builder'].Next).toBe('Wait for the image builder');
    expect(states['Wait for the image builder'].Seconds).toBe(60);
    expect(states['Describe the image builder'].ResultSelector).toEqual({ 'Builder.$': '$.ImageBuilders[0]' });
    const choice = states['Is the image builder RUNNING?'];
    expect(choice.Choices[0]).toEqual({ Variable: '$.Recipe.Poll.Builder.State', StringEquals: 'RUNNING', Next: 'Build in the image builder' });
    expect(choice.Choices[1].Or.map((c: any) => c.StringEquals)).toEqual(['FAILED', 'STOPPED', 'DELETING']);
    expect(choice.Choices[1].Next).toBe('The image builder did not start');
    expect(choice.Choices[2]).toEqual({ Variable: '$.Recipe.Polls', NumericGreaterThanEquals: 30, Next: 'Image builder not RUNNING in time' });
    expect(choice.Default).toBe('Wait for the image builder');
    expect(states['Image builder not RUNNING'].Error).toBe('ImagePipeline.BuilderFailed');
  });

  test('a failed step is named in the cause, with AWS\'s or the agent\'s error, whether or not a cause came with it', () => {
    pipeline();
    const states = allStates(definition().States);
    for (const step of ['Create the image builder', 'Describe the image builder', 'Build in the image builder']) {
      expect(states[step].Catch).toEqual([{ ErrorEquals: ['States.ALL'], ResultPath: '$.StepFailure', Next: `${step}: failed` }]);
      expect(states[`${step}: failed`].Parameters).toEqual({ 'Step': step, 'Caught.$': '$.StepFailure' });
      expect(states[`${step}: failed`].Next).toBe('Did the failed step give a cause?');
    }
    expect(states['Name the failed step and its cause'].Parameters['Cause.$'])
      .toBe("States.Format('{}: {}: {}', $.StepFailure.Step, $.StepFailure.Caught.Error, $.StepFailure.Caught.Cause)");
    expect(states['Name the failed step'].Parameters['Cause.$']).toBe("States.Format('{}: {}', $.StepFailure.Step, $.StepFailure.Caught.Error)");
    // One error name (a Fail state may not raise States.* again); the cause carries the caught error.
    expect(states['Recipe build failed']).toEqual({ Type: 'Fail', Error: 'ImagePipeline.RecipeStepFailed', CausePath: '$.StepFailure.Cause' });
  });

  test('cleanup runs once, after success and after any failure: stop, wait until STOPPED or FAILED, delete; then the run reports', () => {
    pipeline();
    const d = definition();
    const states = allStates(d.States);
    expect(d.States.Run.Next).toBe('Clean up the image builder');
    expect(d.States.Run.Catch).toEqual([{ ErrorEquals: ['States.ALL'], ResultPath: '$.Failure', Next: 'Clean up the image builder' }]);
    const which = states['Which image builder cleanup?'];
    // A run that found the builder's name taken does not delete the other run's builder.
    expect(which.Choices).toHaveLength(1);
    expect(which.Choices[0].Next).toBe('No image builder to delete');
    expect(which.Choices[0].And).toEqual([
      { Variable: '$.Failure', IsPresent: true },
      { Variable: '$.Failure.Cause', IsPresent: true },
      { Variable: '$.Failure.Cause', StringMatches: 'Create the image builder: AppStream.ResourceAlreadyExistsException*' },
    ]);
    expect(which.Default).toBe('Stop the image builder');
    // Stopping a builder that is not RUNNING fails: the loop waits and looks again.
    expect(states['Stop the image builder'].Catch[0].Next).toBe('Wait for the image builder to stop');
    const can = states['Can the image builder be deleted?'];
    expect(can.Choices[0].Or.map((c: any) => c.StringEquals)).toEqual(['STOPPED', 'FAILED']);
    expect(can.Choices[0].Next).toBe('Delete the image builder');
    expect(can.Choices[1]).toEqual({ Variable: '$.Cleanup.Polls', NumericGreaterThanEquals: 120, Next: 'The image builder did not stop in time' });
    expect(can.Choices[2].Next).toBe('Stop the image builder');
    // A builder never created is nothing to delete; any other error is recorded, and cleanup goes on.
    expect(states['Describe the image builder to delete'].Catch.map((c: any) => [c.ErrorEquals, c.Next])).toEqual([
      [['AppStream.ResourceNotFoundException'], 'No image builder to delete'],
      [['States.ALL'], 'Image builder not deleted'],
    ]);
    expect(states['Delete the image builder'].Catch[0].Next).toBe('Image builder not deleted');
    expect(states['Image builder cleaned up'].Next).toBe('Did the run fail?');
    const outcome = states['Did the run fail?'];
    expect(outcome.Choices).toEqual([{ Variable: '$.Failure', IsPresent: true, Next: 'Failed' }]);
    expect(outcome.Default).toBe('Done');
    expect(states['Stop the kept image builder']).toBeUndefined();
  });

  test('keepBuilderOnFailure stops the builder of a failed run and keeps it; a run that succeeds still deletes it', () => {
    pipeline({ keepBuilderOnFailure: true });
    const states = allStates(definition().States);
    const which = states['Which image builder cleanup?'];
    expect(which.Choices[1]).toEqual({ Variable: '$.Failure', IsPresent: true, Next: 'Stop the kept image builder' });
    expect(which.Default).toBe('Stop the image builder');
    expect(states['Stop the kept image builder'].Next).toBe('Image builder kept');
    expect(states['Stop the kept image builder'].Catch[0].Next).toBe('Image builder kept');
  });

  test('what the cleanup records: the polls it counts, why a builder was not deleted, a builder kept; the start\'s timeout names its bound', () => {
    pipeline({ keepBuilderOnFailure: true, builderStartTimeout: Duration.minutes(30) });
    const states = allStates(definition().States);
    expect(states['Count the image builder polls'].Parameters).toEqual({ 'Request.$': '$.Recipe.Request', 'Polls.$': 'States.MathAdd($.Recipe.Polls, 1)', 'Poll.$': '$.Recipe.Poll' });
    expect(states['Count the cleanup polls'].Parameters).toEqual({ 'Polls.$': 'States.MathAdd($.Cleanup.Polls, 1)', 'Poll.$': '$.Cleanup.Poll' });
    expect(states['Image builder not RUNNING in time']).toEqual({
      Type: 'Fail', Error: 'ImagePipeline.BuilderTimeout', Cause: 'Wait for the image builder: it was not RUNNING after 30 polls, 1 minute apart.',
    });
    expect(states['The image builder did not stop in time'].Parameters).toEqual({
      Error: 'ImagePipeline.BuilderNotStopped', Cause: 'The image builder was not STOPPED after 120 polls, 1 minute apart.',
    });
    expect(states['The image builder did not stop in time'].ResultPath).toBe('$.Cleanup.Error');
    expect(states['Image builder not deleted'].Parameters).toEqual({ 'Builder.$': '$.Image.Name', 'Problem.$': 'States.JsonToString($.Cleanup.Error)' });
    expect(states['Delete the image builder'].Catch).toEqual([{ ErrorEquals: ['States.ALL'], ResultPath: '$.Cleanup.Error', Next: 'Image builder not deleted' }]);
    expect(states['Image builder kept'].Parameters).toEqual({ 'Builder.$': '$.Image.Name', 'Kept': true });
    expect(states['Stop the kept image builder'].Catch).toEqual([{ ErrorEquals: ['States.ALL'], ResultPath: null, Next: 'Image builder kept' }]);
    expect(states['Stop the image builder'].Catch).toEqual([{ ErrorEquals: ['States.ALL'], ResultPath: null, Next: 'Wait for the image builder to stop' }]);
    // A builder still RUNNING (its stop refused while it snapshotted) is stopped again.
    expect(states['Can the image builder be deleted?'].Choices[2]).toEqual({ Variable: '$.Cleanup.Poll.Builder.State', StringEquals: 'RUNNING', Next: 'Stop the image builder' });
  });

  test('the state machine\'s backstop leaves room for the builder\'s start, the build and the cleanup', () => {
    pipeline({ builderStartTimeout: Duration.hours(1), buildTimeout: Duration.hours(4) });
    // The pipeline's 8-hour image wait + 2 hours, + 1 h start + 4 h build + 2 h cleanup + 1 h margin.
    expect(definition().TimeoutSeconds).toBe((8 + 2 + 1 + 4 + 2 + 1) * 3600);
  });

  test('the parameter is seeded with the recipe\'s base image', () => {
    pipeline();
    Template.fromStack(stack).hasResourceProperties('AWS::SSM::Parameter', { Value: 'Crm-WinServer2022-agent' });
  });
});

describe('ImageSource.recipe: the bucket and IAM', () => {
  test('the bucket it owns is private, TLS-only, encrypted, with a lifecycle on the run data', () => {
    pipeline({ runDataRetention: Duration.days(14) });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
      LifecycleConfiguration: { Rules: [{ Id: Match.anyValue(), Prefix: 'requests/', ExpirationInDays: 14, Status: 'Enabled' }] },
    });
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  test('the builder\'s role reads only its requests and the recipe\'s files, writes only its logs, and answers only its state machine', () => {
    const installers = s3.Bucket.fromBucketName(stack, 'Installers', 'acme-installers');
    pipeline({}, recipe({ components: [ImageComponent.fromBucket(installers, 'crm/setup.msi', { name: 'crm' })] }));
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Principal: { Service: 'appstream.amazonaws.com' } })] },
      Description: Match.stringLikeRegexp('appstream_machine_role'),
    });
    const statements = stack.resolve(roleStatements('PipelineRecipeBuilderRole'));
    const bucket = Object.keys(template.findResources('AWS::S3::Bucket'))[0];
    const machine = Object.keys(template.findResources('AWS::StepFunctions::StateMachine'))[0];
    expect(statements).toEqual([
      { Effect: 'Allow', Action: 's3:GetObject', Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucket, 'Arn'] }, '/requests/Crm-*/request.json']] } },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':s3:::acme-installers/crm/setup.msi']] } },
      { Effect: 'Allow', Action: 's3:PutObject', Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucket, 'Arn'] }, '/requests/Crm-*/logs/*']] } },
      { Effect: 'Allow', Action: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'], Resource: { Ref: machine } },
    ]);
  });

  test('the state machine\'s role creates only the pipeline\'s builders, from the base image, passes only the builder\'s role to AppStream, and writes only the requests', () => {
    pipeline();
    const template = Template.fromStack(stack);
    const statements = stack.resolve(roleStatements('PipelineStateMachineRole'));
    const builders = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':appstream:us-east-1:123456789012:image-builder/Crm-*']] };
    const base = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':appstream:us-east-1:123456789012:image/Crm-WinServer2022-agent']] };
    const role = Object.keys(template.findResources('AWS::IAM::Role')).find((id) => id.startsWith('PipelineRecipeBuilderRole'))!;
    const bucket = Object.keys(template.findResources('AWS::S3::Bucket'))[0];
    const find = (action: string) => statements.filter((s: any) => [s.Action].flat().includes(action));
    expect(find('appstream:CreateImageBuilder')).toEqual([{ Effect: 'Allow', Action: 'appstream:CreateImageBuilder', Resource: [builders, base] }]);
    expect(find('appstream:TagResource')).toEqual([{ Effect: 'Allow', Action: 'appstream:TagResource', Resource: builders }]);
    for (const action of ['appstream:StopImageBuilder', 'appstream:DeleteImageBuilder']) {
      expect(find(action).map((s: any) => s.Resource)).toEqual([builders]);
    }
    expect(find('iam:PassRole')).toEqual([{
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: { 'Fn::GetAtt': [role, 'Arn'] },
      Condition: { StringEquals: { 'iam:PassedToService': 'appstream.amazonaws.com' } },
    }]);
    expect(find('s3:PutObject')).toEqual([{ Effect: 'Allow', Action: 's3:PutObject', Resource: { 'Fn::Join': ['', [{ 'Fn::GetAtt': [bucket, 'Arn'] }, '/requests/Crm-*/request.json']] } }]);
    // Resource '*' only for the actions without resource-level permissions.
    const everywhere = statements.filter((s: any) => s.Resource === '*').flatMap((s: any) => [s.Action].flat()).sort();
    expect(everywhere).toEqual(['appstream:DescribeImageBuilders', 'appstream:DescribeImages']);
    expect(actionsOf(statements).filter((a) => a.startsWith('s3:'))).toEqual(['s3:PutObject']);
  });

  test('a given bucket with a KMS key, and a given role: the role is the builder\'s, with the key to read and write', () => {
    const key = new kms.Key(stack, 'Key');
    const bucket = new s3.Bucket(stack, 'Requests', { encryptionKey: key, enforceSSL: true });
    const role = new iam.Role(stack, 'BuilderRole', { assumedBy: new iam.ServicePrincipal('appstream.amazonaws.com') });
    pipeline({ bucket, role, requestPrefix: '' });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::S3::Bucket', 1);
    // A bucket of the app gets the lifecycle rule, on the whole bucket when the prefix is empty.
    template.hasResourceProperties('AWS::S3::Bucket', { LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 30, Prefix: Match.absent() })] } });
    const create = allStates(definition().States)['Create the image builder'];
    expect(create.Parameters.IamRoleArn).toBe('TOKEN');
    const builderActions = actionsOf(stack.resolve(roleStatements('BuilderRole')));
    expect(builderActions).toEqual(expect.arrayContaining(['kms:Decrypt', 'kms:GenerateDataKey', 'kms:Encrypt', 's3:GetObject', 's3:PutObject', 'states:SendTaskSuccess']));
    expect(actionsOf(stack.resolve(roleStatements('PipelineStateMachineRole')))).toEqual(expect.arrayContaining(['kms:GenerateDataKey', 'kms:Encrypt']));
    expect(allStates(definition().States)['Build in the image builder'].Parameters['Key.$']).toBe("States.Format('{}/request.json', $.Image.Name)");
  });

  test('an imported bucket is used as it is', () => {
    pipeline({ bucket: s3.Bucket.fromBucketName(stack, 'Requests', 'acme-appstream-requests') });
    Template.fromStack(stack).resourceCountIs('AWS::S3::Bucket', 0);
    expect(allStates(definition().States)['Build in the image builder'].Parameters.Bucket).toBe('acme-appstream-requests');
  });
});

describe('ImageSource.recipe: the rules', () => {
  test('the pipeline\'s description wins over the recipe\'s; the builder\'s display name keeps the end of a long path, within 100 characters', () => {
    const deep = new Construct(stack, 'A'.repeat(90));
    new ImagePipeline(deep, 'Pipeline', {
      source: ImageSource.recipe(recipe({ imageDescription: 'recipe' }), { instanceType: InstanceType.STANDARD_MEDIUM, vpc }),
      imageNamePrefix: 'Crm',
      imageDescription: 'CRM desktops',
    });
    const states = allStates(definition().States);
    expect(states['Prepare the recipe request'].Parameters.Request.recipe.image.description).toBe('CRM desktops');
    const displayName: string = states['Create the image builder'].Parameters.DisplayName;
    const longPath = `Stack/${'A'.repeat(90)}/Pipeline`;
    expect(displayName).toBe(`Image pipeline …${longPath.slice(longPath.length - 79)}`);
    expect(displayName.length).toBeLessThanOrEqual(100);
  });

  test('fails a base image that gives both a name and an ARN, or neither (a stand-in from plain JavaScript)', () => {
    const both = { bind: () => ({ imageName: 'Crm-base', imageArn: 'arn:aws:appstream:us-east-1:123456789012:image/Crm-base' }) } as any;
    expect(() => pipeline({}, recipe({ baseImage: both })))
      .toThrow(/^ImageBuilder 'Stack\/Pipeline\/RecipeBuilder': recipe\.baseImage .* must give exactly one of an image name and an image ARN\. Use Image\.fromName\(\) or Image\.fromArn\(\)\.$/);
    const neither = { bind: () => ({}) } as any;
    expect(() => pipeline({}, recipe({ baseImage: neither }), 'Other')).toThrow(/recipe\.baseImage \{\} must give exactly one of an image name and an image ARN/);
  });

  test('fails without builder options', () => {
    expect(() => new ImagePipeline(stack, 'Pipeline', { source: ImageSource.recipe(recipe(), null as any), imageNamePrefix: 'Crm' }))
      .toThrow('ImageSource.recipe(): options is required. Give an object with the fields of ImageRecipeBuilderOptions, at least instanceType (the builder and the bounds of each part of the build).');
  });

  test('fails a bucket from plain JavaScript that has only some of an s3.IBucket\'s members, naming those it lacks', () => {
    expect(() => new ImagePipeline(stack, 'P', {
      source: ImageSource.recipe(recipe(), { instanceType: InstanceType.STANDARD_MEDIUM, enableDefaultInternetAccess: true, bucket: { bucketName: 'x' } as any }),
      imageNamePrefix: 'C',
    })).toThrow('ImageSource.recipe(): options.bucket {"bucketName":"x"} must be an s3.IBucket, not an object (it has no addEventNotification, addObjectCreatedNotification, addObjectRemovedNotification). '
      + "Give an s3.IBucket (the bucket the requests go to, and the agent's logs).");
  });

  test('fails something that is not a recipe', () => {
    expect(() => new ImagePipeline(stack, 'Pipeline', { source: ImageSource.recipe('Crm' as any, { instanceType: InstanceType.STANDARD_MEDIUM }), imageNamePrefix: 'Crm' }))
      .toThrow('ImageSource.recipe(): recipe "Crm" must be an ImageRecipe, not a string. Use ImageRecipe.linux(), ImageRecipe.windows() (the recipe (ImageRecipe.windows() or ImageRecipe.linux())).');
  });

  test('fails an instance type image builders do not offer', () => {
    expect(() => pipeline({ instanceType: InstanceType.of('stream.standard.xlarge') })).toThrow(/ImageBuilder 'Stack\/Pipeline\/RecipeBuilder': instanceType "stream.standard.xlarge" is not offered for image builders/);
  });

  test('fails two subnets named explicitly: a builder has one', () => {
    expect(() => pipeline({ vpcSubnets: { subnets: vpc.privateSubnets } })).toThrow(/vpcSubnets .*exactly one subnet/s);
  });

  test('takes the first subnet a selection by type selects', () => {
    pipeline({ vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC }, enableDefaultInternetAccess: true });
    const create = allStates(definition().States)['Create the image builder'].Parameters;
    expect(create.EnableDefaultInternetAccess).toBe(true);
    expect(create.VpcConfig.SubnetIds).toEqual(['subnet-0b000001']);
  });

  test('fails a domain join without a VPC', () => {
    const directory = DirectoryConfig.fromDirectoryName(stack, 'Directory', 'corp.example.com');
    expect(() => pipeline({ vpc: undefined, domainJoin: { directory } })).toThrow(/domainJoin needs a vpc/);
  });

  test('fails a root volume given in a unit other than GiB as a token, and warns of one outside 200 to 500 GiB', () => {
    const other = new Stack(new App(), 'Other');
    const size = new CfnParameter(other, 'Size', { type: 'Number' }).valueAsNumber;
    expect(() => new ImagePipeline(other, 'Pipeline', {
      source: ImageSource.recipe(recipe(), {
        instanceType: InstanceType.STANDARD_MEDIUM, enableDefaultInternetAccess: true, rootVolumeSize: Size.mebibytes(size),
      }),
      imageNamePrefix: 'Crm',
    })).toThrow(/rootVolumeSize is a token in a unit other than GiB/);
    pipeline({ rootVolumeSize: Size.gibibytes(100) });
    expect(warnings()).toEqual([expect.stringMatching(/rootVolumeSize 100 /)]);
  });

  test('fails a build timeout under 5 minutes or over 7 days', () => {
    expect(() => pipeline({ buildTimeout: Duration.minutes(2) })).toThrow(/buildTimeout \(in seconds\) 120 .*Duration.minutes\(5\) to Duration.days\(7\)/);
    expect(() => pipeline({ buildTimeout: Duration.days(8) }, recipe(), 'Other')).toThrow(/buildTimeout \(in seconds\) 691200/);
  });

  test('fails a heartbeat timeout under a minute, and one longer than the build timeout', () => {
    expect(() => pipeline({ heartbeatTimeout: Duration.seconds(30) })).toThrow(/heartbeatTimeout \(in seconds\) 30 /);
    expect(() => pipeline({ heartbeatTimeout: Duration.hours(1), buildTimeout: Duration.minutes(30) }, recipe(), 'Other'))
      .toThrow(/heartbeatTimeout "1 hour" is longer than buildTimeout \(30 minutes\)/);
  });

  test('fails a builder start timeout under 10 minutes, and run data kept less than a day', () => {
    expect(() => pipeline({ builderStartTimeout: Duration.minutes(5) })).toThrow(/builderStartTimeout \(in seconds\) 300 /);
    expect(() => pipeline({ runDataRetention: Duration.hours(1) }, recipe(), 'Other')).toThrow(/runDataRetention \(in seconds\) 3600 /);
  });

  test('fails bounds known only at deployment: they are written into the definition', () => {
    const minutes = new CfnParameter(stack, 'Minutes', { type: 'Number' }).valueAsNumber;
    expect(() => pipeline({ buildTimeout: Duration.minutes(minutes) })).toThrow(/buildTimeout must be known at synthesis/);
  });

  test('fails a request prefix without its trailing slash, or with characters a template or IAM pattern would misread', () => {
    expect(() => pipeline({ requestPrefix: 'requests' })).toThrow(/requestPrefix "requests" must be empty, or folders of .*each ending in '\/'/);
    expect(() => pipeline({ requestPrefix: 'a*/' }, recipe(), 'Other')).toThrow(/requestPrefix "a\*\/"/);
    expect(() => pipeline({ requestPrefix: Token.asString(new CfnParameter(stack, 'Prefix')) }, recipe(), 'Third')).toThrow(/requestPrefix must be a string known at synthesis/);
  });

  test('fails more than 50 image tags, the recipe\'s and the pipeline\'s together', () => {
    const tags = Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`k${i}`, 'v']));
    expect(() => pipeline({}, recipe({ imageTags: tags }))).toThrow("ImageBuilder 'Stack/Pipeline/RecipeBuilder': the image tags (the recipe's imageTags and the pipeline's imageTags, with its own tag) must have at most 50 tags (it has 51). Give fewer tags in the recipe or the pipeline.");
  });

  test('warns of a builder with neither a VPC nor default internet access', () => {
    pipeline({ vpc: undefined });
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('cdk-appstream:imageBuilder:builderWithoutNetwork'))).toHaveLength(1);
    expect(warnings()).toEqual([expect.stringContaining('the builder\'s agent may reach neither S3 nor Step Functions')]);
  });

  test('passes every option at its bounds, with no warning', () => {
    pipeline({
      buildTimeout: Duration.days(7),
      heartbeatTimeout: Duration.hours(1),
      builderStartTimeout: Duration.hours(6),
      runDataRetention: Duration.days(3650),
      requestPrefix: 'a/b.c_d-e/',
      keepBuilderOnFailure: false,
      requireImdsv2: false,
    });
    expect(warnings()).toEqual([]);
    pipeline({
      buildTimeout: Duration.minutes(5),
      heartbeatTimeout: Duration.minutes(1),
      builderStartTimeout: Duration.minutes(10),
      runDataRetention: Duration.days(1),
    }, recipe(), 'Other');
  });
});

describe('ImageSource.recipe: tokens', () => {
  test('a base image, instance type and subnet known only at deployment pass through unjudged', () => {
    const image = new CfnParameter(stack, 'Image').valueAsString;
    const type = new CfnParameter(stack, 'Type').valueAsString;
    const subnet = new CfnParameter(stack, 'Subnet', { type: 'AWS::EC2::Subnet::Id' }).valueAsString;
    pipeline({ instanceType: InstanceType.of(type), vpcSubnets: { subnets: [ec2.Subnet.fromSubnetAttributes(stack, 'S', { subnetId: subnet, routeTableId: 'rtb-1' })] } }, recipe({ baseImage: Image.fromName(image) }));
    const create = stack.resolve(allStates(definition().States)['Create the image builder']);
    expect(create).toBeDefined();
    const template = JSON.stringify(Template.fromStack(stack).toJSON().Resources);
    for (const parameter of ['Image', 'Type', 'Subnet']) {
      expect(template).toContain(`{"Ref":"${parameter}"}`);
    }
    expect(warnings()).toEqual([]);
  });
});

describe('ImageSource.recipe: the smallest builder, and each message whole', () => {
  const AT = "ImageBuilder 'Stack/Pipeline/RecipeBuilder':";

  test('a builder with no optional setting asks for none: no agent version, root volume, software, IMDSv1 switch, directory unit', () => {
    const directory = DirectoryConfig.fromDirectoryName(stack, 'Directory', 'corp.example.com');
    pipeline({ domainJoin: { directory } });
    const create = allStates(definition().States)['Create the image builder'].Parameters;
    expect(Object.keys(create).sort()).toEqual([
      'Description', 'DisplayName', 'DomainJoinInfo', 'EnableDefaultInternetAccess', 'IamRoleArn', 'ImageName', 'InstanceType', 'Name.$', 'Tags', 'VpcConfig',
    ]);
    expect(create.DomainJoinInfo).toEqual({ DirectoryName: 'corp.example.com' });
  });

  test('requireImdsv2: false asks for nothing; the recipe\'s display name stays when the pipeline gives none', () => {
    pipeline({ requireImdsv2: false }, recipe({ imageDisplayName: 'CRM desktop' }));
    const states = allStates(definition().States);
    expect(states['Create the image builder'].Parameters.DisableIMDSV1).toBeUndefined();
    expect(states['Prepare the recipe request'].Parameters.Request.recipe.image.displayName).toBe('CRM desktop');
  });

  test('a construct path of exactly 80 characters is the display name whole; one of 81 keeps its last 79 after an ellipsis', () => {
    // 'Stack/' + id + '/Pipeline' = 80 characters.
    const exact = new Construct(stack, 'B'.repeat(80 - 'Stack//Pipeline'.length));
    new ImagePipeline(exact, 'Pipeline', { source: ImageSource.recipe(recipe(), { instanceType: InstanceType.STANDARD_MEDIUM, vpc }), imageNamePrefix: 'Crm' });
    expect(allStates(definition().States)['Create the image builder'].Parameters.DisplayName).toBe(`Image pipeline ${exact.node.path}/Pipeline`);
    const other = new Stack(new App(), 'Stack', { env: { account: '123456789012', region: 'us-east-1' } });
    const longer = new Construct(other, 'C'.repeat(81 - 'Stack//Pipeline'.length));
    new ImagePipeline(longer, 'Pipeline', { source: ImageSource.recipe(recipe(), { instanceType: InstanceType.STANDARD_MEDIUM, enableDefaultInternetAccess: true }), imageNamePrefix: 'Crm' });
    const machine = Object.values(Template.fromStack(other).findResources('AWS::StepFunctions::StateMachine'))[0];
    const text = (machine.Properties.DefinitionString['Fn::Join'][1] as unknown[]).filter((p) => typeof p === 'string').join('');
    const path81 = `${longer.node.path}/Pipeline`;
    expect(text).toContain(`"DisplayName":"Image pipeline …${path81.slice(2)}"`);
  });

  test('the lifecycle rule of the bucket it owns: named by the request prefix, or the whole bucket for an empty one; whole days, rounded up', () => {
    pipeline({ runDataRetention: Duration.hours(36) });
    pipeline({ requestPrefix: '' }, recipe(), 'Other');
    const buckets = Object.values(Template.fromStack(stack).findResources('AWS::S3::Bucket'));
    expect(buckets.map((b) => b.Properties.LifecycleConfiguration.Rules)).toEqual([
      [{ Id: 'cdk-appstream run data (requests/)', Prefix: 'requests/', ExpirationInDays: 2, Status: 'Enabled' }],
      [{ Id: 'cdk-appstream run data (whole bucket)', ExpirationInDays: 30, Status: 'Enabled' }],
    ]);
  });

  test('DescribeImageBuilders is allowed on every resource (it has no resource-level permission); the other calls on the pipeline\'s builders', () => {
    pipeline();
    const policies = Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy'));
    const statements = policies.flatMap((p) => p.Properties.PolicyDocument.Statement as any[]);
    const describes = statements.filter((s) => s.Action === 'appstream:DescribeImageBuilders');
    expect(describes).toEqual([expect.objectContaining({ Effect: 'Allow', Resource: '*' })]);
  });

  test('warns of a builder without network in whole words: what is missing, and how to give it', () => {
    pipeline({ vpc: undefined });
    expect(warnings()).toEqual([
      `${AT} vpc is not given and enableDefaultInternetAccess is false: the builder's agent may reach neither S3 nor Step Functions, and the build would end at its heartbeat timeout. `
      + 'Give a vpc whose subnet reaches S3, STS and Step Functions, or set enableDefaultInternetAccess to true. [ack: cdk-appstream:imageBuilder:builderWithoutNetwork]',
    ]);
  });

  test.each([
    ['buildTimeout', Duration.minutes(4), '240', 'Give a whole number of seconds, from Duration.minutes(5) to Duration.days(7).'],
    ['heartbeatTimeout', Duration.seconds(59), '59', 'Give a whole number of seconds, from Duration.minutes(1) to Duration.hours(1).'],
    ['builderStartTimeout', Duration.minutes(9), '540', 'Give a whole number of seconds, from Duration.minutes(10) to Duration.hours(6).'],
    ['runDataRetention', Duration.hours(23), '82800', 'Give whole days, from Duration.days(1) to Duration.days(3650).'],
  ])('%s below its bound: the message names the seconds and gives the range', (property, value, seconds, fix) => {
    expect(() => pipeline({ [property]: value })).toThrow(new RegExp(`^${esc(`${AT} ${property} (in seconds) ${seconds} `)}.*${esc(fix)}$`));
  });

  test('a heartbeat timeout in fractions of a second is refused (the state machine takes whole seconds), not rounded', () => {
    expect(() => pipeline({ heartbeatTimeout: Duration.millis(90_500) })).toThrow(new RegExp(`^${esc(`${AT} heartbeatTimeout (in seconds) 90.5 `)}`));
  });

  test('a heartbeat timeout as long as the build timeout passes; a longer one fails with the fix', () => {
    pipeline({ heartbeatTimeout: Duration.minutes(30), buildTimeout: Duration.minutes(30) });
    expect(() => pipeline({ heartbeatTimeout: Duration.minutes(31), buildTimeout: Duration.minutes(30) }, recipe(), 'Other'))
      .toThrow("ImageBuilder 'Stack/Other/RecipeBuilder': heartbeatTimeout \"31 minutes\" is longer than buildTimeout (30 minutes). Give a heartbeat timeout shorter than the build timeout.");
  });

  test('a request prefix: known only at deployment, or of the wrong shape, each with its fix', () => {
    expect(() => pipeline({ requestPrefix: Token.asString(new CfnParameter(stack, 'Prefix')) }))
      .toThrow(`${AT} requestPrefix must be a string known at synthesis (the agent's settings file names it). Give the prefix of the agent's settings file, such as requests/.`);
    expect(() => pipeline({ requestPrefix: 'requests' }, recipe(), 'Other'))
      .toThrow(/ Give a prefix such as requests\/ \(the one in the agent's settings file\)\.$/);
  });
});

function esc(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
