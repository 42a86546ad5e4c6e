/**
 * The one place that holds AppStream's rules: patterns, lengths and list limits, each written once,
 * quoting where it comes from. Every construct in this library checks its input through these.
 *
 * Sources:
 * - [model] botocore's AppStream service model (botocore 1.43.11, `appstream/2016-12-01/service-2.json`),
 *   shape and member named in each rule. `test/conformance/limits.test.ts` asserts that these rules agree
 *   with the fixture `scripts/appstream-limits.json` that `scripts/extract-appstream-limits.py` extracts
 *   from that model, so a drift on either side fails the suite.
 * - [docs] the model's documentation text for the member (for ranges the model only states in prose).
 * - [lib] a rule of this library, stricter than the model, written down with its reason.
 *
 * Nothing in this file knows about constructs: it answers "what is wrong with this value", and
 * `validation.ts` turns the answer into a message naming the construct, property and fix.
 */

/** A rule for one string value. Lengths count Unicode code points, as the AWS APIs do. */
export interface StringRule {
  /** The API member the rule comes from, for messages and the conformance test. */
  readonly source: string;
  readonly minLength?: number;
  readonly maxLength?: number;
  /** Pattern in the model's own syntax (Java regular expressions), unchanged. */
  readonly pattern?: string;
  /** What the pattern means, in words, for error messages. */
  readonly patternHint?: string;
}

/** A rule for the number of entries in a list or map. */
export interface CountRule {
  readonly source: string;
  readonly minItems?: number;
  readonly maxItems?: number;
}

/** A rule for an integer. */
export interface RangeRule {
  readonly source: string;
  readonly min: number;
  readonly max: number;
}

/** [model] CreateImageBuilderRequest.Name (shape `Name`). */
export const IMAGE_BUILDER_NAME: StringRule = {
  source: 'CreateImageBuilderRequest.Name',
  pattern: '^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$',
  patternHint: "1 to 101 characters: letters, digits, '_', '.' and '-', starting with a letter or digit",
};

/** [model] CreateImageBuilderRequest.DisplayName (shape `DisplayName`). */
export const DISPLAY_NAME: StringRule = { source: 'CreateImageBuilderRequest.DisplayName', maxLength: 100 };

/** [model] CreateImageBuilderRequest.Description (shape `Description`). */
export const DESCRIPTION: StringRule = { source: 'CreateImageBuilderRequest.Description', maxLength: 256 };

/** [model] CreateImageBuilderRequest.ImageName (shape `String`). */
export const IMAGE_NAME: StringRule = { source: 'CreateImageBuilderRequest.ImageName', minLength: 1 };

/** [model] CreateImageBuilderRequest.ImageArn (shape `Arn`): any ARN. */
export const ARN: StringRule = {
  source: 'CreateImageBuilderRequest.ImageArn',
  pattern:
    '^arn:aws(?:\\-cn|\\-iso\\-b|\\-iso|\\-us\\-gov)?:[A-Za-z0-9][A-Za-z0-9_/.-]{0,62}:[A-Za-z0-9_/.-]{0,63}:[A-Za-z0-9_/.-]{0,63}:[A-Za-z0-9][A-Za-z0-9:_/+=,@.\\\\-]{0,1023}$',
  patternHint: 'an ARN in an AWS partition',
};

/**
 * [lib] An image ARN must name an AppStream image: `arn:<partition>:appstream:<region>:<account or empty>:image/<name>`.
 * The model accepts any ARN; AppStream then fails the builder with IMAGE_NOT_FOUND at deployment.
 * AWS-owned public images carry an empty account field. The image name follows the model's shape `Name`
 * (the shape every AppStream call that names a new image uses), and the region is at most 63 characters,
 * so that every ARN this rule accepts is one the model's `Arn` pattern accepts too.
 */
