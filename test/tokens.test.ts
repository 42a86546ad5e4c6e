/**
 * Tokens in every prop of every construct. A token passes where the template can carry it as it is (a
 * string token for a string or one of the library's enums, a number token for a number, a list token for
 * the lists of LIST_TOKEN_FIELDS) and reaches the template; anywhere else the library would read it while
 * it synthesizes, so it fails with our message, which never shows `Token[…]`. Never a TypeError, never an
 * aws-cdk-lib error without the construct and the prop, never a token silently dropped.
 */
import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { describe, expect, test } from 'vitest';
import * as lib from '../lib';
import { API_TYPES } from '../lib/private/api-types.generated';
import { ApiType } from '../lib/private/boundary';
import { LIST_TOKEN_FIELDS } from '../lib/private/rules/tokens';

const IMAGE = lib.Image.fromName('Base');
const TYPE = lib.InstanceType.STANDARD_MEDIUM;

function vpcIn(s: cdk.Stack): ec2.IVpc {
  return ec2.Vpc.fromVpcAttributes(s, 'Vpc', { vpcId: 'vpc-0a1b2c3d', availabilityZones: ['us-east-1a', 'us-east-1b'], privateSubnetIds: ['subnet-0a1b2c3d', 'subnet-1a2b3c4d'] });
}

/** Each construct with props: how to make one from its props, and props that make a valid one. */
const CONSTRUCTS: Record<string, { base: (s: cdk.Stack) => Record<string, unknown>; make: (s: cdk.Stack, props: any) => unknown }> = {
  Fleet: { base: () => ({ image: IMAGE, instanceType: TYPE }), make: (s, p) => new lib.Fleet(s, 'X', p) },
  ImageBuilder: { base: () => ({ image: IMAGE, instanceType: TYPE }), make: (s, p) => new lib.ImageBuilder(s, 'X', p) },
  Stack: { base: () => ({}), make: (s, p) => new lib.Stack(s, 'X', p) },
  User: { base: () => ({ email: 'alice@example.com' }), make: (s, p) => new lib.User(s, 'X', p) },
  ElasticFleet: {
    base: (s) => ({ instanceType: TYPE, maxConcurrentSessions: 2, platform: lib.FleetPlatform.WINDOWS_SERVER_2019, vpc: vpcIn(s) }),
    make: (s, p) => new lib.ElasticFleet(s, 'X', p),
  },
  AppBlock: {
    base: () => ({ packaging: lib.AppBlockPackaging.appStream2(), source: lib.S3Location.fromBucketName('my-apps', 'a.vhdx') }),
    make: (s, p) => new lib.AppBlock(s, 'X', p),
  },
  AppBlockBuilder: { base: (s) => ({ instanceType: TYPE, vpc: vpcIn(s) }), make: (s, p) => new lib.AppBlockBuilder(s, 'X', p) },
  DirectoryConfig: {
    base: () => ({
      directoryName: 'corp.example.com',
      organizationalUnitDistinguishedNames: ['OU=AppStream,DC=corp,DC=example,DC=com'],
      serviceAccountCredentials: lib.ServiceAccountCredentials.fromPassword('CORP\\svc', cdk.SecretValue.unsafePlainText('p')),
    }),
    make: (s, p) => new lib.DirectoryConfig(s, 'X', p),
  },
  Application: {
    base: (s) => ({
      appBlock: lib.AppBlock.fromAppBlockName(s, 'Block', 'block'),
      icon: lib.S3Location.fromBucketName('my-apps', 'icon.png'),
      instanceFamilies: [lib.InstanceFamily.GENERAL_PURPOSE],
      launchPath: 'C:\\app.exe',
      platforms: [lib.FleetPlatform.WINDOWS_SERVER_2019],
    }),
    make: (s, p) => new lib.Application(s, 'X', p),
  },
  Entitlement: {
    base: (s) => ({ stack: new lib.Stack(s, 'Apps'), appVisibility: lib.AppVisibility.ALL, attributes: [lib.EntitlementAttribute.of(lib.SamlAttribute.GROUPS, 'g')] }),
    make: (s, p) => new lib.Entitlement(s, 'X', p),
  },
  ImagePipeline: { base: () => ({ source: lib.ImageSource.managedUpdates(IMAGE), imageNamePrefix: 'Desktops' }), make: (s, p) => new lib.ImagePipeline(s, 'X', p) },
};

