/**
 * The check at the public boundary (lib/private/boundary.ts): every constructor, static method and
 * method of the library holds what plain JavaScript hands it against the one table of the public API's
 * types (lib/private/api-types.generated.ts, made from the jsii assembly). The crash cases of issue 18
 * first, each with a passing neighbour; then a sweep over every entry point the table lists, so that a
 * new constructor, static method or method is covered the day it is written.
 */
import * as cdk from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as appscaling from 'aws-cdk-lib/aws-applicationautoscaling';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { describe, expect, test } from 'vitest';
import * as lib from '../lib';
import { codeIn } from './setup/message-syntax';
import { API_TYPES } from '../lib/private/api-types.generated';

const js = (x: unknown): any => x;
const IMAGE = lib.Image.fromName('Base');
const TYPE = lib.InstanceType.STANDARD_MEDIUM;

function stackIn(): cdk.Stack {
  return new cdk.Stack(new cdk.App(), 'S');
}
function fleetIn(stack: cdk.Stack, props: Record<string, unknown> = {}): lib.Fleet {
  return new lib.Fleet(stack, 'F', { image: IMAGE, instanceType: TYPE, ...props });
}
function twoZones(s: cdk.Stack): ec2.IVpc {
  return ec2.Vpc.fromVpcAttributes(s, 'Vpc', { vpcId: 'vpc-0a1b2c3d', availabilityZones: ['us-east-1a', 'us-east-1b'], privateSubnetIds: ['subnet-0a1b2c3d', 'subnet-1a2b3c4d'] });
}

