/**
 * Domain joins, distinguished names, instance types, root volumes and images (issue 14):
 * lib/private/domain-join.ts, lib/private/instance.ts and the distinguished-name helpers of the rules.
 */
import { App, Aws, CfnResource, SecretValue, Size, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { describe, expect, test } from 'vitest';
import { DirectoryConfig, Image, InstanceType, ServiceAccountCredentials } from '../../lib';
import { checkOuDomain, configureDomainJoin } from '../../lib/private/domain-join';
import { bindImage, checkInstanceType, requireImdsv2, rootVolumeConfig } from '../../lib/private/instance';
import { distinguishedNameDomain, distinguishedNameKey } from '../../lib/private/rules';
import { Validator } from '../../lib/private/validation';

const ENV = { account: '123456789012', region: 'us-east-1' };

function setup(kind = 'ImageBuilder', env: { account?: string; region?: string } | undefined = ENV) {
  const app = new App();
  const stack = new Stack(app, 'Stack', { env });
  const v = new Validator(new Construct(stack, 'Res'), kind);
  return { app, stack, v };
}

describe('distinguished names', () => {
  test('the domain: DC parts in order, lower case, trimmed; empty without any', () => {
    expect(distinguishedNameDomain('OU=A, dc = Corp ,DC=Example,DC=com')).toBe('corp.example.com');
    expect(distinguishedNameDomain('OU=A,OU=B')).toBe('');
    expect(distinguishedNameDomain('OU=dc\\=x,DC=a')).toBe('a');
    expect(distinguishedNameDomain('OU=A,DC=a\\2Cb')).toBe('a,b');
  });

  test('the key: types and values lower case and trimmed, escapes undone', () => {
    expect(distinguishedNameKey('OU = Sales , DC=Corp')).toBe(JSON.stringify([['ou', 'sales'], ['dc', 'corp']]));
    expect(distinguishedNameKey('OU=a\\+b')).toBe(JSON.stringify([['ou', 'a+b']]));
    expect(distinguishedNameKey('OU=a\\41')).toBe(JSON.stringify([['ou', 'aa']]));
    expect(distinguishedNameKey('novalue')).toBe(JSON.stringify([['', 'novalue']]));
    expect(distinguishedNameKey('OU=x=y')).toBe(JSON.stringify([['ou', 'x=y']]));
    // a trailing backslash stays as it is; a lone hex digit is no hex pair
    expect(distinguishedNameKey('OU=a\\')).toBe(JSON.stringify([['ou', 'a\\']]));
    expect(distinguishedNameKey('OU=a\\4')).toBe(JSON.stringify([['ou', 'a4']]));
    expect(distinguishedNameKey('OU=a\\4g')).toBe(JSON.stringify([['ou', 'a4g']]));
    // hex pairs that end a part, and a UTF-8 sequence followed by text
    expect(distinguishedNameKey('OU=\\C3\\BC,DC=x')).toBe(JSON.stringify([['ou', 'ü'], ['dc', 'x']]));
    expect(distinguishedNameKey('OU=\\C3\\BCx')).toBe(JSON.stringify([['ou', 'üx']]));
  });
});

describe('checkOuDomain', () => {
  test('an OU of the directory passes, in any case', () => {
    const { v } = setup();
    expect(() => checkOuDomain(v, 'ou', 'OU=A,DC=Corp,DC=Example,DC=com', 'corp.example.COM')).not.toThrow();
  });
  test('an OU of another domain, or of none', () => {
    const { v } = setup();
    expect(() => checkOuDomain(v, 'ou', 'OU=A,DC=other,DC=com', 'corp.example.com'))
      .toThrow("ImageBuilder 'Stack/Res': ou \"OU=A,DC=other,DC=com\" lies in the domain other.com, not in the directory's domain corp.example.com. Give an OU of corp.example.com, ending in DC=corp,DC=example,DC=com.");
    expect(() => checkOuDomain(v, 'ou', 'OU=A', 'corp.example.com'))
      .toThrow("ImageBuilder 'Stack/Res': ou \"OU=A\" names no domain: it has no DC= parts (parts are separated by commas), so it is not an OU of corp.example.com. Give an OU of corp.example.com, ending in DC=corp,DC=example,DC=com.");
  });
  test('tokens and absent values are not judged', () => {
    const { v } = setup();
    expect(() => checkOuDomain(v, 'ou', undefined, 'corp.example.com')).not.toThrow();
    expect(() => checkOuDomain(v, 'ou', `OU=${Aws.REGION}`, 'corp.example.com')).not.toThrow();
    expect(() => checkOuDomain(v, 'ou', 'OU=A', Aws.REGION)).not.toThrow();
    expect(() => checkOuDomain(v, 'ou', 'OU=A', 5 as any)).not.toThrow();
  });
});

describe('configureDomainJoin', () => {
  test('none without a join; a join needs a VPC', () => {
    const { stack, v } = setup('Fleet');
    expect(configureDomainJoin(v, undefined, undefined)).toBeUndefined();
    const directory = DirectoryConfig.fromDirectoryName(stack, 'D', 'corp.example.com');
    expect(() => configureDomainJoin(v, { directory }, undefined))
      .toThrow("Fleet 'Stack/Res': domainJoin needs a vpc: a fleet must reach the domain controllers from a subnet of yours. Give vpc (and vpcSubnets) too.");
  });

  test('the L1 shape, and the fixes of a bad directory name and OU', () => {
    const { stack, v } = setup();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1 });
    const directory = DirectoryConfig.fromDirectoryName(stack, 'D', 'corp.example.com');
    expect(configureDomainJoin(v, { directory }, vpc)).toEqual({ directoryName: 'corp.example.com', organizationalUnitDistinguishedName: undefined });
    expect(() => configureDomainJoin(v, { directory: { directoryName: 'CORP' } as any }, vpc)) // the import checks it too
      .toThrow(/domainJoin.directory.directoryName "CORP" must be a fully qualified domain name such as corp.example.com \(pattern .*\)\. Give the fully qualified domain name of the directory, such as corp.example.com \(not its NetBIOS name\)\.$/);
    expect(() => configureDomainJoin(v, { directory, organizationalUnitDistinguishedName: 'CN=x,DC=corp,DC=example,DC=com' }, vpc))
      .toThrow(/domainJoin.organizationalUnitDistinguishedName "CN=x,DC=corp,DC=example,DC=com" must be a distinguished name starting with 'OU='.*\. Give the distinguished name of an OU, such as OU=AppStream,DC=corp,DC=example,DC=com\.$/);
    expect(() => configureDomainJoin(v, { directory, organizationalUnitDistinguishedName: `OU=${'x'.repeat(2000)}` }, vpc))
      .toThrow(/must be at most 2000 characters long \(it is 2003\)\. Shorten it\.$/);
    expect(() => configureDomainJoin(v, { directory: 'corp' as any }, vpc))
      .toThrow("ImageBuilder 'Stack/Res': domainJoin.directory \"corp\" is not of the expected type. Give the directory config of the domain: a DirectoryConfig, defined in the app or imported with DirectoryConfig.fromDirectoryName() (a directory name such as corp.example.com).");
  });

  function directoryIn(stack: Stack, ous = ['OU=A,DC=corp,DC=example,DC=com']) {
    return new DirectoryConfig(stack, 'Dir', {
      directoryName: 'corp.example.com',
      organizationalUnitDistinguishedNames: ous,
      serviceAccountCredentials: ServiceAccountCredentials.fromPassword('svc-appstream', SecretValue.secretsManager('appstream/service-account', { jsonField: 'password' })),
    });
  }

  test('a directory config of the app: its OUs, and its name by reference', () => {
    const { stack, v } = setup();
    const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 1 });
    const directory = directoryIn(stack);
    const join = configureDomainJoin(v, { directory, organizationalUnitDistinguishedName: 'ou=a, dc=corp,dc=example,dc=com' }, vpc);
    expect(stack.resolve(join!.directoryName)).toEqual({ Ref: expect.stringMatching(/^Dir/) });
    expect(() => configureDomainJoin(v, { directory, organizationalUnitDistinguishedName: 'OU=B,DC=corp,DC=example,DC=com' }, vpc))
      .toThrow("ImageBuilder 'Stack/Res': domainJoin.organizationalUnitDistinguishedName \"OU=B,DC=corp,DC=example,DC=com\" is not one of the OUs of directory config 'Stack/Dir' (\"OU=A,DC=corp,DC=example,DC=com\"). Give one of those OUs, add this one to the directory config's organizationalUnitDistinguishedNames, or leave the OU out.");
  });

  test('a directory config in another account or region', () => {
    const app = new App();
    const here = new Stack(app, 'Here', { env: ENV });
    const v = new Validator(new Construct(here, 'Res'), 'ImageBuilder');
    const vpc = new ec2.Vpc(here, 'Vpc', { maxAzs: 1 });
    const otherAccount = directoryIn(new Stack(app, 'Acc', { env: { ...ENV, account: '210987654321' } }));
    const otherRegion = directoryIn(new Stack(app, 'Reg', { env: { ...ENV, region: 'eu-west-1' } }));
    expect(() => configureDomainJoin(v, { directory: otherAccount }, vpc))
      .toThrow("ImageBuilder 'Here/Res': domainJoin.directory \"Acc/Dir\" is in account 210987654321, but this is in account 123456789012: a directory config serves only its own account and region. Define a DirectoryConfig for corp.example.com in a stack of this account and region.");
    expect(() => configureDomainJoin(v, { directory: otherRegion }, vpc))
      .toThrow(/domainJoin.directory "Reg\/Dir" is in region eu-west-1, but this is in region us-east-1/);
  });
});