type Kind = 'string' | 'number' | 'list' | 'object';

/** A token of each kind, made from a CloudFormation parameter, so that the template shows where it went. */
function tokenOf(s: cdk.Stack, kind: Kind): unknown {
  switch (kind) {
    case 'string': return new cdk.CfnParameter(s, 'Token').valueAsString;
    case 'number': return new cdk.CfnParameter(s, 'Token', { type: 'Number' }).valueAsNumber;
    case 'list': return new cdk.CfnParameter(s, 'Token', { type: 'CommaDelimitedList' }).valueAsList;
    case 'object': {
      const param = new cdk.CfnParameter(s, 'Token');
      return cdk.Lazy.any({ produce: () => ({ Ref: param.logicalId }) });
    }
  }
}

/**
 * Strings the library reads while it synthesizes, each with its own message: the image pipeline writes
 * its prefix into the state machine's name patterns, IAM resources and re-tagging rule.
 */
const LITERAL_STRINGS = new Set(['ImagePipelineProps.imageNamePrefix']);

/** Whether the boundary's contract takes a token of `kind` for a field of `type`. */
function taken(struct: string, field: string, type: ApiType, kind: Kind): boolean {
  const entry = typeof type === 'string' ? API_TYPES[type] : undefined;
  switch (kind) {
    case 'string': return (type === 'string' && !LITERAL_STRINGS.has(`${struct}.${field}`)) || entry?.kind === 'enum';
    case 'number': return type === 'number';
    case 'list': return LIST_TOKEN_FIELDS.has(`${struct}.${field}`);
    case 'object': return entry?.kind === 'enum';
  }
}

const cases = Object.keys(CONSTRUCTS).flatMap((cls) => {
  const props = API_TYPES[`${cls}Props`] as { fields: Record<string, { type: ApiType }> };
  return Object.entries(props.fields).flatMap(([field, spec]) => (['string', 'number', 'list', 'object'] as Kind[])
    .map((kind) => [cls, field, kind, taken(`${cls}Props`, field, spec.type, kind)] as const));
});

describe('a token in each prop: taken whole into the template, or refused with our message', () => {
  test('LIST_TOKEN_FIELDS names lists of the table only', () => {
    for (const key of LIST_TOKEN_FIELDS) {
      const [struct, field] = key.split('.');
      expect((API_TYPES[struct] as any)?.fields?.[field]?.type, key).toHaveProperty('array');
    }
  });

  test('every construct with props is swept', () => {
    const withProps = Object.entries(API_TYPES).filter(([n, e]) => e.kind === 'class' && e.init?.some((p) => p.type === `${n}Props`)).map(([n]) => n);
    expect(Object.keys(CONSTRUCTS).sort()).toEqual(withProps.sort());
  });

  test.each(cases)('%s.%s given a %s token: taken %s', (cls, field, kind, expected) => {
    const app = new cdk.App();
    const s = new cdk.Stack(app, 'S', { env: { account: '123456789012', region: 'us-east-1' } });
    const { base, make } = CONSTRUCTS[cls];
    let template: string | undefined;
    let error: Error | undefined;
    try {
      make(s, { ...base(s), [field]: tokenOf(s, kind) });
      template = JSON.stringify(app.synth().getStackByName('S').template.Resources);
    } catch (e) {
      error = e as Error;
    }
    if (expected) {
      expect(error?.message).toBeUndefined();
      // Taken whole: the parameter's reference reaches the template, wherever it goes.
      expect(template).toContain('{"Ref":"Token"}');
      // Arithmetic on a number token makes a literal near 1.9e289 (a token is a number only by its encoding).
      expect(template).not.toMatch(/e\+28\d/);
    } else {
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(TypeError);
      expect(error!.message).toMatch(new RegExp(`^${cls} 'S/X': ${field}\\b`));
      expect(error!.message).not.toMatch(/Token\[/);
    }
  });
});
