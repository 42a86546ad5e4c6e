import * as cdk from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { Image } from '../image';
import type { ImageRecipe } from '../image-recipe';
import type { ImageRecipeBuilderOptions, ImageSourceBindOptions, ImageSourceConfig } from '../image-source';
import { appStreamArn } from './arns';
import { DomainJoinInfo, configureDomainJoin } from './domain-join';
import { checkInstanceType, rootVolumeConfig } from './instance';
import { configureNetwork } from './network';
import { appStreamCall } from './pipeline-retry';
import { serviceRole } from './role';
import { IMAGE_BUILDER_INSTANCE_TYPES, IMAGE_BUILDER_SUBNETS, RangeRule, TAGS } from './rules';
import {
  RECIPE_BUILDER_START_SECONDS,
  RECIPE_BUILD_TIMEOUT_SECONDS,
  RECIPE_HEARTBEAT_TIMEOUT_SECONDS,
  RECIPE_REQUEST_PREFIX,
  RECIPE_RUN_DATA_DAYS,
} from './rules/recipe-source';
import { Validator } from './validation';

/** The version of the request document (agent/schema/request-v1.schema.json). */
const REQUEST_SCHEMA_VERSION = 1;

/** How often the state machine asks whether the builder runs, or has stopped (cleanup). */
const BUILDER_POLL = cdk.Duration.minutes(1);

/**
 * How long cleanup waits for the builder to stop (a snapshot that a failed run left going may take
 * long) before it gives up deleting it: two hours.
 */
const CLEANUP_POLLS = 120;

/** The error of a failed step of the source; the cause says which step, and its error and cause. */
const STEP_FAILED = 'ImagePipeline.RecipeStepFailed';

const CREATE_STEP = 'Create the image builder';

/** The builder states from which no RUNNING follows without a new start. */
const BUILDER_DEAD_STATES = ['FAILED', 'STOPPED', 'DELETING'];

/** The builder states in which DeleteImageBuilder is accepted. */
const BUILDER_DELETABLE_STATES = ['STOPPED', 'FAILED'];

/**
 * The states of `ImageSource.recipe()`: one image builder per run, named as the run's image (the agent
 * finds its request by the builder's name, `AppStream_Resource_Name`).
 *
 * Start: write nothing yet; create the builder; wait (bounded) until it is RUNNING; hand over the
 * request with an S3 PutObject task that waits for the task token (`.waitForTaskToken`): the token
 * travels in the object's metadata, so request and token arrive in one write, and the agent reports
 * with SendTaskSuccess, SendTaskFailure and SendTaskHeartbeat. Cleanup: stop the builder, wait until it
 * can be deleted (bounded), delete it; a failed run that asked to keep it only stops it.
 *
 * Every failure of a start state names its step in the cause, with AWS's or the agent's error.
 */
