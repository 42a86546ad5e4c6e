/**
 * The rules of CreateImageBuilder that no other request shares (the shared shapes are in `shared.ts`).
 * Sources are tagged as in `shared.ts`: [model], [docs] or [lib].
 */
import { CountRule, StringRule } from './engine';

/** [model] CreateImageBuilderRequest.ImageName (shape `String`). */
export const IMAGE_NAME: StringRule = { sources: ['CreateImageBuilderRequest.ImageName'], minLength: 1 };

/**
 * [docs] CreateImageBuilderRequest.InstanceType: the instance types the documentation lists as available
 * to image builders, in the documentation's order.
 */
export const IMAGE_BUILDER_INSTANCE_TYPES: readonly string[] = [
  'stream.standard.small',
  'stream.standard.medium',
  'stream.standard.large',
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
  'stream.graphics.g5.16xlarge',
  'stream.graphics.g5.12xlarge',
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
 * [docs] VpcConfig.SubnetIds: "Image builder instances use one subnet." The model sets no list limit
 * (fleets take several); CreateImageBuilder rejects any other count.
 */
export const IMAGE_BUILDER_SUBNETS: CountRule = { sources: ['VpcConfig.SubnetIds'], minItems: 1, maxItems: 1 };

/** [model] CreateImageBuilderRequest.AppstreamAgentVersion (shape `AppstreamAgentVersion`). */
export const AGENT_VERSION: StringRule = {
  sources: ['CreateImageBuilderRequest.AppstreamAgentVersion'],
  minLength: 1,
  maxLength: 100,
};

/** [model] CreateImageBuilderRequest.SoftwaresToInstall / SoftwaresToUninstall items (shape `String`). */
export const SOFTWARE_NAME: StringRule = { sources: ['CreateImageBuilderRequest.SoftwaresToInstall.member', 'CreateImageBuilderRequest.SoftwaresToUninstall.member'], minLength: 1 };