describe('the crash cases of issue 18', () => {
  const arnImports = Object.entries(API_TYPES).flatMap(([cls, e]) => e.kind === 'class' ? Object.keys(e.statics).filter((m) => /^from\w*Arn$/.test(m)).map((m) => [cls, m]) : []);

  test('the table lists every fromXxxArn of the library', () => {
    expect(arnImports.map(([c, m]) => `${c}.${m}`).sort()).toEqual([
      'AppBlock.fromAppBlockArn', 'AppBlockBuilder.fromAppBlockBuilderArn', 'Application.fromApplicationArn', 'ElasticFleet.fromElasticFleetArn',
      'Fleet.fromFleetArn', 'Image.fromArn', 'ImageBuilder.fromImageBuilderArn', 'Stack.fromStackArn',
    ]);
  });

  test.each(arnImports)('fails for %s.%s(undefined) with the method and the parameter, not a TypeError', (cls, method) => {
    const params = (API_TYPES[cls] as any).statics[method].params as Array<{ name: string }>;
    const args = params.length === 3 ? [stackIn(), 'Imported', undefined] : [undefined];
    const call = () => (lib as any)[cls][method](...args);
    expect(call).toThrow(params.length === 3
      ? new RegExp(`^${cls}\\.${method}\\(\\) at 'S/Imported': ${params[2].name} is required\\. Give a string \\(the [\\w ']+ ARN\\)\\.$`)
      : new RegExp(`^${cls}\\.${method}\\(\\): ${params[0].name} is required\\. Give a string \\(the [\\w ']+ ARN\\)\\.$`));
  });

  test('accepts Fleet.fromFleetArn with an ARN, and null for no optional parameter', () => {
    expect(lib.Fleet.fromFleetArn(stackIn(), 'F', 'arn:aws:appstream:us-east-1:123456789012:fleet/f').fleetName).toBe('f');
  });

  test('fails for AccessEndpoint.fromVpcEndpoint(undefined) and for a string; passes an endpoint', () => {
    expect(() => lib.AccessEndpoint.fromVpcEndpoint(js(undefined))).toThrow(/^AccessEndpoint\.fromVpcEndpoint\(\): endpoint is required\. Give an ec2\.IInterfaceVpcEndpoint \(an interface VPC endpoint for the AppStream streaming service\)\.$/);
    expect(() => lib.AccessEndpoint.fromVpcEndpoint(js('vpce-0123456789abcdef0')))
      .toThrow('AccessEndpoint.fromVpcEndpoint(): endpoint "vpce-0123456789abcdef0" must be an ec2.IInterfaceVpcEndpoint, not a string. Give an ec2.IInterfaceVpcEndpoint (an interface VPC endpoint for the AppStream streaming service).');
    const s = stackIn();
    const endpoint = ec2.InterfaceVpcEndpoint.fromInterfaceVpcEndpointAttributes(s, 'E', { vpcEndpointId: 'vpce-0123456789abcdef0', port: 443 });
    expect(lib.AccessEndpoint.fromVpcEndpoint(endpoint).bind(s).vpceId).toBe('vpce-0123456789abcdef0');
  });

  test('fails for InstanceType.of(undefined); passes a name', () => {
    expect(() => lib.InstanceType.of(js(undefined))).toThrow(/^InstanceType\.of\(\): name is required\. Give a string \(the AppStream instance type, for example stream\.standard\.medium\)\.$/);
    expect(lib.InstanceType.of('stream.standard.large').toString()).toBe('stream.standard.large');
  });

  test('fails for UserSetting.disable(\'FILE_UPLOAD\') (a string from JSON) and says how to make a UserAction; passes UserAction.of()', () => {
    expect(() => lib.UserSetting.disable(js('FILE_UPLOAD')))
      .toThrow('UserSetting.disable(): action "FILE_UPLOAD" must be a UserAction, not a string. Use UserAction.FILE_UPLOAD (the action).');
    expect(lib.UserSetting.disable(lib.UserAction.of('FILE_UPLOAD')).action.name).toBe('FILE_UPLOAD');
  });

  test('fails for capacity: 2 (a number where a FleetCapacity belongs) instead of writing ComputeCapacity: {}; passes FleetCapacity.instances(2)', () => {
    expect(() => fleetIn(stackIn(), { capacity: 2 }))
      .toThrow("Fleet 'S/F': capacity 2 must be a FleetCapacity, not a number. Use FleetCapacity.instances(), FleetCapacity.sessions() (how many instances, or sessions, the fleet provides).");
    const s = stackIn();
    fleetIn(s, { capacity: lib.FleetCapacity.instances(2) });
    Template.fromStack(s).hasResourceProperties('AWS::AppStream::Fleet', { ComputeCapacity: { DesiredInstances: 2 } });
  });

  test('fails for FleetCapacity.instances(undefined) blaming desiredInstances, not sessions', () => {
    expect(() => lib.FleetCapacity.instances(js(undefined))).toThrow(/^FleetCapacity\.instances\(\): desiredInstances is required\. Give a number \(the number of instances, 0 or more\)\.$/);
    expect(() => lib.FleetCapacity.sessions(js({ desiredSessions: 4 })))
      .toThrow(/^FleetCapacity\.sessions\(\): options\.maxSessionsPerInstance is required\. Give a number \(the number of sessions each instance hosts, 1 or more\)\.$/);
    expect(lib.FleetCapacity.instances(0).desiredInstances).toBe(0);
  });

  test('fails for scaleOnSchedule(\'Night\', undefined) with the fleet\'s scaling target; passes a schedule', () => {
    const s = stackIn();
    const scaling = fleetIn(s).autoScaleCapacity({ maxCapacity: 4 });
    expect(() => scaling.scaleOnSchedule('Night', js(undefined)))
      .toThrow(/^ScalableFleetCapacity 'S\/F\/ScalingTarget': scaleOnSchedule\(action\) is required\. Give an object with the fields of applicationautoscaling\.ScalingSchedule, at least schedule \(when, and to what capacity\)\.$/);
    expect(() => scaling.scaleOnSchedule('Night', js({ minCapacity: 0 })))
      .toThrow(/scaleOnSchedule\(action\)\.schedule is required\. Give an applicationautoscaling\.Schedule\./);
    scaling.scaleOnSchedule('Morning', { schedule: appscaling.Schedule.cron({ hour: '8', minute: '0' }), minCapacity: 2 });
    Template.fromStack(s).resourceCountIs('AWS::ApplicationAutoScaling::ScalableTarget', 1);
  });

  test('fails for grantCreateStreamingUrl(undefined) on a stack, an image builder and an imported builder; passes a role', () => {
    const s = stackIn();
    const stack = new lib.Stack(s, 'St', { fleet: fleetIn(s) });
    expect(() => stack.grantCreateStreamingUrl(js(undefined))).toThrow(/^Stack 'S\/St': grantCreateStreamingUrl\(grantee\) is required\. Give an iam\.IGrantable \(the principal, such as the role of a portal that signs users in\)\.$/);
    const builder = new lib.ImageBuilder(s, 'B', { image: IMAGE, instanceType: TYPE });
    expect(() => builder.grantCreateStreamingUrl(js('alice'))).toThrow(/^ImageBuilder 'S\/B': grantCreateStreamingUrl\(grantee\) "alice" must be an iam\.IGrantable, not a string\./);
    const imported = lib.ImageBuilder.fromImageBuilderName(s, 'I', 'other');
    expect(() => imported.grantCreateStreamingUrl(js(null))).toThrow(/^ImageBuilder 'S\/I': grantCreateStreamingUrl\(grantee\) is required\./);
    const role = new iam.Role(s, 'R', { assumedBy: new iam.AccountRootPrincipal() });
    stack.grantCreateStreamingUrl(role);
    imported.grantCreateStreamingUrl(role);
    expect(Template.fromStack(s).findResources('AWS::IAM::Policy')).not.toEqual({});
  });

  test('fails for AgentVersion.of(null) instead of writing "AppstreamAgentVersion": null; passes a version', () => {
    expect(() => lib.AgentVersion.of(js(null))).toThrow(/^AgentVersion\.of\(\): version is required\. Give a string \(the agent version, 1 to 100 characters\)\.$/);
    expect(lib.AgentVersion.of('10-23-2024').version).toBe('10-23-2024');
  });

  test('fails a list element of the wrong type with its path; passes the list', () => {
    const s = stackIn();
    const vpc = twoZones(s);
    expect(() => fleetIn(s, { vpc, vpcSubnets: { subnets: [vpc.privateSubnets[0], 'subnet-1a2b3c4d'] } }))
      .toThrow(/^Fleet 'S\/F': vpcSubnets\.subnets\[1\] "subnet-1a2b3c4d" must be an ec2\.ISubnet, not a string\./);
    fleetIn(s, { vpc, vpcSubnets: { subnets: vpc.privateSubnets } });
  });

  test('fails an enum value that is not a member, and says which are; passes a member and a token', () => {
    expect(() => fleetIn(stackIn(), { fleetType: 'ALWAYS-ON' }))
      .toThrow("Fleet 'S/F': fleetType \"ALWAYS-ON\" must be a member of FleetType (ALWAYS_ON, ON_DEMAND). Use FleetType.ALWAYS_ON or another member of FleetType (whether the instances run all the time or start when users connect).");
    const s = stackIn();
    fleetIn(s, { fleetType: new cdk.CfnParameter(s, 'Type').valueAsString });
  });

  test('null for an optional prop, deep in a struct too, is absent', () => {
    const s = stackIn();
    fleetIn(s, { displayName: null, vpc: twoZones(s), vpcSubnets: { subnetType: null, subnets: null } });
    expect(Object.values<any>(Template.fromStack(s).findResources('AWS::AppStream::Fleet'))[0].Properties.DisplayName).toBeUndefined();
  });
});

