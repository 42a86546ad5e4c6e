import * as cdk from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { ElasticFleet } from './elastic-fleet';
import { IFleet } from './fleet';
import { Image } from './image';
import { ImageSource } from './image-source';
import { appStreamArn, nameInArn } from './private/arns';
import { checkConstructor } from './private/boundary';
import { copyTagging } from './private/pipeline-copy-tags';
import { appStreamCall, appStreamRetry, otherRetry } from './private/pipeline-retry';
import { DESCRIPTION, DISPLAY_NAME, NAME, SHARED_ACCOUNT_ID } from './private/rules';
import { tagProblems } from './private/tags';
import { Validator } from './private/validation';

/**
 * What the state machine appends to the prefix: `-` and the run's start time, `2026-12-01T030000`
 * (18 characters). AppStream image names take letters, digits, `_`, `.` and `-` only.
 */
export const IMAGE_NAME_TIMESTAMP_SAMPLE = '-2026-12-01T030000';

/**
 * [docs] The Image Assistant's `create-image --name`: "at most 100 characters", "cannot begin with
 * 'aws', 'appstream' or 'amazon'". The model's `Name` shape allows 101 and says nothing of prefixes,
 * so these warn rather than refuse.
 */
const DOCUMENTED_IMAGE_NAME_MAX = 100;
const RESERVED_IMAGE_NAME_PREFIXES = ['aws', 'appstream', 'amazon'];

/**
 * The tag by which the pipeline recognises the images it made (its value is the pipeline's
 * construct address). Retention deletes only images that carry it and match the name prefix.
 */
export const IMAGE_PIPELINE_TAG = 'AppStreamImagePipeline';

/**
 * An account an image pipeline shares its images with (`UpdateImagePermissions`).
 */
export interface ImageShare {
  /**
   * The AWS account ID to share with, such as `111122223333`.
   */
  readonly account: string;

  /**
   * Whether the account may create fleets from the image.
   *
   * @default true
   */
  readonly allowFleet?: boolean;

  /**
   * Whether the account may create image builders from the image.
   *
   * @default false
   */
  readonly allowImageBuilder?: boolean;
}

/**
 * Properties of an `ImagePipeline`.
 */
export interface ImagePipelineProps {
  /**
   * Where the images come from, such as `ImageSource.managedUpdates(image)`.
   */
  readonly source: ImageSource;

  /**
   * The start of each image's name: the state machine appends `-` and the run's start time
   * (`Desktops-2026-12-01T030000`). Letters, digits, `_`, `.` and `-`, starting with a letter or
   * digit, at most 83 characters (AppStream's `Name` shape allows 101 in all; its documentation says
   * 100, so 83 warns).
   */
  readonly imageNamePrefix: string;

  /**
   * The display name of each image.
   *
   * @default - none
   */
  readonly imageDisplayName?: string;

  /**
   * The description of each image.
   *
   * @default - none
   */
  readonly imageDescription?: string;

  /**
   * Tags of each image, besides the pipeline's own `AppStreamImagePipeline` tag.
   *
   * @default - only the pipeline's tag
   */
  readonly imageTags?: Record<string, string>;

  /**
   * When to run the pipeline: an `events.Schedule`, such as a cron schedule for 03:00 UTC on the first day of each month.
   *
   * @default - no schedule: runs start with `StartExecution` (see `grantStartExecution`)
   */
  readonly schedule?: events.Schedule;

  /**
   * Accounts to share each new image with.
   *
   * @default - not shared
   */
  readonly shareWith?: ImageShare[];

  /**
   * Regions to copy each new image to (`CopyImage`), under the same name. CopyImage does not copy
   * the image's tags, so the pipeline tags each copy in its Region with the image's tags (its
   * `AppStreamImagePipeline` tag among them), through a small Lambda function: a Step Functions
   * task calls AWS only in the state machine's own Region. A run fails (and reports it) when a copy
   * cannot be tagged.
   *
   * @default - not copied
   */
  readonly copyToRegions?: string[];

