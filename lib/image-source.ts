import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { AgentVersion } from './agent-version';
import { DomainJoin } from './domain-join';
import { Image } from './image';
import { ImageRecipe } from './image-recipe';
import { InstanceType } from './instance-type';
import { appStreamArn } from './private/arns';
import { appStreamCall } from './private/pipeline-retry';
import { recipeStates } from './private/recipe-source';

/**
 * What an image pipeline tells its source when it binds it.
 */
export interface ImageSourceBindOptions {
  /**
   * The JSONPath, in the state machine's state, of the name the new image must take
   * (the pipeline's prefix and the run's timestamp).
   */
  readonly imageNamePath: string;

  /**
   * The start of every image's name (the pipeline's `imageNamePrefix`, without the `-` and the
   * timestamp): a source names what it defines per run (an image builder) the same way.
   */
  readonly imageNamePrefix: string;

  /**
   * The JSONPath, in the state machine's state, of the name of the pipeline's latest image (read from
   * its parameter when the run starts): what the new image is made from.
   */
  readonly latestImageNamePath: string;

  /**
   * The JSONPath, in the state machine's state during `cleanup`, of the run's failure (`Error` and
   * `Cause`): present only when the run failed.
   */
  readonly failurePath: string;

  /**
   * The ARNs of the pipeline's own images (by name prefix): the source adds those of its own images.
   */
  readonly imageArns: string[];

  /**
   * The display name of the new images.
   *
   * @default - none
   */
  readonly imageDisplayName?: string;

  /**
   * The description of the new images.
   *
   * @default - none
   */
  readonly imageDescription?: string;

  /**
   * The tags of the new images, including the tag the pipeline recognises its images by.
   */
  readonly imageTags: Record<string, string>;
}

/**
 * How a source makes an image, as states of the pipeline's state machine.
 */
export interface ImageSourceConfig {
  /**
   * The image the pipeline's parameter holds before the first run (so that a fleet that follows
   * the pipeline deploys before any image was made).
   */
  readonly initialImage: Image;

  /**
   * The states that start making the new image. They end once AppStream has accepted the request:
   * the pipeline then waits, with its own bound, for the image to become AVAILABLE or FAILED. Any
   * error they raise fails the run (after `cleanup`).
   */
  readonly start: sfn.IChainable;

  /**
   * States that run once the image is AVAILABLE or FAILED, or the run fails or times out, whatever
   * the outcome: a source that defines an image builder deletes it here. They must not fail.
   *
   * @default - nothing to clean up
   */
  readonly cleanup?: sfn.IChainable;

  /**
   * The longest the source's states may take in one run, `start` and `cleanup` together: the pipeline
   * adds it to its state machine's own timeout, so that the backstop never ends a run before its cleanup.
   *
   * @default - no time beyond the pipeline's own
   */
  readonly maxDuration?: cdk.Duration;

  /**
   * A principal that answers the state machine's task tokens (an image builder's role): the pipeline
   * grants it `SendTaskSuccess`, `SendTaskFailure` and `SendTaskHeartbeat` on its state machine.
   *
   * @default - none
   */
  readonly taskResponder?: iam.IGrantable;
}

/**
 * The image builder an `ImageSource.recipe()` defines for each run, and how long each part of the
 * build may take. The builder's props have the names, and the checks, of `ImageBuilderProps`.
 */
export interface ImageRecipeBuilderOptions {
  /**
   * The builder's instance type, such as `InstanceType.STANDARD_MEDIUM`.
   */
  readonly instanceType: InstanceType;

  /**
   * The VPC of the builder.
   *
   * @default - no VPC: the builder reaches S3 and Step Functions only through AppStream's default
   * internet access (`enableDefaultInternetAccess`; without it, a warning)
   */
  readonly vpc?: ec2.IVpc;

  /**
   * The subnet of the builder: it takes the first one selected. It must reach S3, STS and Step
   * Functions (a NAT gateway, or interface and gateway endpoints).
   *
   * @default - the VPC's private subnets (the first of them)
   */
  readonly vpcSubnets?: ec2.SubnetSelection;

