/**
 * The rules in lib/private/rules/ against AppStream's service model, as extracted into
 * scripts/appstream-limits.json by scripts/extract-appstream-limits.py (`npx projen limits:extract`).
 *
 * - A [model] rule must say exactly what the model says about the member it cites.
 * - A [docs] rule must say exactly what the model's documentation says (the fixture's `docs`), and
 *   respect the model's own limits.
 * - A [lib] rule is stricter than the model on purpose: it must still accept nothing the model refuses,
 *   shown on sample values (and on every list length up to past the limits).
 * - A [cfn] rule takes CloudFormation's schema (scripts/cfn-limits.json, from cfn-lint) where it is
 *   stricter than the API: a range must be the intersection of both, a string rule must be the schema's.
 *
 * Every exported rule must carry one of the four tags in its doc comment, and every one is checked
 * here: a new rule with no check fails the suite.
 */
import * as fs from 'fs';
import * as path from 'path';
import { describe, expect, test } from 'vitest';
import { AppVisibility, FleetPlatform, FleetType, InstanceFamily, SamlAttribute, StreamView, StreamingProtocol, UserAction } from '../../lib';
import * as rules from '../../lib/private/rules';
import { CountRule, RangeRule, StringRule, countProblem, rangeProblem, stringProblem, toRegExp } from '../../lib/private/rules';

interface ModelMember {
  readonly shape: string;
  readonly type: string;
  readonly required: boolean;
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly min?: number;
  readonly max?: number;
  readonly enum?: string[];
  readonly sensitive?: boolean;
}

interface DocsLimit {
  readonly source: string;
  readonly text?: string;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly min?: number;
  readonly max?: number;
  readonly alsoAllowed?: number[];
  readonly values?: string[];
  readonly distinctAvailabilityZones?: boolean;
  readonly when?: string;
  readonly onlyFor?: string[];
  readonly requiredFor?: string[];
  readonly notFor?: string[];
  readonly exactlyOneOf?: string[];
  readonly members?: string[];
  readonly actions?: string[];
  readonly notWithPermission?: string;
  readonly requiredIn?: string[];
}

interface Fixture {
  readonly botocoreVersion: string;
  readonly operations: Record<string, string>;
  readonly members: Record<string, ModelMember>;
  readonly docs: Record<string, DocsLimit>;
}

const ROOT = path.join(__dirname, '..', '..');
const fixture: Fixture = JSON.parse(fs.readFileSync(path.join(ROOT, 'scripts', 'appstream-limits.json'), 'utf-8'));

interface CfnProperty {
  readonly min?: number;
  readonly max?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
}
const cfnFixture: { resources: Record<string, { properties: Record<string, CfnProperty> }> } =
  JSON.parse(fs.readFileSync(path.join(ROOT, 'scripts', 'cfn-limits.json'), 'utf-8'));

type Tag = 'model' | 'docs' | 'lib' | 'cfn';

/** Each exported constant's tag, read from the doc comment right above it in the files of lib/private/rules/. */
function ruleTags(): Map<string, Tag> {
  const dir = path.join(ROOT, 'lib', 'private', 'rules');
  const text = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f), 'utf-8')).join('\n');
  const tags = new Map<string, Tag>();
  for (const m of text.matchAll(/\/\*\*\s*(?:\*\s*)?\[(model|docs|lib|cfn)\](?:(?!\*\/)[\s\S])*\*\/\s*export const (\w+)/g)) {
    tags.set(m[2], m[1] as Tag);
  }
  return tags;
}

const TAGS = ruleTags();
const EXPORTS = Object.entries(rules).filter(([, value]) => typeof value !== 'function');
const OBJECT_RULES = EXPORTS.filter(([, v]) => typeof v === 'object' && !Array.isArray(v)) as Array<[string, StringRule | CountRule | RangeRule]>;

function isCountRule(rule: StringRule | CountRule | RangeRule): rule is CountRule {
  return 'minItems' in rule || 'maxItems' in rule;
}
function isRangeRule(rule: StringRule | CountRule | RangeRule): rule is RangeRule {
  return 'min' in rule || 'max' in rule;
}

function member(source: string): ModelMember {
  const m = fixture.members[source];
  if (m === undefined) {
    throw new Error(`'${source}' is not an input member of ${Object.keys(fixture.operations).join(' or ')} in scripts/appstream-limits.json`);
  }
  return m;
}

/**
 * The fixture's documented limit a [docs] rule restates. Several resources can share a member whose
 * documentation states a limit for each (VpcConfig.SubnetIds: one subnet for an image builder, one or
 * more for a fleet), so such a rule names its entry here.
 */