describe('errors start at the user\'s call', () => {
  function stackOf(f: () => void): string {
    try {
      f();
    } catch (e) {
      return (e as Error).stack ?? '';
    }
    throw new Error('did not throw');
  }
  test('a boundary error of a constructor, a static method and a method: the first frame is this test file', () => {
    const s = stackIn();
    for (const call of [() => fleetIn(s, { capacity: 2 }), () => lib.InstanceType.of(js(undefined)), () => new lib.Stack(s, 'St').grantCreateStreamingUrl(js(undefined))]) {
      const frames = stackOf(call).split('\n').filter((l) => /^\s+at /.test(l));
      expect(frames[0]).toMatch(/boundary\.test\.ts/);
    }
  });
  test('a rule\'s error (Validator.fail) in a constructor and in a method: the first frame is this test file', () => {
    const s = stackIn();
    const first = stackOf(() => fleetIn(s, { fleetName: 'bad name!' })).split('\n').filter((l) => /^\s+at /.test(l));
    expect(first[0]).toMatch(/boundary\.test\.ts/);
    const other = stackIn();
    const stack = new lib.Stack(other, 'St');
    stack.associateFleet(fleetIn(other));
    const second = stackOf(() => stack.associateFleet(lib.Fleet.fromFleetName(other, 'Other', 'other'))).split('\n').filter((l) => /^\s+at /.test(l));
    expect(second[0]).toMatch(/boundary\.test\.ts/);
  });
  test('an error that is not ours (a bug) keeps its whole stack', () => {
    const s = stackIn();
    const grantee: any = { grantPrincipal: { addToPrincipalPolicy: () => { throw new TypeError('boom'); } } };
    const stack = new lib.Stack(s, 'St', { fleet: fleetIn(s) });
    const frames = stackOf(() => stack.grantCreateStreamingUrl(grantee)).split('\n').filter((l) => /^\s+at /.test(l));
    expect(frames.some((f) => /lib\/(stack|fleet)\.ts|aws-iam/.test(f))).toBe(true);
  });
});

