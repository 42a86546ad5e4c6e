/**
 * The directory config's own logic, lib/directory-config.ts (issue 14): where the service account's
 * password comes from and what each source earns, certificate-based auth, the OUs, each message whole.
 */
import { App, CfnParameter, SecretValue, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as acmpca from 'aws-cdk-lib/aws-acmpca';
import * as sns from 'aws-cdk-lib/aws-sns';
import { beforeEach, describe, expect, test } from 'vitest';
import { CertificateBasedAuthStatus, DirectoryConfig, DirectoryConfigProps, ServiceAccountCredentials } from '../../lib';

const OU = 'OU=AppStream,DC=corp,DC=example,DC=com';
const CA = 'arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/11111111-2222-3333-4444-555555555555';
const ACK = '[ack: cdk-appstream:directoryConfig:plainTextPassword]';
const STORE = 'Store the password in AWS Secrets Manager and use ServiceAccountCredentials.fromSecret(secret) (or SecretValue.secretsManager()); the template then holds only a {{resolve:secretsmanager:…}} reference.';

let stack: Stack;
beforeEach(() => {
  stack = new Stack(new App(), 'Stack');
});

/** A directory config; its directory is named after `id` (one directory config per directory). */
function directory(props: Partial<DirectoryConfigProps> = {}, id = 'Directory', scope: Stack = stack): DirectoryConfig {
  const domain = id === 'Directory' ? 'corp' : id.toLowerCase();
  return new DirectoryConfig(scope, id, {
    directoryName: `${domain}.example.com`,
    organizationalUnitDistinguishedNames: [`OU=AppStream,DC=${domain},DC=example,DC=com`],
    serviceAccountCredentials: ServiceAccountCredentials.fromPassword('svc', SecretValue.secretsManager('appstream/sa', { jsonField: 'password' })),
    ...props,
  });
}
function withPassword(password: SecretValue, id = 'Directory'): DirectoryConfig {
  return directory({ serviceAccountCredentials: ServiceAccountCredentials.fromPassword('svc', password) }, id);
}
function warnings(scope: Stack = stack): string[] {
  return Annotations.fromStack(scope).findWarning('*', Match.anyValue()).map((w) => String(w.entry.data));
}
function configProps(): Record<string, any> {
  return Object.values(Template.fromStack(stack).findResources('AWS::AppStream::DirectoryConfig'))[0].Properties;
}

describe('the service account password', () => {
  test('from Secrets Manager: no warning', () => {
    directory();
    expect(warnings()).toEqual([]);
  });

  test('plain text: a warning, and its length checked without showing it', () => {
    withPassword(SecretValue.unsafePlainText('hunter2'));
    expect(warnings()).toEqual([
      `serviceAccountCredentials.serviceAccountPassword is plain text: it is written into the template, where anyone who can read the template or the stack sees it. ${STORE} ${ACK}`,
    ]);
    expect(() => withPassword(SecretValue.unsafePlainText('p'.repeat(128)), 'Long'))
      .toThrow("DirectoryConfig 'Stack/Long': serviceAccountCredentials.serviceAccountPassword must be at most 127 characters long. Give the account's password (1 to 127 characters), from AWS Secrets Manager.");
    expect(() => withPassword(SecretValue.unsafePlainText('p'.repeat(127)), 'Max')).not.toThrow();
  });

  test('a plain SSM parameter reference: a warning', () => {
    withPassword(SecretValue.unsafePlainText('{{resolve:ssm:/corp/pw}}'));
    expect(warnings()).toEqual([
      `serviceAccountCredentials.serviceAccountPassword reads a plain-text (String) SSM parameter: anyone allowed to read the parameter sees the password, unencrypted. ${STORE} ${ACK}`,
    ]);
  });

  test('an ssm-secure reference fails', () => {
    expect(() => withPassword(SecretValue.ssmSecure('/corp/pw')))
      .toThrow("DirectoryConfig 'Stack/Directory': serviceAccountCredentials.serviceAccountPassword is an ssm-secure dynamic reference, which CloudFormation resolves only in the few resource properties its user guide lists; AWS::AppStream::DirectoryConfig is not one of them, so the deployment would fail. Store the password in AWS Secrets Manager and use ServiceAccountCredentials.fromSecret(secret) (or SecretValue.secretsManager()).");
  });

  test('template parameters: String SSM parameters and parameters without NoEcho warn; NoEcho does not', () => {
    const ssm = new CfnParameter(stack, 'SsmParam', { type: 'AWS::SSM::Parameter::Value<String>' });
    withPassword(SecretValue.cfnParameter(new CfnParameter(stack, 'Quiet', { noEcho: true })), 'Q');
    expect(warnings()).toEqual([]);
    withPassword(SecretValue.unsafePlainText(ssm.valueAsString), 'S');
    withPassword(SecretValue.unsafePlainText(new CfnParameter(stack, 'Loud').valueAsString), 'L');
    expect(warnings()).toEqual([
      `serviceAccountCredentials.serviceAccountPassword reads the plain-text (String) SSM parameter of template parameter SsmParam: anyone allowed to read the SSM parameter sees the password, unencrypted. ${STORE} ${ACK}`,
      `serviceAccountCredentials.serviceAccountPassword is template parameter Loud, which has no NoEcho: CloudFormation shows its value in the console and in DescribeStacks. ${STORE} ${ACK}`,
    ]);
  });

  test('a Ref that is no template parameter is not judged', () => {
    const topic = new sns.CfnTopic(stack, 'Topic');
    withPassword(SecretValue.unsafePlainText(topic.ref));
    expect(warnings()).toEqual([]);
  });

  test('rendered as given, with the account name', () => {
    directory();
    expect(configProps().ServiceAccountCredentials).toEqual({ AccountName: 'svc', AccountPassword: '{{resolve:secretsmanager:appstream/sa:SecretString:password::}}' });
    expect(() => directory({ serviceAccountCredentials: ServiceAccountCredentials.fromPassword('', SecretValue.secretsManager('x')) }, 'E'))
      .toThrow("DirectoryConfig 'Stack/E': serviceAccountCredentials.serviceAccountName \"\" must not be empty. Give the name of the account AppStream uses to create computer objects.");
    expect(() => directory({ serviceAccountCredentials: 'svc' as any }, 'F'))
      .toThrow("DirectoryConfig 'Stack/F': serviceAccountCredentials \"svc\" must be a ServiceAccountCredentials, not a string. Use ServiceAccountCredentials.fromPassword(), ServiceAccountCredentials.fromSecret() (the account AppStream uses to create computer objects in those OUs).");
  });
});

describe('certificate-based auth', () => {
  const ca = (arn = CA) => acmpca.CertificateAuthority.fromCertificateAuthorityArn(stack, `Ca${arn.length}${Math.random()}`, arn);
  test('ENABLED by default, or the status given', () => {
    directory({ certificateBasedAuth: { certificateAuthority: ca() } });
    expect(configProps().CertificateBasedAuthProperties).toEqual({ Status: 'ENABLED', CertificateAuthorityArn: CA });
    const s2 = new Stack(new App(), 'S2');
    directory({ certificateBasedAuth: { certificateAuthority: ca(), status: CertificateBasedAuthStatus.DISABLED } }, 'D', s2);
    expect(Object.values(Template.fromStack(s2).findResources('AWS::AppStream::DirectoryConfig'))[0].Properties.CertificateBasedAuthProperties.Status).toBe('DISABLED');
  });
  test('fails another status, another ARN, and what is not a CA', () => {
    expect(() => directory({ certificateBasedAuth: { certificateAuthority: ca(), status: 'ON' as any } }, 'A'))
      .toThrow("DirectoryConfig 'Stack/A': certificateBasedAuth.status \"ON\" must be a member of CertificateBasedAuthStatus (ENABLED, ENABLED_NO_DIRECTORY_LOGIN_FALLBACK, DISABLED). Use CertificateBasedAuthStatus.ENABLED or another member of CertificateBasedAuthStatus (whether certificate-based authentication is on).");
    expect(() => directory({ certificateBasedAuth: { certificateAuthority: ca('arn:aws:iam::123456789012:role/x') } }, 'B'))
      .toThrow(/^DirectoryConfig 'Stack\/B': certificateBasedAuth.certificateAuthority "arn:aws:iam::123456789012:role\/x" must be an AWS Private CA ARN, .*\. Give an AWS Private CA, such as one imported with acmpca.CertificateAuthority.fromCertificateAuthorityArn\(\) from its ARN, arn:aws:acm-pca:us-east-1:123456789012:certificate-authority\/11111111-2222-3333-4444-555555555555\.$/);
    expect(() => directory({ certificateBasedAuth: { certificateAuthority: ca('not an arn') } }, 'C'))
      .toThrow(/certificateBasedAuth.certificateAuthority "not an arn" must be an ARN in an AWS partition/);
    expect(() => directory({ certificateBasedAuth: {} as any }, 'D'))
      .toThrow("DirectoryConfig 'Stack/D': certificateBasedAuth.certificateAuthority is required. Give an acmpca.ICertificateAuthority (the AWS Private CA that issues the users' certificates, for example one imported with acmpca.CertificateAuthority.fromCertificateAuthorityArn()).");
  });
  test('warns where CloudFormation lacks it, and not without it', () => {
    const s = new Stack(new App(), 'S', { env: { region: 'us-west-1' } });
    directory({}, 'D', s);
    expect(warnings(s)).toEqual([]);
  });
});

describe('names and OUs', () => {
  test('the name is required, and one directory config per directory, whatever the case', () => {
    expect(() => directory({ directoryName: undefined as any }))
      .toThrow("DirectoryConfig 'Stack/Directory': directoryName is required. Give a string (the fully qualified domain name of the directory, for example corp.example.com (not its NetBIOS name)).");
    directory({}, 'Corp');
    expect(() => directory({ directoryName: 'Corp.Example.com' }, 'B'))
      .toThrow("DirectoryConfig 'Stack/B': directoryName \"Corp.Example.com\" already has a directory config, 'Stack/Corp', in the same account and region. Define one DirectoryConfig per directory, with all the OUs it needs, and join every image builder to that one.");
    expect(() => directory({ directoryName: 'other.example.com', organizationalUnitDistinguishedNames: ['OU=A,DC=other,DC=example,DC=com'] }, 'C')).not.toThrow();
  });

  test('OUs: required, a list, each once, kept as a copy', () => {
    expect(() => directory({ organizationalUnitDistinguishedNames: undefined as any }))
      .toThrow("DirectoryConfig 'Stack/Directory': organizationalUnitDistinguishedNames is required. Give a list of strings (the distinguished names of the organizational units in which AppStream may create computer objects, for example OU=AppStream,DC=corp,DC=example,DC=com: at least one, each at most 2000 characters, no two the same).");
    expect(() => directory({ organizationalUnitDistinguishedNames: OU as any }, 'B')).toThrow(/organizationalUnitDistinguishedNames "OU=AppStream,DC=corp,DC=example,DC=com" must be a list of strings, not a string\. Give a list of strings \(the distinguished names/);
    expect(() => directory({ directoryName: 'corp.example.com', organizationalUnitDistinguishedNames: [OU, 'OU=X,DC=corp,DC=example,DC=com', 'ou=appstream, dc=corp,dc=example,dc=com'] }, 'C', new Stack(new App(), 'Stack')))
      .toThrow("DirectoryConfig 'Stack/C': organizationalUnitDistinguishedNames[2] \"ou=appstream, dc=corp,dc=example,dc=com\" is the same OU as organizationalUnitDistinguishedNames[0] \"OU=AppStream,DC=corp,DC=example,DC=com\" (Active Directory ignores case, spaces after commas and how a character is escaped). List each OU once.");
    const given = [OU];
    const d = directory({ directoryName: 'corp.example.com', organizationalUnitDistinguishedNames: given }, 'D', new Stack(new App(), 'Other'));
    expect(d.organizationalUnitDistinguishedNames).toEqual(given);
    expect(d.organizationalUnitDistinguishedNames).not.toBe(given);
    expect(DirectoryConfig.isDirectoryConfig(d)).toBe(true);
    expect(DirectoryConfig.isDirectoryConfig(DirectoryConfig.fromDirectoryName(stack, 'I', 'corp.example.com'))).toBe(false);
    expect(DirectoryConfig.isDirectoryConfig(null)).toBe(false);
    expect(DirectoryConfig.isDirectoryConfig('x')).toBe(false);
  });

  test('a token OU is not judged', () => {
    const p = new CfnParameter(stack, 'Ou').valueAsString;
    expect(() => directory({ organizationalUnitDistinguishedNames: [p, p] })).not.toThrow();
  });
});