  /**
   * How many of the images this pipeline made to keep: each successful run deletes the image made
   * `keepImages` runs before, unless a fleet or image builder uses it or it is shared. Images the
   * pipeline did not make (its source, among others) are never deleted.
   *
   * @default - no image is deleted
   */
  readonly keepImages?: number;

  /**
   * How long a run waits for the new image to become AVAILABLE before it fails.
   *
   * @default Duration.hours(8)
   */
  readonly timeout?: cdk.Duration;

  /**
   * How often a run asks AppStream whether the image is ready (`DescribeImages`).
   *
   * @default Duration.minutes(5)
   */
  readonly pollInterval?: cdk.Duration;

  /**
   * A topic that is told the outcome of every run: the image's name, and AWS's error on failure.
   *
   * @default - no notifications
   */
  readonly notificationTopic?: sns.ITopic;
}

/**
 * Defines an image pipeline: a Step Functions state machine that makes a new AppStream image from
 * a source, waits for it with a bound, shares it, copies it, records it in an SSM parameter, rolls
 * it out to fleets, deletes old images it made, and reports the outcome.
 *
 * Fleets and image builders that take `latestImage` read the parameter at each deployment, so a
 * later `cdk deploy` never puts an older image back.
 *
 * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/administer-images.html
 */
export class ImagePipeline extends Construct {
  /**
   * The state machine that runs the pipeline.
   */
  public readonly stateMachine: sfn.StateMachine;

  /**
   * The SSM parameter that holds the name of the latest image the pipeline made (at first, the
   * source's image).
   */
  public readonly latestImageParameter: ssm.StringParameter;

  /**
   * The latest image: give it to a `Fleet` or `ImageBuilder`. It resolves the parameter at each
   * deployment (a `{{resolve:ssm:…}}` dynamic reference).
   */
  public readonly latestImage: Image;

  private readonly fleetNames: string[] = [];
  private readonly ownImages: string;
  private readonly v: Validator;

