import * as crypto from 'crypto';
import * as path from 'path';
import { Duration, Token } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3_assets from 'aws-cdk-lib/aws-s3-assets';
import { Construct } from 'constructs';

/**
 * Options of every image component.
 */
export interface ImageComponentOptions {
  /**
   * The component's name, in the builder's logs and in error messages: letters, digits, '_', '.' and
   * '-', unique in the recipe.
   *
   * @default - `component-<position>`, counted from 1
   */
  readonly name?: string;

  /**
   * How long the component may run. When it runs longer, the agent ends it (and every process it
   * started) and reports the build as failed.
   *
   * @default Duration.minutes(30)
   */
  readonly timeout?: Duration;

  /**
   * The exit codes that mean success. Any other code fails the build, and no later component runs.
   * An MSI installer that asks for a reboot exits with 3010, for example.
   *
   * @default [0]
   */
  readonly successExitCodes?: number[];

  /**
   * Arguments given to the script or installer.
   *
   * @default - none
   */
  readonly arguments?: string[];
}

/**
 * Options of a component that runs a file from S3 or from an asset.
 */
export interface ImageComponentFileOptions extends ImageComponentOptions {
  /**
   * The file to run: for a directory or a `.zip` object, its path inside (`setup/Install.ps1`); for a
   * single file, the name it is saved under, whose extension picks how it runs. On Windows: `.ps1`
   * (PowerShell), `.bat` or `.cmd` (cmd.exe), `.exe`, or `.msi` (msiexec /i ... /qn /norestart). On
   * Linux: `.sh` (bash) or an executable.
   *
   * @default - the file's own name; required for a directory or a `.zip` object
   */
  readonly run?: string;
}

/**
 * How a component is handed to the agent in the recipe document.
 */
export interface ImageComponentConfig {
  /** The component's name as given, if any. */
  readonly name?: string;
  /** The script text, for an inline component. @default - not an inline component */
  readonly inline?: string;
  /** The bucket of the file, for a file component. @default - an inline component */
  readonly bucket?: s3.IBucket;
  /** The key of the file. @default - an inline component */
  readonly objectKey?: string;
  /** Whether the object is a zip archive to unpack. @default false */
  readonly zip?: boolean;
  /** The file to run. @default - an inline component */
  readonly run?: string;
  /** The component's options. */
  readonly options: ImageComponentOptions;
}

/**
 * One step of an image recipe, run by the agent inside the image builder as SYSTEM (Windows) or root
 * (Linux), in the recipe's order, with a timeout and its exit code checked.
 */
export abstract class ImageComponent {
  /**
   * A script written in the recipe: PowerShell on a Windows builder, bash on a Linux one.
   *
   * @param script the script's text
   * @param options name, timeout and exit codes
   */
  public static inline(script: string, options: ImageComponentOptions = {}): ImageComponent {
    return new InlineComponent(script, options);
  }

  /**
   * A file or directory of your CDK app, uploaded as an asset: an installer, a script, or a directory
   * (zipped, and unpacked in the builder) with the file to run in it.
   *
   * @param assetPath the file or directory
   * @param options the file to run, name, timeout and exit codes
   */
  public static fromAsset(assetPath: string, options: ImageComponentFileOptions = {}): ImageComponent {
    return new AssetComponent(assetPath, options);
  }

  /**
   * A file already in S3: an installer or script, or a `.zip` archive unpacked before `run` runs.
   *
   * @param bucket the bucket (the builder's role is granted read access to the key)
   * @param objectKey the key
   * @param options the file to run, name, timeout and exit codes
   */
  public static fromBucket(bucket: s3.IBucket, objectKey: string, options: ImageComponentFileOptions = {}): ImageComponent {
    return new BucketComponent(bucket, objectKey, options);
  }

  /**
   * Make the component's resources (an asset) in `scope` and return how it is handed to the agent.
   *
   * @param scope the construct that uses the recipe
   * @param idPrefix the start of the construct ids of what this component defines in `scope`
   */
  public abstract bind(scope: Construct, idPrefix: string): ImageComponentConfig;
}

class InlineComponent extends ImageComponent {
  constructor(private readonly script: string, private readonly options: ImageComponentOptions) {
    super();
  }

  public bind(): ImageComponentConfig {
    return { name: this.options.name, inline: this.script, options: this.options };
  }
}

class AssetComponent extends ImageComponent {
  constructor(private readonly assetPath: string, private readonly options: ImageComponentFileOptions) {
    super();
  }

  public bind(scope: Construct, idPrefix: string): ImageComponentConfig {
    const options = this.options;
    // One asset per path in a scope: binding the recipe again, or another recipe with the same files, reuses it.
    const id = `${idPrefix}${crypto.createHash('sha256').update(path.resolve(this.assetPath)).digest('hex').slice(0, 12)}`;
    const asset = (scope.node.tryFindChild(id) as s3_assets.Asset | undefined) ?? new s3_assets.Asset(scope, id, { path: this.assetPath });
    return {
      name: options.name,
      bucket: asset.bucket,
      objectKey: asset.s3ObjectKey,
      zip: asset.isZipArchive,
      run: options.run ?? (asset.isZipArchive ? undefined : path.basename(this.assetPath)),
      options,
    };
  }
}

class BucketComponent extends ImageComponent {
  constructor(private readonly bucket: s3.IBucket, private readonly objectKey: string, private readonly options: ImageComponentFileOptions) {
    super();
  }

  public bind(): ImageComponentConfig {
    // The factories default the options; the public boundary checked the key is a string.
    const options = this.options;
    const key = this.objectKey;
    const zip = !Token.isUnresolved(key) && key.toLowerCase().endsWith('.zip');
    return {
      name: options.name,
      bucket: this.bucket,
      objectKey: key,
      zip,
      run: options.run ?? (zip || Token.isUnresolved(key) ? undefined : path.posix.basename(key)),
      options,
    };
  }
}