export const APPSTREAM_IMAGE_ARN: StringRule = {
  source: 'CreateImageBuilderRequest.ImageArn',
  pattern: '^arn:aws(?:-cn|-iso-b|-iso|-us-gov)?:appstream:[a-z0-9-]{1,63}:(?:[0-9]{12})?:image/[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$',
  patternHint: 'an AppStream image ARN, arn:<partition>:appstream:<region>:<account or empty>:image/<name>',
};

/** [model] CreateImageBuilderRequest.InstanceType (shape `String`). */
export const INSTANCE_TYPE: StringRule = { source: 'CreateImageBuilderRequest.InstanceType', minLength: 1 };

/** [lib] Every AppStream instance type starts with `stream.`; anything else is a typo or an EC2 type. */
export const INSTANCE_TYPE_PREFIX = 'stream.';

/**
 * [docs] CreateImageBuilderRequest.InstanceType: the instance types the documentation lists as available
 * to image builders, in the documentation's order.
 */
export const IMAGE_BUILDER_INSTANCE_TYPES: readonly string[] = [
  'stream.standard.small',
  'stream.standard.medium',
  'stream.standard.large',
  'stream.compute.large',
  'stream.compute.xlarge',
  'stream.compute.2xlarge',
  'stream.compute.4xlarge',
  'stream.compute.8xlarge',
  'stream.memory.large',
  'stream.memory.xlarge',
  'stream.memory.2xlarge',
  'stream.memory.4xlarge',
  'stream.memory.8xlarge',
  'stream.memory.z1d.large',
  'stream.memory.z1d.xlarge',
  'stream.memory.z1d.2xlarge',
  'stream.memory.z1d.3xlarge',
  'stream.memory.z1d.6xlarge',
  'stream.memory.z1d.12xlarge',
  'stream.graphics.g4dn.xlarge',
  'stream.graphics.g4dn.2xlarge',
  'stream.graphics.g4dn.4xlarge',
  'stream.graphics.g4dn.8xlarge',
  'stream.graphics.g4dn.12xlarge',
  'stream.graphics.g4dn.16xlarge',
  'stream.graphics.g5.xlarge',
  'stream.graphics.g5.2xlarge',
  'stream.graphics.g5.4xlarge',
  'stream.graphics.g5.8xlarge',
  'stream.graphics.g5.16xlarge',
  'stream.graphics.g5.12xlarge',
  'stream.graphics.g5.24xlarge',
  'stream.graphics.g6.xlarge',
  'stream.graphics.g6.2xlarge',
  'stream.graphics.g6.4xlarge',
  'stream.graphics.g6.8xlarge',
  'stream.graphics.g6.16xlarge',
  'stream.graphics.g6.12xlarge',
  'stream.graphics.g6.24xlarge',
  'stream.graphics.gr6.4xlarge',
  'stream.graphics.gr6.8xlarge',
  'stream.graphics.g6f.large',
  'stream.graphics.g6f.xlarge',
  'stream.graphics.g6f.2xlarge',
  'stream.graphics.g6f.4xlarge',
  'stream.graphics.gr6f.4xlarge',
];

/**
 * [docs] VpcConfig.SubnetIds: "Image builder instances use one subnet." The model sets no list limit
 * (fleets take several); CreateImageBuilder rejects any other count.
 */
export const IMAGE_BUILDER_SUBNETS: CountRule = { source: 'VpcConfig.SubnetIds', minItems: 1, maxItems: 1 };

/** [model] VpcConfig.SecurityGroupIds (shape `SecurityGroupIdList`). */
export const SECURITY_GROUPS: CountRule = { source: 'VpcConfig.SecurityGroupIds', maxItems: 5 };

/** [model] CreateImageBuilderRequest.AppstreamAgentVersion (shape `AppstreamAgentVersion`). */
export const AGENT_VERSION: StringRule = {
  source: 'CreateImageBuilderRequest.AppstreamAgentVersion',
  minLength: 1,
  maxLength: 100,
};

