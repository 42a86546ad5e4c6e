import * as cdk from 'aws-cdk-lib';
import {
  FLEET_DISCONNECT_TIMEOUT_SECONDS, FLEET_IDLE_DISCONNECT_TIMEOUT_SECONDS, FLEET_MAX_USER_DURATION_SECONDS, RangeRule, USB_DEVICE_FILTER_STRING,
} from './rules';
import { Validator } from './validation';

/** The session props that every kind of fleet (Always-On, On-Demand, Elastic) shares, under `Fleet`'s names. */
export interface SessionSettingsProps {
  readonly maxUserDuration?: cdk.Duration;
  readonly disconnectTimeout?: cdk.Duration;
  readonly idleDisconnectTimeout?: cdk.Duration;
  readonly usbDeviceFilterStrings?: string[];
}

/** The L1 properties of a fleet's session settings (CfnFleet's names). */
export interface SessionSettings {
  readonly maxUserDurationInSeconds?: number;
  readonly disconnectTimeoutInSeconds?: number;
  readonly idleDisconnectTimeoutInSeconds?: number;
  readonly usbDeviceFilterStrings?: string[];
}

/**
 * The session settings of a fleet: the three durations in the ranges both the API and CloudFormation
 * accept, whole seconds, and the USB device filter strings in the API's format. Tokens pass unchecked.
 *
 * @param v the fleet's validator
 * @param props the fleet's props
 */
export function sessionSettings(v: Validator, props: SessionSettingsProps): SessionSettings {
  const usbFix = "Give a filter string as the AppStream admin guide describes it, such as 'Wacom Tablet,056A,0357,*,*,*,1,0'.";
  const usb = props.usbDeviceFilterStrings ?? [];
  if (!cdk.Token.isUnresolved(usb)) { // a list parameter: no element is known
    usb.forEach((s, i) => v.string(`usbDeviceFilterStrings[${i}]`, s, USB_DEVICE_FILTER_STRING, usbFix));
  }
  return {
    maxUserDurationInSeconds: durationSeconds(v, 'maxUserDuration', props.maxUserDuration, FLEET_MAX_USER_DURATION_SECONDS,
      'Give a whole number of seconds from 600 (10 minutes) to 360000 (100 hours): CloudFormation refuses more, although the API takes up to 432000.'),
    disconnectTimeoutInSeconds: durationSeconds(v, 'disconnectTimeout', props.disconnectTimeout, FLEET_DISCONNECT_TIMEOUT_SECONDS,
      'Give a whole number of seconds from 60 (1 minute) to 36000 (10 hours).'),
    idleDisconnectTimeoutInSeconds: idleTimeout(v, props.idleDisconnectTimeout),
    usbDeviceFilterStrings: usb.length > 0 ? usb : undefined,
  };
}

/**
 * A duration as whole seconds in `rule`'s range (a token passes unchecked, if it is in seconds).
 *
 * @param v the resource's validator
 * @param property the prop that holds the duration
 * @param duration the duration, if any
 * @param rule the range in seconds
 * @param fix how to fix a value out of range
 * @param off a value outside the range that turns the setting off (0 for the idle disconnect timeout)
 */
export function durationSeconds(
  v: Validator, property: string, duration: cdk.Duration | undefined, rule: RangeRule, fix: string, off?: number,
): number | undefined {
  if (duration === undefined || duration === null) {
    return undefined;
  }
  v.object(property, duration, (x) => typeof x.toSeconds === 'function', `${fix} Give a Duration, such as Duration.minutes(15).`);
  if (duration.isUnresolved()) {
    try {
      return duration.toSeconds();
    } catch {
      return v.fail(property, undefined, 'is a token in a unit other than seconds', 'Use Duration.seconds() for a value known only at deployment.');
    }
  }
  const seconds = duration.toSeconds({ integral: false });
  if (seconds !== off) {
    v.range(`${property} (in seconds)`, seconds, rule, fix);
  }
  return seconds;
}

/** The idle disconnect timeout: 0 (off), or 60 to 3600 seconds; a part minute warns, as AppStream rounds it. */
function idleTimeout(v: Validator, duration: cdk.Duration | undefined): number | undefined {
  const seconds = durationSeconds(v, 'idleDisconnectTimeout', duration, FLEET_IDLE_DISCONNECT_TIMEOUT_SECONDS,
    'Give 0 to turn the idle disconnect off, or a whole number of seconds from 60 (1 minute) to 3600 (1 hour): CloudFormation refuses more, although the API takes up to 36000.', 0);
  if (seconds !== undefined && !cdk.Token.isUnresolved(seconds) && seconds % 60 !== 0) {
    v.warn('idleDisconnectTimeoutRounded',
      `idleDisconnectTimeout ${seconds} seconds is not a whole number of minutes: AppStream rounds it to ${Math.round(seconds / 60) * 60} seconds. Give a multiple of 60 seconds, such as Duration.minutes(${Math.max(1, Math.round(seconds / 60))}).`);
  }
  return seconds;
}
