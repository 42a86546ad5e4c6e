import * as path from 'path';
import { Token } from 'aws-cdk-lib';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { Image, ImageConfig } from './image';
import { ImageComponent } from './image-component';
import { SOFTWARE_NAME, TAGS, TAG_KEY, TAG_VALUE } from './private/rules';
import {
  IMAGE_ASSISTANT_APPLICATIONS,
  IMAGE_ASSISTANT_APPLICATION_NAME,
  IMAGE_ASSISTANT_OPTION_VALUE,
  IMAGE_COMPONENT_RUN,
  IMAGE_COMPONENT_NAME,
  IMAGE_COMPONENT_TIMEOUT_SECONDS,
  WINDOWS_RUNNABLE_EXTENSIONS,
} from './private/rules/image-assistant';
import { Validator } from './private/validation';

/** The version of the recipe document (agent/schema/request-v1.schema.json) this library renders. */
const SCHEMA_VERSION = 1;

/**
 * The operating system of an image recipe's builder.
 */
export enum ImageRecipePlatform {
  /** A Windows Server image builder. */
  WINDOWS = 'WINDOWS',
  /** A Linux image builder (Amazon Linux 2, Rocky Linux, Red Hat Enterprise Linux). */
  LINUX = 'LINUX',
}

/**
 * An application of the image's catalog, added with the Image Assistant's `add-application`. The
 * members are those of `CreateImportedImage`'s `AppCatalogConfig`.
 *
 * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/programmatically-create-image.html
 */
export interface ImageRecipeApplication {
  /** The application's name: at most 256 characters, no spaces, unique in the image. */
  readonly name: string;
  /** The absolute path of the application's executable (`.exe` or `.bat` on Windows). */
  readonly absoluteAppPath: string;
  /** The name users see. @default - the name */
  readonly displayName?: string;
  /** The absolute path of the application's icon (PNG). @default - the icon of the executable */
  readonly absoluteIconPath?: string;
  /** The absolute path of the application's optimization manifest. @default - none */
  readonly absoluteManifestPath?: string;
  /** The directory the application starts in. @default - the executable's own */
  readonly workingDirectory?: string;
  /** The parameters the application is started with. @default - none */
  readonly launchParameters?: string;
}

/**
 * The Windows default profile: the user whose settings (the Template User's, or a domain user's) every
 * new user starts from, saved with the Image Assistant's `update-default-profile`.
 */
export class DefaultProfile {
  /** The builder's Template User: what a recipe's components set for it becomes every user's start. */
  public static templateUser(): DefaultProfile {
    return new DefaultProfile(undefined);
  }

  /**
   * Another user's profile, as `<domain>\<user>` (a domain user) or `.\<user>` (a local one).
   *
   * @param profile the user
   */
  public static ofUser(profile: string): DefaultProfile {
    return new DefaultProfile(profile);
  }

  private constructor(
    /** The user, or undefined for the Template User. */
    public readonly profile: string | undefined,
  ) {}
}

/**
 * An image recipe's properties.
 */
export interface ImageRecipeProps {
  /**
   * The image the builder starts from. It must contain the cdk-appstream image agent (installed once,
   * see the README); every image built from a recipe contains it too, dormant on fleets.
   */
  readonly baseImage: Image;

  /**
   * The steps that install and configure the image, run in order; the first that fails ends the build.
   *
   * @default - none
   */
  readonly components?: ImageComponent[];

  /**
   * The applications of the image's catalog (at most 50).
   *
   * @default - none
   */
  readonly applications?: ImageRecipeApplication[];

  /**
   * The Windows default profile to save (`update-default-profile`). Windows only.
   *
   * @default - the default profile is left as it is
   */
  readonly defaultProfile?: DefaultProfile;

  /**
   * License-included applications AppStream installs on the builder (`SoftwaresToInstall`), such as
   * `Microsoft_Office_2021_LTSC_Professional_Plus_64Bit`. Windows only.
   *
   * @default - none
   */
  readonly licenseIncludedApplications?: string[];

  /**
   * The image's display name.
   *
   * @default - none
   */
  readonly imageDisplayName?: string;

  /**
   * The image's description.
   *
   * @default - none
   */
  readonly imageDescription?: string;

  /**
   * The image's tags.
   *
   * @default - none
   */
  readonly imageTags?: Record<string, string>;

  /**
   * Whether the image's fleets use the newest AppStream agent (`--use-latest-agent-version`), instead
   * of the one installed in the builder.
   *
   * @default true
   */
  readonly useLatestAgentVersion?: boolean;

  /**
   * Whether the image's fleets have a dynamic app catalog (`--enable-dynamic-app-catalog`).
   *
   * @default false
   */
  readonly dynamicAppCatalog?: boolean;
}

/**
 * An S3 object the builder reads while it builds: the builder's role needs read access to it.
 */
export interface ImageRecipeAsset {
  /** The bucket. */
  readonly bucket: s3.IBucket;
  /** The object's key. */
  readonly objectKey: string;
}

/**
 * An image recipe, as the construct that uses it renders it.
 */
