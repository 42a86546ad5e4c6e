import * as cdk from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { TRANSIENT_RETRY } from './pipeline-retry';

/**
 * The errors of a re-tagging task worth retrying. The function lets the SDK's error through, so
 * Step Functions names it by the SDK's error name alone (no `AppStream.` prefix): throttling, a
 * concurrent change, and `ResourceNotFoundException`, because CopyImage works asynchronously and AWS
 * does not say how soon the copy exists in its Region (a copy that never appears fails the run after
 * about five minutes). `Lambda.TooManyRequestsException`: the invocation itself throttled.
 */
export const COPY_TAG_TRANSIENT_ERRORS = [
  'ThrottlingException',
  'RequestLimitExceededException',
  'ConcurrentModificationException',
  'ResourceNotFoundException',
  'Lambda.TooManyRequestsException',
];

/**
 * The function's code, inline (no asset): it tags the image named in the event, in the Region the
 * event names, with the event's tags, in the function's own partition and account (from its ARN).
 * Lambda's Node.js runtimes include the AWS SDK for JavaScript v3, so nothing is bundled.
 */
export const COPY_TAGGER_CODE = [
  "const { AppStreamClient, TagResourceCommand } = require('@aws-sdk/client-appstream');",
  'exports.handler = async (event, context) => {',
  "  const [, partition, , , account] = context.invokedFunctionArn.split(':');",
  '  const arn = `arn:${partition}:appstream:${event.Region}:${account}:image/${event.ImageName}`;',
  '  await new AppStreamClient({ region: event.Region }).send(new TagResourceCommand({ ResourceArn: arn, Tags: event.Tags }));',
  '  return { ResourceArn: arn };',
  '};',
].join('\n');

/** What the re-tagging needs from the pipeline. */
export interface CopyTaggingOptions {
  /** The Regions the images are copied to. */
  readonly regions: string[];
  /** The image name prefix: the function may tag `image/<prefix>-*` in those Regions only. */
  readonly prefix: string;
  /** The tags of each image, which each copy gets too. */
  readonly tags: Record<string, string>;
  /** The JSONPath of the image's name in the state. */
  readonly imageNamePath: string;
  /** The pipeline's address, for the function's description. */
  readonly pipelinePath: string;
}

/**
 * The pipeline's one Lambda function, and a task per Region that calls it.
 *
 * Why a Lambda function: CopyImage does not copy an image's tags, and a Step Functions
 * SDK-integration task calls AWS only in the state machine's own Region, so no task can tag the copy
 * where it is. The function does (TagResource in the copy's Region). Its role may only tag the
 * pipeline's images (by name prefix) in the copy Regions, with the pipeline's tag keys, and write
 * its own log group: no managed policy, no `Resource: *`.
 *
 * @returns the tasks, one per Region, in the order of `regions` (none when there is no Region)
 */
export function copyTagging(scope: Construct, options: CopyTaggingOptions): sfn.TaskStateBase[] {
  if (options.regions.length === 0) {
    return [];
  }
  const stack = cdk.Stack.of(scope);
  const role = new iam.Role(scope, 'TagCopiesRole', {
    assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
    description: `Tags the copies of the images of the AppStream image pipeline ${options.pipelinePath} in their Regions`,
  });
  role.addToPrincipalPolicy(new iam.PolicyStatement({
    actions: ['appstream:TagResource'],
    resources: options.regions.map((region) => stack.formatArn({
      service: 'appstream', region, resource: 'image', resourceName: `${options.prefix}-*`, arnFormat: cdk.ArnFormat.SLASH_RESOURCE_NAME,
    })),
    // TagResource takes aws:TagKeys (Service Authorization Reference): only the pipeline's own keys.
    conditions: { 'ForAllValues:StringEquals': { 'aws:TagKeys': Object.keys(options.tags) } },
  }));
  // Its own log group, so the role writes there only (the managed AWSLambdaBasicExecutionRole
  // policy would allow every log group of the account).
  const logGroup = new logs.LogGroup(scope, 'TagCopiesLogs', { retention: logs.RetentionDays.ONE_YEAR });
  logGroup.grantWrite(role);
  const fn = new lambda.Function(scope, 'TagCopies', {
    // nodejs24.x: in aws-cdk-lib since before 2.247 (this library's lowest), supported by Lambda
    // the longest of the Node.js runtimes.
    runtime: lambda.Runtime.NODEJS_24_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline(COPY_TAGGER_CODE),
    timeout: cdk.Duration.minutes(1),
    role,
    logGroup,
    description: `Tags the copies of the images of the AppStream image pipeline ${options.pipelinePath} in their Regions`,
  });
  return options.regions.map((region) => new tasks.LambdaInvoke(scope, `Tag the copy in ${region}`, {
    lambdaFunction: fn,
    payload: sfn.TaskInput.fromObject({
      Region: region,
      ImageName: sfn.JsonPath.stringAt(options.imageNamePath),
      Tags: options.tags,
    }),
    retryOnServiceExceptions: true,
    resultPath: sfn.JsonPath.DISCARD,
  }).addRetry({ ...TRANSIENT_RETRY, errors: COPY_TAG_TRANSIENT_ERRORS }));
}
