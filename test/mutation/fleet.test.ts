/**
 * The fleet's own logic, lib/fleet.ts and lib/fleet-capacity.ts (issue 14): capacity, durations, the
 * idle-timeout rounding warning, auto scaling's edges and the region warnings, each pinned whole.
 */
import { App, CfnParameter, Duration, Size, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as iam from 'aws-cdk-lib/aws-iam';
import { beforeEach, describe, expect, test } from 'vitest';
import { Fleet, FleetCapacity, FleetProps, Image, InstanceType } from '../../lib';

let stack: Stack;
beforeEach(() => {
  stack = new Stack(new App(), 'Stack');
});

function fleet(props: Partial<FleetProps> = {}, id = 'Fleet', scope: Stack = stack): Fleet {
  return new Fleet(scope, id, { image: Image.fromName('MyImage'), instanceType: InstanceType.STANDARD_MEDIUM, ...props });
}
function fleetProps(scope: Stack = stack): Record<string, any> {
  return Object.values(Template.fromStack(scope).findResources('AWS::AppStream::Fleet'))[0].Properties;
}
function warnings(scope: Stack = stack): string[] {
  return Annotations.fromStack(scope).findWarning('*', Match.anyValue()).map((w) => String(w.entry.data));
}

describe('capacity', () => {
  test('instances: 0 passes, -1 and fractions fail, null is no number', () => {
    fleet({ capacity: FleetCapacity.instances(0) });
    expect(fleetProps().ComputeCapacity).toEqual({ DesiredInstances: 0 });
    expect(fleetProps().MaxSessionsPerInstance).toBeUndefined();
    expect(() => fleet({ capacity: FleetCapacity.instances(1.5) }, 'A'))
      .toThrow("Fleet 'Stack/A': capacity (FleetCapacity.instances) 1.5 must be a whole number from 0 to 2147483647. Give a whole number of instances, 0 or more.");
    expect(() => fleet({ capacity: FleetCapacity.instances(null as any) }, 'B'))
      .toThrow('FleetCapacity.instances(): desiredInstances is required. Give a number (the number of instances, 0 or more).');
  });

  test('sessions: both numbers, each checked, rendered with MaxSessionsPerInstance', () => {
    fleet({ capacity: FleetCapacity.sessions({ desiredSessions: 0, maxSessionsPerInstance: 1 }) });
    expect(fleetProps().ComputeCapacity).toEqual({ DesiredSessions: 0 });
    expect(fleetProps().MaxSessionsPerInstance).toBe(1);
    expect(() => fleet({ capacity: FleetCapacity.sessions({ maxSessionsPerInstance: 2 } as any) }, 'A'))
      .toThrow('FleetCapacity.sessions(): options.desiredSessions is required. Give a number (the number of streaming sessions the fleet provides: it runs enough instances to host them (desired sessions divided by sessions per instance, rounded up)).');
    expect(() => fleet({ capacity: FleetCapacity.sessions({ desiredSessions: 2, maxSessionsPerInstance: null } as any) }, 'B'))
      .toThrow('FleetCapacity.sessions(): options.maxSessionsPerInstance is required. Give a number (the number of sessions each instance hosts, 1 or more).');
    expect(() => fleet({ capacity: FleetCapacity.sessions({ desiredSessions: -1, maxSessionsPerInstance: 2 }) }, 'C'))
      .toThrow("Fleet 'Stack/C': capacity (FleetCapacity.sessions).desiredSessions -1 must be a whole number from 0 to 2147483647. Give a whole number of sessions, 0 or more.");
    expect(() => fleet({ capacity: FleetCapacity.sessions({ desiredSessions: 1, maxSessionsPerInstance: 0 }) }, 'D'))
      .toThrow("Fleet 'Stack/D': capacity (FleetCapacity.sessions).maxSessionsPerInstance 0 must be a whole number from 1 to 2147483647. Give a whole number of sessions per instance, 1 or more.");
    expect(() => FleetCapacity.sessions(undefined as any)).toThrow(/^FleetCapacity\.sessions\(\): options is required\./);
    // A FleetCapacity of plain JavaScript: a single-session one without its number fails, as a multi-session one without its numbers does.
    expect(() => fleet({ capacity: { multiSession: false, desiredInstances: null } as any }, 'E'))
      .toThrow("Fleet 'Stack/E': capacity (FleetCapacity.instances) needs a number of instances. Give FleetCapacity.instances(n) with n of 0 or more.");
    fleet({ capacity: { multiSession: false, desiredInstances: 3 } as any }, 'F');
    expect(() => fleet({ capacity: { multiSession: true, maxSessionsPerInstance: 2 } as any }, 'G'))
      .toThrow("Fleet 'Stack/G': capacity (FleetCapacity.sessions).desiredSessions is required. Give the number of sessions the fleet provides.");
    expect(() => fleet({ capacity: { multiSession: true, desiredSessions: 2 } as any }, 'H'))
      .toThrow("Fleet 'Stack/H': capacity (FleetCapacity.sessions).maxSessionsPerInstance is required: desired sessions are for multi-session fleets only. Give the sessions per instance, or use FleetCapacity.instances() for a single-session fleet.");
    expect(FleetCapacity.sessions({ desiredSessions: 2, maxSessionsPerInstance: 2 }).multiSession).toBe(true);
    expect(FleetCapacity.instances(3).multiSession).toBe(false);
  });
});

describe('durations', () => {
  test('whole seconds at the edges pass; one beyond fails with the fix', () => {
    fleet({ maxUserDuration: Duration.seconds(600), disconnectTimeout: Duration.seconds(36000), idleDisconnectTimeout: Duration.seconds(3600) });
    expect(fleetProps()).toMatchObject({ MaxUserDurationInSeconds: 600, DisconnectTimeoutInSeconds: 36000, IdleDisconnectTimeoutInSeconds: 3600 });
    expect(() => fleet({ maxUserDuration: Duration.seconds(599) }, 'A'))
      .toThrow("Fleet 'Stack/A': maxUserDuration (in seconds) 599 must be a whole number from 600 to 360000. Give a whole number of seconds from 600 (10 minutes) to 360000 (100 hours): CloudFormation refuses more, although the API takes up to 432000.");
    expect(() => fleet({ disconnectTimeout: Duration.seconds(59) }, 'B'))
      .toThrow("Fleet 'Stack/B': disconnectTimeout (in seconds) 59 must be a whole number from 60 to 36000. Give a whole number of seconds from 60 (1 minute) to 36000 (10 hours).");
    expect(() => fleet({ disconnectTimeout: Duration.millis(60500) }, 'C')).toThrow('disconnectTimeout (in seconds) 60.5 must be');
  });

  test('what is not a Duration fails, with the fix and the example', () => {
    expect(() => fleet({ disconnectTimeout: 60 as any }))
      .toThrow("Fleet 'Stack/Fleet': disconnectTimeout 60 must be a Duration, not a number. Give a Duration (how long a session stays open for its user to reconnect after a disconnection: whole seconds from 60 to 36000 (10 hours)).");
  });

  test('tokens in seconds pass through; in another unit they fail', () => {
    const t = new CfnParameter(stack, 'Seconds', { type: 'Number' }).valueAsNumber;
    fleet({ disconnectTimeout: Duration.seconds(t), idleDisconnectTimeout: Duration.seconds(t) });
    expect(fleetProps()).toMatchObject({ DisconnectTimeoutInSeconds: { Ref: 'Seconds' }, IdleDisconnectTimeoutInSeconds: { Ref: 'Seconds' } });
    expect(warnings()).toEqual([]);
    expect(() => fleet({ maxUserDuration: Duration.hours(t) }, 'A'))
      .toThrow("Fleet 'Stack/A': maxUserDuration is a token in a unit other than seconds. Use Duration.seconds() for a value known only at deployment.");
  });

  test('idle timeout: 0 turns it off; seconds not a whole number of minutes warn, rounded', () => {
    fleet({ idleDisconnectTimeout: Duration.seconds(0) });
    expect(fleetProps().IdleDisconnectTimeoutInSeconds).toBe(0);
    expect(warnings()).toEqual([]);
    const s2 = new Stack(new App(), 'S2');
    fleet({ idleDisconnectTimeout: Duration.seconds(89) }, 'F', s2);
    expect(warnings(s2)).toEqual([
      'idleDisconnectTimeout 89 seconds is not a whole number of minutes: AppStream rounds it to 60 seconds. Give a multiple of 60 seconds, such as Duration.minutes(1). [ack: cdk-appstream:fleet:idleDisconnectTimeoutRounded]',
    ]);
    const s3 = new Stack(new App(), 'S3');
    fleet({ idleDisconnectTimeout: Duration.seconds(150) }, 'F', s3);
    expect(warnings(s3)).toEqual([expect.stringContaining('rounds it to 180 seconds. Give a multiple of 60 seconds, such as Duration.minutes(3).')]);
    const s4 = new Stack(new App(), 'S4');
    fleet({ idleDisconnectTimeout: Duration.seconds(120) }, 'F', s4);
    expect(warnings(s4)).toEqual([]);
    expect(() => fleet({ idleDisconnectTimeout: Duration.seconds(30) }, 'Z'))
      .toThrow("Fleet 'Stack/Z': idleDisconnectTimeout (in seconds) 30 must be a whole number from 60 to 3600. Give 0 to turn the idle disconnect off, or a whole number of seconds from 60 (1 minute) to 3600 (1 hour): CloudFormation refuses more, although the API takes up to 36000.");
  });
});

describe('the rest of the L1', () => {
  test('startFleet false leaves the creation policy out; enums; USB filters', () => {
    const f = fleet({ startFleet: false, usbDeviceFilterStrings: ['Wacom Tablet,056A,0357,*,*,*,1,0'] });
    const resource = Object.values(Template.fromStack(stack).findResources('AWS::AppStream::Fleet'))[0];
    expect(resource.CreationPolicy).toBeUndefined();
    expect(resource.Properties.UsbDeviceFilterStrings).toEqual(['Wacom Tablet,056A,0357,*,*,*,1,0']);
    expect(f._joinsDomain).toBe(false);
    expect(() => fleet({ fleetType: 'SPOT' as any }, 'A')).toThrow("Fleet 'Stack/A': fleetType \"SPOT\" must be a member of FleetType (ALWAYS_ON, ON_DEMAND). Use FleetType.ALWAYS_ON or another member of FleetType (whether the instances run all the time or start when users connect).");
    expect(() => fleet({ streamView: 'X' as any }, 'B')).toThrow("Fleet 'Stack/B': streamView \"X\" must be a member of StreamView (APP, DESKTOP). Use StreamView.APP or another member of StreamView (what users see when they stream).");
    expect(() => fleet({ usbDeviceFilterStrings: ['bad'] }, 'C'))
      .toThrow(/^Fleet 'Stack\/C': usbDeviceFilterStrings\[0\] "bad" must be a USB device filter string of eight comma-separated fields, the last two 0 or 1 \(pattern .*\)\. Give a filter string as the AppStream admin guide describes it, such as 'Wacom Tablet,056A,0357,\*,\*,\*,1,0'\.$/);
    expect(() => fleet({ image: Image.fromName('bad name') }, 'D'))
      .toThrow(/^Fleet 'Stack\/D': image \(Image.fromName\) "bad name" must be .*\. A fleet takes an image name of letters, digits, _ \. - starting with a letter or digit; use Image.fromArn\(\) for another image\.$/);
  });

  test('an empty USB list is not written, and warns of nothing', () => {
    const s = new Stack(new App(), 'S', { env: { region: 'us-east-1' } });
    fleet({ usbDeviceFilterStrings: [] }, 'F', s);
    expect(fleetProps(s).UsbDeviceFilterStrings).toBeUndefined();
    expect(warnings(s)).toEqual([]);
  });

  test('the region warning names each prop that sets a property CloudFormation lacks there', () => {
    const s = new Stack(new App(), 'S', { env: { region: 'af-south-1' } });
    fleet({}, 'F', s);
    expect(warnings(s)).toEqual([expect.stringMatching(/^CloudFormation in af-south-1 has no AWS::AppStream::Fleet/)]);
    const u = new Stack(new App(), 'U', { env: { region: 'cn-northwest-1' } });
    fleet({
      requireImdsv2: true,
      rootVolumeSize: Size.gibibytes(200),
      usbDeviceFilterStrings: ['Wacom Tablet,056A,0357,*,*,*,1,0'],
      capacity: FleetCapacity.sessions({ desiredSessions: 1, maxSessionsPerInstance: 2 }),
    }, 'F', u);
    const [w] = warnings(u);
    expect(w).toMatch(/^CloudFormation in cn-northwest-1 does not offer AWS::AppStream::Fleet.RootVolumeConfig, AWS::AppStream::Fleet.DisableIMDSV1, AWS::AppStream::Fleet.MaxSessionsPerInstance, AWS::AppStream::Fleet.UsbDeviceFilterStrings /);
    expect(w).toContain('Leave rootVolumeSize, requireImdsv2, capacity (FleetCapacity.sessions), usbDeviceFilterStrings out in cn-northwest-1');
    const w1 = new Stack(new App(), 'W1', { env: { region: 'us-west-1' } });
    fleet({ usbDeviceFilterStrings: ['Wacom Tablet,056A,0357,*,*,*,1,0'], capacity: FleetCapacity.instances(1) }, 'F', w1);
    expect(warnings(w1)).toEqual([]);
    const f2 = new Stack(new App(), 'F2', { env: { region: 'us-west-1' } });
    fleet({ requireImdsv2: false }, 'F', f2);
    expect(warnings(f2)).toEqual([]);
  });

  test('name and ARN are references; the Ref of an imported fleet is its name', () => {
    const f = fleet({ fleetName: 'my-fleet' });
    const ref = { Ref: stack.getLogicalId(f.node.defaultChild as any) };
    expect(stack.resolve(f.fleetName)).toEqual(ref);
    expect(stack.resolve(f.fleetArn)).toEqual({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':appstream:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':fleet/', ref]] });
    expect(stack.resolve(f.fleetRef)).toEqual({ fleetId: ref });
    const imported = Fleet.fromFleetArn(stack, 'I', 'arn:aws:appstream:eu-west-1:123456789012:fleet/other');
    expect(imported.fleetName).toBe('other');
    expect(imported.env.region).toBe('eu-west-1');
    expect(Fleet.isFleet(f)).toBe(true);
    expect(Fleet.isFleet(imported)).toBe(false);
    expect(Fleet.isFleet(null)).toBe(false);
    expect(Fleet.isFleet('Fleet')).toBe(false);
  });

  test('grants name the fleet ARN and the actions', () => {
    const f = fleet({ fleetName: 'my-fleet' });
    const role = new iam.Role(stack, 'User', { assumedBy: new iam.AccountRootPrincipal() });
    f.grantStartStop(role);
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: { Statement: [{ Action: ['appstream:StartFleet', 'appstream:StopFleet'], Effect: 'Allow', Resource: Match.anyValue() }] },
    });
  });
});

describe('auto scaling', () => {
  test('min defaults to 1; min 0 and max 1 are the edges; min may equal max', () => {
    const f = fleet({ fleetName: 'f' });
    f.autoScaleCapacity({ maxCapacity: 3 });
    Template.fromStack(stack).hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      MinCapacity: 1, MaxCapacity: 3, ResourceId: { 'Fn::Join': ['', ['fleet/', { Ref: stack.getLogicalId(f.node.defaultChild as any) }]] }, ScalableDimension: 'appstream:fleet:DesiredCapacity', ServiceNamespace: 'appstream',
    });
    expect(() => fleet({}, 'A').autoScaleCapacity({ minCapacity: 0, maxCapacity: 1 })).not.toThrow();
    expect(() => fleet({}, 'B').autoScaleCapacity({ minCapacity: 2, maxCapacity: 2 })).not.toThrow();
    expect(() => fleet({}, 'C').autoScaleCapacity({ minCapacity: -1, maxCapacity: 1 }))
      .toThrow("Fleet 'Stack/C': autoScaleCapacity().minCapacity -1 must be a whole number from 0 to 2147483647. Give 0 or more.");
    expect(() => fleet({}, 'D').autoScaleCapacity({ maxCapacity: 0, minCapacity: 0 }))
      .toThrow("Fleet 'Stack/D': autoScaleCapacity().maxCapacity 0 must be a whole number from 1 to 2147483647. Give 1 or more.");
    expect(() => fleet({}, 'E').autoScaleCapacity({} as any))
      .toThrow(/^Fleet 'Stack\/E': autoScaleCapacity\(props\)\.maxCapacity is required\. Give a number \(the most instances/);
    expect(() => fleet({}, 'G').autoScaleCapacity(undefined as any)).toThrow('Fleet \'Stack/G\': autoScaleCapacity(props) is required. Give an object with the fields of FleetAutoScalingProps, at least maxCapacity (the minimum and maximum capacity).');
    expect(() => fleet({}, 'H').autoScaleCapacity({ minCapacity: 3, maxCapacity: 2 }))
      .toThrow("Fleet 'Stack/H': autoScaleCapacity().minCapacity 3 is more than maxCapacity (2). Give a minCapacity no larger than maxCapacity.");
    const t = Token.asNumber({ Ref: 'Max' });
    expect(() => fleet({}, 'I').autoScaleCapacity({ minCapacity: 3, maxCapacity: t })).not.toThrow();
    expect(() => fleet({}, 'J').autoScaleCapacity({ minCapacity: Token.asNumber({ Ref: 'Min' }), maxCapacity: 2 })).not.toThrow();
  });

  test('the target refers to the fleet (no DependsOn beside the Ref), and uses the service-linked role', () => {
    const f = fleet({ fleetName: 'f' });
    f.autoScaleCapacity({ maxCapacity: 3 });
    const targets = Template.fromStack(stack).findResources('AWS::ApplicationAutoScaling::ScalableTarget');
    const [target] = Object.values(targets);
    expect(target.DependsOn).toBeUndefined();
    expect(target.Properties.ResourceId).toEqual({ 'Fn::Join': ['', ['fleet/', { Ref: stack.getLogicalId(f.node.defaultChild as any) }]] });
    expect(stack.resolve(target.Properties.RoleARN)).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' },
        ':role/aws-service-role/appstream.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_AppStreamFleet']],
    });
  });

  test('target utilization: more than 0, at most 100; tokens pass', () => {
    const ok = fleet({}, 'A').autoScaleCapacity({ maxCapacity: 2 });
    expect(() => ok.scaleOnUtilization('Utilization', { targetUtilizationPercent: 100 })).not.toThrow();
    const tiny = fleet({}, 'B').autoScaleCapacity({ maxCapacity: 2 });
    expect(() => tiny.scaleOnUtilization('Utilization', { targetUtilizationPercent: 0.5 })).not.toThrow();
    const tok = fleet({}, 'C').autoScaleCapacity({ maxCapacity: 2 });
    expect(() => tok.scaleOnUtilization('Utilization', { targetUtilizationPercent: new CfnParameter(stack, 'T', { type: 'Number' }).valueAsNumber })).not.toThrow();
    const bad = fleet({}, 'D').autoScaleCapacity({ maxCapacity: 2 });
    expect(() => bad.scaleOnUtilization('Utilization', { targetUtilizationPercent: 100.5 }))
      .toThrow("Fleet 'Stack/D': scaleOnUtilization().targetUtilizationPercent 100.5 must be more than 0 and at most 100. Give a percentage such as 75.");
    expect(() => bad.scaleOnUtilization('Utilization', {} as any)).toThrow("ScalableFleetCapacity 'Stack/D/ScalingTarget': scaleOnUtilization(props).targetUtilizationPercent is required. Give a number (the share of the fleet's capacity in use to keep the fleet at (metric AppStreamAverageCapacityUtilization), more than 0 and at most 100).");
    expect(() => bad.scaleOnUtilization('Utilization', undefined as any)).toThrow('ScalableFleetCapacity \'Stack/D/ScalingTarget\': scaleOnUtilization(props) is required. Give an object with the fields of FleetUtilizationScalingProps, at least targetUtilizationPercent (the target and the cooldowns).');
    expect(() => bad.scaleOnUtilization('Utilization', { targetUtilizationPercent: null } as any)).toThrow('ScalableFleetCapacity \'Stack/D/ScalingTarget\': scaleOnUtilization(props).targetUtilizationPercent is required. Give a number (the share of the fleet\'s capacity in use to keep the fleet at (metric AppStreamAverageCapacityUtilization), more than 0 and at most 100).');
    expect(() => bad.scaleOnUtilization('Utilization', { targetUtilizationPercent: -5 })).toThrow('targetUtilizationPercent -5 must be');
    ok.scaleOnSchedule('Morning', { schedule: appscaling.Schedule.cron({ hour: '8', minute: '0' }), minCapacity: 1 });
    Template.fromStack(stack).hasResourceProperties('AWS::ApplicationAutoScaling::ScalingPolicy', {
      TargetTrackingScalingPolicyConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'AppStreamAverageCapacityUtilization' }, TargetValue: 100 },
    });
    Template.fromStack(stack).hasResourceProperties('AWS::ApplicationAutoScaling::ScalableTarget', {
      ScheduledActions: [{ ScheduledActionName: 'Morning', Schedule: 'cron(0 8 * * ? *)', ScalableTargetAction: { MinCapacity: 1 } }],
    });
  });
});
