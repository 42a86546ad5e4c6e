/**
 * The [cfn] fixture scripts/cfn-limits.json (scripts/extract-cfn-limits.py, `npx projen cfn-limits:extract`):
 * the limits cfn-lint's CloudFormation schemas set on the 13 AWS::AppStream::* types, and where they
 * disagree with the API model and its documentation (scripts/appstream-limits.json). The constructs to
 * come must satisfy both, so these tests pin the disagreements they will have to respect.
 */
import * as fs from 'fs';
import * as path from 'path';
import { describe, expect, test } from 'vitest';

interface CfnProperty {
  readonly type?: string | string[];
  readonly required: boolean;
  readonly createOnly: boolean;
  readonly readOnly: boolean;
  readonly writeOnly: boolean;
  readonly deprecated?: boolean;
  readonly definition?: string;
  readonly min?: number;
  readonly max?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly enum?: string[];
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly format?: string;
  readonly oneOf?: string[][];
}

interface CfnResource {
  readonly properties: Record<string, CfnProperty>;
  readonly cfnLintPatches: Record<string, unknown>;
  readonly oneOf?: string[][];
}

interface CfnFixture {
  readonly cfnLintVersion: string;
  readonly region: string;
  readonly resources: Record<string, CfnResource>;
  readonly regionalEnums: Record<string, Record<string, { rule: string; values: string[] }>>;
}

interface ApiFixture {
  readonly members: Record<string, { required: boolean; min?: number; max?: number }>;
  readonly docs: Record<string, { min?: number; max?: number; alsoAllowed?: number[]; values?: string[] }>;
}

const SCRIPTS = path.join(__dirname, '..', '..', 'scripts');
const cfn: CfnFixture = JSON.parse(fs.readFileSync(path.join(SCRIPTS, 'cfn-limits.json'), 'utf-8'));
const api: ApiFixture = JSON.parse(fs.readFileSync(path.join(SCRIPTS, 'appstream-limits.json'), 'utf-8'));

const TYPES = [
  'AppBlock', 'AppBlockBuilder', 'Application', 'ApplicationEntitlementAssociation', 'ApplicationFleetAssociation',
  'DirectoryConfig', 'Entitlement', 'Fleet', 'ImageBuilder', 'Stack', 'StackFleetAssociation', 'StackUserAssociation', 'User',
].map((t) => `AWS::AppStream::${t}`);

function prop(resourceType: string, name: string): CfnProperty {
  const found = cfn.resources[`AWS::AppStream::${resourceType}`]?.properties[name];
  if (!found) {
    throw new Error(`scripts/cfn-limits.json has no property ${name} of AWS::AppStream::${resourceType}`);
  }
  return found;
}

describe('the fixture scripts/cfn-limits.json', () => {
  test('comes from cfn-lint\'s us-east-1 schemas and holds the 13 AppStream types', () => {
    expect(cfn.cfnLintVersion).toMatch(/^\d+\.\d+\.\d+$/);
    expect(cfn.region).toBe('us-east-1');
    expect(Object.keys(cfn.resources)).toEqual(TYPES);
    for (const type of TYPES) {
      expect(Object.keys(cfn.resources[type].properties).length, type).toBeGreaterThan(0);
    }
  });

  test('sub-properties are keyed by their path, with .member for array items, and keep their definition', () => {
    expect(prop('Fleet', 'VpcConfig')).toMatchObject({ definition: 'VpcConfig', type: 'object' });
    expect(prop('Fleet', 'VpcConfig.SubnetIds.member')).toMatchObject({ type: 'string' });
    expect(prop('Entitlement', 'Attributes.member.Name')).toMatchObject({ required: true, type: 'string' });
    expect(prop('ImageBuilder', 'Tags.member.Key').required).toBe(true);
    expect(cfn.resources['AWS::AppStream::ImageBuilder'].oneOf).toEqual([['ImageName'], ['ImageArn']]);
  });
});