describe('checkInstanceType', () => {
  test('a supported type passes; a type of other resources fails, listing those offered', () => {
    const { v } = setup();
    expect(checkInstanceType(v, InstanceType.of('stream.standard.small'), ['stream.standard.small', 'stream.standard.medium'])).toBe('stream.standard.small');
    expect(() => checkInstanceType(v, InstanceType.of('stream.compute.large'), ['stream.standard.small', 'stream.standard.medium']))
      .toThrow("ImageBuilder 'Stack/Res': instanceType \"stream.compute.large\" is not offered for image builders. Use one of the image builder instance types: stream.standard.small, stream.standard.medium.");
  });
  test('an unknown type warns, with its id', () => {
    const { stack, v } = setup('Fleet');
    expect(checkInstanceType(v, InstanceType.of('stream.future.large'), ['stream.standard.small'])).toBe('stream.future.large');
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map((w) => w.entry.data)).toEqual([
      "instanceType 'stream.future.large' is not one of the fleet instance types this library knows; check the name (AppStream rejects unknown types at deployment) or ignore this if AWS has added it since. [ack: cdk-appstream:fleet:unknownInstanceType]",
    ]);
  });
  test('a token passes; what is not an InstanceType fails', () => {
    const { stack, v } = setup();
    expect(checkInstanceType(v, InstanceType.of(Aws.REGION), [])).toBe(Aws.REGION);
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue())).toEqual([]);
    expect(() => checkInstanceType(v, 'stream.standard.small' as any, []))
      .toThrow("ImageBuilder 'Stack/Res': instanceType \"stream.standard.small\" is not of the expected type. Give an InstanceType, such as InstanceType.STANDARD_MEDIUM or InstanceType.of('stream.standard.medium').");
  });
});