export interface ImageRecipeConfig {
  /** The builder's operating system. */
  readonly platform: ImageRecipePlatform;
  /** The image the builder starts from. */
  readonly baseImage: ImageConfig;
  /**
   * The recipe document the agent reads (the `recipe` of agent/schema/request-v1.schema.json), with
   * tokens for asset buckets and keys: resolve it with the stack.
   */
  readonly document: any;
  /** The license-included applications to install with the builder. */
  readonly licenseIncludedApplications: string[];
  /** The S3 objects the components read. */
  readonly assets: ImageRecipeAsset[];
}

/**
 * How to build an image: a base image with the agent, components run in order, the application
 * catalog, and the image's settings. A value: the construct that uses it (the image pipeline) checks
 * it against the Image Assistant's limits and renders it.
 */
export class ImageRecipe {
  /**
   * A recipe for a Windows image builder.
   *
   * @param props the recipe
   */
  public static windows(props: ImageRecipeProps): ImageRecipe {
    return new ImageRecipe(ImageRecipePlatform.WINDOWS, props);
  }

  /**
   * A recipe for a Linux image builder. The Windows default profile and license-included
   * applications are refused.
   *
   * @param props the recipe
   */
  public static linux(props: ImageRecipeProps): ImageRecipe {
    return new ImageRecipe(ImageRecipePlatform.LINUX, props);
  }

  /** The builder's operating system. */
  public readonly platform: ImageRecipePlatform;

  private readonly props: ImageRecipeProps;

  private constructor(platform: ImageRecipePlatform, props: ImageRecipeProps) {
    this.platform = platform;
    this.props = props ?? ({} as ImageRecipeProps);
  }

