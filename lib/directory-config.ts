import * as cdk from 'aws-cdk-lib';
import * as acmpca from 'aws-cdk-lib/aws-acmpca';
import * as appstream from 'aws-cdk-lib/aws-appstream';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import { aws_appstream as appstreamRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { checkImported } from './private/arns';
import { checkConstructor } from './private/boundary';
import { warnIfNotInRegion } from './private/cfn-region-support';
import { checkOuDomain } from './private/domain-join';
import { claimUniqueName } from './private/names';
import { applyRemovalPolicy } from './private/props';
import { attributeReference } from './private/references';
import {
  ARN,
  DIRECTORY_CONFIG_ACCOUNT_NAME,
  DIRECTORY_CONFIG_ACCOUNT_PASSWORD,
  DIRECTORY_CONFIG_OUS,
  DIRECTORY_CONFIG_PRIVATE_CA_ARN,
  DIRECTORY_NAME,
  OU_DISTINGUISHED_NAME,
  OU_DISTINGUISHED_NAME_FORMAT,
  SECRETS_MANAGER_REFERENCE_PREFIX,
  SSM_SECURE_REFERENCE_PREFIX,
  distinguishedNameKey,
} from './private/rules';
import { Validator } from './private/validation';

const DIRECTORY_CONFIG_SYMBOL = Symbol.for('cdk-appstream.DirectoryConfig');

/**
 * An AppStream directory config: the Microsoft Active Directory domain that image builders and
 * fleets join, with the organizational units for their computer objects.
 */
export interface IDirectoryConfig extends cdk.IResource, appstreamRefs.IDirectoryConfigRef {
  /**
   * The fully qualified domain name of the directory, for example `corp.example.com`.
   *
   * @attribute
   */
  readonly directoryName: string;
}

/**
 * What directory configs defined in the app and imported ones share.
 */
abstract class DirectoryConfigBase extends cdk.Resource implements IDirectoryConfig {
  public abstract readonly directoryName: string;

  public get directoryConfigRef(): appstreamRefs.DirectoryConfigReference {
    return { directoryName: this.directoryName };
  }
}

/**
 * Where to find the service account's name and password in a Secrets Manager secret whose value is
 * a JSON object.
 */
export interface ServiceAccountSecretOptions {
  /**
   * The JSON field that holds the account name. For the secret that EC2 seamless domain join uses,
   * give `awsSeamlessDomainUsername`.
   *
   * @default 'username'
   */
  readonly usernameField?: string;

  /**
   * The JSON field that holds the password. For the secret that EC2 seamless domain join uses, give
   * `awsSeamlessDomainPassword`.
   *
   * @default 'password'
   */
  readonly passwordField?: string;
}

/**
 * The credentials of the Active Directory account that AppStream uses to create computer objects in
 * the directory config's organizational units.
 *
 * The account needs the rights to create computer objects, join computers to the domain, and change
 * and reset the passwords of the computer objects under those OUs.
 *
 * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/active-directory-admin.html
 */
export class ServiceAccountCredentials {
  /**
   * The name and password stored in a Secrets Manager secret, as JSON fields (`username` and
   * `password` unless `options` says otherwise). The template holds only
   * `{{resolve:secretsmanager:…}}` dynamic references: CloudFormation reads the secret at deployment.
   *
   * @param secret the secret
   * @param options the JSON fields of the name and the password
   */
  public static fromSecret(secret: secretsmanager.ISecret, options: ServiceAccountSecretOptions = {}): ServiceAccountCredentials {
    return new ServiceAccountCredentials(
      secret.secretValueFromJson(options.usernameField ?? 'username').unsafeUnwrap(),
      secret.secretValueFromJson(options.passwordField ?? 'password'),
    );
  }

  /**
   * A name and a password.
   *
   * Give the password as a reference to Secrets Manager (`SecretValue.secretsManager()`, or a secret's
   * `secretValueFromJson()`) or as a `NoEcho` parameter (`SecretValue.cfnParameter()`). A password that
   * is plain text (`SecretValue.unsafePlainText('…')`) is written into the template, and gets the
   * warning `cdk-appstream:directoryConfig:plainTextPassword`. `SecretValue.ssmSecure()` is an error:
   * CloudFormation does not resolve `ssm-secure` references in AWS::AppStream::DirectoryConfig.
   *
   * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references-ssm-secure-strings.html
   *
   * @param serviceAccountName the account name, for example `svc-appstream`
   * @param serviceAccountPassword the account's password, 1 to 127 characters
   */
  public static fromPassword(serviceAccountName: string, serviceAccountPassword: cdk.SecretValue): ServiceAccountCredentials {
    return new ServiceAccountCredentials(serviceAccountName, serviceAccountPassword);
  }

  /** The account name (a dynamic reference, with `fromSecret()`). */
  public readonly serviceAccountName: string;

  /** The account's password. */
  public readonly serviceAccountPassword: cdk.SecretValue;

  private constructor(serviceAccountName: string, serviceAccountPassword: cdk.SecretValue) {
    this.serviceAccountName = serviceAccountName;
    this.serviceAccountPassword = serviceAccountPassword;
  }
}

/**
 * Whether certificate-based authentication is on, and whether users may still sign in with their
 * domain password.
 */
export enum CertificateBasedAuthStatus {
  /**
   * On, with fallback: users whose certificate sign-in fails may sign in with their domain password,
   * and may unlock the lock screen with it.
   */
  ENABLED = 'ENABLED',

  /**
   * On, without fallback: users sign in only with certificates; when that fails, they are
   * disconnected and must authenticate again.
   */
  ENABLED_NO_DIRECTORY_LOGIN_FALLBACK = 'ENABLED_NO_DIRECTORY_LOGIN_FALLBACK',

  /** Off: users sign in with their domain password. */
  DISABLED = 'DISABLED',
}

/**
 * Certificate-based authentication: users who sign in through a SAML 2.0 identity provider get a
 * certificate from an AWS Private CA, and use it to sign in to the domain-joined instance.
 *
 * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/certificate-based-authentication.html
 */
export interface CertificateBasedAuth {
  /**
   * The AWS Private CA that issues the users' certificates, for example one imported with
   * `acmpca.CertificateAuthority.fromCertificateAuthorityArn()`. AppStream's documentation asks for a
   * CA in the directory config's account and region, tagged with the key `euc-private-ca`.
   *
   * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/certificate-based-authentication-enable.html
   */
  readonly certificateAuthority: acmpca.ICertificateAuthority;

  /**
   * Whether certificate-based authentication is on.
   *
   * @default CertificateBasedAuthStatus.ENABLED
   */
  readonly status?: CertificateBasedAuthStatus;
}

/**
 * Properties of a `DirectoryConfig`.
 */
export interface DirectoryConfigProps {
  /**
   * The fully qualified domain name of the directory, for example `corp.example.com` (not its
   * NetBIOS name). One directory config per directory name in an account and region.
   */
  readonly directoryName: string;

  /**
   * The distinguished names of the organizational units in which AppStream may create computer
   * objects, for example `OU=AppStream,DC=corp,DC=example,DC=com`: at least one, each at most 2000
   * characters, no two the same. A domain join that names an OU must name one of these.
   */
  readonly organizationalUnitDistinguishedNames: string[];

  /**
   * The account AppStream uses to create computer objects in those OUs. Take it from a Secrets
   * Manager secret with `ServiceAccountCredentials.fromSecret()`.
   */
  readonly serviceAccountCredentials: ServiceAccountCredentials;

  /**
   * Certificate-based authentication for users who sign in through a SAML 2.0 identity provider.
   *
   * @default - none: users sign in with their domain password
   */
  readonly certificateBasedAuth?: CertificateBasedAuth;

  /**
   * What happens to the directory config when it leaves the stack.
   *
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: cdk.RemovalPolicy;
}

/**
 * Defines an AppStream directory config: the Microsoft Active Directory domain that image builders
 * and fleets join, the organizational units for their computer objects, and the service account that
 * AppStream uses to create those objects.
 *
 * Every rule of the AppStream API is checked at synth time; values only known at deployment (tokens)
 * are passed through unchecked. A password given as plain text gets the warning
 * `cdk-appstream:directoryConfig:plainTextPassword`. An `ImageBuilder` that joins this directory
 * config's domain depends on it, and its OU must be one of this directory config's OUs.
 *
 * @resource AWS::AppStream::DirectoryConfig
 * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/active-directory.html
 */
export class DirectoryConfig extends DirectoryConfigBase {
  /**
   * Import a directory config by directory name, for one defined outside this app.
   *
   * Only the format of the name is known here: the OU and existence checks need a `DirectoryConfig`
   * defined in the app.
   *
   * @param scope the scope of the import
   * @param id the construct id of the import
   * @param directoryName the fully qualified domain name, for example `corp.example.com`
   */
  public static fromDirectoryName(scope: Construct, id: string, directoryName: string): IDirectoryConfig {
    checkImported(scope, id, 'DirectoryConfig.fromDirectoryName()', 'directoryName', directoryName, DIRECTORY_NAME,
      'Give the fully qualified domain name of the directory, such as corp.example.com (not its NetBIOS name).');
    class Import extends DirectoryConfigBase {
      public readonly directoryName = directoryName;
    }
    return new Import(scope, id);
  }

  /**
   * Whether `x` is a `DirectoryConfig` defined in an app (works across copies of this library).
   *
   * @param x any value
   */
  public static isDirectoryConfig(x: any): x is DirectoryConfig {
    return x !== null && typeof x === 'object' && x[DIRECTORY_CONFIG_SYMBOL] === true;
  }

  /**
   * The fully qualified domain name of the directory, as given: a reference to the resource (`Ref`),
   * so what uses it is created after the directory config, and the literal name where no reference
   * can be made (in another Stage, or another account or region).
   *
   * @attribute
   */
  public readonly directoryName: string;

  /** The distinguished names of the organizational units for computer objects. */
  public readonly organizationalUnitDistinguishedNames: string[];

  constructor(scope: Construct, id: string, props: DirectoryConfigProps) {
    props = checkConstructor(DirectoryConfig, arguments).props;
    super(scope, id);
    Object.defineProperty(this, DIRECTORY_CONFIG_SYMBOL, { value: true });
    const v = new Validator(this, 'DirectoryConfig');

    const nameFix = 'Give the fully qualified domain name of the directory, such as corp.example.com (not its NetBIOS name).';
    const directoryName = props.directoryName;
    v.string('directoryName', directoryName, DIRECTORY_NAME, nameFix);
    const other = claimUniqueName(this, appstream.CfnDirectoryConfig.CFN_RESOURCE_TYPE_NAME, directoryName.toLowerCase());
    if (other !== undefined) {
      v.fail('directoryName', directoryName, `already has a directory config, '${other}', in the same account and region`,
        'Define one DirectoryConfig per directory, with all the OUs it needs, and join every image builder to that one.');
    }

    const ous = props.organizationalUnitDistinguishedNames;
    this.checkOus(v, ous, directoryName);
    const credentials = this.serviceAccountCredentials(v, props.serviceAccountCredentials);
    const auth = props.certificateBasedAuth;
    const certificateBasedAuthProperties = auth === undefined ? undefined : this.certificateBasedAuth(v, auth);

    const resource = new appstream.CfnDirectoryConfig(this, 'Resource', {
      directoryName,
      organizationalUnitDistinguishedNames: ous,
      serviceAccountCredentials: credentials,
      certificateBasedAuthProperties,
    });
    applyRemovalPolicy(resource, props.removalPolicy);
    warnIfNotInRegion(v, appstream.CfnDirectoryConfig.CFN_RESOURCE_TYPE_NAME,
      certificateBasedAuthProperties ? { CertificateBasedAuthProperties: 'certificateBasedAuth' } : {});

    this.directoryName = attributeReference(v, 'directoryName', resource.ref, directoryName);
    this.organizationalUnitDistinguishedNames = [...ous];
  }

  private checkOus(v: Validator, ous: string[], directoryName: string): void {
    if (cdk.Token.isUnresolved(ous)) {
      return;
    }
    v.count('organizationalUnitDistinguishedNames', ous.length, DIRECTORY_CONFIG_OUS, 'organizational unit',
      'Give the distinguished name of at least one OU in which AppStream may create computer objects, such as OU=AppStream,DC=corp,DC=example,DC=com.');
    const seen = new Map<string, number>();
    ous.forEach((ou, i) => {
      const property = `organizationalUnitDistinguishedNames[${i}]`;
      v.string(property, ou, OU_DISTINGUISHED_NAME, 'Shorten it.');
      v.string(property, ou, OU_DISTINGUISHED_NAME_FORMAT, 'Give the distinguished name of an OU, such as OU=AppStream,DC=corp,DC=example,DC=com.');
      checkOuDomain(v, property, ou, directoryName);
      if (cdk.Token.isUnresolved(ou)) {
        return;
      }
      const key = distinguishedNameKey(ou);
      const first = seen.get(key);
      if (first !== undefined) {
        v.fail(property, ou, `is the same OU as organizationalUnitDistinguishedNames[${first}] ${JSON.stringify(ous[first])} (Active Directory ignores case, spaces after commas and how a character is escaped)`,
          'List each OU once.');
      }
      seen.set(key, i);
    });
  }

  private serviceAccountCredentials(
    v: Validator,
    credentials: ServiceAccountCredentials,
  ): appstream.CfnDirectoryConfig.ServiceAccountCredentialsProperty {
    const accountName = credentials.serviceAccountName;
    v.string('serviceAccountCredentials.serviceAccountName', accountName, DIRECTORY_CONFIG_ACCOUNT_NAME,
      'Give the name of the account AppStream uses to create computer objects.');

    const password = credentials.serviceAccountPassword.unsafeUnwrap();
    const resolved = cdk.Stack.of(this).resolve(password);
    if (resolved === undefined || resolved === null) {
      v.fail('serviceAccountCredentials.serviceAccountPassword', undefined, 'holds no value', 'Give the account\'s password, from AWS Secrets Manager: ServiceAccountCredentials.fromSecret(secret).');
    }
    const warnPlainText = (what: string) => v.warn('plainTextPassword',
      `serviceAccountCredentials.serviceAccountPassword ${what}. Store the password in AWS Secrets Manager and use ServiceAccountCredentials.fromSecret(secret) (or SecretValue.secretsManager()); the template then holds only a {{resolve:secretsmanager:…}} reference.`,
    );
    if (typeof resolved === 'string' && resolved.startsWith(SSM_SECURE_REFERENCE_PREFIX)) {
      // The template would be rejected at deployment (cfn-lint E1027 says so too): an error, not a warning.
      v.fail('serviceAccountCredentials.serviceAccountPassword', undefined,
        'is an ssm-secure dynamic reference, which CloudFormation resolves only in the few resource properties its user guide lists; AWS::AppStream::DirectoryConfig is not one of them, so the deployment would fail',
        'Store the password in AWS Secrets Manager and use ServiceAccountCredentials.fromSecret(secret) (or SecretValue.secretsManager()).');
    } else if (typeof resolved === 'string' && resolved.startsWith('{{resolve:ssm:')) {
      warnPlainText('reads a plain-text (String) SSM parameter: anyone allowed to read the parameter sees the password, unencrypted');
    } else if (typeof resolved === 'string' && !resolved.startsWith(SECRETS_MANAGER_REFERENCE_PREFIX)) {
      // Not a dynamic reference: the password itself. Measure it, then warn that it is in the template.
      const problem = v.stringProblem(resolved, DIRECTORY_CONFIG_ACCOUNT_PASSWORD);
      if (problem) {
        // Never show the password in a message.
        v.fail('serviceAccountCredentials.serviceAccountPassword', undefined, problem.replace(/ \(it is \d+\)$/, ''),
          'Give the account\'s password (1 to 127 characters), from AWS Secrets Manager.');
      }
      warnPlainText('is plain text: it is written into the template, where anyone who can read the template or the stack sees it');
    } else {
      // A token: a template parameter's Ref may warn; anything else is no template parameter.
      const parameter = this.parameterOf(resolved.Ref);
      if (parameter?.type.startsWith('AWS::SSM::Parameter::Value<String')) {
        warnPlainText(`reads the plain-text (String) SSM parameter of template parameter ${resolved.Ref}: anyone allowed to read the SSM parameter sees the password, unencrypted`);
      } else if (parameter && !parameter.noEcho) {
        warnPlainText(`is template parameter ${resolved.Ref}, which has no NoEcho: CloudFormation shows its value in the console and in DescribeStacks`);
      }
    }
    // Any other value (a reference to a NoEcho parameter, a secret defined in the app) is only known at deployment.

    return { accountName, accountPassword: password };
  }

  /** The template parameter of this stack with the logical id `ref`, if any. */
  private parameterOf(ref: unknown): cdk.CfnParameter | undefined {
    const stack = cdk.Stack.of(this);
    return stack.node.findAll().find((c): c is cdk.CfnParameter => c instanceof cdk.CfnParameter && stack.resolve(c.logicalId) === ref);
  }

  private certificateBasedAuth(v: Validator, auth: CertificateBasedAuth): appstream.CfnDirectoryConfig.CertificateBasedAuthPropertiesProperty {
    const certificateAuthorityArn = auth.certificateAuthority.certificateAuthorityArn;
    const property = 'certificateBasedAuth.certificateAuthority';
    const fix = 'Give an AWS Private CA, such as one imported with acmpca.CertificateAuthority.fromCertificateAuthorityArn() from its ARN, arn:aws:acm-pca:us-east-1:123456789012:certificate-authority/11111111-2222-3333-4444-555555555555.';
    v.string(property, certificateAuthorityArn, ARN, fix);
    v.string(property, certificateAuthorityArn, DIRECTORY_CONFIG_PRIVATE_CA_ARN, fix);
    // A member of CertificateBasedAuthStatus (the public boundary checked it), whose values are the
    // API's (test/directory-config.test.ts compares them with DIRECTORY_CONFIG_CERTIFICATE_AUTH_STATUSES).
    const status = auth.status ?? CertificateBasedAuthStatus.ENABLED;
    return { status, certificateAuthorityArn };
  }
}