/** [model] CreateImageBuilderRequest.AccessEndpoints (shape `AccessEndpointList`). */
export const ACCESS_ENDPOINTS: CountRule = { source: 'CreateImageBuilderRequest.AccessEndpoints', minItems: 1, maxItems: 4 };

/** [model] AccessEndpoint.EndpointType (shape `AccessEndpointType`, an enum). */
export const ACCESS_ENDPOINT_TYPES: readonly string[] = ['STREAMING'];

/** [model] AccessEndpoint.VpceId (shape `String`). */
export const VPCE_ID: StringRule = { source: 'AccessEndpoint.VpceId', minLength: 1 };

/**
 * [lib] The id of an interface VPC endpoint. The model only asks for a non-empty string; AppStream
 * rejects anything that is not an endpoint id at deployment.
 */
export const VPCE_ID_FORMAT: StringRule = {
  source: 'AccessEndpoint.VpceId',
  pattern: '^vpce-(?:[0-9a-f]{8}|[0-9a-f]{17})$',
  patternHint: "an interface VPC endpoint id, 'vpce-' followed by 8 or 17 hexadecimal digits",
};

/** [model] CreateImageBuilderRequest.Tags (shape `Tags`). */
export const TAGS: CountRule = { source: 'CreateImageBuilderRequest.Tags', minItems: 1, maxItems: 50 };

/** [model] CreateImageBuilderRequest.Tags keys (shape `TagKey`). The first character is anything but the start of `aws:`. */
export const TAG_KEY: StringRule = {
  source: 'CreateImageBuilderRequest.Tags.key',
  minLength: 1,
  maxLength: 128,
  pattern: '^(^(?!aws:).[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$',
  patternHint: "letters, digits, spaces and _ . : / = + - @, and not starting with 'aws:'",
};

/** [model] CreateImageBuilderRequest.Tags values (shape `TagValue`). */
export const TAG_VALUE: StringRule = {
  source: 'CreateImageBuilderRequest.Tags.value',
  minLength: 0,
  maxLength: 256,
  pattern: '^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$',
  patternHint: 'letters, digits, spaces and _ . : / = + - @',
};

/** [docs] VolumeConfig.VolumeSizeInGb: "Valid range is 200-500 GB." */
export const ROOT_VOLUME_GIB: RangeRule = { source: 'VolumeConfig.VolumeSizeInGb', min: 200, max: 500 };

/** [model] CreateImageBuilderRequest.SoftwaresToInstall / SoftwaresToUninstall items (shape `String`). */
export const SOFTWARE_NAME: StringRule = { source: 'CreateImageBuilderRequest.SoftwaresToInstall.member', minLength: 1 };

/** [model] DomainJoinInfo.OrganizationalUnitDistinguishedName (shape `OrganizationalUnitDistinguishedName`). */
export const OU_DISTINGUISHED_NAME: StringRule = {
  source: 'DomainJoinInfo.OrganizationalUnitDistinguishedName',
  maxLength: 2000,
};

/**
 * [lib] An OU's distinguished name: `OU=<name>` first, then more `OU=`, `CN=` or `DC=` parts separated
 * by commas (commas inside a value escaped as `\,`). AppStream creates computer objects in an OU; a
 * value in any other form fails the domain join (DOMAIN_JOIN_ERROR_INVALID_PARAMETER) at deployment.
 * It keeps the model's length limit, so it accepts nothing the model refuses.
 */
export const OU_DISTINGUISHED_NAME_FORMAT: StringRule = {
  ...OU_DISTINGUISHED_NAME,
  pattern: '^(?:[Oo][Uu])=(?:[^,\\\\]|\\\\.)+(?:,\\s*(?:[Oo][Uu]|[Cc][Nn]|[Dd][Cc])=(?:[^,\\\\]|\\\\.)+)*$',
  patternHint: "a distinguished name starting with 'OU=', such as OU=AppStream,DC=corp,DC=example,DC=com",
};