const DOCS_KEYS: Record<string, string> = {
  IMAGE_BUILDER_SUBNETS: 'imageBuilderSubnets',
  FLEET_SUBNETS: 'fleetSubnets',
};

/** The CloudFormation property (`<type>/<property path>` in scripts/cfn-limits.json) each [cfn] rule restates. */
const CFN_PROPERTIES: Record<string, string> = {
  FLEET_MAX_USER_DURATION_SECONDS: 'AWS::AppStream::Fleet/MaxUserDurationInSeconds',
  FLEET_IDLE_DISCONNECT_TIMEOUT_SECONDS: 'AWS::AppStream::Fleet/IdleDisconnectTimeoutInSeconds',
  EMBED_HOST_DOMAIN: 'AWS::AppStream::Stack/EmbedHostDomains.member',
};

function cfnProperty(name: string): CfnProperty {
  const key = CFN_PROPERTIES[name];
  if (key === undefined) {
    throw new Error(`CFN_PROPERTIES names no CloudFormation property for the [cfn] rule ${name}`);
  }
  const [type, property] = key.split('/');
  const found = cfnFixture.resources[type]?.properties[property];
  if (found === undefined) {
    throw new Error(`scripts/cfn-limits.json has no property ${property} of ${type}`);
  }
  return found;
}

function docsLimit(name: string, source: string): DocsLimit {
  if (name in DOCS_KEYS) {
    const named = fixture.docs[DOCS_KEYS[name]];
    if (named?.source !== source) {
      throw new Error(`DOCS_KEYS names '${DOCS_KEYS[name]}' for ${name}, which is not a documented limit of '${source}'`);
    }
    return named;
  }
  const found = Object.entries(fixture.docs).filter(([, d]) => d.source === source && d.values === undefined);
  if (found.length === 0) {
    throw new Error(`scripts/appstream-limits.json has no documented limit for '${source}'`);
  }
  if (found.length > 1) {
    throw new Error(`scripts/appstream-limits.json documents several limits for '${source}' (${found.map(([k]) => k).join(', ')}): name ${name}'s in DOCS_KEYS`);
  }
  return found[0][1];
}

/** The model's own limits on a member, as rules of this library. */
function modelStringRule(source: string): StringRule {
  const m = member(source);
  return { sources: [source], pattern: m.pattern, minLength: m.minLength, maxLength: m.maxLength };
}
function modelCountRule(source: string): CountRule {
  const m = member(source);
  return { sources: [source], minItems: m.minItems, maxItems: m.maxItems };
}

const pick = <T extends object>(value: T, keys: Array<keyof T>) => Object.fromEntries(keys.map((k) => [k, value[k]]));

/**
 * Values to try each [lib] string rule on: some it accepts, some it refuses, including one the model
 * accepts (so the rule is shown to be stricter) and values at and past the model's limits.
 */