describe('rootVolumeConfig', () => {
  test('whole GiB; from 200 to 500, or a warning (only the docs give the range)', () => {
    const { stack, v } = setup();
    expect(rootVolumeConfig(v, undefined)).toBeUndefined();
    expect(rootVolumeConfig(v, null as any)).toBeUndefined();
    expect(rootVolumeConfig(v, Size.gibibytes(200))).toEqual({ volumeSizeInGb: 200 });
    expect(rootVolumeConfig(v, Size.tebibytes(0.48828125))).toEqual({ volumeSizeInGb: 500 });
    expect(rootVolumeConfig(v, Size.gibibytes(199))).toEqual({ volumeSizeInGb: 199 });
    expect(rootVolumeConfig(v, Size.gibibytes(501))).toEqual({ volumeSizeInGb: 501 });
    expect(Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map((w) => w.entry.data)).toEqual([
      "ImageBuilder 'Stack/Res': rootVolumeSize 199 is outside the range the AppStream docs give, 200 to 500 (AWS may refuse it at deployment). Give a whole number of GiB from 200 to 500, such as Size.gibibytes(300). [ack: cdk-appstream:imageBuilder:rootVolumeSizeRange]",
      "ImageBuilder 'Stack/Res': rootVolumeSize 501 is outside the range the AppStream docs give, 200 to 500 (AWS may refuse it at deployment). Give a whole number of GiB from 200 to 500, such as Size.gibibytes(300). [ack: cdk-appstream:imageBuilder:rootVolumeSizeRange]",
    ]);
    expect(() => rootVolumeConfig(v, Size.mebibytes(300 * 1024 + 512))).toThrow('rootVolumeSize 300.5 must be a whole number from 200 to 500');
  });
  test('tokens in GiB pass through; in another unit they fail; what is not a Size fails', () => {
    const { stack, v } = setup();
    const t = Token.asNumber({ Ref: 'Size' });
    expect(stack.resolve(rootVolumeConfig(v, Size.gibibytes(t)))).toEqual({ volumeSizeInGb: { Ref: 'Size' } });
    expect(() => rootVolumeConfig(v, Size.mebibytes(t)))
      .toThrow("ImageBuilder 'Stack/Res': rootVolumeSize is a token in a unit other than GiB. Use Size.gibibytes() for a value known only at deployment.");
    expect(() => rootVolumeConfig(v, 300 as any)).toThrow("ImageBuilder 'Stack/Res': rootVolumeSize 300 must be a Size. Give a Size in GiB, such as Size.gibibytes(300).");
  });
});

