import { App, CfnDynamicReference, CfnDynamicReferenceService, CfnParameter, Lazy, RemovalPolicy, SecretValue, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as acmpca from 'aws-cdk-lib/aws-acmpca';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import { beforeEach, describe, expect, test } from 'vitest';
import {
  CertificateBasedAuthStatus,
  DirectoryConfig,
  DirectoryConfigProps,
  IDirectoryConfig,
  Image,
  ImageBuilder,
  InstanceType,
  ServiceAccountCredentials,
} from '../lib';
import { DIRECTORY_CONFIG_CERTIFICATE_AUTH_STATUSES, distinguishedNameKey } from '../lib/private/rules';

const OU = 'OU=AppStream,DC=corp,DC=example,DC=com';
/** An OU in the domain `name`. */
const ouIn = (name: string) => `OU=AppStream,${name.split('.').map((label) => `DC=${label}`).join(',')}`;
const CA_ARN = 'arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/11111111-2222-3333-4444-555555555555';
const PLAIN_TEXT = 'cdk-appstream:directoryConfig:plainTextPassword';

let app: App;
let stack: Stack;

beforeEach(() => {
  // With checkSecretUsage on, resolving a SecretValue anywhere but in a SecretValue property throws:
  // the construct must read its password without tripping it.
  app = new App({ context: { '@aws-cdk/core:checkSecretUsage': true } });
  stack = new Stack(app, 'Stack');
});

/** A value known only at deployment: a template parameter of `scope` (a dangling Ref would fail cfn-lint). */
function param(name: string, scope: Stack = stack): string {
  return new CfnParameter(scope, name).valueAsString;
}

function fromSecretName(name = 'appstream/service-account'): ServiceAccountCredentials {
  return ServiceAccountCredentials.fromSecret(secretsmanager.Secret.fromSecretNameV2(stack, `Secret${name}`, name));
}

function directory(props: Partial<DirectoryConfigProps> = {}, id = 'Directory', scope: Stack = stack): DirectoryConfig {
  return new DirectoryConfig(scope, id, {
    directoryName: 'corp.example.com',
    organizationalUnitDistinguishedNames: [OU],
    serviceAccountCredentials: ServiceAccountCredentials.fromPassword('svc-appstream', SecretValue.secretsManager('appstream/service-account', { jsonField: 'password' })),
    ...props,
  });
}

function configProps(s: Stack = stack): Record<string, any> {
  const all = Object.values(Template.fromStack(s).findResources('AWS::AppStream::DirectoryConfig'));
  expect(all).toHaveLength(1);
  return all[0].Properties;
}

function password(value: SecretValue): void {
  directory({ serviceAccountCredentials: ServiceAccountCredentials.fromPassword('svc-appstream', value) });
}

function warnings(id: string): string[] {
  return Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp(`\\[ack: ${id}\\]`)).map((w) => String(w.entry.data));
}

describe('defaults', () => {
  test('a directory config: name, OUs, the service account from a secret reference, removed with the stack', () => {
    directory();
    expect(configProps()).toEqual({
      DirectoryName: 'corp.example.com',
      OrganizationalUnitDistinguishedNames: [OU],
      ServiceAccountCredentials: {
        AccountName: 'svc-appstream',
        AccountPassword: '{{resolve:secretsmanager:appstream/service-account:SecretString:password::}}',
      },
    });
    Template.fromStack(stack).hasResource('AWS::AppStream::DirectoryConfig', { DeletionPolicy: 'Delete', UpdateReplacePolicy: 'Delete' });
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });
});

