/**
 * Property-based tests: random inputs, valid and invalid, must be accepted or rejected exactly as the
 * AppStream API would. The oracle is the committed fixture extracted from botocore's service model
 * (scripts/appstream-limits.json), read here on its own, not through lib/private/rules.ts; the
 * library's documented stricter rules ([lib] in rules.ts) are added to the oracle where they apply.
 */
import { App, Aws, Duration, Size, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { AccessEndpoint, AgentVersion, DirectoryConfig, Fleet, Image, ImageBuilder, ImageBuilderProps, InstanceType, Stack as AppStreamStack } from '../../lib';
import limits from '../../scripts/appstream-limits.json';
import cfnLimits from '../../scripts/cfn-limits.json';

/** Random cases per property; the total is reported by the suite's name. */
const RUNS = 150;
const SEED = 20261130;
const params = { numRuns: RUNS, seed: SEED };

interface MemberSpec { minLength?: number; maxLength?: number; pattern?: string; minItems?: number; maxItems?: number; enum?: string[] }
const members = limits.members as Record<string, MemberSpec>;
const spec = (name: string): MemberSpec => {
  const s = members[name];
  if (!s) throw new Error(`fixture has no member ${name}`);
  return s;
};

/**
 * The model's patterns are Java regular expressions. In JavaScript: Unicode mode for \p{..} classes,
 * and Java's `.` (which also excludes U+0085) spelt out.
 */
function javaRegExp(pattern: string): RegExp {
  const unicode = pattern.includes('\\p{');
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      out += pattern.slice(i, i + 2);
      i++;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else if (c === ']') {
      inClass = false;
      out += c;
    } else if (c === '.' && !inClass) {
      out += '[^\\n\\r\\u0085\\u2028\\u2029]';
    } else {
      out += c;
    }
  }
  return new RegExp(out, unicode ? 'u' : '');
}

/** Whether the API accepts `value` for the member `name` (lengths in code points). */
function apiAccepts(name: string, value: string): boolean {
  const s = spec(name);
  const length = [...value].length;
  if (s.minLength !== undefined && length < s.minLength) return false;
  if (s.maxLength !== undefined && length > s.maxLength) return false;
  return s.pattern === undefined || javaRegExp(s.pattern).test(value);
}

/** [lib] rules of this library, stricter than the model, as documented in lib/private/rules.ts. */
const OU_FORM = /^[Oo][Uu]=(?:[^,\\]|\\.)+(?:,\s*(?:[Oo][Uu]|[Cc][Nn]|[Dd][Cc])=(?:[^,\\]|\\.)+)*$/u;

function accepted(make: () => unknown): boolean {
  try {
    make();
    return true;
  } catch (e) {
    expect((e as Error).message).toMatch(/^(ImageBuilder |InstanceType|Fleet |Stack )|Validation failed/);
    return false;
  }
}

function newStack(): { app: App; stack: Stack } {
  const app = new App();
  return { app, stack: new Stack(app, 'Stack') };
}

const base = { image: Image.fromName('Base'), instanceType: InstanceType.STANDARD_SMALL };

/** Characters the name and tag rules care about, plus Unicode letters, digits, spaces and a few outsiders. */
const interesting = fc.constantFrom(
  'a', 'Z', '0', '9', '_', '.', '-', ':', '/', '=', '+', '@', ' ', '\u00a0', '\u3000', 'é', 'ß', 'Ж', '字', '٣', '½',
  '𝒜', '!', '#', '*', ',', '\\', '\n', '\u0085', '\u2028', 'a', 'w', 's',
);

/** Strings near the boundary lengths, from the interesting alphabet, and anything at all. */
function strings(maxLength: number): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ unit: interesting, maxLength: maxLength + 3 }),
    fc.string({ unit: fc.constantFrom('a', 'b', '1', '-', '_', '.'), minLength: Math.max(0, maxLength - 2), maxLength: maxLength + 2 }),
    fc.string({ unit: 'binary', maxLength: maxLength + 3 }),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
  );
}