/**
 * [lib] A directory name must be a fully qualified domain name (corp.example.com): two or more labels of
 * 1-63 letters, digits and hyphens, not starting or ending with a hyphen, 255 characters at most. The
 * model has no pattern; AppStream reports DOMAIN_JOIN_ERROR_NO_SUCH_DOMAIN for a NetBIOS name at deployment.
 */
export const DIRECTORY_NAME: StringRule = {
  source: 'DomainJoinInfo.DirectoryName',
  minLength: 1,
  maxLength: 255,
  pattern: '^(?=.{1,255}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$',
  patternHint: 'a fully qualified domain name such as corp.example.com',
};

// ================================================================================================
// DirectoryConfig (CreateDirectoryConfig). Its directory name and each of its OUs are also checked
// with DIRECTORY_NAME, OU_DISTINGUISHED_NAME and OU_DISTINGUISHED_NAME_FORMAT above.
// ================================================================================================

/**
 * [lib] CreateDirectoryConfigRequest.OrganizationalUnitDistinguishedNames (shape
 * `OrganizationalUnitDistinguishedNamesList`): the model requires the list but sets no minimum. A
 * directory config without an OU names no place where AppStream may create computer objects, and no
 * domain join can name an OU of it; the AppStream console asks for at least one.
 */
export const DIRECTORY_CONFIG_OUS: CountRule = {
  source: 'CreateDirectoryConfigRequest.OrganizationalUnitDistinguishedNames',
  minItems: 1,
};

/** [model] ServiceAccountCredentials.AccountName (shape `AccountName`, sensitive). */
export const DIRECTORY_CONFIG_ACCOUNT_NAME: StringRule = { source: 'ServiceAccountCredentials.AccountName', minLength: 1 };

/**
 * [model] ServiceAccountCredentials.AccountPassword (shape `AccountPassword`, sensitive). Only a password
 * given as plain text can be measured: the length of a dynamic reference says nothing about the secret.
 */
export const DIRECTORY_CONFIG_ACCOUNT_PASSWORD: StringRule = {
  source: 'ServiceAccountCredentials.AccountPassword',
  minLength: 1,
  maxLength: 127,
};

/** [model] CertificateBasedAuthProperties.Status (shape `CertificateBasedAuthStatus`, an enum). */
export const DIRECTORY_CONFIG_CERTIFICATE_AUTH_STATUSES: readonly string[] = [
  'DISABLED',
  'ENABLED',
  'ENABLED_NO_DIRECTORY_LOGIN_FALLBACK',
];

/** [model] CertificateBasedAuthProperties.CertificateAuthorityArn (shape `Arn`): any ARN. */
export const DIRECTORY_CONFIG_CERTIFICATE_AUTHORITY_ARN: StringRule = {
  source: 'CertificateBasedAuthProperties.CertificateAuthorityArn',
  pattern: ARN.pattern,
  patternHint: ARN.patternHint,
};

/**
 * [lib] The certificate authority must be an AWS Private CA:
 * `arn:<partition>:acm-pca:<region>:<account>:certificate-authority/<id>`, the id a UUID. The model
 * accepts any ARN; AppStream issues the users' certificates from this CA, so any other resource fails
 * certificate-based sign-in.
 */
