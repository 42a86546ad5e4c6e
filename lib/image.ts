import { Stack, Token } from 'aws-cdk-lib';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { IConstruct } from 'constructs';
import { ARN, APPSTREAM_IMAGE_ARN, IMAGE_NAME } from './private/rules';
import { Validator } from './private/validation';

/**
 * The configuration of an image, as the construct that uses it renders it.
 */
export interface ImageConfig {
  /**
   * The name of the image.
   *
   * @default - the image is given by ARN
   */
  readonly imageName?: string;

  /**
   * The ARN of the image.
   *
   * @default - the image is given by name
   */
  readonly imageArn?: string;
}

/**
 * The image an AppStream resource starts from: an AppStream base image, or one of your own.
 *
 * Exactly one of name or ARN, by construction.
 *
 * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/base-image-version-history.html
 */
export abstract class Image {
  /**
   * An image by name, for example an AppStream base image such as `AppStream-WinServer2022-06-17-2024`
   * or a private image of yours in the same account and region.
   *
   * @param name the image's name (not empty)
   */
  public static fromName(name: string): Image {
    return new NamedImage(name);
  }

  /**
   * An image by ARN: `arn:<partition>:appstream:<region>:<account>:image/<name>`. AppStream's public
   * images have an empty account field, and an image shared with you carries its owner's account.
   *
   * @param arn the image's ARN
   */
  public static fromArn(arn: string): Image {
    return new ArnImage(arn);
  }

  /**
   * Check the image for the construct that uses it, and return its configuration.
   *
   * @param scope the construct that uses the image, named in error messages
   */
  public abstract bind(scope: IConstruct): ImageConfig;
}

class NamedImage extends Image {
  constructor(private readonly name: string) {
    super();
  }

  public bind(scope: IConstruct): ImageConfig {
    const v = Validator.of(scope);
    const fix = 'Give the name of an AppStream image.';
    v.string('image (Image.fromName)', this.name, IMAGE_NAME, fix);
    return { imageName: this.name };
  }
}

class ArnImage extends Image {
  constructor(private readonly arn: string) {
    super();
  }

  public bind(scope: IConstruct): ImageConfig {
    const v = Validator.of(scope);
    const fix = 'Give an AppStream image ARN such as arn:aws:appstream:us-east-1::image/AppStream-WinServer2022-06-17-2024, or use Image.fromName().';
    const property = 'image (Image.fromArn)';
    v.string(property, this.arn, ARN, fix);
    v.string(property, this.arn, APPSTREAM_IMAGE_ARN, fix);
    const region = Stack.of(scope).region;
    const partition = Token.isUnresolved(region) ? undefined : RegionInfo.get(region).partition;
    const given = Token.isUnresolved(this.arn) ? undefined : this.arn.split(':')[1];
    if (given !== undefined && partition !== undefined && given !== partition) {
      v.fail(property, this.arn, `is in partition ${given}, but the stack deploys to partition ${partition}`,
        `Give the ARN of the image in ${partition}.`);
    }
    return { imageArn: this.arn };
  }
}