describe('every entry point of the table is checked', () => {
  /** A working instance of each class whose methods take parameters, and of the types methods return. */
  function instances(s: cdk.Stack): Record<string, object> {
    const fleet = fleetIn(s);
    const vpc = twoZones(s);
    const stack = new lib.Stack(s, 'St');
    return {
      AccessEndpoint: lib.AccessEndpoint.fromVpceId('vpce-0123456789abcdef0'),
      AgentVersion: lib.AgentVersion.LATEST,
      AppBlockBuilder: new lib.AppBlockBuilder(s, 'AB', { instanceType: TYPE, vpc }),
      ElasticFleet: new lib.ElasticFleet(s, 'E', { platform: lib.FleetPlatform.WINDOWS_SERVER_2019, instanceType: TYPE, maxConcurrentSessions: 2, vpc }),
      Entitlement: stack.addEntitlement('Ent', { appVisibility: lib.AppVisibility.ALL, attributes: [lib.EntitlementAttribute.of(lib.SamlAttribute.GROUPS, 'g')] }),
      Fleet: fleet,
      Image: IMAGE,
      ImageBuilder: new lib.ImageBuilder(s, 'B', { image: IMAGE, instanceType: TYPE }),
      S3Location: lib.S3Location.fromBucketName('my-apps', 'a.vhdx'),
      Stack: stack,
      IScalableFleetCapacity: fleet.autoScaleCapacity({ maxCapacity: 2 }),
      IFleet: lib.Fleet.fromFleetName(s, 'IF', 'f'),
      IImageBuilder: lib.ImageBuilder.fromImageBuilderName(s, 'IB', 'b'),
      IAppBlockBuilder: lib.AppBlockBuilder.fromAppBlockBuilderName(s, 'IAB', 'ab'),
      IStack: lib.Stack.fromStackName(s, 'IS', 'st'),
      IElasticFleet: lib.ElasticFleet.fromElasticFleetName(s, 'IEF', 'ef'),
      IEntitlement: lib.Entitlement.fromEntitlementName(s, 'IEnt', stack, 'ent'),
      ImageComponent: lib.ImageComponent.inline('Write-Output ok'),
      ImagePipeline: new lib.ImagePipeline(s, 'P', { source: lib.ImageSource.managedUpdates(IMAGE), imageNamePrefix: 'Desktops' }),
      ImageRecipe: lib.ImageRecipe.windows({ baseImage: IMAGE }),
      ImageSource: lib.ImageSource.managedUpdates(IMAGE),
      StorageConnector: lib.StorageConnector.homeFolders(),
    };
  }
  const entries = Object.entries(API_TYPES);
  const withMethods = entries.filter(([, e]) => (e.kind === 'class' || e.kind === 'interface') && Object.values(e.methods).some((m) => m.params.some((p) => !p.optional)));
  const statics = entries.flatMap(([cls, e]) => e.kind === 'class' ? Object.entries(e.statics).filter(([, m]) => m.params.some((p) => !p.optional)).map(([m, spec]) => [cls, m, spec] as const) : []);
  const constructors = entries.filter(([, e]) => e.kind === 'class' && e.init !== undefined).map(([cls]) => cls);
  const junk: unknown[] = [undefined, null, 7, 'x', true, [], [null], {}];
  /** The TypeScript in the fix of a boundary message (the part after the problem), as the house rule finds it. */
  const codeInFix = (message: string): string[] => {
    const at = message.search(/\. (?:Give|Use|Define) /);
    return at < 0 ? [] : codeIn(message.slice(at + 2)).map((c) => `${c} in "${message.slice(at + 2, at + 160)}"`);
  };

  test('the fixtures hold an instance of every class and interface with methods that take parameters', () => {
    expect(Object.keys(instances(stackIn())).sort()).toEqual(withMethods.map(([n]) => n).sort());
  });

  test.each(constructors)('new %s(scope, id, junk) fails with our message, never a TypeError', (cls) => {
    const problems: string[] = [];
    for (const value of junk) {
      try {
        new (lib as any)[cls](stackIn(), 'X', value);
        if (value !== undefined && value !== null && cls !== 'Stack') {
          problems.push(`${String(value)}: accepted`);
        }
      } catch (e) {
        if (e instanceof TypeError || !(e as Error).message.startsWith(`${cls} 'S/X': `)) {
          problems.push(`${JSON.stringify(value)}: ${(e as Error).message.slice(0, 160)}`);
        }
        problems.push(...codeInFix((e as Error).message));
      }
    }
    expect(problems).toEqual([]);
  });

  test.each(statics)('%s.%s() given junk in its first required parameter fails with our message', (cls, method, spec) => {
    const problems: string[] = [];
    const first = spec.params.findIndex((p) => !p.optional && p.type !== 'any');
    for (const value of first < 0 ? [] : junk.filter((j) => spec.params[first].type !== 'json' || j === undefined || j === null)) {
      const s = stackIn();
      const args = spec.params.map((p, i) => i === first ? value : p.name === 'scope' ? s : p.name === 'id' ? 'X' : undefined);
      try {
        (lib as any)[cls][method](...args);
        if (!(spec.params[first].type === 'string' && value === 'x') && !(spec.params[first].type === 'number' && value === 7)
          && !(spec.params[first].type === 'boolean' && value === true)) {
          problems.push(`${JSON.stringify(value)}: accepted`);
        }
      } catch (e) {
        if (e instanceof TypeError || !(e as Error).message.startsWith(`${cls}.${method}()`)) {
          problems.push(`${JSON.stringify(value)}: ${(e as Error).message.slice(0, 160)}`);
        }
        problems.push(...codeInFix((e as Error).message));
      }
    }
    expect(problems).toEqual([]);
  });

  const methods = withMethods.flatMap(([type, e]) => Object.entries((e as any).methods as Record<string, any>)
    .filter(([, m]) => m.params.some((p: any) => !p.optional)).map(([m, spec]) => [type, m, spec]));
  test.each(methods)(
    '%s.%s() given junk in its first required parameter fails with our message', (type, method, spec) => {
      const problems: string[] = [];
      const first = spec.params.findIndex((p: any) => !p.optional);
      for (const value of junk) {
        const s = stackIn();
        const self = instances(s)[type] as any;
        const args = spec.params.map((_p: any, i: number) => i === first ? value : undefined);
        try {
          self[method](...args);
          if (!(spec.params[first].type === 'string' && value === 'x')) {
            problems.push(`${JSON.stringify(value)}: accepted`);
          }
        } catch (e) {
          if (e instanceof TypeError || !new RegExp(`${method}\\(\\w+\\)|^\\w+\\.${method}\\(\\): `).test((e as Error).message)) {
            problems.push(`${JSON.stringify(value)}: ${(e as Error).message.slice(0, 160)}`);
          }
          problems.push(...codeInFix((e as Error).message));
        }
      }
      expect(problems).toEqual([]);
    });

  test('instanceof, subclassing and the class name survive the boundary', () => {
    const s = stackIn();
    class MyFleet extends lib.Fleet {}
    const mine = new MyFleet(s, 'Mine', { image: IMAGE, instanceType: TYPE });
    expect(mine).toBeInstanceOf(lib.Fleet);
    expect(lib.Fleet.isFleet(mine)).toBe(true);
    expect(lib.Fleet.name).toBe('Fleet');
    expect(lib.Fleet.prototype.grant.name).toBe('grant');
    expect(() => new MyFleet(s, 'Bad', js({ image: IMAGE }))).toThrow(/^Fleet 'S\/Bad': instanceType is required\./);
  });
});