describe('every prop set', () => {
  test('renders every property', () => {
    const d = directory({
      directoryName: 'ad.example.org',
      organizationalUnitDistinguishedNames: ['OU=Builders,DC=ad,DC=example,DC=org', 'OU=Fleets,OU=AppStream,DC=ad,DC=example,DC=org'],
      serviceAccountCredentials: fromSecretName(),
      certificateBasedAuth: {
        certificateAuthority: acmpca.CertificateAuthority.fromCertificateAuthorityArn(stack, 'Ca', CA_ARN),
        status: CertificateBasedAuthStatus.ENABLED_NO_DIRECTORY_LOGIN_FALLBACK,
      },
      removalPolicy: RemovalPolicy.RETAIN,
    });
    const props = configProps();
    expect(props.DirectoryName).toBe('ad.example.org');
    expect(props.OrganizationalUnitDistinguishedNames).toEqual(['OU=Builders,DC=ad,DC=example,DC=org', 'OU=Fleets,OU=AppStream,DC=ad,DC=example,DC=org']);
    expect(props.CertificateBasedAuthProperties).toEqual({ Status: 'ENABLED_NO_DIRECTORY_LOGIN_FALLBACK', CertificateAuthorityArn: CA_ARN });
    Template.fromStack(stack).hasResource('AWS::AppStream::DirectoryConfig', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    expect(stack.resolve(d.directoryName)).toEqual({ Ref: stack.getLogicalId(d.node.defaultChild as any) });
    expect(d.organizationalUnitDistinguishedNames).toHaveLength(2);
  });

  test('certificate-based auth is ENABLED by default when given', () => {
    directory({ certificateBasedAuth: { certificateAuthority: acmpca.CertificateAuthority.fromCertificateAuthorityArn(stack, 'Ca', CA_ARN) } });
    expect(configProps().CertificateBasedAuthProperties).toEqual({ Status: 'ENABLED', CertificateAuthorityArn: CA_ARN });
  });

  test('the status values are those of the AppStream model', () => {
    expect(Object.values(CertificateBasedAuthStatus).sort()).toEqual([...DIRECTORY_CONFIG_CERTIFICATE_AUTH_STATUSES].sort());
  });
});

describe('service account credentials', () => {
  test('fromSecret renders secretsmanager dynamic references to the username and password fields', () => {
    directory({ serviceAccountCredentials: fromSecretName() });
    const credentials = configProps().ServiceAccountCredentials;
    const secretArn = ['{{resolve:secretsmanager:arn:', { Ref: 'AWS::Partition' }, ':secretsmanager:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }];
    expect(credentials).toEqual({
      AccountName: { 'Fn::Join': ['', [...secretArn, ':secret:appstream/service-account:SecretString:username::}}']] },
      AccountPassword: { 'Fn::Join': ['', [...secretArn, ':secret:appstream/service-account:SecretString:password::}}']] },
    });
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  test('fromSecret with other field names, for a secret by complete ARN', () => {
    const arn = 'arn:aws:secretsmanager:us-east-1:123456789012:secret:corp/seamless-AbCdEf';
    const secret = secretsmanager.Secret.fromSecretCompleteArn(stack, 'Seamless', arn);
    directory({ serviceAccountCredentials: ServiceAccountCredentials.fromSecret(secret, { usernameField: 'awsSeamlessDomainUsername', passwordField: 'awsSeamlessDomainPassword' }) });
    expect(configProps().ServiceAccountCredentials).toEqual({
      AccountName: `{{resolve:secretsmanager:${arn}:SecretString:awsSeamlessDomainUsername::}}`,
      AccountPassword: `{{resolve:secretsmanager:${arn}:SecretString:awsSeamlessDomainPassword::}}`,
    });
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  test('fromSecret with a secret defined in the app references it', () => {
    const secret = new secretsmanager.Secret(stack, 'ServiceAccount', {
      generateSecretString: { secretStringTemplate: JSON.stringify({ username: 'svc-appstream' }), generateStringKey: 'password' },
    });
    directory({ serviceAccountCredentials: ServiceAccountCredentials.fromSecret(secret) });
    expect(configProps().ServiceAccountCredentials.AccountPassword).toEqual({
      'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: expect.stringMatching(/^ServiceAccount/) }, ':SecretString:password::}}']],
    });
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  test('the credentials keep the name and password they were given', () => {
    const value = SecretValue.secretsManager('x');
    const credentials = ServiceAccountCredentials.fromPassword('svc', value);
    expect(credentials.serviceAccountName).toBe('svc');
    expect(credentials.serviceAccountPassword).toBe(value);
  });

  describe('plain-text password warning', () => {
    test('a plain-text password is rendered, with a warning that has a stable id and says how to use Secrets Manager', () => {
      password(SecretValue.unsafePlainText('Pa55word!'));
      expect(configProps().ServiceAccountCredentials.AccountPassword).toBe('Pa55word!');
      Annotations.fromStack(stack).hasWarning('/Stack/Directory', Match.stringLikeRegexp(
        `serviceAccountPassword is plain text: it is written into the template.*ServiceAccountCredentials.fromSecret\\(secret\\).*\\[ack: ${PLAIN_TEXT}\\]`,
      ));
      expect(warnings(PLAIN_TEXT).join()).not.toContain('Pa55word!');
    });

    test('a plain SSM parameter reference warns too: its value is not encrypted', () => {
      password(SecretValue.cfnDynamicReference(new CfnDynamicReference(CfnDynamicReferenceService.SSM, '/appstream/password')));
      expect(warnings(PLAIN_TEXT)).toEqual([expect.stringMatching(/reads a plain-text \(String\) SSM parameter/)]);
    });

    test.each([
      ['a secretsmanager reference', SecretValue.secretsManager('appstream/svc')],
      ['a secretsmanager reference by ARN', SecretValue.secretsManager('arn:aws:secretsmanager:us-east-1:123456789012:secret:svc-AbCdEf', { jsonField: 'password' })],
    ])('no warning for %s', (_, value) => {
      password(value);
      Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
    });

    test('no warning for a NoEcho parameter (a token)', () => {
      const noEcho = new CfnParameter(stack, 'Password', { noEcho: true });
      password(SecretValue.cfnParameter(noEcho));
      expect(configProps().ServiceAccountCredentials.AccountPassword).toEqual({ Ref: 'Password' });
      Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
    });

    test('no warning for a token that is not a template parameter (an attribute known at deployment)', () => {
      const secret = new secretsmanager.Secret(stack, 'Generated');
      password(SecretValue.unsafePlainText(secret.secretArn));
      Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
    });

    test('no warning for a NoEcho template parameter given as plain text', () => {
      password(SecretValue.unsafePlainText(new CfnParameter(stack, 'Hidden', { noEcho: true }).valueAsString));
      Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
    });

    test('warns for a template parameter without NoEcho: the console shows its value', () => {
      password(SecretValue.unsafePlainText(param('SomeParam')));
      expect(warnings(PLAIN_TEXT)).toHaveLength(1);
      Annotations.fromStack(stack).hasWarning('/Stack/Directory', Match.stringLikeRegexp('template parameter SomeParam, which has no NoEcho'));
    });

    test('warns for a plain String SSM parameter read through a template parameter', () => {
      password(SecretValue.unsafePlainText(ssm.StringParameter.valueForStringParameter(stack, '/appstream/password')));
      Annotations.fromStack(stack).hasWarning('/Stack/Directory', Match.stringLikeRegexp('reads the plain-text \\(String\\) SSM parameter of template parameter'));
    });

    test('fails an ssm-secure reference: CloudFormation does not resolve it in this resource', () => {
      expect(() => password(SecretValue.ssmSecure('/appstream/password', '3'))).toThrow(
        /DirectoryConfig 'Stack\/Directory': serviceAccountCredentials.serviceAccountPassword is an ssm-secure dynamic reference.*AWS::AppStream::DirectoryConfig is not one of them.*Store the password in AWS Secrets Manager/,
      );
    });
  });
});

describe('attributes and imports', () => {
  test('directoryName and directoryConfigRef of a directory config defined in the app', () => {
    const d = directory();
    const ref = { Ref: stack.getLogicalId(d.node.defaultChild as any) };
    expect(stack.resolve(d.directoryName)).toEqual(ref);
    expect(stack.resolve(d.directoryConfigRef)).toEqual({ directoryName: ref });
    expect(d.organizationalUnitDistinguishedNames).toEqual([OU]);
  });

  test('fromDirectoryName keeps the name, also a token, and defines nothing', () => {
    const imported = DirectoryConfig.fromDirectoryName(stack, 'Imported', 'corp.example.com');
    expect(imported.directoryName).toBe('corp.example.com');
    expect(imported.directoryConfigRef.directoryName).toBe('corp.example.com');
    const late = DirectoryConfig.fromDirectoryName(stack, 'Late', Lazy.string({ produce: () => 'late.example.com' }));
    expect(stack.resolve(late.directoryName)).toBe('late.example.com');
    Template.fromStack(stack).resourceCountIs('AWS::AppStream::DirectoryConfig', 0);
  });

  test('isDirectoryConfig tells directory configs from imports and other values', () => {
    expect(DirectoryConfig.isDirectoryConfig(directory())).toBe(true);
    expect(DirectoryConfig.isDirectoryConfig(DirectoryConfig.fromDirectoryName(stack, 'I', 'corp.example.com'))).toBe(false);
    expect(DirectoryConfig.isDirectoryConfig(stack)).toBe(false);
    expect(DirectoryConfig.isDirectoryConfig(undefined)).toBe(false);
  });
});

describe('rules', () => {
  describe('directoryName', () => {
    test.each(['corp.example.com', 'a.b', 'x-1.corp.example.com'])('accepts %s', (name) => {
      directory({ directoryName: name, organizationalUnitDistinguishedNames: [ouIn(name)] });
      expect(configProps().DirectoryName).toBe(name);
    });
    test.each(['CORP', 'corp..example.com', '-corp.example.com', 'corp_example.com'])('fails %s', (name) => {
      expect(() => directory({ directoryName: name })).toThrow(/DirectoryConfig 'Stack\/Directory': directoryName .* must be a fully qualified domain name .*not its NetBIOS name/);
    });
    test('fails an empty directory name', () => {
      expect(() => directory({ directoryName: '' })).toThrow(/DirectoryConfig 'Stack\/Directory': directoryName "" must not be empty\. Give the fully qualified domain name/);
    });
    test('fails a directory name that already has a directory config in the same account and region, whatever the case', () => {
      directory({}, 'A');
      expect(() => directory({ directoryName: 'CORP.example.com' }, 'B')).toThrow(
        /DirectoryConfig 'Stack\/B': directoryName "CORP.example.com" already has a directory config, 'Stack\/A', in the same account and region\. Define one DirectoryConfig per directory/,
      );
    });
    test('accepts the same directory name in another region', () => {
      const east = new Stack(app, 'East', { env: { account: '111111111111', region: 'us-east-1' } });
      const west = new Stack(app, 'West', { env: { account: '111111111111', region: 'us-west-2' } });
      directory({}, 'D', east);
      directory({}, 'D', west);
      expect(configProps(west).DirectoryName).toBe('corp.example.com');
    });
  });

  describe('organizationalUnitDistinguishedNames', () => {
    test('accepts several OUs, an escaped comma and an OU of 2000 characters', () => {
      const long = `OU=${'x'.repeat(2000 - 'OU=,DC=corp,DC=example,DC=com'.length)},DC=corp,DC=example,DC=com`;
      expect(long).toHaveLength(2000);
      directory({ organizationalUnitDistinguishedNames: [OU, 'OU=Sales\\, East,DC=corp,DC=example,DC=com', long] });
      expect(configProps().OrganizationalUnitDistinguishedNames).toHaveLength(3);
    });
    test('fails an empty list', () => {
      expect(() => directory({ organizationalUnitDistinguishedNames: [] })).toThrow(
        /DirectoryConfig 'Stack\/Directory': organizationalUnitDistinguishedNames must have at least 1 organizational unit \(it has 0\)\. Give the distinguished name of at least one OU/,
      );
    });
    test('fails an OU of 2001 characters, naming its index', () => {
      expect(() => directory({ organizationalUnitDistinguishedNames: [OU, `OU=${'x'.repeat(1998)}`] })).toThrow(
        /organizationalUnitDistinguishedNames\[1\] "OU=x+…" \(2001 characters\) must be at most 2000 characters long \(it is 2001\)\. Shorten it\./,
      );
    });
    test('fails an OU that is not a distinguished name', () => {
      expect(() => directory({ organizationalUnitDistinguishedNames: ['AppStream Computers'] })).toThrow(
        /organizationalUnitDistinguishedNames\[0\] "AppStream Computers" must be a distinguished name starting with 'OU='.*Give the distinguished name of an OU/,
      );
    });
    test('fails a domain component in place of an OU', () => {
      expect(() => directory({ organizationalUnitDistinguishedNames: ['DC=corp,DC=example,DC=com'] })).toThrow(/organizationalUnitDistinguishedNames\[0\] "DC=corp,DC=example,DC=com" must be a distinguished name/);
    });
    test('fails a duplicate, also spelled with other case and spaces, naming both', () => {
      expect(() => directory({ organizationalUnitDistinguishedNames: [OU, 'OU=Other,DC=corp,DC=example,DC=com', 'ou=appstream, dc=Corp, DC=example,DC=com'] })).toThrow(
        /organizationalUnitDistinguishedNames\[2\] "ou=appstream, dc=Corp, DC=example,DC=com" is the same OU as organizationalUnitDistinguishedNames\[0\] "OU=AppStream,DC=corp,DC=example,DC=com".*List each OU once\./,
      );
    });
    test('an escaped comma makes a different OU, not a duplicate', () => {
      directory({ organizationalUnitDistinguishedNames: ['OU=a\\,b,DC=corp,DC=example,DC=com', 'OU=a,OU=b,DC=corp,DC=example,DC=com'] });
      expect(configProps().OrganizationalUnitDistinguishedNames).toHaveLength(2);
    });
  });

  describe('serviceAccountCredentials', () => {
    test('accepts a password of 127 characters (with a warning: it is plain text)', () => {
      password(SecretValue.unsafePlainText('p'.repeat(127)));
      expect(configProps().ServiceAccountCredentials.AccountPassword).toHaveLength(127);
      expect(warnings(PLAIN_TEXT)).toHaveLength(1);
    });
    test('fails a plain-text password of 128 characters, without showing it', () => {
      let message = '';
      try {
        password(SecretValue.unsafePlainText('p'.repeat(128)));
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/DirectoryConfig 'Stack\/Directory': serviceAccountCredentials.serviceAccountPassword must be at most 127 characters long\. Give the account's password/);
      expect(message).not.toContain('ppp');
    });
    test('fails an empty plain-text password', () => {
      expect(() => password(SecretValue.unsafePlainText(''))).toThrow(/serviceAccountCredentials.serviceAccountPassword must not be empty/);
    });
    test('fails an empty account name', () => {
      expect(() => directory({ serviceAccountCredentials: ServiceAccountCredentials.fromPassword('', SecretValue.secretsManager('x')) })).toThrow(
        /DirectoryConfig 'Stack\/Directory': serviceAccountCredentials.serviceAccountName "" must not be empty\. Give the name of the account/,
      );
    });
  });

  describe('certificateBasedAuth', () => {
    test.each([CA_ARN, 'arn:aws-us-gov:acm-pca:us-gov-west-1:123456789012:certificate-authority/AAAAAAAA-bbbb-CCCC-dddd-EEEEEEEEEEEE'])('accepts %s', (arn) => {
      directory({ certificateBasedAuth: { certificateAuthority: acmpca.CertificateAuthority.fromCertificateAuthorityArn(stack, 'Ca', arn) } });
      expect(configProps().CertificateBasedAuthProperties.CertificateAuthorityArn).toBe(arn);
    });
    test('fails the ARN of an ACM certificate, not a private CA', () => {
      const arn = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';
      expect(() => directory({ certificateBasedAuth: { certificateAuthority: acmpca.CertificateAuthority.fromCertificateAuthorityArn(stack, 'Ca', arn) } })).toThrow(
        /DirectoryConfig 'Stack\/Directory': certificateBasedAuth.certificateAuthority "arn:aws:acm:.* must be an AWS Private CA ARN.*Give an AWS Private CA/,
      );
    });
    test('fails something that is not an ARN', () => {
      expect(() => directory({ certificateBasedAuth: { certificateAuthority: acmpca.CertificateAuthority.fromCertificateAuthorityArn(stack, 'Ca', '11111111-2222-3333-4444-555555555555') } })).toThrow(
        /certificateBasedAuth.certificateAuthority "11111111-2222-3333-4444-555555555555" must be an ARN in an AWS partition/,
      );
    });
  });
});

describe('tokens pass through unchecked', () => {
  test('every string prop as a token', () => {
    const t = (name: string) => param(name);
    directory({
      directoryName: t('Domain'),
      organizationalUnitDistinguishedNames: [t('Ou')],
      serviceAccountCredentials: ServiceAccountCredentials.fromPassword(t('Account'), SecretValue.cfnParameter(new CfnParameter(stack, 'Password', { noEcho: true }))),
      certificateBasedAuth: { certificateAuthority: acmpca.CertificateAuthority.fromCertificateAuthorityArn(stack, 'ImportedCa', t('Ca')) },
    });
    expect(configProps()).toEqual({
      DirectoryName: { Ref: 'Domain' },
      OrganizationalUnitDistinguishedNames: [{ Ref: 'Ou' }],
      ServiceAccountCredentials: { AccountName: { Ref: 'Account' }, AccountPassword: { Ref: 'Password' } },
      CertificateBasedAuthProperties: { Status: 'ENABLED', CertificateAuthorityArn: { Ref: 'Ca' } },
    });
    Annotations.fromStack(stack).hasNoWarning('*', Match.anyValue());
  });

  test('the OU list as a token', () => {
    directory({ organizationalUnitDistinguishedNames: new CfnParameter(stack, 'Ous', { type: 'CommaDelimitedList' }).valueAsList });
    expect(configProps().OrganizationalUnitDistinguishedNames).toEqual({ Ref: 'Ous' });
  });

  test('two directory configs whose names are tokens do not clash', () => {
    directory({ directoryName: param('NameA') }, 'A');
    directory({ directoryName: param('NameB') }, 'B');
    Template.fromStack(stack).resourceCountIs('AWS::AppStream::DirectoryConfig', 2);
  });
});

describe('distinguished names compare as Active Directory does', () => {
  test.each([
    ['OU=AppStream,DC=corp,DC=com', 'ou=appstream,dc=CORP,dc=com'],
    ['OU=AppStream,DC=corp,DC=com', 'OU=AppStream, DC=corp , DC=com'],
    ['OU=AppStream,DC=corp,DC=com', 'OU = AppStream,DC= corp,DC=com'],
  ])('%s equals %s', (a, b) => {
    expect(distinguishedNameKey(a)).toBe(distinguishedNameKey(b));
  });
  test.each([
    ['OU=a\\,b,DC=com', 'OU=a,OU=b,DC=com'],
    ['OU=App Stream,DC=com', 'OU=AppStream,DC=com'],
    ['OU=AppStream,DC=corp,DC=com', 'OU=AppStream,DC=corp'],
  ])('%s differs from %s', (a, b) => {
    expect(distinguishedNameKey(a)).not.toBe(distinguishedNameKey(b));
  });
});

describe('an image builder that joins the domain of a directory config', () => {
  const IMAGE = Image.fromName('AppStream-WinServer2022-06-17-2024');

  function joined(directoryConfig: IDirectoryConfig, ou?: string, scope: Stack = stack): ImageBuilder {
    const vpc = new ec2.Vpc(scope, 'Vpc', { maxAzs: 1, restrictDefaultSecurityGroup: false });
    return new ImageBuilder(scope, 'Builder', {
      image: IMAGE,
      instanceType: InstanceType.STANDARD_MEDIUM,
      vpc,
      domainJoin: { directory: directoryConfig, organizationalUnitDistinguishedName: ou },
    });
  }

  function logicalId(construct: DirectoryConfig | ImageBuilder): string {
    return stack.getLogicalId(construct.node.defaultChild as any);
  }

  test('depends on the directory config (DependsOn), and only the image builder resource does', () => {
    const d = directory();
    const b = joined(d, OU);
    b.role; // the default role, defined on first use
    const template = Template.fromStack(stack);
    const builderResource = template.toJSON().Resources[logicalId(b)];
    // The directory's name by reference orders the two: no DependsOn.
    expect(builderResource.DependsOn).toBeUndefined();
    expect(builderResource.Properties.DomainJoinInfo).toEqual({ DirectoryName: { Ref: logicalId(d) }, OrganizationalUnitDistinguishedName: OU });
    const role = Object.entries(Template.fromStack(stack).findResources('AWS::IAM::Role')).find(([id]) => id.startsWith('BuilderRole'))!;
    expect(role[1].DependsOn).toBeUndefined();
  });

  test('accepts an OU of the directory config spelled with other case and spaces', () => {
    const d = directory({ organizationalUnitDistinguishedNames: ['OU=Fleets,DC=corp,DC=example,DC=com', OU] });
    joined(d, 'ou=AppStream, DC=Corp, DC=example, DC=com');
    Template.fromStack(stack).resourceCountIs('AWS::AppStream::ImageBuilder', 1);
  });

  test('accepts no OU: the request names none', () => {
    const d = directory();
    const b = joined(d);
    const resource = Template.fromStack(stack).toJSON().Resources[logicalId(b)];
    expect(resource.Properties.DomainJoinInfo).toEqual({ DirectoryName: { Ref: logicalId(d) } });
    expect(resource.DependsOn).toBeUndefined();
  });

  test('fails an OU that is not one of the directory config\'s, listing them', () => {
    const d = directory({ organizationalUnitDistinguishedNames: [OU, 'OU=Fleets,DC=corp,DC=example,DC=com'] });
    expect(() => joined(d, 'OU=Elsewhere,DC=corp,DC=example,DC=com')).toThrow(
      /ImageBuilder 'Stack\/Builder': domainJoin.organizationalUnitDistinguishedName "OU=Elsewhere,DC=corp,DC=example,DC=com" is not one of the OUs of directory config 'Stack\/Directory' \("OU=AppStream,DC=corp,DC=example,DC=com", "OU=Fleets,DC=corp,DC=example,DC=com"\)\. Give one of those OUs, add this one/,
    );
  });

  test('fails a directory config in another region', () => {
    const east = new Stack(app, 'East', { env: { account: '111111111111', region: 'us-east-1' } });
    const west = new Stack(app, 'West', { env: { account: '111111111111', region: 'us-west-2' } });
    const d = directory({}, 'Directory', east);
    expect(() => joined(d, OU, west)).toThrow(
      /ImageBuilder 'West\/Builder': domainJoin.directory "East\/Directory" is in region us-east-1, but this is in region us-west-2: a directory config serves only its own account and region\. Define a DirectoryConfig for corp.example.com/,
    );
  });

  test('a directory config in another stack of the same environment is referred to through an export, which orders the stacks', () => {
    const env = { account: '111111111111', region: 'us-east-1' };
    const shared = new Stack(app, 'Shared', { env });
    const builders = new Stack(app, 'Builders', { env });
    const d = directory({}, 'Directory', shared);
    joined(d, OU, builders);
    // A reference across stacks of one Stage: an export, and the stack dependency it brings.
    expect(Object.keys(Template.fromStack(shared).toJSON().Outputs)).toHaveLength(1);
    Template.fromStack(builders).hasResourceProperties('AWS::AppStream::ImageBuilder', { DomainJoinInfo: { DirectoryName: { 'Fn::ImportValue': Match.anyValue() } } });
    expect(builders.dependencies).toContain(shared);
  });

  test('with an imported directory only the format rules apply', () => {
    const imported = DirectoryConfig.fromDirectoryName(stack, 'Imported', 'corp.example.com');
    const b = joined(imported, 'OU=Anything,DC=corp,DC=example,DC=com');
    const resource = Template.fromStack(stack).toJSON().Resources[logicalId(b)];
    expect(resource.DependsOn).toBeUndefined();
    expect(() => joined(DirectoryConfig.fromDirectoryName(stack, 'Bad', 'corp.example.com'), 'Anything', new Stack(app, 'Other'))).toThrow(
      /domainJoin.organizationalUnitDistinguishedName "Anything" must be a distinguished name/,
    );
  });

  test('OUs that are tokens are not compared', () => {
    const d = directory({ organizationalUnitDistinguishedNames: [param('Ou')] });
    joined(d, OU);
    const other = directory({ directoryName: 'other.example.com', organizationalUnitDistinguishedNames: [ouIn('other.example.com')] }, 'Other');
    const second = new Stack(app, 'Second');
    joined(other, param('BuilderOu', second), second);
    Template.fromStack(stack).resourceCountIs('AWS::AppStream::ImageBuilder', 1);
  });
});