describe('requireImdsv2 and bindImage', () => {
  test('DisableIMDSV1 only when true', () => {
    const { stack } = setup();
    const r = (value: boolean | undefined, id: string) => {
      const res = new CfnResource(stack, id, { type: 'Test::R', properties: { A: 1 } });
      requireImdsv2(res, value);
      return stack.resolve((res as any)._toCloudFormation()).Resources[id].Properties;
    };
    expect(r(true, 'T')).toEqual({ A: 1, DisableIMDSV1: true });
    expect(r(false, 'F')).toEqual({ A: 1 });
    expect(r(undefined, 'U')).toEqual({ A: 1 });
  });
  test('an image by name, by ARN, neither or both', () => {
    const { v } = setup();
    expect(bindImage(v, Image.fromName('AppStream-WinServer2022-06-17-2024'))).toEqual({ imageName: 'AppStream-WinServer2022-06-17-2024' });
    expect(() => bindImage(v, { bind: () => ({}) } as any))
      .toThrow("ImageBuilder 'Stack/Res': image {} must give exactly one of an image name and an image ARN. Use Image.fromName() or Image.fromArn().");
    expect(() => bindImage(v, { bind: () => ({ imageName: 'a', imageArn: 'b' }) } as any)).toThrow(/image \{"imageName":"a","imageArn":"b"\} must give exactly one/);
    expect(() => bindImage(v, 'name' as any))
      .toThrow("ImageBuilder 'Stack/Res': image \"name\" is not of the expected type. Give an Image, such as Image.fromName('AppStream-WinServer2022-06-17-2024') or Image.fromArn(...).");
  });
});
