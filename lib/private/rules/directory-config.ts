/**
 * The rules of CreateDirectoryConfig that no other request shares (its directory name and OUs are
 * the shared shapes `DIRECTORY_NAME`, `OU_DISTINGUISHED_NAME` and `OU_DISTINGUISHED_NAME_FORMAT` of
 * `shared.ts`). Sources are tagged as there: [model], [docs] or [lib].
 */
import { CountRule, StringRule } from './engine';

/**
 * [lib] CreateDirectoryConfigRequest.OrganizationalUnitDistinguishedNames (shape
 * `OrganizationalUnitDistinguishedNamesList`): the model requires the list but sets no minimum. A
 * directory config without an OU names no place where AppStream may create computer objects, and no
 * domain join can name an OU of it; the AppStream console asks for at least one.
 */
export const DIRECTORY_CONFIG_OUS: CountRule = {
  sources: ['CreateDirectoryConfigRequest.OrganizationalUnitDistinguishedNames'],
  minItems: 1,
};

/** [model] ServiceAccountCredentials.AccountName (shape `AccountName`, sensitive). */
export const DIRECTORY_CONFIG_ACCOUNT_NAME: StringRule = { sources: ['ServiceAccountCredentials.AccountName'], minLength: 1 };

/**
 * [model] ServiceAccountCredentials.AccountPassword (shape `AccountPassword`, sensitive). Only a password
 * given as plain text can be measured: the length of a dynamic reference says nothing about the secret.
 */
export const DIRECTORY_CONFIG_ACCOUNT_PASSWORD: StringRule = {
  sources: ['ServiceAccountCredentials.AccountPassword'],
  minLength: 1,
  maxLength: 127,
};

/** [model] CertificateBasedAuthProperties.Status (shape `CertificateBasedAuthStatus`, an enum). */
export const DIRECTORY_CONFIG_CERTIFICATE_AUTH_STATUSES: readonly string[] = [
  'DISABLED',
  'ENABLED',
  'ENABLED_NO_DIRECTORY_LOGIN_FALLBACK',
];

/**
 * [lib] The certificate authority must be an AWS Private CA:
 * `arn:<partition>:acm-pca:<region>:<account>:certificate-authority/<id>`, the id a UUID. The model
 * accepts any ARN; AppStream issues the users' certificates from this CA, so any other resource fails
 * certificate-based sign-in.
 */
export const DIRECTORY_CONFIG_PRIVATE_CA_ARN: StringRule = {
  sources: ['CertificateBasedAuthProperties.CertificateAuthorityArn'],
  pattern:
    '^arn:aws(?:-cn|-iso-b|-iso|-us-gov)?:acm-pca:[a-z0-9-]+:[0-9]{12}:certificate-authority/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$',
  patternHint: 'an AWS Private CA ARN, arn:<partition>:acm-pca:<region>:<account>:certificate-authority/<uuid>',
};

/**
 * [lib] The start of a CloudFormation dynamic reference to Secrets Manager: a password given this way
 * stays out of the template. Any other string is in the template as it is (`{{resolve:ssm:` included,
 * which reads a plain-text String parameter).
 */
export const SECRETS_MANAGER_REFERENCE_PREFIX = '{{resolve:secretsmanager:';

/**
 * [docs] The start of a CloudFormation dynamic reference to an SSM SecureString. CloudFormation resolves
 * `ssm-secure` references only in the resource properties its user guide lists ("Resources that support
 * dynamic parameter patterns for secure strings"; cfn-lint rule E1027 holds the same list), and
 * AWS::AppStream::DirectoryConfig is not among them: the deployment fails.
 */
export const SSM_SECURE_REFERENCE_PREFIX = '{{resolve:ssm-secure:';
