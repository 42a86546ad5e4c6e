/**
 * The rules of CreateFleet (Always-On and On-Demand fleets) that no other request shares (the shared
 * shapes are in `shared.ts`). Sources are tagged as there: [model], [docs] or [lib], plus
 * - [cfn] a limit of CloudFormation's own schema for AWS::AppStream::Fleet (the fixture
 *   `scripts/cfn-limits.json`, from cfn-lint), stricter than the API: a template that breaks it fails
 *   cfn-lint and CloudFormation's validation even though AppStream would accept the value. Such a rule
 *   takes the intersection of the API's range and CloudFormation's.
 */
import { CountRule, RangeRule, StringRule } from './engine';

/**
 * [docs] CreateFleetRequest.InstanceType: the instance types the documentation lists for Always-On and
 * On-Demand fleets, in the documentation's order (the image builder's 46, plus stream.standard.xlarge
 * and stream.standard.2xlarge).
 */
export const FLEET_INSTANCE_TYPES: readonly string[] = [
  'stream.standard.small',
  'stream.standard.medium',
  'stream.standard.large',
  'stream.standard.xlarge',
  'stream.standard.2xlarge',
  'stream.compute.large',
  'stream.compute.xlarge',
  'stream.compute.2xlarge',
  'stream.compute.4xlarge',
  'stream.compute.8xlarge',
  'stream.memory.large',
  'stream.memory.xlarge',
  'stream.memory.2xlarge',
  'stream.memory.4xlarge',
  'stream.memory.8xlarge',
  'stream.memory.z1d.large',
  'stream.memory.z1d.xlarge',
  'stream.memory.z1d.2xlarge',
  'stream.memory.z1d.3xlarge',
  'stream.memory.z1d.6xlarge',
  'stream.memory.z1d.12xlarge',
  'stream.graphics.g4dn.xlarge',
  'stream.graphics.g4dn.2xlarge',
  'stream.graphics.g4dn.4xlarge',
  'stream.graphics.g4dn.8xlarge',
  'stream.graphics.g4dn.12xlarge',
  'stream.graphics.g4dn.16xlarge',
  'stream.graphics.g5.xlarge',
  'stream.graphics.g5.2xlarge',
  'stream.graphics.g5.4xlarge',
  'stream.graphics.g5.8xlarge',
  'stream.graphics.g5.12xlarge',
  'stream.graphics.g5.16xlarge',
  'stream.graphics.g5.24xlarge',
  'stream.graphics.g6.xlarge',
  'stream.graphics.g6.2xlarge',
  'stream.graphics.g6.4xlarge',
  'stream.graphics.g6.8xlarge',
  'stream.graphics.g6.16xlarge',
  'stream.graphics.g6.12xlarge',
  'stream.graphics.g6.24xlarge',
  'stream.graphics.gr6.4xlarge',
  'stream.graphics.gr6.8xlarge',
  'stream.graphics.g6f.large',
  'stream.graphics.g6f.xlarge',
  'stream.graphics.g6f.2xlarge',
  'stream.graphics.g6f.4xlarge',
  'stream.graphics.gr6f.4xlarge',
];

/**
 * [model] CreateFleetRequest.ImageName (shape `Name`): stricter than the image builder's `ImageName`
 * (shape `String`), which takes any non-empty string.
 */
export const FLEET_IMAGE_NAME: StringRule = {
  sources: ['CreateFleetRequest.ImageName'],
  pattern: '^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$',
  patternHint: "1 to 101 characters: letters, digits, '_', '.' and '-', starting with a letter or digit",
};

/** [docs] VpcConfig.SubnetIds: "Fleet instances use one or more subnets." */
export const FLEET_SUBNETS: CountRule = { sources: ['VpcConfig.SubnetIds'], minItems: 1 };

/**
 * [cfn] CreateFleetRequest.MaxUserDurationInSeconds: the API documents 600 to 432000 seconds;
 * CloudFormation's schema (as cfn-lint ships it) stops at 360000. The intersection: 600 to 360000.
 */
export const FLEET_MAX_USER_DURATION_SECONDS: RangeRule = { sources: ['CreateFleetRequest.MaxUserDurationInSeconds'], min: 600, max: 360000 };

/**
 * [docs] CreateFleetRequest.DisconnectTimeoutInSeconds: "Specify a value between 60 and 36000."
 * (CloudFormation's schema takes up to 360000, so the API's range is the intersection.)
 */
export const FLEET_DISCONNECT_TIMEOUT_SECONDS: RangeRule = { sources: ['CreateFleetRequest.DisconnectTimeoutInSeconds'], min: 60, max: 36000 };

/**
 * [cfn] CreateFleetRequest.IdleDisconnectTimeoutInSeconds, when not 0 (0 turns the idle disconnect
 * off, and both sources accept it): the API documents 60 to 36000 seconds; CloudFormation's schema
 * stops at 3600. The intersection: 60 to 3600. AppStream rounds a value that is not a whole number of
 * minutes to the nearest minute.
 */
export const FLEET_IDLE_DISCONNECT_TIMEOUT_SECONDS: RangeRule = { sources: ['CreateFleetRequest.IdleDisconnectTimeoutInSeconds'], min: 60, max: 3600 };

/** [model] CreateFleetRequest.UsbDeviceFilterStrings items (shape `UsbDeviceFilterString`). */
export const USB_DEVICE_FILTER_STRING: StringRule = {
  sources: ['CreateFleetRequest.UsbDeviceFilterStrings.member'],
  minLength: 0,
  maxLength: 100,
  pattern: '^((\\w*)\\s*(\\w*)\\s*\\,\\s*(\\w*)\\s*\\,\\s*\\*?(\\w*)\\s*\\,\\s*\\*?(\\w*)\\s*\\,\\s*\\*?\\d*\\s*\\,\\s*\\*?\\d*\\s*\\,\\s*[0-1]\\s*\\,\\s*[0-1]\\s*)$',
  patternHint: 'a USB device filter string of eight comma-separated fields, the last two 0 or 1',
};

/**
 * [lib] ComputeCapacity.DesiredInstances and DesiredSessions (shape `Integer`): the model sets no
 * range; a negative capacity means nothing, and the API's integers are 32-bit.
 */
export const FLEET_DESIRED_CAPACITY: RangeRule = {
  sources: ['ComputeCapacity.DesiredInstances', 'ComputeCapacity.DesiredSessions'],
  min: 0,
  max: 2147483647,
};

/**
 * [lib] CreateFleetRequest.MaxSessionsPerInstance (shape `Integer`): the model sets no range; a
 * multi-session fleet hosts at least one session per instance.
 */
export const FLEET_MAX_SESSIONS_PER_INSTANCE: RangeRule = { sources: ['CreateFleetRequest.MaxSessionsPerInstance'], min: 1, max: 2147483647 };

/**
 * [model] CreateFleetRequest.Platform (shape `PlatformType`): every platform the API names. Elastic
 * fleets and applications take fewer (`elastic.ts`).
 */
export const FLEET_PLATFORMS: readonly string[] = [
  'WINDOWS', 'WINDOWS_SERVER_2016', 'WINDOWS_SERVER_2019', 'WINDOWS_SERVER_2022', 'WINDOWS_SERVER_2025', 'AMAZON_LINUX2', 'RHEL8', 'ROCKY_LINUX8', 'UBUNTU_PRO_2404',
];