describe('construct ids', () => {
  test('a token for a construct id fails at the call, for a constructor, a static method and a method; a literal id passes', () => {
    const s = stackIn();
    const id = new cdk.CfnParameter(s, 'Id').valueAsString;
    const why = 'must be written out in the app, not a token: construct ids make the logical ids of the template. Give a fixed id, such as \'Desktops\'.';
    expect(() => fleetIn(s, {}).autoScaleCapacity({ maxCapacity: 2 }).scaleOnDemand(id)).toThrow(`ScalableFleetCapacity 'S/F/ScalingTarget': scaleOnDemand(id) "\${…}" ${why}`);
    expect(() => lib.Fleet.fromFleetName(s, id, 'f')).toThrow(`Fleet.fromFleetName() at 'S/\${…}': id "\${…}" ${why}`);
    expect(() => new lib.User(s, id, { email: 'alice@example.com' })).toThrow(`User 'S/\${…}': id "\${…}" ${why}`);
    new lib.User(s, 'Alice', { email: 'alice@example.com' });
    Template.fromStack(s).resourceCountIs('AWS::AppStream::User', 1);
  });
});

describe('tokens: only the literal parts are judged', () => {
  test('accepts email: `alice@${param}`, which some value of the parameter makes an email', () => {
    const s = stackIn();
    const domain = new cdk.CfnParameter(s, 'Domain').valueAsString;
    new lib.User(s, 'U', { email: `alice@${domain}` });
    expect(Object.keys(Template.fromStack(s).findResources('AWS::AppStream::User'))).toHaveLength(1);
  });
  test('fails an email whose literal part holds a space, which no value makes an email', () => {
    const s = stackIn();
    const domain = new cdk.CfnParameter(s, 'Domain').valueAsString;
    expect(() => new lib.User(s, 'U', { email: `alice smith@${domain}` })).toThrow(/email "alice smith@\$\{…\}" must be .*" " is never allowed\), whatever the values of the tokens in it/);
  });
  test('fails a name whose literal parts alone are longer than the rule allows; passes one they fit', () => {
    const s = stackIn();
    expect(() => fleetIn(s, { displayName: `${'a'.repeat(101)}${cdk.Aws.REGION}` })).toThrow(/displayName .* must be at most 100 characters long \(its literal parts alone have 101\), whatever the values of the tokens in it/);
    fleetIn(stackIn(), { displayName: `${'a'.repeat(99)}${cdk.Aws.REGION}` });
  });
});