  /**
   * The builder's security groups (at most 5). The agent needs no inbound rule: it only calls out.
   *
   * @default - a new security group that allows all outbound traffic and no inbound traffic
   */
  readonly securityGroups?: ec2.ISecurityGroup[];

  /**
   * Whether the builder has AppStream's default internet access (a public subnet is required in a VPC).
   *
   * @default false
   */
  readonly enableDefaultInternetAccess?: boolean;

  /**
   * The Active Directory domain the builder joins.
   *
   * @default - not joined
   */
  readonly domainJoin?: DomainJoin;

  /**
   * The builder's role (`appstream_machine_role`), which the agent uses. It must trust
   * `appstream.amazonaws.com`; the source grants it what the agent needs.
   *
   * @default - a new role that reads the pipeline's requests and the recipe's files, writes the agent's
   * logs, and answers the state machine's task tokens; nothing else
   */
  readonly role?: iam.IRole;

  /**
   * The AppStream agent version of the builder.
   *
   * @default - the version in the base image
   */
  readonly agentVersion?: AgentVersion;

  /**
   * The size of the builder's root volume, from 200 to 500 GiB.
   *
   * @default - AppStream's default for the instance type
   */
  readonly rootVolumeSize?: cdk.Size;

  /**
   * Whether the builder refuses IMDSv1 (`DisableIMDSV1`).
   *
   * @default false
   */
  readonly requireImdsv2?: boolean;

  /**
   * The bucket the requests go to, and the agent's logs. The agent of the base image reads the bucket
   * and prefix its settings file names, so give them before you make the base image.
   *
   * @default - a new private bucket, TLS only, encrypted with S3-managed keys, whose run data expires
   * after `runDataRetention`
   */
  readonly bucket?: s3.IBucket;

  /**
   * The key prefix of the requests: each run writes `<prefix><builder name>/request.json`, and the
   * agent its logs under `<prefix><builder name>/logs/`.
   *
   * @default 'requests/'
   */
  readonly requestPrefix?: string;

  /**
   * How long requests and logs stay in the bucket (a lifecycle rule on the request prefix; only on a
   * bucket the source owns or a `s3.Bucket` of the app).
   *
   * @default Duration.days(30)
   */
  readonly runDataRetention?: cdk.Duration;

  /**
   * How long the state machine waits for a new builder to be RUNNING before the run fails.
   *
   * @default Duration.hours(1)
   */
  readonly builderStartTimeout?: cdk.Duration;

  /**
   * How long the build inside the builder may take, from the hand-over of the recipe to the agent's
   * report (the task's timeout).
   *
   * @default Duration.hours(4)
   */
  readonly buildTimeout?: cdk.Duration;

  /**
   * How long the state machine waits for a sign of life from the agent (the task's heartbeat
   * timeout); the agent sends a heartbeat at a third of it (at most every minute).
   *
   * @default Duration.minutes(10)
   */
  readonly heartbeatTimeout?: cdk.Duration;

  /**
   * Whether a run that fails keeps its builder (stopped, so that it does not bill for streaming
   * hours; start it and connect to look inside). A run that succeeds always deletes it.
   *
   * @default false
   */
  readonly keepBuilderOnFailure?: boolean;
}

/**
 * Where an `ImagePipeline`'s images come from.
 *
 * A source contributes the states that start the image, and those that clean up after it, whatever
 * happens; the pipeline owns the rest (naming, waiting with a bound, distribution, roll-out,
 * retention, notifications).
 */
export abstract class ImageSource {
  /**
   * Managed image updates: AWS applies the latest Windows, driver and AppStream agent updates to an
   * image you own, in a builder of its own (`CreateUpdatedImage`). Each run updates the pipeline's
   * latest image, starting from `image`. A dry run comes first, so an image that cannot be updated
   * fails the run at once with AWS's reason.
   *
   * @param image the image to start from: a private image of yours, by name or ARN
   * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/administer-images.html#keep-image-updated-managed-image-updates
   */
  public static managedUpdates(image: Image): ImageSource {
    return new ManagedUpdates(image);
  }