describe('where CloudFormation disagrees with the API about a fleet\'s durations', () => {
  test('MaxUserDurationInSeconds: 600-360000 in cfn-lint, 600-432000 in the API documentation', () => {
    expect(prop('Fleet', 'MaxUserDurationInSeconds')).toMatchObject({ type: 'integer', min: 600, max: 360000 });
    expect(api.docs.fleetMaxUserDurationInSeconds).toMatchObject({ min: 600, max: 432000 });
  });

  test('IdleDisconnectTimeoutInSeconds: 0-3600 in cfn-lint, 0 or 60-36000 in the API documentation', () => {
    expect(prop('Fleet', 'IdleDisconnectTimeoutInSeconds')).toMatchObject({ type: 'integer', min: 0, max: 3600 });
    expect(api.docs.fleetIdleDisconnectTimeoutInSeconds).toMatchObject({ min: 60, max: 36000, alsoAllowed: [0] });
  });

  test('DisconnectTimeoutInSeconds: 60-360000 in cfn-lint, looser than the documented 60-36000', () => {
    expect(prop('Fleet', 'DisconnectTimeoutInSeconds')).toMatchObject({ type: 'integer', min: 60, max: 360000 });
    expect(api.docs.fleetDisconnectTimeoutInSeconds).toMatchObject({ min: 60, max: 36000 });
  });

  test('the three ranges are cfn-lint\'s own patches, not the registry schema\'s, and the model sets none', () => {
    const patched = Object.keys(cfn.resources['AWS::AppStream::Fleet'].cfnLintPatches);
    for (const name of ['MaxUserDurationInSeconds', 'IdleDisconnectTimeoutInSeconds', 'DisconnectTimeoutInSeconds']) {
      expect(patched).toEqual(expect.arrayContaining([`/properties/${name}/minimum`, `/properties/${name}/maximum`]));
      expect(api.members[`CreateFleetRequest.${name}`]).not.toHaveProperty('max');
    }
  });
});

describe('other disagreements the constructs must respect', () => {
  test('a Stack\'s name is optional in CloudFormation, required by the API', () => {
    expect(prop('Stack', 'Name')).toMatchObject({ required: false, createOnly: true });
    expect(api.members['CreateStackRequest.Name'].required).toBe(true);
  });

  test('CloudFormation requires the S3 key of a fleet\'s session script and an application\'s icon; the model does not', () => {
    expect(prop('Fleet', 'SessionScriptS3Location.S3Key').required).toBe(true);
    expect(prop('Application', 'IconS3Location.S3Key').required).toBe(true);
    expect(prop('AppBlock', 'SourceS3Location.S3Key').required).toBe(false);
    expect(api.members['S3Location.S3Key'].required).toBe(false);
  });

  test('CloudFormation requires an access endpoint\'s VpceId; the model does not', () => {
    expect(prop('Stack', 'AccessEndpoints.member.VpceId').required).toBe(true);
    expect(prop('AppBlockBuilder', 'AccessEndpoints.member.VpceId').required).toBe(true);
    expect(api.members['AccessEndpoint.VpceId'].required).toBe(false);
  });

  test('API members CloudFormation does not offer', () => {
    const stack = cfn.resources['AWS::AppStream::Stack'].properties;
    for (const name of ['ContentRedirection', 'AgentAccessConfig', 'StorageConnectors.member.DomainsRequireAdminConsent']) {
      expect(stack, name).not.toHaveProperty([name]);
    }
    expect(api.members).toHaveProperty(['CreateStackRequest.ContentRedirection']);
    expect(api.members).toHaveProperty(['StorageConnector.DomainsRequireAdminConsent']);
    expect(cfn.resources['AWS::AppStream::AppBlockBuilder'].properties).not.toHaveProperty(['DisableIMDSV1']);
    expect(api.members).toHaveProperty(['CreateAppBlockBuilderRequest.DisableIMDSV1']);
  });

  test('what CloudFormation cannot change, read back or return', () => {
    expect(prop('Stack', 'StorageConnectors.member.ResourceIdentifier').readOnly).toBe(true);
    expect(prop('AppBlockBuilder', 'AppBlockArns').writeOnly).toBe(true);
    expect(prop('Fleet', 'FleetType').createOnly).toBe(true);
    const user = cfn.resources['AWS::AppStream::User'].properties;
    const settable = Object.entries(user).filter(([, p]) => !p.readOnly);
    expect(settable.map(([name]) => name).sort()).toEqual(['AuthenticationType', 'FirstName', 'LastName', 'MessageAction', 'UserName']);
    expect(settable.every(([, p]) => p.createOnly)).toBe(true);
    expect(Object.values(cfn.resources['AWS::AppStream::AppBlock'].properties).filter((p) => !p.createOnly && !p.readOnly).length).toBeGreaterThan(0);
    expect(prop('AppBlock', 'SourceS3Location').createOnly).toBe(true);
    expect(prop('AppBlock', 'SourceS3Location.S3Bucket').createOnly).toBe(true);
    expect(prop('AppBlock', 'Tags').createOnly).toBe(false);
  });

  test('cfn-lint (E3621) accepts every documented fleet instance type in us-east-1', () => {
    const { rule, values } = cfn.regionalEnums['AWS::AppStream::Fleet'].InstanceType;
    expect(rule).toBe('E3621');
    expect(values).toEqual(expect.arrayContaining(api.docs.fleetInstanceTypes.values!));
  });
});