describe('each kind of type the table holds, with the message it gives', () => {
  test('an aws-cdk-lib enum (RemovalPolicy): a member passes; an object, another string and a token fail, named as the enum', () => {
    const s = stackIn();
    fleetIn(s, { removalPolicy: cdk.RemovalPolicy.RETAIN });
    Template.fromStack(s).hasResource('AWS::AppStream::Fleet', { DeletionPolicy: 'Retain' });
    const fix = 'Use RemovalPolicy.DESTROY or another member of RemovalPolicy (what happens to the fleet when it leaves the stack).';
    expect(() => new lib.Fleet(s, 'G', { image: IMAGE, instanceType: TYPE, removalPolicy: js({}) }))
      .toThrow(`Fleet 'S/G': removalPolicy {} must be a member of RemovalPolicy, not an object. ${fix}`);
    expect(() => new lib.Fleet(s, 'H', { image: IMAGE, instanceType: TYPE, removalPolicy: js('keep') }))
      .toThrow(`Fleet 'S/H': removalPolicy "keep" must be a member of RemovalPolicy (DESTROY, RETAIN, SNAPSHOT, RETAIN_ON_UPDATE_OR_DELETE). ${fix}`);
    // aws-cdk-lib reads the policy while it synthesizes: a parameter cannot stand for it.
    expect(() => new lib.Fleet(s, 'I', { image: IMAGE, instanceType: TYPE, removalPolicy: js(new cdk.CfnParameter(s, 'Policy').valueAsString) }))
      .toThrow(`Fleet 'S/I': removalPolicy "\${…}" must be a member of RemovalPolicy known at synthesis, not a token. ${fix}`);
  });

  test('an object of another class of the library is named by its class, with the member it lacks', () => {
    expect(() => fleetIn(stackIn(), { image: TYPE }))
      .toThrow(/^Fleet 'S\/F': image \{"name":"stream\.standard\.medium"\} must be an Image, not an InstanceType \(it has no bind\)\. Use Image\.fromArn\(\), Image\.fromName\(\)/);
  });

  test('a map of strings: a string fails whole, a value that is no string fails by its key; a map passes', () => {
    fleetIn(stackIn(), { tags: { team: 'desktops' } });
    expect(() => fleetIn(stackIn(), { tags: js('team=desktops') })).toThrow(/^Fleet 'S\/F': tags "team=desktops" must be a map of strings, not a string\. Give an object whose keys are names/);
    expect(() => fleetIn(stackIn(), { tags: js({ team: 5 }) })).toThrow("Fleet 'S/F': tags.team 5 must be a string, not a number. Give a string.");
  });

  test('a variadic parameter: each value checked, with its index among them', () => {
    const s = stackIn();
    const fleet = fleetIn(s);
    const role = new iam.Role(s, 'R', { assumedBy: new iam.AccountRootPrincipal() });
    fleet.grant(role, 'appstream:DescribeFleets', 'appstream:ListTagsForResource');
    expect(() => fleet.grant(role, 'appstream:DescribeFleets', js(5))).toThrow("Fleet 'S/F': grant(actions)[1] 5 must be a string, not a number. Give a string.");
  });

  test('a date (a scheduled action\'s startTime): a Date passes, a string fails', () => {
    const s = stackIn();
    const capacity = fleetIn(s).autoScaleCapacity({ maxCapacity: 4 });
    const schedule = appscaling.Schedule.cron({ hour: '1', minute: '0' });
    capacity.scaleOnSchedule('Night', { schedule, minCapacity: 1, startTime: new Date(Date.UTC(2030, 0, 1)) });
    expect(() => capacity.scaleOnSchedule('Later', { schedule, minCapacity: 1, startTime: js('tomorrow') }))
      .toThrow(/scaleOnSchedule\(action\)\.startTime "tomorrow" must be a date, not a string\. Give a date\.$/);
  });

  test('a constructor without a scope names the class, as no construct path exists yet', () => {
    expect(() => new lib.Fleet(js(null), 'X', { image: IMAGE, instanceType: TYPE })).toThrow(/^The Fleet constructor: scope is required\. Give a Construct/);
  });

  test('a wrapped method keeps its name and the number of its declared parameters', () => {
    expect([lib.Image.fromName.name, lib.Image.fromName.length]).toEqual(['fromName', 1]);
    expect([lib.Fleet.prototype.grantStartStop.name, lib.Fleet.prototype.grantStartStop.length]).toEqual(['grantStartStop', 1]);
  });
});