describe(`property-based conformance (${RUNS} random cases per property)`, () => {
  test('image builder names', () => {
    fc.assert(fc.property(strings(101), (name) => {
      const { stack } = newStack();
      expect(accepted(() => new ImageBuilder(stack, 'B', { ...base, imageBuilderName: name }))).toBe(apiAccepts('CreateImageBuilderRequest.Name', name));
    }), params);
  });

  test('display names and descriptions', () => {
    fc.assert(fc.property(strings(100), strings(256), (displayName, description) => {
      const { stack } = newStack();
      const expected = apiAccepts('CreateImageBuilderRequest.DisplayName', displayName) && apiAccepts('CreateImageBuilderRequest.Description', description);
      expect(accepted(() => new ImageBuilder(stack, 'B', { ...base, displayName, description }))).toBe(expected);
    }), params);
  });

  test('single tags', () => {
    const key = fc.oneof(strings(128), fc.constantFrom('aws:x', 'AWS:x', 'aws', '\u0085', '\u0085a', 'a'.repeat(128), 'a'.repeat(129)));
    fc.assert(fc.property(key, strings(256), (k, value) => {
      const { app, stack } = newStack();
      const expected = apiAccepts('CreateImageBuilderRequest.Tags.key', k) && apiAccepts('CreateImageBuilderRequest.Tags.value', value);
      expect(accepted(() => {
        new ImageBuilder(stack, 'B', { ...base, tags: { [k]: value } });
        app.synth();
      })).toBe(expected);
    }), params);
  });

  test('tag sets, counting tags added with Tags.of()', () => {
    const key = fc.oneof(strings(128), fc.constantFrom('aws:x', 'AWS:x', 'aws', 'a'.repeat(128), 'a'.repeat(129)));
    const tagSets = fc.dictionary(key, strings(256), { maxKeys: 55, noNullPrototype: true });
    fc.assert(fc.property(tagSets, (tags) => {
      const keys = Object.keys(tags);
      const { app, stack } = newStack();
      const count = spec('CreateImageBuilderRequest.Tags');
      const expected = keys.length <= count.maxItems!
        && keys.every((k) => apiAccepts('CreateImageBuilderRequest.Tags.key', k) && apiAccepts('CreateImageBuilderRequest.Tags.value', tags[k]));
      expect(accepted(() => {
        new ImageBuilder(stack, 'B', { ...base, tags });
        app.synth();
      })).toBe(expected);
    }), { ...params, numRuns: Math.ceil(RUNS / 2) });
  });

  test('organizational unit distinguished names', () => {
    // [lib] an OU of the domain: its DC= parts spell corp.example.com. The random parts have no DC= of
    // their own, so an OU lies in the domain iff it ends in the domain's parts after an unescaped comma.
    const domain = ',DC=corp,DC=example,DC=com';
    const dnPart = fc.tuple(fc.constantFrom('OU', 'ou', 'CN', 'O', 'X'), fc.string({ unit: interesting, minLength: 0, maxLength: 8 }))
      .map(([k, v]) => `${k}=${v}`);
    const dn = fc.tuple(fc.array(dnPart, { minLength: 1, maxLength: 5 }), fc.boolean()).map(([parts, inDomain]) => parts.join(',') + (inDomain ? domain : ''));
    const long = fc.integer({ min: 1995, max: 2003 }).map((n) => `OU=${'x'.repeat(n - 3 - domain.length)}${domain}`);
    const inDomain = (ou: string) => ou.toLowerCase().endsWith(domain.toLowerCase()) && !/(?:^|[^\\])(?:\\\\)*\\$/.test(ou.slice(0, -domain.length));
    fc.assert(fc.property(fc.oneof(dn, long, strings(30)), (ou) => {
      const { stack } = newStack();
      const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', { vpcId: 'vpc-0a1b2c3d', availabilityZones: ['a'], privateSubnetIds: ['subnet-0a1b2c3d'] });
      const directory = DirectoryConfig.fromDirectoryName(stack, 'D', 'corp.example.com');
      const expected = apiAccepts('DomainJoinInfo.OrganizationalUnitDistinguishedName', ou) && OU_FORM.test(ou) && inDomain(ou);
      expect(accepted(() => new ImageBuilder(stack, 'B', { ...base, vpc, domainJoin: { directory, organizationalUnitDistinguishedName: ou } }))).toBe(expected);
    }), params);
  });

  test('instance-type strings', () => {
    const listed = limits.docs.imageBuilderInstanceTypes.values;
    const candidates = fc.oneof(
      fc.constantFrom(...listed),
      fc.string({ unit: interesting, maxLength: 20 }).map((s) => `stream.${s}`),
      fc.constantFrom('m5.large', 'stream', 'Stream.standard.small', ''),
      strings(20),
    );
    fc.assert(fc.property(candidates, (name) => {
      const { stack } = newStack();
      // [lib] every AppStream instance type starts with 'stream.'; the model asks for a non-empty string.
      const expected = apiAccepts('CreateImageBuilderRequest.InstanceType', name) && name.startsWith('stream.');
      let type: InstanceType | undefined;
      expect(accepted(() => { type = InstanceType.of(name); })).toBe(expected);
      if (type) {
        const builder = new ImageBuilder(stack, 'B', { image: base.image, instanceType: type });
        const warned = builder.node.metadata.some((m) => m.type === 'aws:cdk:warning');
        expect(warned).toBe(!listed.includes(name));
      }
    }), params);
  });

  test('random valid configurations synthesize image builders whose properties satisfy the fixture', () => {
    const listed = limits.docs.imageBuilderInstanceTypes.values;
    const volume = limits.docs.volumeSizeInGb;
    const validText = (max: number) => fc.string({ unit: interesting, maxLength: max }).filter((s) => [...s].length <= max);
    const config = fc.record({
      name: fc.stringMatching(/^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$/),
      instanceType: fc.constantFrom(...listed),
      displayName: fc.option(validText(100), { nil: undefined }),
      description: fc.option(validText(256), { nil: undefined }),
      agent: fc.option(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 100 }), { nil: undefined }),
      endpoints: fc.option(fc.array(fc.stringMatching(/^[0-9a-f]{17}$/), { minLength: 1, maxLength: 4 }), { nil: undefined }),
      volume: fc.option(fc.integer({ min: volume.min, max: volume.max }), { nil: undefined }),
      tags: fc.dictionary(fc.stringMatching(/^[a-zA-Z][a-zA-Z0-9 _.:/=+@-]{0,20}$/), fc.stringMatching(/^[a-zA-Z0-9 _.:/=+@-]{0,30}$/), { maxKeys: 10, noNullPrototype: true }),
      groups: fc.integer({ min: 0, max: 5 }),
      inVpc: fc.boolean(),
    });
    fc.assert(fc.property(config, (c) => {
      const { app, stack } = newStack();
      const props: ImageBuilderProps = {
        image: Image.fromName('Base'),
        instanceType: InstanceType.of(c.instanceType),
        imageBuilderName: c.name,
        displayName: c.displayName,
        description: c.description,
        agentVersion: c.agent === undefined ? undefined : AgentVersion.of(c.agent),
        accessEndpoints: c.endpoints?.map((id) => AccessEndpoint.fromVpceId(`vpce-${id}`)),
        rootVolumeSize: c.volume === undefined ? undefined : Size.gibibytes(c.volume),
        tags: c.tags,
      };
      if (c.inVpc) {
        const vpc = ec2.Vpc.fromVpcAttributes(stack, 'Vpc', { vpcId: 'vpc-0a1b2c3d', availabilityZones: ['a'], privateSubnetIds: ['subnet-0a1b2c3d'] });
        const groups = Array.from({ length: c.groups }, (_, i) => ec2.SecurityGroup.fromSecurityGroupId(stack, `Sg${i}`, `sg-0000000${i}`));
        Object.assign(props, { vpc, securityGroups: c.groups === 0 ? undefined : groups });
      }
      new ImageBuilder(stack, 'B', props);
      const template = app.synth().getStackByName('Stack').template;
      const [builder] = Object.values<any>(template.Resources).filter((r) => r.Type === 'AWS::AppStream::ImageBuilder');
      const p = builder.Properties;
      expect(apiAccepts('CreateImageBuilderRequest.Name', p.Name)).toBe(true);
      expect(listed).toContain(p.InstanceType);
      for (const [prop, member] of [['DisplayName', 'DisplayName'], ['Description', 'Description'], ['AppstreamAgentVersion', 'AppstreamAgentVersion']]) {
        if (p[prop] !== undefined) expect(apiAccepts(`CreateImageBuilderRequest.${member}`, p[prop])).toBe(true);
      }
      const tags: { Key: string; Value: string }[] = p.Tags ?? [];
      expect(tags.length).toBeLessThanOrEqual(spec('CreateImageBuilderRequest.Tags').maxItems!);
      for (const t of tags) {
        expect(apiAccepts('CreateImageBuilderRequest.Tags.key', t.Key) && apiAccepts('CreateImageBuilderRequest.Tags.value', t.Value)).toBe(true);
      }
      if (p.AccessEndpoints) {
        const count = spec('CreateImageBuilderRequest.AccessEndpoints');
        expect(p.AccessEndpoints.length).toBeGreaterThanOrEqual(count.minItems!);
        expect(p.AccessEndpoints.length).toBeLessThanOrEqual(count.maxItems!);
        for (const e of p.AccessEndpoints) expect(spec('AccessEndpoint.EndpointType').enum).toContain(e.EndpointType);
      }
      if (p.VpcConfig) {
        expect(p.VpcConfig.SubnetIds).toHaveLength(1);
        expect(p.VpcConfig.SecurityGroupIds.length).toBeLessThanOrEqual(spec('VpcConfig.SecurityGroupIds').maxItems!);
      }
      if (p.RootVolumeConfig) {
        expect(p.RootVolumeConfig.VolumeSizeInGb).toBeGreaterThanOrEqual(volume.min);
        expect(p.RootVolumeConfig.VolumeSizeInGb).toBeLessThanOrEqual(volume.max);
      }
    }), { ...params, numRuns: Math.ceil(RUNS / 2) });
  });

  test('plain JavaScript values (null, undefined, numbers, objects, lists) in any prop: a message, never a crash', () => {
    const junk = fc.oneof(
      fc.constant(null), fc.constant(undefined), fc.integer(), fc.double(), fc.constant(NaN), fc.boolean(),
      fc.constant([]), fc.constant([null]), fc.constant({}), fc.constant([{ Key: 'k', Value: 'v' }]), fc.string({ maxLength: 5 }),
    );
    const props = fc.constantFrom<keyof ImageBuilderProps>(
      'image', 'instanceType', 'imageBuilderName', 'displayName', 'description', 'vpc', 'vpcSubnets', 'securityGroups', 'role',
      'enableDefaultInternetAccess', 'domainJoin', 'agentVersion', 'accessEndpoints', 'tags', 'rootVolumeSize',
      'softwaresToInstall', 'softwaresToUninstall', 'requireImdsv2', 'removalPolicy',
    );
    fc.assert(fc.property(props, junk, (prop, value) => {
      const { app, stack } = newStack();
      try {
        new ImageBuilder(stack, 'B', { ...base, [prop]: value } as ImageBuilderProps);
        app.synth();
      } catch (e) {
        expect(e).not.toBeInstanceOf(TypeError);
        expect((e as Error).message, `${String(prop)} = ${String(value)}`).toMatch(/^ImageBuilder 'Stack\/B': |Validation failed|Invalid|must be|RemovalPolicy|Value for property/);
        expect((e as Error).message).not.toMatch(/\$\{Token\[/);
      }
    }), params);
  });

  test('names that embed a token: never refused when some value of the token mends the literal part; refused exactly for a character the pattern never accepts', () => {
    fc.assert(fc.property(strings(101), fc.constantFrom(Aws.REGION, Aws.ACCOUNT_ID, Aws.STACK_NAME), (literal, token) => {
      const { stack } = newStack();
      const result = accepted(() => new ImageBuilder(stack, 'B', { ...base, imageBuilderName: `${literal}${token}` }));
      // Sound: the token may be empty, so a literal part the API accepts is never refused.
      if (literal === '' || apiAccepts('CreateImageBuilderRequest.Name', literal)) {
        expect(result).toBe(true);
      }
      // Only the literal parts are judged, never a guess at the token's value: refused exactly when a
      // literal character is outside the characters the name's pattern accepts anywhere.
      expect(result).toBe([...literal].every((c) => /^[a-zA-Z0-9_.-]$/.test(c)));
    }), params);
  });

  test('fleet and stack names, and a fleet and a stack may share one', () => {
    fc.assert(fc.property(strings(101), (name) => {
      const { stack } = newStack();
      const expected = apiAccepts('CreateFleetRequest.Name', name);
      expect(apiAccepts('CreateStackRequest.Name', name)).toBe(expected);
      expect(accepted(() => new Fleet(stack, 'F', { image: Image.fromName('Base'), instanceType: InstanceType.STANDARD_SMALL, fleetName: name }))).toBe(expected);
      expect(accepted(() => new AppStreamStack(stack, 'S', { stackName: name }))).toBe(expected);
    }), params);
  });

  test('fleet image names follow CreateFleet\'s Name shape, not the image builder\'s String', () => {
    fc.assert(fc.property(strings(101), (name) => {
      const { stack } = newStack();
      expect(accepted(() => new Fleet(stack, 'F', { image: Image.fromName(name), instanceType: InstanceType.STANDARD_SMALL })))
        .toBe(apiAccepts('CreateFleetRequest.ImageName', name));
    }), params);
  });

  test('fleet durations: whole seconds in both the API\'s documented range and CloudFormation\'s', () => {
    const fleetSchema = cfnLimits.resources['AWS::AppStream::Fleet'].properties as Record<string, { min?: number; max?: number }>;
    const accepts = (member: 'MaxUserDurationInSeconds' | 'DisconnectTimeoutInSeconds' | 'IdleDisconnectTimeoutInSeconds', docsKey: string, n: number) => {
      const documented = (limits.docs as Record<string, { min?: number; max?: number; alsoAllowed?: number[] }>)[docsKey];
      const cfn = fleetSchema[member];
      const inApi = (n >= documented.min! && n <= documented.max!) || (documented.alsoAllowed ?? []).includes(n);
      return Number.isInteger(n) && inApi && n >= cfn.min! && n <= cfn.max!;
    };
    const seconds = fc.oneof(
      fc.integer({ min: -10, max: 500_000 }),
      fc.constantFrom(0, 59, 60, 599, 600, 3600, 3601, 36000, 36001, 360000, 360001, 432000),
      fc.double({ min: 0, max: 4000, noNaN: true }).map((x) => Math.round(x * 10) / 10),
    );
    fc.assert(fc.property(seconds, fc.constantFrom('max', 'disconnect', 'idle'), (n, which) => {
      if (n < 0) {
        return; // Duration refuses negative values itself.
      }
      const { stack } = newStack();
      const d = Duration.millis(Math.round(n * 1000));
      const value = d.toMilliseconds() / 1000;
      const [prop, member, docsKey] = {
        max: ['maxUserDuration', 'MaxUserDurationInSeconds', 'fleetMaxUserDurationInSeconds'],
        disconnect: ['disconnectTimeout', 'DisconnectTimeoutInSeconds', 'fleetDisconnectTimeoutInSeconds'],
        idle: ['idleDisconnectTimeout', 'IdleDisconnectTimeoutInSeconds', 'fleetIdleDisconnectTimeoutInSeconds'],
      }[which] as ['maxUserDuration', 'MaxUserDurationInSeconds', string];
      expect(accepted(() => new Fleet(stack, 'F', { image: Image.fromName('Base'), instanceType: InstanceType.STANDARD_SMALL, [prop]: d })))
        .toBe(accepts(member, docsKey, value));
    }), params);
  });

  test('embed host domains: the model\'s pattern over the whole value and its length', () => {
    const label = fc.string({ unit: fc.constantFrom('a', 'z', '0', '-', 'A', '_', '.'), minLength: 0, maxLength: 8 });
    const domain = fc.oneof(fc.array(label, { minLength: 1, maxLength: 4 }).map((ls) => ls.join('.')), strings(130),
      fc.constantFrom('portal.example.com', 'Example.COM', 'a.b', `${'a'.repeat(63)}.com`, `${'a'.repeat(64)}.com`, `${'a.'.repeat(63)}ab`, `${'a.'.repeat(64)}ab`));
    fc.assert(fc.property(domain, (d) => {
      const { stack } = newStack();
      const s = spec('CreateStackRequest.EmbedHostDomains.member');
      // The API matches the model's pattern against the whole value (CloudFormation writes it anchored).
      const expected = [...d].length <= s.maxLength! && javaRegExp(`^${s.pattern}$`).test(d);
      expect(accepted(() => new AppStreamStack(stack, 'S', { embedHostDomains: [d] }))).toBe(expected);
    }), params);
  });

  test('USB device filter strings', () => {
    const field = fc.oneof(fc.constantFrom('', '*', '056A', '0357', '1', '*2', 'Wacom Tablet', ' '), fc.string({ unit: interesting, maxLength: 6 }));
    const filter = fc.oneof(fc.array(field, { minLength: 6, maxLength: 10 }).map((fs) => fs.join(',')), strings(100),
      fc.constantFrom('Wacom Tablet,056A,0357,*,*,*,1,0', `${'a'.repeat(86)},1,2,3,4,5,1,0`, `${'a'.repeat(87)},1,2,3,4,5,1,0`));
    fc.assert(fc.property(filter, (usb) => {
      const { stack } = newStack();
      expect(accepted(() => new Fleet(stack, 'F', { image: Image.fromName('Base'), instanceType: InstanceType.STANDARD_SMALL, usbDeviceFilterStrings: [usb] })))
        .toBe(apiAccepts('CreateFleetRequest.UsbDeviceFilterStrings.member', usb));
    }), params);
  });
});