  /**
   * Check the recipe for the construct that uses it, define its assets there, and render it.
   *
   * @param scope the construct that uses the recipe, named in error messages; assets are defined in it
   */
  public bind(scope: Construct): ImageRecipeConfig {
    const v = Validator.of(scope);
    const props = this.props;
    const windows = this.platform === ImageRecipePlatform.WINDOWS;
    const baseImage = props.baseImage.bind(scope);

    const assets: ImageRecipeAsset[] = [];
    const components = (props.components ?? []).map((component, i) => {
      const property = `recipe.components[${i}]`;
      const c = component.bind(scope, 'RecipeAsset');
      const o = c.options ?? {};
      const name = o.name ?? `component-${i + 1}`;
      v.string(`${property}.name`, name, IMAGE_COMPONENT_NAME, 'Rename the component.');
      const seconds = o.timeout === undefined ? 1800 : o.timeout.toSeconds({ integral: false });
      v.range(`${property}.timeout (in seconds)`, seconds, IMAGE_COMPONENT_TIMEOUT_SECONDS, 'Give a whole number of seconds, from Duration.seconds(1) to Duration.hours(24).');
      const codes = o.successExitCodes ?? [0];
      if (codes.length === 0) {
        v.fail(`${property}.successExitCodes`, codes, 'must not be empty', 'Give at least one exit code that means success, such as 0, or leave it out.');
      }
      codes.forEach((code, j) => {
        if (!Token.isUnresolved(code) && !Number.isInteger(code)) {
          v.fail(`${property}.successExitCodes[${j}]`, code, 'must be a whole number', 'Give exit codes as whole numbers.');
        }
      });
      const args = o.arguments;
      const rendered: Record<string, any> = { name };
      if (c.inline !== undefined) {
        if (typeof c.inline !== 'string' || (!Token.isUnresolved(c.inline) && c.inline.trim() === '')) {
          v.fail(`${property} (ImageComponent.inline)`, c.inline, 'must be a non-empty script', `Give the script's text (${windows ? 'PowerShell' : 'bash'}).`);
        }
        rendered.inline = c.inline;
      } else {
        v.required(`${property} (the object key)`, c.objectKey, 'Give the key of the S3 object.');
        const run = c.run;
        if (run === undefined || run === null) {
          return v.fail(`${property}.run`, undefined, 'is required for a directory or a .zip archive', "Give the file to run inside it, such as 'setup/Install.ps1'.");
        }
        v.string(`${property}.run`, run, IMAGE_COMPONENT_RUN, "Give the file to run, such as 'setup/Install.ps1'.");
        const ext = path.extname(run).toLowerCase();
        if (windows && !Token.isUnresolved(run) && !WINDOWS_RUNNABLE_EXTENSIONS.includes(ext)) {
          v.fail(`${property}.run`, run, `cannot run on a Windows builder: the agent runs ${WINDOWS_RUNNABLE_EXTENSIONS.join(', ')} files`,
            'Give a file with one of those extensions, or wrap the step in a PowerShell script.');
        }
        rendered.asset = { bucket: c.bucket!.bucketName, key: c.objectKey, packaging: c.zip ? 'ZIP' : 'FILE', run };
        assets.push({ bucket: c.bucket!, objectKey: c.objectKey! });
      }
      if (args !== undefined && args.length > 0) {
        rendered.arguments = args;
      }
      rendered.timeoutSeconds = seconds;
      rendered.successExitCodes = codes;
      return rendered;
    });
    duplicates(v, 'recipe.components', components.map((c) => c.name), 'component name', 'Give each component its own name.');

    const apps = props.applications ?? [];
    v.count('recipe.applications', apps.length, IMAGE_ASSISTANT_APPLICATIONS, 'application', 'Split the applications over several images, or use app blocks and Elastic fleets.');
    const applications = apps.map((app, i) => {
      const property = `recipe.applications[${i}]`;
      const name = app.name;
      v.string(`${property}.name`, name, IMAGE_ASSISTANT_APPLICATION_NAME, 'Give a name without spaces (the display name may have them).');
      const appPath = app.absoluteAppPath;
      v.string(`${property}.absoluteAppPath`, appPath, IMAGE_ASSISTANT_OPTION_VALUE, "Give the absolute path of the application's executable.");
      if (typeof app.launchParameters === 'string' && !Token.isUnresolved(app.launchParameters) && app.launchParameters.startsWith('-')) {
        // The CLI's documentation shows no launch parameter that starts with a dash; a parser may
        // take one for an option of its own.
        v.warn('launchParametersDash', v.message(`${property}.launchParameters`, app.launchParameters,
          'starts with a dash, which the Image Assistant may read as one of its own options', 'If add-application refuses it, start the parameters with another character or wrap the application in a script.'));
      }
      const entry: Record<string, string> = { name, absoluteAppPath: appPath };
      for (const key of ['displayName', 'absoluteIconPath', 'absoluteManifestPath', 'workingDirectory', 'launchParameters'] as const) {
        const value = app[key];
        if (value !== undefined) {
          v.string(`${property}.${key}`, value, IMAGE_ASSISTANT_OPTION_VALUE, `Give the ${key}, or leave it out.`);
          entry[key] = value;
        }
      }
      return entry;
    });
    duplicates(v, 'recipe.applications', applications.map((a) => a.name), 'application name', 'Give each application its own name: the Image Assistant refuses a name twice.');

    // The props passed the public boundary, which made their nulls absent.
    if (props.defaultProfile !== undefined && !windows) {
      v.fail('recipe.defaultProfile', undefined, 'is a Windows operation (update-default-profile); the Image Assistant of Linux builders has none',
        'Leave defaultProfile out of a Linux recipe, or use ImageRecipe.windows().');
    }
    if (props.defaultProfile?.profile !== undefined) {
      v.string('recipe.defaultProfile (DefaultProfile.ofUser)', props.defaultProfile.profile, IMAGE_ASSISTANT_OPTION_VALUE,
        'Give the user as <domain>\\<user>, or .\\<user> for a local one, or use DefaultProfile.templateUser().');
    }
    const licensed = props.licenseIncludedApplications ?? [];
    if (licensed.length > 0 && !windows) {
      v.fail('recipe.licenseIncludedApplications', licensed, 'are Windows applications; Linux builders install none',
        'Leave licenseIncludedApplications out of a Linux recipe, or use ImageRecipe.windows().');
    }
    licensed.forEach((n, i) => v.string(`recipe.licenseIncludedApplications[${i}]`, n, SOFTWARE_NAME, 'Give the name of a license-included application.'));

    // Only the given ones become keys: the pipeline may add its own later, after the recipe's others.
    const image: Record<string, any> = {};
    if (props.imageDisplayName !== undefined) {
      image.displayName = props.imageDisplayName;
    }
    if (props.imageDescription !== undefined) {
      image.description = props.imageDescription;
    }
    image.useLatestAgentVersion = props.useLatestAgentVersion ?? true;
    image.dynamicAppCatalog = props.dynamicAppCatalog ?? false;
    const tags = props.imageTags ?? undefined;
    if (tags !== undefined) {
      const keys = Object.keys(tags);
      if (keys.length > 0) {
        v.count('recipe.imageTags', keys.length, TAGS, 'tag', 'Remove tags.');
      }
      for (const key of keys) {
        v.string('recipe.imageTags key', key, TAG_KEY, "Rename the tag (keys starting with 'aws:' are reserved for AWS).");
        v.string(`recipe.imageTags '${key}' value`, tags[key], TAG_VALUE, 'Change the value.');
      }
      if (keys.length > 0) {
        image.tags = { ...tags };
      }
    }

    const document: Record<string, any> = {
      schemaVersion: SCHEMA_VERSION,
      platform: this.platform,
      components,
      applications,
    };
    if (props.defaultProfile) {
      document.defaultProfile = props.defaultProfile.profile === undefined ? {} : { profile: props.defaultProfile.profile };
    }
    if (licensed.length > 0) {
      document.licenseIncludedApplications = [...licensed];
    }
    document.image = image;
    return { platform: this.platform, baseImage, document, licenseIncludedApplications: [...licensed], assets };
  }
}

/** Throw when a known name is given twice. */
function duplicates(v: Validator, property: string, names: string[], noun: string, fix: string): void {
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    if (typeof name !== 'string' || Token.isUnresolved(name)) {
      return;
    }
    const first = seen.get(name);
    if (first !== undefined) {
      v.fail(`${property}[${i}]`, name, `repeats the ${noun} of ${property}[${first}]`, fix);
    }
    seen.set(name, i);
  });
}
