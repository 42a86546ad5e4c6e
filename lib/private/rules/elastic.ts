/**
 * The rules of the Elastic path: CreateFleet for Elastic fleets, CreateAppBlock, CreateApplication,
 * CreateAppBlockBuilder and AssociateApplicationFleet, and the S3 locations they read. Sources are
 * tagged as in `shared.ts`: [model], [docs] or [lib].
 */
import { CountRule, RangeRule, StringRule } from './engine';

/** [docs] CreateFleetRequest.Platform: "WINDOWS_SERVER_2019, AMAZON_LINUX2 and UBUNTU_PRO_2404 are supported for Elastic fleets." */
export const ELASTIC_FLEET_PLATFORMS: readonly string[] = ['WINDOWS_SERVER_2019', 'AMAZON_LINUX2', 'UBUNTU_PRO_2404'];

/** [docs] CreateFleetRequest.InstanceType: "The following instance types are available for Elastic fleets:" */
export const ELASTIC_FLEET_INSTANCE_TYPES: readonly string[] = [
  'stream.standard.small',
  'stream.standard.medium',
  'stream.standard.large',
  'stream.standard.xlarge',
  'stream.standard.2xlarge',
];

/**
 * [docs] CreateFleetRequest.VpcConfig: "Elastic fleets require that you specify at least two subnets in
 * different availability zones."
 */
export const ELASTIC_FLEET_SUBNETS: CountRule = { sources: ['CreateFleetRequest.VpcConfig'], minItems: 2 };

/**
 * [lib] CreateFleetRequest.MaxConcurrentSessions (shape `Integer`, required for Elastic fleets): the
 * model sets no range; a fleet that allows no session streams nothing.
 */
export const ELASTIC_FLEET_MAX_CONCURRENT_SESSIONS: RangeRule = { sources: ['CreateFleetRequest.MaxConcurrentSessions'], min: 1, max: 2147483647 };

/** [model] S3Location.S3Bucket (shape `S3Bucket`). */
export const S3_BUCKET: StringRule = {
  sources: ['S3Location.S3Bucket'],
  minLength: 3,
  maxLength: 63,
  pattern: '^[0-9a-z\\.\\-]*(?<!\\.)$',
  patternHint: "lowercase letters, digits, '.' and '-', not ending in '.'",
};

/**
 * [lib] S3Location.S3Bucket: an S3 bucket name as S3's naming rules for general purpose buckets allow
 * (a bucket named otherwise cannot exist, so AppStream could never read it): starting and ending with
 * a letter or digit; no `..`, nor a '.' next to a '-' (which aws-cdk-lib's `s3.Bucket` and S3's
 * virtual-hosted addressing refuse); not an IP address; not starting with `xn--`, `sthree-` or
 * `amzn-s3-demo-`; not ending with `-s3alias`, `--ol-s3`, `.mrap`, `--x-s3` or `--table-s3` (the
 * suffixes S3 keeps for access point aliases, Object Lambda, Multi-Region Access Points, directory
 * and table buckets). The model's pattern allows all of these.
 */
export const S3_BUCKET_FORMAT: StringRule = {
  ...S3_BUCKET,
  pattern: '^(?!.*\\.\\.)(?!.*\\.-)(?!.*-\\.)(?!xn--)(?!sthree-)(?!amzn-s3-demo-)(?![0-9]{1,3}(?:\\.[0-9]{1,3}){3}$)(?!.*(?:-s3alias|--ol-s3|\\.mrap|--x-s3|--table-s3)$)[a-z0-9][a-z0-9.-]*[a-z0-9]$',
  patternHint: "an S3 bucket name: lowercase letters, digits, '.' and '-', starting and ending with a letter or digit, without '..', '.-' or '-.', not an IP address, and without the prefixes and suffixes S3 reserves",
};

/**
 * [model] S3Location.S3Key (shape `S3Key`). The key is optional in the model, but required ([docs]
 * S3Location.S3Key) for every use this library makes of a location: icons, session scripts, setup
 * scripts and the sources of app blocks it packages (`s3KeyRequired` in the fixture).
 */
export const S3_KEY: StringRule = { sources: ['S3Location.S3Key'], minLength: 1, maxLength: 1024 };

/** [model] ScriptDetails.ExecutablePath and ExecutableParameters (shape `String`). */
export const SCRIPT_EXECUTABLE: StringRule = { sources: ['ScriptDetails.ExecutablePath', 'ScriptDetails.ExecutableParameters'], minLength: 1 };

/**
 * [lib] ScriptDetails.TimeoutInSeconds (shape `Integer`): the model sets no range; a script that may
 * run for no time at all cannot run.
 */
export const SCRIPT_TIMEOUT_SECONDS: RangeRule = { sources: ['ScriptDetails.TimeoutInSeconds'], min: 1, max: 2147483647 };

/** [docs] CreateApplicationRequest.Platforms: the platforms of Elastic fleets, those an application can run on. */
export const APPLICATION_PLATFORMS: readonly string[] = ['WINDOWS_SERVER_2019', 'AMAZON_LINUX2', 'UBUNTU_PRO_2404'];

/**
 * [lib] CreateApplicationRequest.Platforms (shape `Platforms`, required, at most 4): an application
 * must run on at least one platform, or no fleet can take it.
 */
export const APPLICATION_PLATFORM_COUNT: CountRule = { sources: ['CreateApplicationRequest.Platforms'], minItems: 1, maxItems: 4 };

/** [docs] CreateApplicationRequest.InstanceFamilies: "Valid values are GENERAL_PURPOSE and GRAPHICS_G4." */
export const APPLICATION_INSTANCE_FAMILIES: readonly string[] = ['GENERAL_PURPOSE', 'GRAPHICS_G4'];

/**
 * [lib] CreateApplicationRequest.InstanceFamilies (shape `StringList`, required, no limit): at least one
 * family, or no fleet can take the application.
 */
export const APPLICATION_INSTANCE_FAMILY_COUNT: CountRule = { sources: ['CreateApplicationRequest.InstanceFamilies'], minItems: 1 };

/** [model] CreateApplicationRequest.LaunchPath, LaunchParameters and WorkingDirectory (shape `String`). */
export const APPLICATION_LAUNCH: StringRule = {
  sources: ['CreateApplicationRequest.LaunchPath', 'CreateApplicationRequest.LaunchParameters', 'CreateApplicationRequest.WorkingDirectory'],
  minLength: 1,
};

/** [docs] CreateAppBlockBuilderRequest.Platform: "WINDOWS_SERVER_2019 is the only valid value." */
export const APP_BLOCK_BUILDER_PLATFORMS: readonly string[] = ['WINDOWS_SERVER_2019'];

/** [docs] CreateAppBlockBuilderRequest.InstanceType: "The following instance types are available:" */
export const APP_BLOCK_BUILDER_INSTANCE_TYPES: readonly string[] = ELASTIC_FLEET_INSTANCE_TYPES;

/**
 * [docs] CreateAppBlockBuilderRequest.VpcConfig: "App block builders require that you specify at least
 * two subnets in different availability zones."
 */
export const APP_BLOCK_BUILDER_SUBNETS: CountRule = { sources: ['CreateAppBlockBuilderRequest.VpcConfig'], minItems: 2 };