describe('each fix says how to make the type expected', () => {
  const s = stackIn();
  let n = 0;
  const fleet = (props: Record<string, unknown>) => new lib.Fleet(s, `F${n++}`, { image: IMAGE, instanceType: TYPE, ...props });

  test('a class with static factories and constants: the factories and one constant', () => {
    expect(() => fleet({ instanceType: js('stream.standard.medium') }))
      .toThrow(/instanceType "stream\.standard\.medium" must be an InstanceType, not a string\. Use InstanceType\.of\(\), or a constant such as InstanceType\.[A-Z0-9_]+ \(the instance type/);
  });

  test('a factory given without calling it (a function) is no Image, though it has a member named bind', () => {
    expect(() => fleet({ image: js(lib.Image.fromName) })).toThrow(/image \[function fromName\] must be an Image, not a function\. Use Image\.fromArn\(\), Image\.fromName\(\)/);
  });

  test('an interface: the classes that implement it, directly or through a base class', () => {
    expect(() => new lib.Stack(s, 'St').associateFleet(js(true)))
      .toThrow("Stack 'S/St': associateFleet(fleet) true must be an IFleet, not a boolean. Give an ElasticFleet or a Fleet, defined here or imported with its from… methods (the fleet).");
  });

  test('a struct without required fields: its name only', () => {
    const capacity = fleet({}).autoScaleCapacity({ maxCapacity: 2 });
    expect(() => capacity.scaleOnDemand('Demand', js(5)))
      .toThrow(/scaleOnDemand\(props\) 5 must be a FleetDemandScalingProps, not a number\. Give an object with the fields of FleetDemandScalingProps \(the thresholds/);
  });

  test('lists: of classes made by factories, of strings, of aws-cdk-lib interfaces, of classes with constants', () => {
    expect(() => new lib.Stack(s, 'St2', { accessEndpoints: js('x') }))
      .toThrow(/accessEndpoints "x" must be a list of AccessEndpoint values, not a string\. Give a list of AccessEndpoint values, each made with AccessEndpoint\.fromVpceId\(\) or AccessEndpoint\.fromVpcEndpoint\(\) \(/);
    expect(() => fleet({ usbDeviceFilterStrings: js('x') })).toThrow(/usbDeviceFilterStrings "x" must be a list of strings, not a string\. Give a list of strings \(/);
    expect(() => fleet({ vpc: new ec2.Vpc(s, 'Vpc'), securityGroups: js('sg') }))
      .toThrow(/securityGroups "sg" must be a list of ec2\.ISecurityGroup values, not a string\. Give a list of ec2\.ISecurityGroup values \(/);
    expect(() => new lib.ElasticFleet(s, 'E', { platform: js('x'), instanceType: TYPE, maxConcurrentSessions: 1, vpc: twoZones(stackIn()) }))
      .toThrow(/platform "x" must be a FleetPlatform, not a string\. Use FleetPlatform\.of\(\), or a constant such as FleetPlatform\.[A-Z0-9_]+ \(/);
  });

  test('a value of the wrong primitive kind is named by its kind: a number for a boolean, a string for an aws-cdk-lib interface', () => {
    expect(() => fleet({ startFleet: js(1) })).toThrow(/startFleet 1 must be true or false, not a number\. Give true or false, or leave it out \(/);
    expect(() => fleet({ vpc: js('vpc-1') })).toThrow(/vpc "vpc-1" must be an ec2\.IVpc, not a string\. Give an ec2\.IVpc \(the VPC to put the fleet's instances in\)\.$/);
  });
});