const LIB_SAMPLES: Record<string, string[]> = {
  APPSTREAM_IMAGE_ARN: [
    'arn:aws:appstream:us-east-1::image/AppStream-WinServer2022-06-17-2024',
    'arn:aws-us-gov:appstream:us-gov-west-1:123456789012:image/my.image_v2',
    `arn:aws-cn:appstream:cn-northwest-1:123456789012:image/${'a'.repeat(101)}`,
    `arn:aws:appstream:us-east-1:123456789012:image/${'a'.repeat(1100)}`,
    `arn:aws:appstream:${'a'.repeat(64)}:123456789012:image/x`,
    'arn:aws:appstream:us-east-1:123456789012:image/My Image',
    'arn:aws:appstream:us-east-1:123456789012:image/Ünïcode',
    'arn:aws:appstream:us-east-1:123456789012:fleet/my-fleet',
    'arn:aws:s3:::my-bucket',
    'arn:aws-eu:appstream:eu-west-1::image/x',
  ],
  REDIRECT_URL_FORMAT: [
    'https://portal.example.com/done',
    'HTTPS://portal.example.com/done',
    'mailto:desk@example.com',
    'http://intranet.corp.example.com:8080/appstream?x=1',
    `https://example.com/${'a'.repeat(980)}`,
    `https://example.com/${'a'.repeat(981)}`,
    'portal.example.com',
    'ftp://example.com',
    'https://exa mple.com',
    'https://',
    'javascript:alert(1)',
  ],
  FEEDBACK_URL_FORMAT: [
    'https://portal.example.com/done',
    'Http://portal.example.com/done',
    'mailto:desk@example.com',
    'MAILTO:desk@example.com?subject=AppStream',
    'mailto:',
    'http://intranet.corp.example.com:8080/appstream?x=1',
    `https://example.com/${'a'.repeat(980)}`,
    `https://example.com/${'a'.repeat(981)}`,
    'portal.example.com',
    'ftp://example.com',
    'https://exa mple.com',
    'https://',
    'javascript:alert(1)',
  ],
  VPCE_ID_FORMAT: ['vpce-0123456789abcdef0', 'vpce-1a2b3c4d', 'vpce-', '', 'vpc-0123456789abcdef0', 'VPCE-1A2B3C4D', 'vpce-1a2b3c4d5'],
  OU_DISTINGUISHED_NAME_FORMAT: [
    'OU=AppStream,DC=corp,DC=example,DC=com',
    'ou=Stream\\, Builders, OU=Computers,DC=corp,DC=example,DC=com',
    `OU=${'a'.repeat(1997)}`,
    `OU=${'a'.repeat(1998)}`,
    'CN=Computers,DC=corp,DC=example,DC=com',
    'DC=corp,DC=example,DC=com',
    'OU=',
    '',
  ],
  DIRECTORY_NAME: ['corp.example.com', 'a.b', `${'a'.repeat(63)}.com`, `${'a'.repeat(64)}.com`, 'CORP', '-corp.example.com', `${'a.'.repeat(127)}ab`, ''],
  USER_EMAIL: [
    'alice@example.com',
    'Alice.Liddell+appstream@corp.example.co.uk',
    `${'a'.repeat(116)}@example.com`,
    `${'a'.repeat(117)}@example.com`,
    'alice',
    'alice@example',
    'alice smith@example.com',
    'alice@@example.com',
    '@example.com',
  ],
  S3_BUCKET_FORMAT: [
    'my-apps', 'apps.example.com', 'a1b', `${'a'.repeat(63)}`, `${'a'.repeat(64)}`, '-apps', '.apps', 'apps-', 'my..apps', 'My_Apps', 'ab',
    'my-.apps', 'my.-apps', '192.168.5.4', '192.168.5.4a', 'xn--apps', 'sthree-apps', 'amzn-s3-demo-apps', 'apps-s3alias', 'apps--ol-s3', 'apps.mrap', 'apps--x-s3', 'apps--table-s3',
  ],
  DIRECTORY_CONFIG_PRIVATE_CA_ARN: [
    'arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/12345678-1234-1234-1234-123456789012',
    'arn:aws-us-gov:acm-pca:us-gov-west-1:123456789012:certificate-authority/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d',
    'arn:aws:acm:us-east-1:123456789012:certificate/12345678-1234-1234-1234-123456789012',
    'arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/not-a-uuid',
    'arn:aws:acm-pca:us-east-1::certificate-authority/12345678-1234-1234-1234-123456789012',
  ],
};

/** The exported lists and strings, each with what the model or its documentation says. */
const LIST_SOURCES: Record<string, () => readonly string[]> = {
  IMAGE_BUILDER_INSTANCE_TYPES: () => fixture.docs.imageBuilderInstanceTypes.values!,
  ACCESS_ENDPOINT_TYPES: () => member('AccessEndpoint.EndpointType').enum!,
  DIRECTORY_CONFIG_CERTIFICATE_AUTH_STATUSES: () => member('CertificateBasedAuthProperties.Status').enum!,
  FLEET_INSTANCE_TYPES: () => fixture.docs.fleetInstanceTypes.values!,
  USER_ACTIONS: () => member('UserSetting.Action').enum!,
  USER_SETTING_MAXIMUM_LENGTH_ACTIONS: () => fixture.docs.userSettingMaximumLength.actions!,
  STORAGE_CONNECTOR_TYPES: () => member('StorageConnector.ConnectorType').enum!,
  // [lib]: the model's types less HOMEFOLDERS, the one that names no domains of users.
  USER_AUTHENTICATION_TYPES: () => fixture.docs.userAuthenticationType.values!,
  ENTITLEMENT_ATTRIBUTE_NAMES: () => fixture.docs.entitlementAttributeNames.values!,
  ENTITLEMENT_APP_VISIBILITIES: () => member('CreateEntitlementRequest.AppVisibility').enum!,
  FLEET_PLATFORMS: () => member('CreateFleetRequest.Platform').enum!,
  ELASTIC_FLEET_PLATFORMS: () => fixture.docs.elasticFleetPlatforms.values!,
  ELASTIC_FLEET_INSTANCE_TYPES: () => fixture.docs.elasticFleetInstanceTypes.values!,
  APPLICATION_PLATFORMS: () => fixture.docs.applicationPlatforms.values!,
  APPLICATION_INSTANCE_FAMILIES: () => fixture.docs.applicationInstanceFamilies.values!,
  APP_BLOCK_BUILDER_PLATFORMS: () => fixture.docs.appBlockBuilderPlatforms.values!,
  APP_BLOCK_BUILDER_INSTANCE_TYPES: () => fixture.docs.appBlockBuilderInstanceTypes.values!,
  STORAGE_CONNECTOR_TYPES_WITH_DOMAINS: () => member('StorageConnector.ConnectorType').enum!.filter((t) => t !== 'HOMEFOLDERS'),
};