  constructor(scope: Construct, id: string, props: ImagePipelineProps) {
    props = checkConstructor(ImagePipeline, arguments).props;
    super(scope, id);
    const v = this.v = new Validator(this, 'ImagePipeline');
    const source = props.source;
    const prefix = checkPrefix(v, props.imageNamePrefix);
    v.string('imageDisplayName', props.imageDisplayName, DISPLAY_NAME, 'Shorten the display name.');
    v.string('imageDescription', props.imageDescription, DESCRIPTION, 'Shorten the description.');
    const shares = checkShares(v, props.shareWith);
    const regions = props.copyToRegions ?? [];
    const keep = checkCount(v, 'keepImages', props.keepImages, 1, 99, 'SSM keeps the last 100 versions of the parameter the pipeline counts its images by.');
    const interval = props.pollInterval ?? cdk.Duration.minutes(5);
    const timeout = props.timeout ?? cdk.Duration.hours(8);
    for (const [property, d] of [['pollInterval', interval], ['timeout', timeout]] as const) {
      if (d.isUnresolved()) { // a token's seconds divided would be a number near 1, not the bound of the polls
        v.fail(property, undefined, 'must be known at synthesis (the state machine counts its polls by timeout / pollInterval, written into its definition)',
          'Give a Duration of a fixed length, such as Duration.minutes(5).');
      }
    }
    checkCount(v, 'pollInterval (seconds)', interval.toSeconds(), 10, 3600, 'Poll between every 10 seconds and every hour.');
    checkCount(v, 'timeout (seconds)', timeout.toSeconds(), interval.toSeconds(), 364 * 24 * 3600,
      'Give a timeout of at least one poll interval and under a year (the longest a Standard execution runs).');
    const maxPolls = Math.ceil(timeout.toSeconds() / interval.toSeconds());

    const owner = this.node.addr;
    const tags = { ...(props.imageTags ?? {}), [IMAGE_PIPELINE_TAG]: owner };
    const tagIssues = tagProblems(v, tags);
    if (tagIssues.length > 0) {
      throw new Error(tagIssues.join('\n'));
    }
    const ownImages = this.ownImages = appStreamArn(this, 'image', `${prefix}-*`);

    const config = source.bind(this, {
      imageNamePath: '$.Image.Name',
      imageNamePrefix: prefix,
      latestImageNamePath: '$.Source.Name',
      failurePath: '$.Failure',
      imageArns: [ownImages],
      imageDisplayName: props.imageDisplayName,
      imageDescription: props.imageDescription,
      imageTags: tags,
    });
    const initial = config.initialImage.bind(this);
    const initialName = initial.imageName ?? nameInArn(this, initial.imageArn!);

    this.latestImageParameter = new ssm.StringParameter(this, 'LatestImage', {
      stringValue: initialName,
      description: `The latest AppStream image of the image pipeline ${this.node.path}`,
    });
    this.latestImage = Image.fromName(cdk.Token.asString(
      new cdk.CfnDynamicReference(cdk.CfnDynamicReferenceService.SSM, this.latestImageParameter.parameterName)));

    const definition = this.definition({
      prefix,
      tags,
      shares,
      regions,
      keep,
      interval,
      maxPolls,
      owner,
      ownImages,
      start: config.start,
      cleanup: config.cleanup,
      topic: props.notificationTopic,
    });
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(definition),
      // A backstop only: the run's own bound (timeout) fails it first, with a notification.
      timeout: timeout.plus(cdk.Duration.hours(2)).plus(config.maxDuration ?? cdk.Duration.seconds(0)),
    });
    if (config.taskResponder) {
      this.stateMachine.grantTaskResponse(config.taskResponder);
    }
    if (props.schedule) {
      new events.Rule(this, 'Schedule', {
        schedule: props.schedule,
        description: `Runs the AppStream image pipeline ${this.node.path}`,
        targets: [new targets.SfnStateMachine(this.stateMachine)],
      });
    }
  }

  /**
   * Roll each new image out to `fleet` once it is AVAILABLE (`UpdateFleet`). A running fleet takes
   * an image of the same operating system without ending sessions: idle instances are replaced
   * first, the others once their session ends.
   *
   * @param fleet an Always-On or On-Demand fleet (an Elastic fleet has no image)
   * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/update-fleets-new-image.html
   */
  public addFleet(fleet: IFleet): void {
    const property = 'addFleet() fleet';
    if (ElasticFleet.isElasticFleet(fleet)) {
      this.v.fail(property, fleet.node.path, 'is an Elastic fleet, which streams applications rather than an image',
        'Give an Always-On or On-Demand Fleet; Elastic fleets follow their applications\' app blocks instead.');
    }
    if (this.fleetNames.length === 0) {
      // UpdateFleet's resource types are fleet (required) and image (Service Authorization
      // Reference): the new image is named by the request, so its ARN (by prefix) is granted too.
      this.stateMachine.addToRolePolicy(new iam.PolicyStatement({ actions: ['appstream:UpdateFleet'], resources: [this.ownImages] }));
    }
    this.fleetNames.push(fleet.fleetName);
    this.stateMachine.addToRolePolicy(new iam.PolicyStatement({ actions: ['appstream:UpdateFleet'], resources: [fleet.fleetArn] }));
  }

  /**
   * Grant `grantee` the right to start a run of the pipeline (`states:StartExecution`).
   *
   * @param grantee the principal
   */
  public grantStartExecution(grantee: iam.IGrantable): iam.Grant {
    return this.stateMachine.grantStartExecution(grantee);
  }

  private definition(d: Definition): sfn.IChainable {
    const parameter = this.latestImageParameter;
    const failed = this.failurePath(d);

    // The image's name: prefix, '-', and the start time without its fraction and colons, built from
    // one-character splits only (engines differ on multi-character ones).
    const prepare = new sfn.Pass(this, 'Prepare', {
      parameters: {
        'Time.$': "States.StringSplit(States.ArrayGetItem(States.StringSplit($$.Execution.StartTime, '.'), 0), ':')",
        'Fleets': cdk.Lazy.list({ produce: () => this.fleetNames }, { omitEmpty: false }),
        'Parameter': parameter.parameterName,
      },
      resultPath: '$.Config',
    });
    const name = new sfn.Pass(this, 'Name the image', {
      parameters: {
        'Name.$': `States.Format('${d.prefix}-{}{}{}', States.ArrayGetItem($.Config.Time, 0), States.ArrayGetItem($.Config.Time, 1), States.ArrayGetItem($.Config.Time, 2))`,
        'Polls': 0,
      },
      resultPath: '$.Image',
    });
    const readLatest = otherRetry(new tasks.CallAwsService(this, 'Read the latest image', {
      service: 'ssm',
      action: 'getParameter',
      iamAction: 'ssm:GetParameter',
      parameters: { Name: parameter.parameterName },
      iamResources: [parameter.parameterArn],
      resultSelector: { Name: sfn.JsonPath.stringAt('$.Parameter.Value') },
      resultPath: '$.Source',
    }));

    // Wait for AVAILABLE or FAILED, at most maxPolls times.
    const wait = new sfn.Wait(this, 'Wait for the image', { time: sfn.WaitTime.duration(d.interval) });
    const describe = appStreamCall(this, 'Describe the image', {
      action: 'describeImages',
      parameters: { Names: sfn.JsonPath.array(sfn.JsonPath.stringAt('$.Image.Name')) },
      // DescribeImages has no resource-level permission (Service Authorization Reference).
      iamResources: ['*'],
      // The whole image, its State tested by the Choice (an engine returns a list for a deeper path).
      resultSelector: { 'Image.$': '$.Images[0]' },
      resultPath: '$.Poll',
    });
    const count = new sfn.Pass(this, 'Count the polls', {
      parameters: {
        'Name.$': '$.Image.Name',
        'Polls.$': 'States.MathAdd($.Image.Polls, 1)',
      },
      resultPath: '$.Image',
    });
    const imageFailed = new sfn.Pass(this, 'The image failed', {
      parameters: { 'Reason.$': 'States.JsonToString($.Poll.Image)' },
      resultPath: '$.Poll',
    }).next(new sfn.Fail(this, 'Image FAILED', { error: 'ImagePipeline.ImageFailed', causePath: '$.Poll.Reason' }));
    const timedOut = new sfn.Fail(this, 'Image not ready in time', {
      error: 'ImagePipeline.Timeout',
      cause: `The image was not AVAILABLE after ${d.maxPolls === 1 ? '1 poll' : `${d.maxPolls} polls, ${d.interval.toHumanString()} apart`}.`,
    });

    const afterAvailable = this.distribution(d);
    const state = new sfn.Choice(this, 'Is the image ready?')
      .when(sfn.Condition.stringEquals('$.Poll.Image.State', 'AVAILABLE'), afterAvailable)
      .when(sfn.Condition.stringEquals('$.Poll.Image.State', 'FAILED'), imageFailed)
      .when(sfn.Condition.numberGreaterThanEquals('$.Image.Polls', d.maxPolls), timedOut)
      .otherwise(wait);
    const run = readLatest.next(d.start).next(wait);
    wait.next(describe).next(count).next(state);

    // One branch, so that one Catch takes every error of the run to cleanup and the notification.
    const body = new sfn.Parallel(this, 'Run', { resultPath: sfn.JsonPath.DISCARD });
    body.branch(run);
    const notified = this.notify(d, 'Report success', {
      'Outcome': 'SUCCEEDED',
      'Pipeline': this.node.path,
      'Image.$': '$.Image.Name',
      'Execution.$': '$$.Execution.Id',
    }, "States.Format('AppStream image pipeline {}: image {} is AVAILABLE and rolled out.', $.Report.Pipeline, $.Report.Image)");
    const end = new sfn.Succeed(this, 'Done');
    const success = notified ? notified.next(end) : end;
    if (!d.cleanup) {
      body.addCatch(failed, { resultPath: '$.Failure' });
      return prepare.next(name).next(body).next(success);
    }
    // The source's cleanup runs once, whatever the outcome (its states can have one place only), then
    // the run reports as it ended.
    const cleanup = sfn.Chain.start(d.cleanup).next(new sfn.Choice(this, 'Did the run fail?')
      .when(sfn.Condition.isPresent('$.Failure'), failed)
      .otherwise(success));
    body.addCatch(cleanup, { resultPath: '$.Failure' });
    return prepare.next(name).next(body).next(cleanup);
  }

  /** The states after the image is AVAILABLE: cleanup, share, copy, record, roll out, prune. */
  private distribution(d: Definition): sfn.IChainable {
    const parameter = this.latestImageParameter;
    let chain: sfn.Chain | undefined;
    const add = (next: sfn.IChainable) => {
      chain = chain ? chain.next(next) : sfn.Chain.start(next);
    };
    d.shares.forEach((share) => add(appStreamCall(this, `Share with ${share.account}`, {
      action: 'updateImagePermissions',
      parameters: {
        Name: sfn.JsonPath.stringAt('$.Image.Name'),
        SharedAccountId: share.account,
        ImagePermissions: { AllowFleet: share.allowFleet ?? true, AllowImageBuilder: share.allowImageBuilder ?? false },
      },
      iamResources: [d.ownImages],
      resultPath: sfn.JsonPath.DISCARD,
    })));
    d.regions.forEach((region) => add(appStreamCall(this, `Copy to ${region}`, {
      action: 'copyImage',
      parameters: {
        SourceImageName: sfn.JsonPath.stringAt('$.Image.Name'),
        DestinationImageName: sfn.JsonPath.stringAt('$.Image.Name'),
        DestinationRegion: region,
      },
      iamResources: [d.ownImages],
      resultPath: sfn.JsonPath.DISCARD,
    })));
    // CopyImage does not copy tags: a task per Region re-tags the copy there (lib/private/pipeline-copy-tags.ts).
    copyTagging(this, { regions: d.regions, prefix: d.prefix, tags: d.tags, imageNamePath: '$.Image.Name', pipelinePath: this.node.path })
      .forEach((task) => add(task));
    // Recorded before the roll-out: a fleet updated and a parameter left behind would let the next
    // deployment put the older image back on that fleet.
    add(otherRetry(new tasks.CallAwsService(this, 'Record the latest image', {
      service: 'ssm',
      action: 'putParameter',
      iamAction: 'ssm:PutParameter',
      parameters: { Name: parameter.parameterName, Value: sfn.JsonPath.stringAt('$.Image.Name'), Overwrite: true },
      iamResources: [parameter.parameterArn],
      resultSelector: { 'Version.$': '$.Version' },
      resultPath: '$.Record',
    })));
    const update = appStreamRetry(new sfn.CustomState(this, 'Update the fleet', {
      // A CustomState, not CallAwsService: CallAwsService fixes its IAM resources when it is defined,
      // and fleets come later (addFleet grants UpdateFleet on each one).
      stateJson: {
        Type: 'Task',
        Resource: `arn:${cdk.Aws.PARTITION}:states:::aws-sdk:appstream:updateFleet`,
        Parameters: { 'Name.$': '$.Fleet', 'ImageName.$': '$.ImageName' },
        ResultPath: null,
      },
    }));
    const rollOut = new sfn.Map(this, 'Roll out to the fleets', {
      itemsPath: '$.Config.Fleets',
      itemSelector: { 'Fleet.$': '$$.Map.Item.Value', 'ImageName.$': '$.Image.Name' },
      maxConcurrency: 1,
      resultPath: sfn.JsonPath.DISCARD,
    });
    rollOut.itemProcessor(update);
    add(rollOut);
    if (d.keep !== undefined) {
      add(this.retention(d, d.keep));
    }
    return chain!;
  }

  /**
   * Delete the image made `keep` runs ago (the parameter's version `keep` back), if this pipeline made
   * it (name prefix and tag), no fleet or image builder uses it, and it is not shared.
   */
  private retention(d: Definition, keep: number): sfn.IChainable {
    const parameter = this.latestImageParameter;
    const kept = new sfn.Pass(this, 'Keep the image');
    const old = new sfn.Pass(this, 'Find the image to delete', {
      parameters: { 'Version.$': `States.MathAdd($.Record.Version, -${cdk.Token.isUnresolved(keep) ? cdk.Token.asString(keep) : keep})` },
      resultPath: '$.Prune',
    });
    const read = otherRetry(new tasks.CallAwsService(this, 'Read the old image', {
      service: 'ssm',
      action: 'getParameter',
      iamAction: 'ssm:GetParameter',
      parameters: { Name: sfn.JsonPath.format('{}:{}', sfn.JsonPath.stringAt('$.Config.Parameter'), sfn.JsonPath.stringAt('$.Prune.Version')) },
      iamResources: [parameter.parameterArn],
      resultSelector: { 'Name.$': '$.Parameter.Value' },
      resultPath: '$.Candidate',
    }));
    read.addCatch(kept, { errors: ['Ssm.ParameterVersionNotFoundException', 'Ssm.ParameterNotFoundException'], resultPath: sfn.JsonPath.DISCARD });
    const describe = appStreamCall(this, 'Describe the old image', {
      action: 'describeImages',
      parameters: { Names: sfn.JsonPath.array(sfn.JsonPath.stringAt('$.Candidate.Name')) },
      iamResources: ['*'],
      // An image that no longer exists is ResourceNotFoundException, caught below.
      resultSelector: { 'Image.$': '$.Images[0]' },
      resultPath: '$.Candidate.Found',
    });
    describe.addCatch(kept, { errors: ['AppStream.ResourceNotFoundException'], resultPath: sfn.JsonPath.DISCARD });
    const listTags = appStreamCall(this, 'Read the old image\'s tags', {
      action: 'listTagsForResource',
      parameters: { ResourceArn: sfn.JsonPath.stringAt('$.Candidate.Found.Image.Arn') },
      // ListTagsForResource lists no resource type (Service Authorization Reference): "*" only.
      iamResources: ['*'],
      resultPath: '$.Candidate.Tags',
    });
    const fleets = appStreamCall(this, 'List the fleets', {
      action: 'describeFleets',
      parameters: {},
      // DescribeFleets, DescribeImageBuilders: no resource-level permission (Service Authorization Reference).
      iamResources: ['*'],
      resultSelector: { 'List.$': '$.Fleets' },
      resultPath: '$.Candidate.Fleets',
    });
    const builders = appStreamCall(this, 'List the image builders', {
      action: 'describeImageBuilders',
      parameters: {},
      iamResources: ['*'],
      resultSelector: { 'List.$': '$.ImageBuilders' },
      resultPath: '$.Candidate.Builders',
    });
    const shares = appStreamCall(this, 'List the old image\'s shares', {
      action: 'describeImagePermissions',
      parameters: { Name: sfn.JsonPath.stringAt('$.Candidate.Name') },
      iamResources: [d.ownImages],
      resultSelector: { 'Count.$': 'States.ArrayLength($.SharedImagePermissionsList)' },
      resultPath: '$.Candidate.Shares',
    });
    const byFleet = this.uses('fleet', '$.Candidate.Fleets.List', 'ImageName', '$.Candidate.Name', '$.Candidate.Fleets.Uses');
    const byBuilder = this.uses('image builder', '$.Candidate.Builders.List', 'ImageArn', '$.Candidate.Found.Image.Arn', '$.Candidate.Builders.Uses');
    const usage = new sfn.Pass(this, 'Is the old image in use?', {
      parameters: {
        'ByFleet.$': 'States.ArrayContains($.Candidate.Fleets.Uses, true)',
        'ByBuilder.$': 'States.ArrayContains($.Candidate.Builders.Uses, true)',
      },
      resultPath: '$.Candidate.Usage',
    });
    const del = appStreamCall(this, 'Delete the old image', {
      action: 'deleteImage',
      parameters: { Name: sfn.JsonPath.stringAt('$.Candidate.Name') },
      iamResources: [d.ownImages],
      resultPath: sfn.JsonPath.DISCARD,
    });
    del.addCatch(kept, { errors: ['AppStream.ResourceInUseException', 'AppStream.ResourceNotFoundException'], resultPath: sfn.JsonPath.DISCARD });
    const deleted = new sfn.Pass(this, 'Old image deleted');
    del.next(deleted);

    const decide = new sfn.Choice(this, 'Delete the old image?')
      .when(sfn.Condition.or(
        sfn.Condition.booleanEquals('$.Candidate.Usage.ByFleet', true),
        sfn.Condition.booleanEquals('$.Candidate.Usage.ByBuilder', true),
        sfn.Condition.numberGreaterThan('$.Candidate.Shares.Count', 0)), kept)
      .otherwise(del);
    fleets.next(byFleet).next(builders).next(byBuilder).next(shares).next(usage).next(decide);
    const ours = new sfn.Choice(this, 'Tagged by this pipeline?')
      .when(sfn.Condition.and(
        sfn.Condition.isPresent(`$.Candidate.Tags.Tags.${IMAGE_PIPELINE_TAG}`),
        sfn.Condition.stringEquals(`$.Candidate.Tags.Tags.${IMAGE_PIPELINE_TAG}`, d.owner)), fleets)
      .otherwise(kept);
    listTags.next(ours);
    describe.next(listTags);
    const named = new sfn.Choice(this, 'Named by this pipeline?')
      .when(sfn.Condition.stringMatches('$.Candidate.Name', `${d.prefix}-*`), describe)
      .otherwise(kept);
    read.next(named);
    const exists = new sfn.Choice(this, 'Is there an older image?')
      .when(sfn.Condition.numberGreaterThan('$.Prune.Version', 0), read)
      .otherwise(kept);
    const done = new sfn.Pass(this, 'Retention done');
    kept.next(done);
    deleted.next(done);
    return sfn.Chain.custom(old, [done], old.next(exists));
  }

  /**
   * A Map that tells, for each resource in the list at `listPath`, whether its `field` equals the
   * value at `valuePath` (true or false), into `resultPath`. A Map rather than a JSONPath projection
   * such as `$.Fleets[*].ImageName`: a projection that matches nothing (no image builders) is a
   * runtime error that no Catch can take, in aws-local-stepfunctions as in Step Functions.
   */
  private uses(noun: string, listPath: string, field: string, valuePath: string, resultPath: string): sfn.Map {
    const map = new sfn.Map(this, `Which ${noun}s use the old image?`, {
      itemsPath: listPath,
      itemSelector: { 'Item.$': '$$.Map.Item.Value', 'Value.$': valuePath },
      resultPath,
    });
    const yes = new sfn.Pass(this, `The ${noun} uses it`, { result: sfn.Result.fromBoolean(true) });
    const no = new sfn.Pass(this, `The ${noun} does not use it`, { result: sfn.Result.fromBoolean(false) });
    const has = new sfn.Choice(this, `Does the ${noun} have an image?`)
      .when(sfn.Condition.isPresent(`$.Item.${field}`), new sfn.Choice(this, `Is it the old image (${noun})?`)
        .when(sfn.Condition.stringEqualsJsonPath(`$.Item.${field}`, '$.Value'), yes)
        .otherwise(no))
      .otherwise(no);
    map.itemProcessor(has);
    return map;
  }

  /** Failure (after the source's cleanup): report the image and AWS's error, fail. */
  private failurePath(d: Definition): sfn.IChainable {
    const fail = new sfn.Fail(this, 'Failed', { error: 'ImagePipeline.Failed', cause: 'See the execution history and the notification.' });
    const notified = this.notify(d, 'Report failure', {
      'Outcome': 'FAILED',
      'Pipeline': this.node.path,
      'Image.$': '$.Image.Name',
      'Error.$': '$.Failure.Error',
      'Cause.$': '$.Failure.Cause',
      'Execution.$': '$$.Execution.Id',
    }, "States.Format('AppStream image pipeline {}: image {} failed. {}: {}', $.Report.Pipeline, $.Report.Image, $.Report.Error, $.Report.Cause)");
    return notified ? notified.next(fail) : fail;
  }

  private notify(d: Definition, id: string, report: Record<string, unknown>, message: string): sfn.Chain | undefined {
    if (!d.topic) {
      return undefined;
    }
    const pass = new sfn.Pass(this, id, { parameters: report, resultPath: '$.Report' });
    const publish = otherRetry(new tasks.CallAwsService(this, `${id} to the topic`, {
      service: 'sns',
      action: 'publish',
      iamAction: 'sns:Publish',
      parameters: {
        TopicArn: d.topic.topicArn,
        Subject: `AppStream image pipeline: ${id === 'Report success' ? 'new image' : 'run failed'}`,
        Message: sfn.JsonPath.stringAt(message),
      },
      iamResources: [d.topic.topicArn],
      resultPath: sfn.JsonPath.DISCARD,
    }));
    // A notification that cannot be sent must not hide the outcome: the run goes on to its end.
    const lost = new sfn.Pass(this, `${id} not sent`);
    publish.addCatch(lost, { resultPath: '$.NotificationError' });
    const after = new sfn.Pass(this, `${id} sent`);
    publish.next(after);
    lost.next(after);
    return sfn.Chain.custom(pass, [after], pass.next(publish));
  }
}

