import { Token } from 'aws-cdk-lib';
import { mayBeLookupDummy } from './private/environment';
import { INSTANCE_TYPE_PREFIX } from './private/rules';
import { showValue } from './private/validation';

/**
 * The instance type of an AppStream image builder or fleet.
 *
 * A constant for each instance type that AppStream lists, and `of()` for one this library does not list
 * yet. Each resource offers its own set: a type that the library lists for another kind of resource
 * only is an error there, and a `stream.` type it does not list at all gets a warning.
 *
 * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/instance-types.html
 */
export class InstanceType {
  /** `stream.standard.small` */
  public static readonly STANDARD_SMALL = new InstanceType('stream.standard.small');
  /** `stream.standard.medium` */
  public static readonly STANDARD_MEDIUM = new InstanceType('stream.standard.medium');
  /** `stream.standard.large` */
  public static readonly STANDARD_LARGE = new InstanceType('stream.standard.large');
  /** `stream.standard.xlarge` (fleets only: not offered for image builders) */
  public static readonly STANDARD_XLARGE = new InstanceType('stream.standard.xlarge');
  /** `stream.standard.2xlarge` (fleets only: not offered for image builders) */
  public static readonly STANDARD_2XLARGE = new InstanceType('stream.standard.2xlarge');
  /** `stream.compute.large` */
  public static readonly COMPUTE_LARGE = new InstanceType('stream.compute.large');
  /** `stream.compute.xlarge` */
  public static readonly COMPUTE_XLARGE = new InstanceType('stream.compute.xlarge');
  /** `stream.compute.2xlarge` */
  public static readonly COMPUTE_2XLARGE = new InstanceType('stream.compute.2xlarge');
  /** `stream.compute.4xlarge` */
  public static readonly COMPUTE_4XLARGE = new InstanceType('stream.compute.4xlarge');
  /** `stream.compute.8xlarge` */
  public static readonly COMPUTE_8XLARGE = new InstanceType('stream.compute.8xlarge');
  /** `stream.memory.large` */
  public static readonly MEMORY_LARGE = new InstanceType('stream.memory.large');
  /** `stream.memory.xlarge` */
  public static readonly MEMORY_XLARGE = new InstanceType('stream.memory.xlarge');
  /** `stream.memory.2xlarge` */
  public static readonly MEMORY_2XLARGE = new InstanceType('stream.memory.2xlarge');
  /** `stream.memory.4xlarge` */
  public static readonly MEMORY_4XLARGE = new InstanceType('stream.memory.4xlarge');
  /** `stream.memory.8xlarge` */
  public static readonly MEMORY_8XLARGE = new InstanceType('stream.memory.8xlarge');
  /** `stream.memory.z1d.large` */
  public static readonly MEMORY_Z1D_LARGE = new InstanceType('stream.memory.z1d.large');
  /** `stream.memory.z1d.xlarge` */
  public static readonly MEMORY_Z1D_XLARGE = new InstanceType('stream.memory.z1d.xlarge');
  /** `stream.memory.z1d.2xlarge` */
  public static readonly MEMORY_Z1D_2XLARGE = new InstanceType('stream.memory.z1d.2xlarge');
  /** `stream.memory.z1d.3xlarge` */
  public static readonly MEMORY_Z1D_3XLARGE = new InstanceType('stream.memory.z1d.3xlarge');
  /** `stream.memory.z1d.6xlarge` */
  public static readonly MEMORY_Z1D_6XLARGE = new InstanceType('stream.memory.z1d.6xlarge');
  /** `stream.memory.z1d.12xlarge` */
  public static readonly MEMORY_Z1D_12XLARGE = new InstanceType('stream.memory.z1d.12xlarge');
  /** `stream.graphics.g4dn.xlarge` */
  public static readonly GRAPHICS_G4DN_XLARGE = new InstanceType('stream.graphics.g4dn.xlarge');
  /** `stream.graphics.g4dn.2xlarge` */
  public static readonly GRAPHICS_G4DN_2XLARGE = new InstanceType('stream.graphics.g4dn.2xlarge');
  /** `stream.graphics.g4dn.4xlarge` */
  public static readonly GRAPHICS_G4DN_4XLARGE = new InstanceType('stream.graphics.g4dn.4xlarge');
  /** `stream.graphics.g4dn.8xlarge` */
  public static readonly GRAPHICS_G4DN_8XLARGE = new InstanceType('stream.graphics.g4dn.8xlarge');
  /** `stream.graphics.g4dn.12xlarge` */
  public static readonly GRAPHICS_G4DN_12XLARGE = new InstanceType('stream.graphics.g4dn.12xlarge');
  /** `stream.graphics.g4dn.16xlarge` */
  public static readonly GRAPHICS_G4DN_16XLARGE = new InstanceType('stream.graphics.g4dn.16xlarge');
  /** `stream.graphics.g5.xlarge` */
  public static readonly GRAPHICS_G5_XLARGE = new InstanceType('stream.graphics.g5.xlarge');
  /** `stream.graphics.g5.2xlarge` */
  public static readonly GRAPHICS_G5_2XLARGE = new InstanceType('stream.graphics.g5.2xlarge');
  /** `stream.graphics.g5.4xlarge` */
  public static readonly GRAPHICS_G5_4XLARGE = new InstanceType('stream.graphics.g5.4xlarge');
  /** `stream.graphics.g5.8xlarge` */
  public static readonly GRAPHICS_G5_8XLARGE = new InstanceType('stream.graphics.g5.8xlarge');
  /** `stream.graphics.g5.16xlarge` */
  public static readonly GRAPHICS_G5_16XLARGE = new InstanceType('stream.graphics.g5.16xlarge');
  /** `stream.graphics.g5.12xlarge` */
  public static readonly GRAPHICS_G5_12XLARGE = new InstanceType('stream.graphics.g5.12xlarge');
  /** `stream.graphics.g5.24xlarge` */
  public static readonly GRAPHICS_G5_24XLARGE = new InstanceType('stream.graphics.g5.24xlarge');
  /** `stream.graphics.g6.xlarge` */
  public static readonly GRAPHICS_G6_XLARGE = new InstanceType('stream.graphics.g6.xlarge');
  /** `stream.graphics.g6.2xlarge` */
  public static readonly GRAPHICS_G6_2XLARGE = new InstanceType('stream.graphics.g6.2xlarge');
  /** `stream.graphics.g6.4xlarge` */
  public static readonly GRAPHICS_G6_4XLARGE = new InstanceType('stream.graphics.g6.4xlarge');
  /** `stream.graphics.g6.8xlarge` */
  public static readonly GRAPHICS_G6_8XLARGE = new InstanceType('stream.graphics.g6.8xlarge');
  /** `stream.graphics.g6.16xlarge` */
  public static readonly GRAPHICS_G6_16XLARGE = new InstanceType('stream.graphics.g6.16xlarge');
  /** `stream.graphics.g6.12xlarge` */
  public static readonly GRAPHICS_G6_12XLARGE = new InstanceType('stream.graphics.g6.12xlarge');
  /** `stream.graphics.g6.24xlarge` */
  public static readonly GRAPHICS_G6_24XLARGE = new InstanceType('stream.graphics.g6.24xlarge');
  /** `stream.graphics.gr6.4xlarge` */
  public static readonly GRAPHICS_GR6_4XLARGE = new InstanceType('stream.graphics.gr6.4xlarge');
  /** `stream.graphics.gr6.8xlarge` */
  public static readonly GRAPHICS_GR6_8XLARGE = new InstanceType('stream.graphics.gr6.8xlarge');
  /** `stream.graphics.g6f.large` */
  public static readonly GRAPHICS_G6F_LARGE = new InstanceType('stream.graphics.g6f.large');
  /** `stream.graphics.g6f.xlarge` */
  public static readonly GRAPHICS_G6F_XLARGE = new InstanceType('stream.graphics.g6f.xlarge');
  /** `stream.graphics.g6f.2xlarge` */
  public static readonly GRAPHICS_G6F_2XLARGE = new InstanceType('stream.graphics.g6f.2xlarge');
  /** `stream.graphics.g6f.4xlarge` */
  public static readonly GRAPHICS_G6F_4XLARGE = new InstanceType('stream.graphics.g6f.4xlarge');
  /** `stream.graphics.gr6f.4xlarge` */
  public static readonly GRAPHICS_GR6F_4XLARGE = new InstanceType('stream.graphics.gr6f.4xlarge');

  /**
   * An instance type by name, for one that has no constant here yet.
   *
   * The name must start with `stream.` (an EC2 name such as `m5.large` is not an AppStream instance
   * type). A resource given a `stream.` name that this library does not list adds a warning.
   * A token is passed through unchecked, and so is the dummy that `ssm.StringParameter.valueFromLookup()`
   * gives before its lookup: the resource that takes the type checks it on the synth after the lookup.
   *
   * @param name the AppStream instance type, for example `stream.standard.medium`
   */
  public static of(name: string): InstanceType {
    if (!Token.isUnresolved(name) && !mayBeLookupDummy(name) && !name.startsWith(INSTANCE_TYPE_PREFIX)) {
      throw new Error(
        `InstanceType.of(): instance type ${showValue(name)} must start with '${INSTANCE_TYPE_PREFIX}'. ` +
        'Use an AppStream instance type such as InstanceType.STANDARD_MEDIUM (stream.standard.medium), not an EC2 one.',
      );
    }
    return new InstanceType(name);
  }

  /** The instance type's name, for example `stream.standard.medium`. */
  public readonly name: string;

  private constructor(name: string) {
    this.name = name;
  }

  /** The instance type's name. */
  public toString(): string {
    return this.name;
  }
}