/**
 * String constants that are prefixes, not limits: the model has nothing to compare them with. Each has
 * its own tests (instance types in instance-type.test.ts, dynamic references in directory-config.test.ts).
 */
const PREFIXES_WITHOUT_MODEL_LIMIT = new Set(['INSTANCE_TYPE_PREFIX', 'SECRETS_MANAGER_REFERENCE_PREFIX', 'SSM_SECURE_REFERENCE_PREFIX']);

/** One create or associate operation per AWS::AppStream::* resource type. */
const OPERATIONS = [
  'AssociateApplicationFleet', 'AssociateApplicationToEntitlement', 'AssociateFleet', 'BatchAssociateUserStack',
  'CreateAppBlock', 'CreateAppBlockBuilder', 'CreateApplication', 'CreateDirectoryConfig', 'CreateEntitlement',
  'CreateFleet', 'CreateImageBuilder', 'CreateStack', 'CreateUser',
  // Sent by ImagePipeline's state machine, not by CloudFormation.
  'CreateUpdatedImage', 'UpdateImagePermissions',
];

describe('the fixture scripts/appstream-limits.json', () => {
  test('comes from botocore and holds the create and associate operations of the 13 resource types, and the image pipeline\'s two', () => {
    expect(fixture.botocoreVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(fixture.operations).toEqual(Object.fromEntries(OPERATIONS.map((op) => [op, `${op}Request`])));
    expect(member('CreateImageBuilderRequest.Name').required).toBe(true);
    expect(member('ServiceAccountCredentials.AccountPassword').sensitive).toBe(true);
  });

  test('every pattern in the model compiles, and means in JavaScript what it means in Java', () => {
    const patterns = [...new Set(Object.values(fixture.members).flatMap((m) => (m.pattern ? [m.pattern] : [])))];
    expect(patterns.length).toBeGreaterThan(0);
    for (const pattern of patterns) {
      expect(() => toRegExp(pattern), pattern).not.toThrow();
    }
    const arn = toRegExp(member('CreateImageBuilderRequest.ImageArn').pattern!);
    expect(arn.test('arn:aws-us-gov:iam::123456789012:role/my-role')).toBe(true);
    expect(arn.test('arn:aws-iso-b:appstream:us-isob-east-1::image/x')).toBe(true);
    expect(arn.test('arn:aws-\\cn:iam::123456789012:role/my-role')).toBe(false);
    expect(arn.test('arn:aws:iam::123456789012:role/my role')).toBe(false);
    const tagKey = toRegExp(member('CreateImageBuilderRequest.Tags.key').pattern!);
    expect(tagKey.test('Cost-Center: Ünïcode 1/2=+@')).toBe(true);
    expect(tagKey.test('aws:cloudformation')).toBe(false);
    expect(tagKey.test('Key#1')).toBe(false);
  });
});

describe('the fixture holds the family\'s requests and the limits their documentation states', () => {
  const requestMembers = (op: string) => Object.keys(fixture.members).filter((k) => k.startsWith(`${fixture.operations[op]}.`));

  test.each(OPERATIONS)('%s: its request shape and its members', (op) => {
    expect(requestMembers(op).length, `${op} has no members in the fixture`).toBeGreaterThan(0);
  });

  test('the requests\' names and required members', () => {
    expect(member('CreateFleetRequest.Name')).toMatchObject({ required: true, pattern: member('CreateImageBuilderRequest.Name').pattern });
    expect(member('CreateFleetRequest.InstanceType')).toMatchObject({ required: true, minLength: 1 });
    expect(member('CreateFleetRequest.FleetType').enum).toEqual(['ALWAYS_ON', 'ON_DEMAND', 'ELASTIC']);
    expect(member('CreateStackRequest.UserSettings')).toMatchObject({ minItems: 1 });
    expect(member('UserSetting.Action').enum).toContain('AUTO_TIME_ZONE_REDIRECTION');
    expect(member('CreateUserRequest.UserName')).toMatchObject({ minLength: 1, maxLength: 128, sensitive: true });
    expect(member('BatchAssociateUserStackRequest.UserStackAssociations')).toMatchObject({ minItems: 1, maxItems: 25 });
    expect(member('CreateEntitlementRequest.Attributes')).toMatchObject({ required: true, minItems: 1 });
    expect(member('CreateAppBlockRequest.PackagingType').enum).toEqual(['CUSTOM', 'APPSTREAM2']);
    expect(member('CreateApplicationRequest.Platforms')).toMatchObject({ required: true, maxItems: 4 });
    expect(member('CreateAppBlockBuilderRequest.Platform').enum).toEqual(['WINDOWS_SERVER_2019']);
    expect(member('AssociateApplicationToEntitlementRequest.ApplicationIdentifier')).toMatchObject({ required: true, minLength: 1 });
  });

  test('every documented limit names its member or operation and quotes its sentence', () => {
    for (const [key, limit] of Object.entries(fixture.docs)) {
      const isOperation = limit.source in fixture.operations;
      expect(isOperation || limit.source in fixture.members, `${key}: ${limit.source}`).toBe(true);
      expect(limit.text, key).toMatch(/\S[.:]$/);
      if (limit.when !== undefined) {
        const values = [...(limit.onlyFor ?? []), ...(limit.requiredFor ?? []), ...(limit.notFor ?? [])];
        expect(values.length, key).toBeGreaterThan(0);
        expect(member(limit.when).enum, key).toEqual(expect.arrayContaining(values));
      }
    }
  });

  test('the fleet\'s instance types are the image builder\'s and stream.standard.xlarge and 2xlarge', () => {
    const fleet = fixture.docs.fleetInstanceTypes.values!;
    const builder = fixture.docs.imageBuilderInstanceTypes.values!;
    expect(fleet).toHaveLength(48);
    expect(new Set(fleet)).toEqual(new Set([...builder, 'stream.standard.xlarge', 'stream.standard.2xlarge']));
  });

  test('Elastic fleets and app block builders take the five stream.standard types; builders only WINDOWS_SERVER_2019', () => {
    const standard = ['small', 'medium', 'large', 'xlarge', '2xlarge'].map((size) => `stream.standard.${size}`);
    expect(fixture.docs.elasticFleetInstanceTypes).toMatchObject({ source: 'CreateFleetRequest.InstanceType', values: standard });
    expect(fixture.docs.appBlockBuilderInstanceTypes).toMatchObject({ source: 'CreateAppBlockBuilderRequest.InstanceType', values: standard });
    expect(fixture.docs.appBlockBuilderPlatforms.values).toEqual(['WINDOWS_SERVER_2019']);
    expect(fixture.docs.appBlockBuilderSubnets).toMatchObject({ minItems: 2, distinctAvailabilityZones: true });
    expect(fixture.docs.elasticFleetVpcConfig).toMatchObject({ minItems: 2, distinctAvailabilityZones: true, requiredFor: ['ELASTIC'] });
  });

  test('the fleet\'s three durations, as the API documents them', () => {
    expect(fixture.docs.fleetMaxUserDurationInSeconds).toMatchObject({ min: 600, max: 432000 });
    expect(fixture.docs.fleetDisconnectTimeoutInSeconds).toMatchObject({ min: 60, max: 36000 });
    expect(fixture.docs.fleetIdleDisconnectTimeoutInSeconds).toMatchObject({ min: 60, max: 36000, alsoAllowed: [0] });
    for (const key of ['fleetMaxUserDurationInSeconds', 'fleetDisconnectTimeoutInSeconds', 'fleetIdleDisconnectTimeoutInSeconds']) {
      const m = member(fixture.docs[key].source);
      expect(m.type).toBe('integer');
      expect([m.min, m.max], `${key}: the model itself sets no range`).toEqual([undefined, undefined]);
    }
  });

  test('the platforms, instance families and entitlement attribute names, each within the model\'s enum', () => {
    const elastic = ['WINDOWS_SERVER_2019', 'AMAZON_LINUX2', 'UBUNTU_PRO_2404'];
    expect(fixture.docs.elasticFleetPlatforms.values).toEqual(elastic);
    expect(fixture.docs.applicationPlatforms.values).toEqual(elastic);
    expect(member('CreateApplicationRequest.Platforms.member').enum).toEqual(expect.arrayContaining(elastic));
    expect(fixture.docs.applicationInstanceFamilies.values).toEqual(['GENERAL_PURPOSE', 'GRAPHICS_G4']);
    expect(member('CreateApplicationRequest.InstanceFamilies.member').enum).toBeUndefined();
    expect(fixture.docs.entitlementAttributeNames.values).toEqual(['roles', 'department', 'organization', 'groups', 'title', 'costCenter', 'userType']);
  });

  test('MaximumLength applies to the two clipboard actions, not with DISABLED, 1 to 20 MB', () => {
    expect(fixture.docs.userSettingMaximumLength).toMatchObject({
      source: 'UserSetting.MaximumLength',
      actions: ['CLIPBOARD_COPY_FROM_LOCAL_DEVICE', 'CLIPBOARD_COPY_TO_LOCAL_DEVICE'],
      notWithPermission: 'DISABLED',
      min: 1,
      max: 20_971_520,
    });
    expect(member('UserSetting.Permission').enum).toContain('DISABLED');
  });

  test('which fleet types, packaging types and message actions allow which members', () => {
    expect(fixture.docs.fleetMaxConcurrentSessions).toMatchObject({ requiredFor: ['ELASTIC'], onlyFor: ['ELASTIC'] });
    expect(fixture.docs.fleetComputeCapacity.notFor).toEqual(['ELASTIC']);
    expect(fixture.docs.fleetDomainJoinInfo.notFor).toEqual(['ELASTIC']);
    expect(fixture.docs.fleetSessionScriptS3Location.onlyFor).toEqual(['ELASTIC']);
    expect(fixture.docs.applicationFleetAssociation).toMatchObject({ source: 'AssociateApplicationFleet', onlyFor: ['ELASTIC'] });
    expect(fixture.docs.computeCapacityDesired.exactlyOneOf).toEqual(['ComputeCapacity.DesiredInstances', 'ComputeCapacity.DesiredSessions']);
    expect(fixture.docs.appBlockSetupScript.requiredFor).toEqual(['CUSTOM']);
    expect(fixture.docs.appBlockPostSetupScript.onlyFor).toEqual(['APPSTREAM2']);
    expect(fixture.docs.userAuthenticationType.values).toEqual(['USERPOOL']);
    expect(fixture.docs.userMessageAction).toMatchObject({ notFor: ['RESEND'], members: ['CreateUserRequest.FirstName', 'CreateUserRequest.LastName'] });
    expect(fixture.docs.s3KeyRequired.requiredIn).toHaveLength(5);
  });
});

describe('rules.ts agrees with the AppStream model', () => {
  test('every exported rule is tagged [model], [docs] or [lib] and is checked here', () => {
    const untagged = EXPORTS.map(([name]) => name).filter((name) => !TAGS.has(name));
    expect(untagged).toEqual([]);
    const unchecked = EXPORTS.filter(([name, value]) => {
      if (Array.isArray(value)) {
        return !(name in LIST_SOURCES);
      }
      return typeof value !== 'object' && !PREFIXES_WITHOUT_MODEL_LIMIT.has(name);
    }).map(([name]) => name);
    expect(unchecked).toEqual([]);
    expect(OBJECT_RULES.length).toBeGreaterThan(20);
  });

  test.each(OBJECT_RULES.filter(([name]) => TAGS.get(name) === 'model').flatMap(([name, rule]) => rule.sources.map((source) => [name, source, rule] as const)))('[model] %s says what the model says of %s', (_name, source, rule) => {
    const m = member(source);
    if (isCountRule(rule)) {
      expect(['list', 'map']).toContain(m.type);
      expect(pick(rule, ['minItems', 'maxItems'])).toEqual(pick(m, ['minItems', 'maxItems']));
    } else if (isRangeRule(rule)) {
      expect(m.type).toBe('integer');
      expect(pick(rule, ['min', 'max'])).toEqual(pick(m, ['min', 'max']));
    } else {
      expect(m.type).toBe('string');
      const r = rule as StringRule;
      expect(pick(r, ['pattern', 'minLength', 'maxLength'])).toEqual(pick(m, ['pattern', 'minLength', 'maxLength']));
    }
  });

  test.each(OBJECT_RULES.filter(([name]) => TAGS.get(name) === 'docs').flatMap(([name, rule]) => rule.sources.map((source) => [name, source, rule] as const)))('[docs] %s says what the documentation says of %s', (name, source, rule) => {
    const documented = docsLimit(name, source);
    const m = member(source);
    if (isCountRule(rule)) {
      expect(pick(rule, ['minItems', 'maxItems'])).toEqual(pick(documented, ['minItems', 'maxItems']));
      expectCountsWithinModel(rule, source);
    } else if (isRangeRule(rule)) {
      expect(pick(rule, ['min', 'max'])).toEqual(pick(documented, ['min', 'max']));
      expect(m.type).toBe('integer');
      for (const n of sampleRange(rule)) {
        if (rangeProblem(rule, n) === undefined) {
          expect(n >= (m.min ?? -Infinity) && n <= (m.max ?? Infinity), `${n}`).toBe(true);
        }
      }
    } else {
      throw new Error(`no check for a [docs] string rule (${source})`);
    }
  });

  test('[docs] ROOT_VOLUME_GIB is the documented 200-500 GB range', () => {
    expect(rules.ROOT_VOLUME_GIB).toMatchObject({ min: 200, max: 500 });
    expect(fixture.docs.volumeSizeInGb).toMatchObject({ min: 200, max: 500 });
  });

  test.each(OBJECT_RULES.filter(([name]) => TAGS.get(name) === 'lib').flatMap(([name, rule]) => rule.sources.map((source) => [name, source, rule] as const)))('[lib] %s accepts nothing the model refuses of %s', (name, source, rule) => {
    member(source);
    if (isCountRule(rule)) {
      expectCountsWithinModel(rule, source);
      return;
    }
    if (isRangeRule(rule)) {
      // The model sets no range on these integers: any range within its 32-bit integers is stricter.
      const m = member(source);
      expect(m.type).toBe('integer');
      expect([m.min, m.max], `${name}: the model sets a range of its own`).toEqual([undefined, undefined]);
      expect(rule.min).toBeGreaterThanOrEqual(-(2 ** 31));
      expect(rule.max).toBeLessThanOrEqual(2 ** 31 - 1);
      return;
    }
    const r = rule as StringRule;
    const model = modelStringRule(source);
    if (model.maxLength !== undefined && r.maxLength !== undefined) {
      expect(r.maxLength).toBeLessThanOrEqual(model.maxLength);
    }
    if (model.minLength !== undefined && r.minLength !== undefined) {
      expect(r.minLength).toBeGreaterThanOrEqual(model.minLength);
    }
    const samples = LIB_SAMPLES[name];
    if (r.pattern !== undefined) {
      expect(samples, `LIB_SAMPLES has no samples for ${name}`).toBeDefined();
    }
    const accepted = (samples ?? []).filter((s) => stringProblem(r, s) === undefined);
    for (const sample of accepted) {
      expect(stringProblem(model, sample), `${name} accepts ${JSON.stringify(sample.slice(0, 80))}`).toBeUndefined();
    }
    if (samples) {
      expect(accepted.length, `${name} accepts none of its samples`).toBeGreaterThan(0);
      const stricter = samples.filter((s) => stringProblem(r, s) !== undefined && stringProblem(model, s) === undefined);
      expect(stricter.length, `${name} refuses no sample the model accepts`).toBeGreaterThan(0);
    }
  });

  test.each(OBJECT_RULES.filter(([name]) => TAGS.get(name) === 'cfn').flatMap(([name, rule]) => rule.sources.map((source) => [name, source, rule] as const)))('[cfn] %s is what both CloudFormation and the API accept of %s', (name, source, rule) => {
    const cfnProp = cfnProperty(name);
    const m = member(source);
    if (isRangeRule(rule)) {
      const documented = docsLimit(name, source);
      expect(m.type).toBe('integer');
      expect(cfnProp.min, `${name}: CloudFormation's minimum`).toBeDefined();
      expect(cfnProp.max, `${name}: CloudFormation's maximum`).toBeDefined();
      // The intersection of the two ranges, and stricter than the API on at least one end.
      expect(rule.min).toBe(Math.max(cfnProp.min!, documented.min!));
      expect(rule.max).toBe(Math.min(cfnProp.max!, documented.max!));
      expect(rule.min > documented.min! || rule.max < documented.max!, `${name} is no stricter than the API`).toBe(true);
      for (const n of sampleRange(rule)) {
        if (rangeProblem(rule, n) === undefined) {
          expect(n >= cfnProp.min! && n <= cfnProp.max! && n >= documented.min! && n <= documented.max!, `${n}`).toBe(true);
        }
      }
    } else if (isCountRule(rule)) {
      throw new Error(`no check for a [cfn] count rule (${name})`);
    } else {
      const r = rule as StringRule;
      expect(m.type).toBe('string');
      expect(r.pattern).toBe(cfnProp.pattern);
      expect(r.maxLength).toBe(m.maxLength);
      expect(r.maxLength).toBeLessThanOrEqual(cfnProp.maxLength ?? Infinity);
      // CloudFormation anchors the model's pattern, which the API matches against the whole value.
      expect(r.pattern).toBe(`^${m.pattern}$`);
    }
  });

  test('the enums of the Fleet and Stack props are the model\'s', () => {
    expect(member('CreateFleetRequest.FleetType').enum).toEqual(expect.arrayContaining(Object.values(FleetType)));
    expect(Object.values(FleetType)).not.toContain('ELASTIC');
    expect(Object.values(StreamView)).toEqual(member('CreateFleetRequest.StreamView').enum);
    expect(Object.values(StreamingProtocol)).toEqual(member('StreamingExperienceSettings.PreferredProtocol').enum);
    const actions = Object.values(UserAction).filter((a): a is UserAction => a instanceof UserAction).map((a) => a.name);
    expect(actions).toEqual(member('UserSetting.Action').enum);
    expect(member('UserSetting.Permission').enum).toEqual(['ENABLED', 'DISABLED']);
  });

  test('the enums of users, entitlements and the Elastic path are the documented lists', () => {
    expect(Object.values(AppVisibility)).toEqual(member('CreateEntitlementRequest.AppVisibility').enum);
    // SamlAttribute is an enum-like class: a constant per name the docs list (the model has no enum).
    const samlNames = Object.values(SamlAttribute).filter((a): a is SamlAttribute => a instanceof SamlAttribute).map((a) => a.name);
    expect(samlNames).toEqual(fixture.docs.entitlementAttributeNames.values);
    // FleetPlatform and InstanceFamily are enum-like classes: a constant per value the model (platforms)
    // or the documentation (families) names; Elastic fleets and applications take the documented subsets.
    expect(Object.values(FleetPlatform).map(String)).toEqual(member('CreateFleetRequest.Platform').enum);
    expect(Object.values(InstanceFamily).map(String)).toEqual(fixture.docs.applicationInstanceFamilies.values);
    expect(member('CreateFleetRequest.Platform').enum).toEqual(expect.arrayContaining([...rules.ELASTIC_FLEET_PLATFORMS, ...rules.APPLICATION_PLATFORMS]));
  });

  test.each(Object.keys(LIST_SOURCES))('%s lists what the model lists, each once', (name) => {
    const listed = rules[name as keyof typeof rules] as readonly string[];
    expect([...listed].sort()).toEqual([...LIST_SOURCES[name]()].sort());
    expect(new Set(listed).size).toBe(listed.length);
  });

  test('the image-builder instance types are the 46 of the InstanceType documentation', () => {
    expect(rules.IMAGE_BUILDER_INSTANCE_TYPES).toHaveLength(46);
    expect(new Set(rules.IMAGE_BUILDER_INSTANCE_TYPES).size).toBe(46);
  });

  test('[lib] INSTANCE_TYPE_PREFIX starts every documented instance type', () => {
    for (const type of fixture.docs.imageBuilderInstanceTypes.values!) {
      expect(type.startsWith(rules.INSTANCE_TYPE_PREFIX), type).toBe(true);
    }
  });
});

/**
 * The integers to try a range rule on: every one from just below to just above it when it is small,
 * otherwise the first and last thousand and a spread in between.
 */
function sampleRange(rule: RangeRule): number[] {
  if (rule.max - rule.min <= 100_000) {
    return Array.from({ length: rule.max - rule.min + 3 }, (_, i) => rule.min - 1 + i);
  }
  const ends = Array.from({ length: 1001 }, (_, i) => i);
  const step = Math.floor((rule.max - rule.min) / 1000);
  return [...ends.map((i) => rule.min - 1 + i), ...ends.map((i) => rule.max + 1 - i), ...ends.map((i) => rule.min + i * step)];
}

/** Every list length the rule accepts, up to past both its limits and the model's, the model accepts too. */
function expectCountsWithinModel(rule: CountRule, source: string) {
  const model = modelCountRule(source);
  const top = Math.max(rule.maxItems ?? 0, model.maxItems ?? 0, rule.minItems ?? 0, model.minItems ?? 0) + 2;
  for (let n = 0; n <= top; n++) {
    if (countProblem(rule, n, 'item') === undefined) {
      expect(countProblem(model, n, 'item'), `${source}: ${n} items`).toBeUndefined();
    }
  }
}