export function recipeStates(
  pipeline: Construct, recipe: ImageRecipe, given: ImageRecipeBuilderOptions, bound: ImageSourceBindOptions,
): ImageSourceConfig {
  const scope = new Construct(pipeline, 'RecipeBuilder');
  // Messages speak of the image builder each run defines, at the path of the pipeline's recipe builder.
  const v = new Validator(scope, 'ImageBuilder');
  // The recipe and the options are checked at the public boundary, by ImageSource.recipe().
  const o = given;
  const rendered = recipe.bind(pipeline);
  const baseImage = rendered.baseImage;
  if ((baseImage.imageName === undefined) === (baseImage.imageArn === undefined)) {
    v.fail('recipe.baseImage', baseImage, 'must give exactly one of an image name and an image ARN', 'Use Image.fromName() or Image.fromArn().');
  }

  const instanceType = checkInstanceType(v, o.instanceType, IMAGE_BUILDER_INSTANCE_TYPES);
  const internet = o.enableDefaultInternetAccess ?? false;
  const network = configureNetwork(scope, v, o, {
    count: IMAGE_BUILDER_SUBNETS,
    firstOnly: true,
    countFix: 'An image builder uses exactly one subnet: set vpcSubnets to a selection of one subnet (its subnets holding only that subnet, such as the first of the VPC\'s private subnets), or select by subnet type, group or availability zone to take the first subnet selected.',
  });
  if (!o.vpc && !internet) {
    v.warn('builderWithoutNetwork', v.message('vpc', undefined,
      'is not given and enableDefaultInternetAccess is false: the builder\'s agent may reach neither S3 nor Step Functions, and the build would end at its heartbeat timeout',
      'Give a vpc whose subnet reaches S3, STS and Step Functions, or set enableDefaultInternetAccess to true.'));
  }
  const domainJoin = configureDomainJoin(v, o.domainJoin, o.vpc);
  const rootVolume = rootVolumeConfig(v, o.rootVolumeSize);
  const imdsv2 = o.requireImdsv2 ?? false;
  const keep = o.keepBuilderOnFailure ?? false;
  const agentVersion = o.agentVersion?.bind(scope);

  const seconds = (property: string, value: cdk.Duration | undefined, fallback: cdk.Duration, rule: RangeRule, fix: string) => {
    // A Duration: the public boundary checked the options' types.
    const d = value ?? fallback;
    if (d.isUnresolved()) {
      v.fail(property, undefined, 'must be known at synthesis (the state machine\'s bounds are written into its definition)', fix);
    }
    const s = d.toSeconds({ integral: false });
    v.range(`${property} (in seconds)`, s, rule, fix);
    return d;
  };
  const buildTimeout = seconds('buildTimeout', o.buildTimeout, cdk.Duration.hours(4), RECIPE_BUILD_TIMEOUT_SECONDS,
    'Give a whole number of seconds, from Duration.minutes(5) to Duration.days(7).');
  const heartbeatTimeout = seconds('heartbeatTimeout', o.heartbeatTimeout, cdk.Duration.minutes(10), RECIPE_HEARTBEAT_TIMEOUT_SECONDS,
    'Give a whole number of seconds, from Duration.minutes(1) to Duration.hours(1).');
  const startTimeout = seconds('builderStartTimeout', o.builderStartTimeout, cdk.Duration.hours(1), RECIPE_BUILDER_START_SECONDS,
    'Give a whole number of seconds, from Duration.minutes(10) to Duration.hours(6).');
  const retention = seconds('runDataRetention', o.runDataRetention, cdk.Duration.days(30), { ...RECIPE_RUN_DATA_DAYS, min: 86400, max: RECIPE_RUN_DATA_DAYS.max * 86400 },
    'Give whole days, from Duration.days(1) to Duration.days(3650).');
  if (heartbeatTimeout.toSeconds() > buildTimeout.toSeconds()) {
    v.fail('heartbeatTimeout', heartbeatTimeout.toHumanString(), `is longer than buildTimeout (${buildTimeout.toHumanString()})`,
      'Give a heartbeat timeout shorter than the build timeout.');
  }
  // The agent beats at a third of the heartbeat timeout, at most every minute: two beats may be lost.
  const beat = Math.max(1, Math.min(60, Math.floor(heartbeatTimeout.toSeconds() / 3)));

  const prefix = o.requestPrefix ?? 'requests/';
  if (cdk.Token.isUnresolved(prefix)) {
    v.fail('requestPrefix', undefined, 'must be a string known at synthesis (the agent\'s settings file names it)',
      'Give the prefix of the agent\'s settings file, such as requests/.');
  }
  v.string('requestPrefix', prefix, RECIPE_REQUEST_PREFIX, 'Give a prefix such as requests/ (the one in the agent\'s settings file).');

  // -- The bucket and the builder's role ----------------------------------------------------------
  const bucket = o.bucket ?? new s3.Bucket(scope, 'Bucket', {
    blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
    enforceSSL: true,
    encryption: s3.BucketEncryption.S3_MANAGED,
    objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
  });
  if (bucket instanceof s3.Bucket) {
    bucket.addLifecycleRule({ id: `cdk-appstream run data (${prefix || 'whole bucket'})`, prefix: prefix || undefined, expiration: cdk.Duration.days(Math.ceil(retention.toDays({ integral: false }))) });
  }
  const runs = `${prefix}${bound.imageNamePrefix}-*`;
  const getRole = serviceRole(scope, v, o.role, () => undefined);
  const role = getRole();
  // The agent reads only its request and the recipe's files, and writes only its logs: no s3:ListBucket
  // (a request not there yet is AccessDenied rather than NoSuchKey; the agent waits either way).
  readObjects(role, bucket, `${runs}/request.json`);
  for (const asset of rendered.assets) {
    readObjects(role, asset.bucket, asset.objectKey);
  }
  iam.Grant.addToPrincipal({ grantee: role, actions: ['s3:PutObject'], resourceArns: [bucket.arnForObjects(`${runs}/logs/*`)] });
  bucket.encryptionKey?.grant(role, 'kms:GenerateDataKey', 'kms:Encrypt');

  // -- The request ----------------------------------------------------------------------------------
  const document = { ...rendered.document, image: { ...rendered.document.image } };
  if (bound.imageDisplayName !== undefined) {
    document.image.displayName = bound.imageDisplayName;
  }
  if (bound.imageDescription !== undefined) {
    document.image.description = bound.imageDescription;
  }
  const tags = { ...(document.image.tags ?? {}), ...bound.imageTags };
  v.count('the image tags (the recipe\'s imageTags and the pipeline\'s imageTags, with its own tag)', Object.keys(tags).length, TAGS, 'tag',
    'Give fewer tags in the recipe or the pipeline.');
  document.image.tags = tags;

  const builderName = '$.Image.Name';
  const builderArn = appStreamArn(pipeline, 'image-builder', `${bound.imageNamePrefix}-*`);
  const baseArn = baseImage.imageArn ?? appStreamArn(pipeline, 'image', baseImage.imageName!);
  const stepFailed = new sfn.Choice(pipeline, 'Did the failed step give a cause?');
  // One error name: the caught one (States.Timeout, States.HeartbeatTimeout...) may not be raised
  // again by a Fail state, and the cause names the step and the error anyway.
  const failure = new sfn.Fail(pipeline, 'Recipe build failed', { error: STEP_FAILED, causePath: '$.StepFailure.Cause' });
  stepFailed
    .when(sfn.Condition.isPresent('$.StepFailure.Caught.Cause'), new sfn.Pass(pipeline, 'Name the failed step and its cause', {
      parameters: {
        'Cause.$': "States.Format('{}: {}: {}', $.StepFailure.Step, $.StepFailure.Caught.Error, $.StepFailure.Caught.Cause)",
      },
      resultPath: '$.StepFailure',
    }).next(failure))
    .otherwise(new sfn.Pass(pipeline, 'Name the failed step', {
      parameters: {
        'Cause.$': "States.Format('{}: {}', $.StepFailure.Step, $.StepFailure.Caught.Error)",
      },
      resultPath: '$.StepFailure',
    }).next(failure));
  const named = <T extends sfn.TaskStateBase>(task: T): T => {
    const step = task.node.id;
    task.addCatch(new sfn.Pass(pipeline, `${step}: failed`, {
      parameters: { 'Step': step, 'Caught.$': '$.StepFailure' },
      resultPath: '$.StepFailure',
    }).next(stepFailed), { resultPath: '$.StepFailure' });
    return task;
  };

  const request = new sfn.Pass(pipeline, 'Prepare the recipe request', {
    parameters: {
      Request: {
        'schemaVersion': REQUEST_SCHEMA_VERSION,
        'imageName.$': '$.Image.Name',
        'heartbeatSeconds': beat,
        'recipe': document,
      },
      Polls: 0,
    },
    resultPath: '$.Recipe',
  });

  const create = named(appStreamCall(pipeline, CREATE_STEP, {
    action: 'createImageBuilder',
    parameters: {
      Name: sfn.JsonPath.stringAt(builderName),
      ...(baseImage.imageArn !== undefined ? { ImageArn: baseImage.imageArn } : { ImageName: baseImage.imageName }),
      InstanceType: instanceType,
      // 15 + at most 80 characters: within CreateImageBuilder's 100.
      DisplayName: `Image pipeline ${truncate(pipeline.node.path, 80)}`,
      Description: 'Builds an image from a recipe; deleted by the image pipeline after the run.',
      IamRoleArn: role.roleArn,
      EnableDefaultInternetAccess: internet,
      ...(network.vpcConfig ? { VpcConfig: { SubnetIds: network.vpcConfig.subnetIds, SecurityGroupIds: network.vpcConfig.securityGroupIds } } : {}),
      ...(domainJoin ? { DomainJoinInfo: domainJoinInfo(domainJoin) } : {}),
      // An absent value is left out of the definition.
      AppstreamAgentVersion: agentVersion,
      ...(rootVolume ? { RootVolumeConfig: { VolumeSizeInGb: rootVolume.volumeSizeInGb } } : {}),
      ...(rendered.licenseIncludedApplications.length > 0 ? { SoftwaresToInstall: rendered.licenseIncludedApplications } : {}),
      ...(imdsv2 ? { DisableIMDSV1: true } : {}),
      Tags: bound.imageTags,
    },
    iamResources: [builderArn, baseArn],
    additionalIamStatements: [
      // Tagging on create is authorized separately, on the new builder.
      new iam.PolicyStatement({ actions: ['appstream:TagResource'], resources: [builderArn] }),
      new iam.PolicyStatement({
        actions: ['iam:PassRole'],
        resources: [role.roleArn],
        conditions: { StringEquals: { 'iam:PassedToService': 'appstream.amazonaws.com' } },
      }),
    ],
    resultPath: sfn.JsonPath.DISCARD,
  }));

  const maxStartPolls = Math.ceil(startTimeout.toSeconds() / BUILDER_POLL.toSeconds());
  const waitStart = new sfn.Wait(pipeline, 'Wait for the image builder', { time: sfn.WaitTime.duration(BUILDER_POLL) });
  const describeStart = named(appStreamCall(pipeline, 'Describe the image builder', {
    action: 'describeImageBuilders',
    parameters: { Names: sfn.JsonPath.array(sfn.JsonPath.stringAt(builderName)) },
    // DescribeImageBuilders has no resource-level permission (Service Authorization Reference).
    iamResources: ['*'],
    resultSelector: { 'Builder.$': '$.ImageBuilders[0]' },
    resultPath: '$.Recipe.Poll',
  }));
  const countStart = new sfn.Pass(pipeline, 'Count the image builder polls', {
    parameters: { 'Request.$': '$.Recipe.Request', 'Polls.$': 'States.MathAdd($.Recipe.Polls, 1)', 'Poll.$': '$.Recipe.Poll' },
    resultPath: '$.Recipe',
  });
  const builderFailed = new sfn.Pass(pipeline, 'The image builder did not start', {
    parameters: { 'Reason.$': 'States.JsonToString($.Recipe.Poll.Builder)' },
    resultPath: '$.Recipe.Poll',
  }).next(new sfn.Fail(pipeline, 'Image builder not RUNNING', {
    error: 'ImagePipeline.BuilderFailed',
    causePath: '$.Recipe.Poll.Reason',
  }));
  const startTimedOut = new sfn.Fail(pipeline, 'Image builder not RUNNING in time', {
    error: 'ImagePipeline.BuilderTimeout',
    cause: `Wait for the image builder: it was not RUNNING after ${maxStartPolls} polls, ${BUILDER_POLL.toHumanString()} apart.`,
  });

  const requestKey = `${prefix}{}/request.json`;
  const handOver = named(new tasks.CallAwsService(pipeline, 'Build in the image builder', {
    service: 's3',
    action: 'putObject',
    iamAction: 's3:PutObject',
    integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
    parameters: {
      Bucket: bucket.bucketName,
      Key: sfn.JsonPath.format(requestKey, sfn.JsonPath.stringAt(builderName)),
      // A string: an engine refuses a JSON object as the body.
      Body: sfn.JsonPath.jsonToString(sfn.JsonPath.objectAt('$.Recipe.Request')),
      ContentType: 'application/json',
      // The agent reads the token from the object's metadata (x-amz-meta-task-token).
      Metadata: { 'task-token': sfn.JsonPath.taskToken },
    },
    iamResources: [bucket.arnForObjects(`${runs}/request.json`)],
    additionalIamStatements: bucket.encryptionKey ? [new iam.PolicyStatement({
      actions: ['kms:GenerateDataKey', 'kms:Encrypt'],
      resources: [bucket.encryptionKey.keyArn],
    })] : [],
    heartbeatTimeout: sfn.Timeout.duration(heartbeatTimeout),
    taskTimeout: sfn.Timeout.duration(buildTimeout),
    resultPath: '$.Recipe.Build',
  }));

  const started = new sfn.Choice(pipeline, 'Is the image builder RUNNING?')
    .when(sfn.Condition.stringEquals('$.Recipe.Poll.Builder.State', 'RUNNING'), handOver)
    .when(sfn.Condition.or(...BUILDER_DEAD_STATES.map((s) => sfn.Condition.stringEquals('$.Recipe.Poll.Builder.State', s))), builderFailed)
    .when(sfn.Condition.numberGreaterThanEquals('$.Recipe.Polls', maxStartPolls), startTimedOut)
    .otherwise(waitStart);
  request.next(create).next(waitStart);
  waitStart.next(describeStart).next(countStart).next(started);
  const start = sfn.Chain.custom(request, [handOver], request);

  // -- Cleanup: never fails ------------------------------------------------------------------------
  const cleaned = new sfn.Pass(pipeline, 'Image builder cleaned up');
  const notDeleted = new sfn.Pass(pipeline, 'Image builder not deleted', {
    parameters: { 'Builder.$': builderName, 'Problem.$': 'States.JsonToString($.Cleanup.Error)' },
    resultPath: '$.Cleanup',
  }).next(cleaned);
  const catchAll = (task: sfn.TaskStateBase, next: sfn.IChainable) =>
    task.addCatch(next as sfn.State, { resultPath: '$.Cleanup.Error' });

  const cleanupStart = new sfn.Pass(pipeline, 'Clean up the image builder', { parameters: { Polls: 0 }, resultPath: '$.Cleanup' });
  const stop = appStreamCall(pipeline, 'Stop the image builder', {
    action: 'stopImageBuilder',
    parameters: { Name: sfn.JsonPath.stringAt(builderName) },
    iamResources: [builderArn],
    resultPath: sfn.JsonPath.DISCARD,
  });
  const waitStop = new sfn.Wait(pipeline, 'Wait for the image builder to stop', { time: sfn.WaitTime.duration(BUILDER_POLL) });
  const describeStop = appStreamCall(pipeline, 'Describe the image builder to delete', {
    action: 'describeImageBuilders',
    parameters: { Names: sfn.JsonPath.array(sfn.JsonPath.stringAt(builderName)) },
    iamResources: ['*'],
    resultSelector: { 'Builder.$': '$.ImageBuilders[0]' },
    resultPath: '$.Cleanup.Poll',
  });
  const countStop = new sfn.Pass(pipeline, 'Count the cleanup polls', {
    parameters: { 'Polls.$': 'States.MathAdd($.Cleanup.Polls, 1)', 'Poll.$': '$.Cleanup.Poll' },
    resultPath: '$.Cleanup',
  });
  const del = appStreamCall(pipeline, 'Delete the image builder', {
    action: 'deleteImageBuilder',
    parameters: { Name: sfn.JsonPath.stringAt(builderName) },
    iamResources: [builderArn],
    resultPath: sfn.JsonPath.DISCARD,
  });
  const gone = new sfn.Pass(pipeline, 'No image builder to delete');
  gone.next(cleaned);
  del.next(cleaned);
  catchAll(del, notDeleted);
  // A builder that does not exist (CreateImageBuilder failed) is nothing to clean up.
  describeStop.addCatch(gone, { errors: ['AppStream.ResourceNotFoundException'], resultPath: sfn.JsonPath.DISCARD });
  catchAll(describeStop, notDeleted);
  // Stopping fails when the builder is not RUNNING (PENDING, SNAPSHOTTING, STOPPED): the loop waits.
  stop.addCatch(waitStop, { resultPath: sfn.JsonPath.DISCARD });
  stop.next(waitStop);
  waitStop.next(describeStop).next(countStop);
  const stopGiveUp = new sfn.Pass(pipeline, 'The image builder did not stop in time', {
    parameters: { Error: 'ImagePipeline.BuilderNotStopped', Cause: `The image builder was not STOPPED after ${CLEANUP_POLLS} polls, ${BUILDER_POLL.toHumanString()} apart.` },
    resultPath: '$.Cleanup.Error',
  }).next(notDeleted);
  countStop.next(new sfn.Choice(pipeline, 'Can the image builder be deleted?')
    .when(sfn.Condition.or(...BUILDER_DELETABLE_STATES.map((s) => sfn.Condition.stringEquals('$.Cleanup.Poll.Builder.State', s))), del)
    .when(sfn.Condition.numberGreaterThanEquals('$.Cleanup.Polls', CLEANUP_POLLS), stopGiveUp)
    .when(sfn.Condition.stringEquals('$.Cleanup.Poll.Builder.State', 'RUNNING'), stop)
    .otherwise(waitStop));

  const failed = sfn.Condition.isPresent(bound.failurePath);
  // A run whose CreateImageBuilder found the name taken (another run started in the same second)
  // must not delete the other run's builder.
  const theirs = sfn.Condition.and(failed, sfn.Condition.isPresent(`${bound.failurePath}.Cause`),
    sfn.Condition.stringMatches(`${bound.failurePath}.Cause`, `${CREATE_STEP}: AppStream.ResourceAlreadyExistsException*`));
  const decide = new sfn.Choice(pipeline, 'Which image builder cleanup?')
    .when(theirs, gone);
  if (keep) {
    // A failed run that asked to keep its builder only stops it (a builder not RUNNING is left as it is).
    const keepStop = appStreamCall(pipeline, 'Stop the kept image builder', {
      action: 'stopImageBuilder',
      parameters: { Name: sfn.JsonPath.stringAt(builderName) },
      iamResources: [builderArn],
      resultPath: sfn.JsonPath.DISCARD,
    });
    const kept = new sfn.Pass(pipeline, 'Image builder kept', { parameters: { 'Builder.$': builderName, 'Kept': true }, resultPath: '$.Cleanup' });
    keepStop.addCatch(kept, { resultPath: sfn.JsonPath.DISCARD });
    keepStop.next(kept);
    kept.next(cleaned);
    decide.when(failed, keepStop);
  }
  decide.otherwise(stop);
  cleanupStart.next(decide);
  const cleanup = sfn.Chain.custom(cleanupStart, [cleaned], cleanupStart);

  // The longest the source's states take: the builder's start, the build, the cleanup's loop, and a
  // margin for retries.
  const cleanupBound = cdk.Duration.seconds(CLEANUP_POLLS * BUILDER_POLL.toSeconds());
  const maxDuration = startTimeout.plus(buildTimeout).plus(cleanupBound).plus(cdk.Duration.hours(1));
  const initialImage = baseImage.imageArn !== undefined ? Image.fromArn(baseImage.imageArn) : Image.fromName(baseImage.imageName!);
  return { initialImage, start, cleanup, maxDuration, taskResponder: role };
}

/** Grant s3:GetObject on `pattern` of `bucket` (and decryption with its key, if it has one). */
function readObjects(role: iam.IRole, bucket: s3.IBucket, pattern: string): void {
  iam.Grant.addToPrincipal({ grantee: role, actions: ['s3:GetObject'], resourceArns: [bucket.arnForObjects(pattern)] });
  bucket.encryptionKey?.grantDecrypt(role);
}

/** CreateImageBuilder's DomainJoinInfo, in Step Functions' member names. */
function domainJoinInfo(join: DomainJoinInfo): Record<string, string | undefined> {
  const ou = join.organizationalUnitDistinguishedName;
  return { DirectoryName: join.directoryName, OrganizationalUnitDistinguishedName: ou };
}

function truncate(s: string, max: number): string {
  return s.length <= max ? s : `…${s.slice(s.length - max + 1)}`;
}
