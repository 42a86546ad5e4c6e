import { Stack } from 'aws-cdk-lib';
import { CFN_REGIONS, CFN_RESOURCE_SUPPORT } from './cfn-region-support.generated';
import { Validator } from './validation';

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

/**
 * Warn on the validator's construct when its stack's region is known and CloudFormation there lacks `resourceType`, or
 * any of the properties `setBy` maps from CloudFormation names to the props that set them. The ids are
 * public API: `cdk-appstream:<kind>:resourceNotInRegion` and `cdk-appstream:<kind>:propertyNotInRegion`.
 * A warning, not an error: cfn-lint's schemas can lag behind CloudFormation.
 */
export function warnIfNotInRegion(v: Validator, resourceType: string, setBy: Record<string, string>): void {
  const region = Stack.of(v.scope).region; // a token is in no list: nothing to warn of
  const support = CFN_RESOURCE_SUPPORT[resourceType];
  if (support && CFN_REGIONS.includes(region) && !support.regions.includes(region)) {
    v.warn('resourceNotInRegion',
      `CloudFormation in ${region} has no ${resourceType} (per cfn-lint's schemas): the deployment would fail there. Deploy the stack to a region where AppStream is available.`);
    return;
  }
  const missing = unsupportedProperties(resourceType, region, Object.keys(setBy));
  if (missing.length > 0) {
    const where = missing.map((p) => `${p} (set by ${setBy[p]}): ${support!.partialProperties[p].join(', ')}`).join('; ');
    v.warn('propertyNotInRegion',
      `CloudFormation in ${region} does not offer ${missing.map((p) => `${resourceType}.${p}`).join(', ')} (per cfn-lint's schemas), so the deployment would fail there. Leave ${missing.map((p) => setBy[p]).join(', ')} out in ${region}, or deploy to a region that has it — ${where}.`);
  }
}