export const DIRECTORY_CONFIG_PRIVATE_CA_ARN: StringRule = {
  source: 'CertificateBasedAuthProperties.CertificateAuthorityArn',
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

/**
 * [lib] A key under which two spellings of one distinguished name are equal, as Active Directory
 * compares them: attribute types and values ignore case, and spaces around the commas between parts
 * and around `=` do not count. Escaped characters (`\,`) stay part of their value.
 */
export function distinguishedNameKey(dn: string): string {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < dn.length; i++) {
    const c = dn[i];
    if (c === '\\' && i + 1 < dn.length) {
      current += c + dn[i + 1];
      i++;
    } else if (c === ',') {
      parts.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  parts.push(current);
  return parts.map((part) => part.trim().replace(/^([^=]*?)\s*=\s*/, '$1=').toLowerCase()).join(',');
}

/** Count code points, not UTF-16 units: the AWS APIs measure lengths in characters. */
export function characterLength(value: string): number {
  let n = 0;
  for (const _ of value) {
    n++;
  }
  return n;
}

const compiled = new Map<string, RegExp>();

/** Characters that keep their backslash under JavaScript's `u` flag (besides letters and digits). */
const JS_SYNTAX_CHARACTERS = new Set('^$\\.*+?()[]{}|/');

/**
 * A JavaScript RegExp for a pattern in the model's (Java) syntax, cached per pattern. Two differences
 * are bridged, leaving the pattern strings exactly as in the model:
 * - It needs the `u` flag for `\p{..}` classes, and under that flag JavaScript refuses the escapes Java
 *   allows of any other punctuation, such as the `\-` outside a class in the model's `Arn` pattern:
 *   those lose their backslash, which leaves the same literal character. (`\-` inside a class keeps it.)
 * - Java's `.` also refuses U+0085 (NEXT LINE), which JavaScript's accepts: a `.` outside a class is
 *   spelt out as the class of what Java's matches.
 */
export function toRegExp(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp(fromJavaSyntax(pattern), 'u');
    compiled.set(pattern, re);
  }
  return re;
}

function fromJavaSyntax(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\' && i + 1 < pattern.length) {
      const next = pattern[++i];
      const keep = /[A-Za-z0-9]/.test(next) || JS_SYNTAX_CHARACTERS.has(next) || (inClass && next === '-');
      out += keep ? c + next : next;
      continue;
    }
    if (c === '[') {
      inClass = true;
    } else if (c === ']') {
      inClass = false;
    }
    out += c === '.' && !inClass ? '[^\\n\\r\\u0085\\u2028\\u2029]' : c;
  }
  return out;
}

/** What is wrong with `value` under `rule`, in words, or undefined when nothing is. */
export function stringProblem(rule: StringRule, value: string): string | undefined {
  const length = characterLength(value);
  if (rule.minLength !== undefined && length < rule.minLength) {
    return rule.minLength === 1 ? 'must not be empty' : `must be at least ${rule.minLength} characters long (it is ${length})`;
  }
  if (rule.maxLength !== undefined && length > rule.maxLength) {
    return `must be at most ${rule.maxLength} characters long (it is ${length})`;
  }
  if (rule.pattern !== undefined && !toRegExp(rule.pattern).test(value)) {
    return `must be ${rule.patternHint ?? 'in the right form'} (pattern ${rule.pattern})`;
  }
  return undefined;
}

/** What is wrong with a list or map of `count` entries under `rule`, or undefined. */
export function countProblem(rule: CountRule, count: number, noun: string): string | undefined {
  if (rule.minItems !== undefined && rule.maxItems !== undefined && rule.minItems === rule.maxItems && count !== rule.minItems) {
    return `must have exactly ${rule.minItems} ${noun}${rule.minItems === 1 ? '' : 's'} (it has ${count})`;
  }
  if (rule.minItems !== undefined && count < rule.minItems) {
    return `must have at least ${rule.minItems} ${noun}${rule.minItems === 1 ? '' : 's'} (it has ${count})`;
  }
  if (rule.maxItems !== undefined && count > rule.maxItems) {
    return `must have at most ${rule.maxItems} ${noun}s (it has ${count})`;
  }
  return undefined;
}

/** What is wrong with an integer under `rule`, or undefined. */
export function rangeProblem(rule: RangeRule, value: number): string | undefined {
  if (!Number.isInteger(value) || value < rule.min || value > rule.max) {
    return `must be a whole number from ${rule.min} to ${rule.max}`;
  }
  return undefined;
}
