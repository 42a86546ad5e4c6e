import * as cdk from 'aws-cdk-lib';
import { Image, ImageConfig } from '../image';
import { InstanceType } from '../instance-type';
import { isLookupDummy } from './environment';
import { FLEET_INSTANCE_TYPES, IMAGE_BUILDER_INSTANCE_TYPES, INSTANCE_TYPE_PREFIX, ROOT_VOLUME_GIB } from './rules';
import { Validator } from './validation';

/** Every instance type this library lists, for any resource. */
const KNOWN: ReadonlySet<string> = new Set([...IMAGE_BUILDER_INSTANCE_TYPES, ...FLEET_INSTANCE_TYPES]);

/**
 * The instance type of a resource, checked against the types that kind of resource offers: a type the
 * library lists for other resources only is an error; a `stream.` type it does not list at all warns
 * (`cdk-appstream:<kind>:unknownInstanceType`), since AWS may have added it since.
 *
 * @param v the resource's validator
 * @param instanceType the instance type
 * @param supported the types the resource offers, from the rules
 */
export function checkInstanceType(v: Validator, instanceType: InstanceType, supported: readonly string[]): string {
  const name = instanceType.name;
  if (cdk.Token.isUnresolved(name) || supported.includes(name) || isLookupDummy(v.scope, name)) {
    return name; // the dummy of a pending lookup is judged on the synth after the lookup
  }
  if (!name.startsWith(INSTANCE_TYPE_PREFIX)) {
    v.fail('instanceType', name, `must start with '${INSTANCE_TYPE_PREFIX}'`, 'Use an AppStream instance type such as InstanceType.STANDARD_MEDIUM (stream.standard.medium), not an EC2 one.');
  }
  if (KNOWN.has(name)) {
    v.fail('instanceType', name, `is not offered for ${v.noun}s`, `Use one of the ${v.noun} instance types: ${supported.join(', ')}.`);
  }
  const near = supported.filter((known) => oneEditApart(name, known));
  const hint = near.length > 0 ? ` Did you mean ${near.map((n) => `'${n}'`).join(' or ')}?` : '';
  v.warn('unknownInstanceType',
    `instanceType '${name}' is not one of the ${v.noun} instance types this library knows; check the name (AppStream rejects unknown types at deployment) or ignore this if AWS has added it since.${hint}`);
  return name;
}

/**
 * Whether `a` becomes `b` by one edit: a character changed, added or removed, or two neighbours
 * swapped (`meduim` for `medium`). Equal strings are not one edit apart.
 */
export function oneEditApart(a: string, b: string): boolean {
  if (a === b || Math.abs(a.length - b.length) > 1) {
    return false;
  }
  let start = 0;
  while (a[start] === b[start]) {
    start++;
  }
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const restA = a.slice(start, endA);
  const restB = b.slice(start, endB);
  if (restA.length + restB.length <= 1) {
    return true; // one character added or removed
  }
  if (restA.length === 1 && restB.length === 1) {
    return true; // one character changed
  }
  return restA.length === 2 && restB.length === 2 && restA[0] === restB[1] && restA[1] === restB[0];
}

/**
 * The L1 `RootVolumeConfig` of a root volume size: whole GiB in AppStream's range.
 *
 * @returns the config, or undefined when no size is given
 */
export function rootVolumeConfig(v: Validator, size: cdk.Size | undefined): { volumeSizeInGb: number } | undefined {
  if (size === undefined || size === null) {
    return undefined;
  }
  if (typeof size.toGibibytes !== 'function') {
    v.fail('rootVolumeSize', size, 'must be a Size', 'Give a Size in GiB, such as Size.gibibytes(300).');
  }
  if (size.isUnresolved()) {
    try {
      return { volumeSizeInGb: size.toGibibytes() };
    } catch {
      // aws-cdk-lib converts a token only within its own unit: say so in our words.
      return v.fail('rootVolumeSize', undefined, 'is a token in a unit other than GiB', 'Use Size.gibibytes() for a value known only at deployment.');
    }
  }
  const gib = size.toGibibytes({ rounding: cdk.SizeRoundingBehavior.NONE });
  v.range('rootVolumeSize', gib, ROOT_VOLUME_GIB, 'Give a whole number of GiB from 200 to 500, such as Size.gibibytes(300).');
  return { volumeSizeInGb: gib };
}

/**
 * Require IMDSv2 (turn IMDSv1 off) on an AppStream instance. The L1 of the oldest aws-cdk-lib we
 * support has no property for it; CloudFormation has `DisableIMDSV1` (in some regions only). `false`
 * is AppStream's default, so it is not written: a template that leaves it out deploys in every region.
 */
export function requireImdsv2(resource: cdk.CfnResource, value: boolean | undefined): void {
  if (value === true) {
    resource.addPropertyOverride('DisableIMDSV1', true);
  }
}

/**
 * The image of a resource: exactly one of name and ARN, checked by the image itself for the resource.
 */
export function bindImage(v: Validator, image: Image): ImageConfig {
  const config = image.bind(v.scope);
  if ((config.imageName === undefined) === (config.imageArn === undefined)) {
    v.fail('image', config, 'must give exactly one of an image name and an image ARN', 'Use Image.fromName() or Image.fromArn().');
  }
  return config;
}
