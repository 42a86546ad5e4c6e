import * as iam from 'aws-cdk-lib/aws-iam';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { Image } from './image';
import { appStreamArn } from './private/arns';
import { appStreamCall } from './private/pipeline-retry';

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
   * The JSONPath, in the state machine's state, of the name of the pipeline's latest image (read from
   * its parameter when the run starts): what the new image is made from.
   */
  readonly latestImageNamePath: string;

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
      ...(options.imageDisplayName !== undefined ? { NewImageDisplayName: options.imageDisplayName } : {}),
      ...(options.imageDescription !== undefined ? { NewImageDescription: options.imageDescription } : {}),
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
