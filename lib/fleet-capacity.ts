/**
 * The options of a multi-session fleet's capacity.
 */
export interface MultiSessionCapacityOptions {
  /**
   * The number of streaming sessions the fleet provides: it runs enough instances to host them
   * (desired sessions divided by sessions per instance, rounded up). 0 or more.
   */
  readonly desiredSessions: number;

  /**
   * The number of sessions each instance hosts, 1 or more. The image must support multi-session
   * (a Windows Server 2019 or 2022 image with an agent of 2023 or later), and each instance type has
   * its own maximum.
   *
   * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/multi-session-fleets.html
   */
  readonly maxSessionsPerInstance: number;
}

/**
 * How much capacity a fleet provides: a number of single-session instances, or a number of sessions
 * on multi-session instances. Exactly one of the two, by construction.
 *
 * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/set-up-stacks-fleets.html
 */
export class FleetCapacity {
  /**
   * A single-session fleet of `desiredInstances` instances: one streaming session each.
   *
   * @param desiredInstances the number of instances, 0 or more
   */
  public static instances(desiredInstances: number): FleetCapacity {
    return new FleetCapacity(desiredInstances, undefined, undefined);
  }

  /**
   * A multi-session fleet: several sessions per instance.
   *
   * @param options the desired sessions and the sessions per instance
   */
  public static sessions(options: MultiSessionCapacityOptions): FleetCapacity {
    return new FleetCapacity(undefined, options.desiredSessions, options.maxSessionsPerInstance);
  }

  /**
   * The number of instances of a single-session fleet.
   *
   * @default - none: a multi-session fleet
   */
  public readonly desiredInstances?: number;

  /**
   * The number of sessions of a multi-session fleet.
   *
   * @default - none: a single-session fleet
   */
  public readonly desiredSessions?: number;

  /**
   * The number of sessions per instance of a multi-session fleet.
   *
   * @default - none: a single-session fleet
   */
  public readonly maxSessionsPerInstance?: number;

  private constructor(desiredInstances: number | undefined, desiredSessions: number | undefined, maxSessionsPerInstance: number | undefined) {
    this.desiredInstances = desiredInstances;
    this.desiredSessions = desiredSessions;
    this.maxSessionsPerInstance = maxSessionsPerInstance;
  }

  /** Whether this is the capacity of a multi-session fleet. */
  public get multiSession(): boolean {
    return this.desiredInstances === undefined;
  }
}