  /**
   * Images built from a recipe: each run defines an image builder from the recipe's base image (which
   * contains the cdk-appstream image agent), waits until it runs, hands it the recipe, waits for the
   * agent's report (with a heartbeat timeout and a timeout), and always stops and deletes the builder
   * afterwards (or keeps it stopped, on failure, if asked). The agent pulls its work: the builder has
   * no inbound port, stored password or key.
   *
   * Whoever can write to the request bucket (or to the recipe's files) runs code as SYSTEM or root in
   * the builder, and so in every image it makes: grant write access to it as narrowly as administrator
   * rights on your images.
   *
   * @param recipe the recipe (`ImageRecipe.windows()` or `ImageRecipe.linux()`)
   * @param options the builder and the bounds of each part of the build
   * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/programmatically-create-image.html
   */
  public static recipe(recipe: ImageRecipe, options: ImageRecipeBuilderOptions): ImageSource {
    return new RecipeSource(recipe, options);
  }

  /**
   * Define the source's states in `scope` (the pipeline).
   *
   * @param scope the pipeline
   * @param options what the pipeline tells the source
   */
  public abstract bind(scope: Construct, options: ImageSourceBindOptions): ImageSourceConfig;
}

class ManagedUpdates extends ImageSource {
  constructor(private readonly image: Image) {
    super();
  }

  public bind(scope: Construct, options: ImageSourceBindOptions): ImageSourceConfig {
    const request = (dryRun: boolean) => ({
      ExistingImageName: sfn.JsonPath.stringAt(options.latestImageNamePath),
      NewImageName: sfn.JsonPath.stringAt(options.imageNamePath),
      // Absent ones are left out of the definition.
      NewImageDisplayName: options.imageDisplayName,
      NewImageDescription: options.imageDescription,
      NewImageTags: options.imageTags,
      DryRun: dryRun,
    });
    // The first run updates the source's image, later runs the pipeline's latest (by prefix).
    const given = this.image.bind(scope);
    const sourceArn = given.imageArn ?? appStreamArn(scope, 'image', given.imageName!);
    const imageArns = [...options.imageArns, sourceArn];
    // Tagging on create is authorized separately (appstream:TagResource on the new image).
    const tagging = [new iam.PolicyStatement({ actions: ['appstream:TagResource'], resources: options.imageArns })];
    const dryRun = appStreamCall(scope, 'Check the image can be updated', {
      action: 'createUpdatedImage',
      parameters: request(true),
      iamResources: imageArns,
      additionalIamStatements: tagging,
      resultSelector: { CanUpdate: sfn.JsonPath.stringAt('$.CanUpdateImage') },
      resultPath: '$.DryRun',
    });
    const update = appStreamCall(scope, 'Start the managed update', {
      action: 'createUpdatedImage',
      parameters: request(false),
      iamResources: imageArns,
      additionalIamStatements: tagging,
      resultPath: sfn.JsonPath.DISCARD,
    });
    const cannot = new sfn.Fail(scope, 'The image cannot be updated', {
      error: 'ImagePipeline.CannotUpdateImage',
      cause: 'CreateUpdatedImage (dry run) answered that canUpdateImage is false: the image has no pending updates, or is not one AWS can update (it must be a private image of yours, from a base image published on or after 2017-07-24).',
    });
    dryRun.next(new sfn.Choice(scope, 'Can the image be updated?')
      .when(sfn.Condition.booleanEquals('$.DryRun.CanUpdate', true), update)
      .otherwise(cannot));
    return { initialImage: this.image, start: sfn.Chain.custom(dryRun, [update], update) };
  }
}

class RecipeSource extends ImageSource {
  constructor(private readonly recipe: ImageRecipe, private readonly options: ImageRecipeBuilderOptions) {
    super();
  }

  public bind(scope: Construct, options: ImageSourceBindOptions): ImageSourceConfig {
    return recipeStates(scope, this.recipe, this.options, options);
  }
}
