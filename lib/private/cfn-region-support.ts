import { CFN_REGIONS, CFN_RESOURCE_SUPPORT } from './cfn-region-support.generated';

export { CFN_REGIONS };

/**
 * The properties among `props` that CloudFormation's schema of `resourceType` lacks in `region`, according
 * to the cfn-lint schemas in `cfn-region-support.generated.ts`; a template that sets one fails there.
 *
 * A region that cfn-lint does not know, or a resource type that file does not cover, gives `[]`: nothing
 * is known to be missing. In a known region without the resource type at all, every property is missing.
 */
export function unsupportedProperties(resourceType: string, region: string, props: readonly string[]): string[] {
  const support = CFN_RESOURCE_SUPPORT[resourceType];
  if (!support || !CFN_REGIONS.includes(region)) {
    return [];
  }
  if (!support.regions.includes(region)) {
    return [...props];
  }
  return props.filter((prop) => support.partialProperties[prop]?.includes(region) === false);
}