interface Definition {
  readonly prefix: string;
  readonly tags: Record<string, string>;
  readonly shares: ImageShare[];
  readonly regions: string[];
  readonly keep?: number;
  readonly interval: cdk.Duration;
  readonly maxPolls: number;
  readonly owner: string;
  readonly ownImages: string;
  readonly start: sfn.IChainable;
  readonly cleanup?: sfn.IChainable;
  readonly topic?: sns.ITopic;
}

function checkPrefix(v: Validator, prefix: string): string {
  const fix = `Give a prefix of letters, digits, '_', '.' and '-', starting with a letter or digit, of at most ${DOCUMENTED_IMAGE_NAME_MAX - IMAGE_NAME_TIMESTAMP_SAMPLE.length} characters.`;
  if (cdk.Token.isUnresolved(prefix)) {
    v.fail('imageNamePrefix', undefined,
      'must be a string known at synthesis (the state machine writes it into every image name)', fix);
  }
  // The whole name the state machine makes, judged by the model's Name shape.
  const sample = `${prefix}${IMAGE_NAME_TIMESTAMP_SAMPLE}`;
  const problem = v.stringProblem(sample, NAME);
  if (problem) {
    v.fail('imageNamePrefix', prefix, `makes image names such as '${sample}', which ${problem}`, fix);
  }
  if (sample.length > DOCUMENTED_IMAGE_NAME_MAX) {
    v.warn('imageNameLength', v.message('imageNamePrefix', prefix,
      `makes image names of ${sample.length} characters; AppStream's documentation allows image names of at most ${DOCUMENTED_IMAGE_NAME_MAX}`, fix));
  }
  const reserved = RESERVED_IMAGE_NAME_PREFIXES.find((r) => prefix.toLowerCase().startsWith(r));
  if (reserved) {
    v.warn('reservedImageNamePrefix', v.message('imageNamePrefix', prefix,
      `starts with '${reserved}'; AppStream's documentation reserves image names starting with 'aws', 'appstream' or 'amazon'`,
      'Choose a prefix that starts otherwise.'));
  }
  return prefix;
}

function checkShares(v: Validator, shares: ImageShare[] | undefined): ImageShare[] {
  const list = shares ?? [];
  list.forEach((share, i) => {
    const property = `shareWith[${i}].account`;
    const fix = 'Give a 12-digit AWS account ID such as 111122223333.';
    v.string(property, share.account, SHARED_ACCOUNT_ID, fix);
  });
  return list;
}

/** A number the public boundary checked is one (its nulls made absent): here, only its range. */
function checkCount(v: Validator, property: string, value: number | undefined, min: number, max: number, why: string): number | undefined {
  if (value === undefined || cdk.Token.isUnresolved(value)) {
    return value; // a parameter, say: the state machine reads its value at deployment
  }
  if (!Number.isInteger(value) || value < min || value > max) {
    v.fail(property, value, `must be a whole number from ${min} to ${max}`, why);
  }
  return value;
}
