/**
 * The rules of CreateImageBuilder that no other request shares (the shared shapes are in `shared.ts`).
 * Sources are tagged as in `shared.ts`: [model], [docs] or [lib].
 */
import { CountRule, StringRule } from './engine';
import { FLEET_INSTANCE_TYPES } from './fleet';

/** [model] CreateImageBuilderRequest.ImageName (shape `String`). */
export const IMAGE_NAME: StringRule = { sources: ['CreateImageBuilderRequest.ImageName'], minLength: 1 };

/**
 * [docs] CreateImageBuilderRequest.InstanceType: the instance types the documentation lists as available
 * to image builders: those of Always-On and On-Demand fleets but the two largest standard ones.
 */
export const IMAGE_BUILDER_INSTANCE_TYPES: readonly string[] = FLEET_INSTANCE_TYPES.filter(
  (type) => type !== 'stream.standard.xlarge' && type !== 'stream.standard.2xlarge',
);

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
