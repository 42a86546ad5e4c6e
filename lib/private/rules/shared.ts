/**
 * AppStream's shapes that several requests share: names, display names, descriptions, tags, image
 * references, security groups, access endpoints, root volumes, and the Active Directory shapes of a
 * domain join. Each rule is declared once, with every request member it serves.
 *
 * Sources:
 * - [model] botocore's AppStream service model (`appstream/2016-12-01/service-2.json`), shape and members
 *   named in each rule. `test/conformance/limits.test.ts` checks every member a rule lists against the
 *   fixture `scripts/appstream-limits.json` that `scripts/extract-appstream-limits.py` extracts from it.
 * - [docs] the model's documentation text for the member (for limits the model only states in prose).
 * - [lib] a rule of this library, stricter than the model, written down with its reason; it must still
 *   accept nothing the model refuses.
 */
import { StringRule, CountRule, RangeRule } from './engine';

/** [model] Shape `Name`: the name of a new AppStream resource. */
export const NAME: StringRule = {
  sources: [
    'CreateImageBuilderRequest.Name',
    'CreateFleetRequest.Name',
    'CreateStackRequest.Name',
    'CreateAppBlockRequest.Name',
    'CreateApplicationRequest.Name',
    'CreateAppBlockBuilderRequest.Name',
    'CreateEntitlementRequest.Name',
    'CreateUpdatedImageRequest.newImageName',
  ],
  pattern: '^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$',
  patternHint: "1 to 101 characters: letters, digits, '_', '.' and '-', starting with a letter or digit",
};

/** [model] Shape `DisplayName`. */
export const DISPLAY_NAME: StringRule = {
  sources: [
    'CreateImageBuilderRequest.DisplayName',
    'CreateFleetRequest.DisplayName',
    'CreateStackRequest.DisplayName',
    'CreateAppBlockRequest.DisplayName',
    'CreateApplicationRequest.DisplayName',
    'CreateAppBlockBuilderRequest.DisplayName',
    'CreateUpdatedImageRequest.newImageDisplayName',
  ],
  maxLength: 100,
};

/** [model] Shape `Description`. */
export const DESCRIPTION: StringRule = {
  sources: [
    'CreateImageBuilderRequest.Description',
    'CreateFleetRequest.Description',
    'CreateStackRequest.Description',
    'CreateAppBlockRequest.Description',
    'CreateApplicationRequest.Description',
    'CreateAppBlockBuilderRequest.Description',
    'CreateEntitlementRequest.Description',
    'CreateUpdatedImageRequest.newImageDescription',
  ],
  maxLength: 256,
};

/** [model] Shape `Arn`: any ARN. */
export const ARN: StringRule = {
  sources: ['CreateImageBuilderRequest.ImageArn', 'CreateFleetRequest.ImageArn', 'CertificateBasedAuthProperties.CertificateAuthorityArn'],
  pattern:
    '^arn:aws(?:\\-cn|\\-iso\\-b|\\-iso|\\-us\\-gov)?:[A-Za-z0-9][A-Za-z0-9_/.-]{0,62}:[A-Za-z0-9_/.-]{0,63}:[A-Za-z0-9_/.-]{0,63}:[A-Za-z0-9][A-Za-z0-9:_/+=,@.\\\\-]{0,1023}$',
  patternHint: 'an ARN in an AWS partition',
};

/**
 * [lib] An image ARN must name an AppStream image: `arn:<partition>:appstream:<region>:<account or empty>:image/<name>`.
 * The model accepts any ARN; AppStream then fails the resource with IMAGE_NOT_FOUND at deployment.
 * AWS-owned public images carry an empty account field. The image name follows the model's shape `Name`
 * (the shape every AppStream call that names a new image uses), and the region is at most 63 characters,
 * so that every ARN this rule accepts is one the model's `Arn` pattern accepts too.
 */
export const APPSTREAM_IMAGE_ARN: StringRule = {
  sources: ['CreateImageBuilderRequest.ImageArn', 'CreateFleetRequest.ImageArn'],
  pattern: '^arn:aws(?:-cn|-iso-b|-iso|-us-gov)?:appstream:[a-z0-9-]{1,63}:(?:[0-9]{12})?:image/[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$',
  patternHint: 'an AppStream image ARN, arn:<partition>:appstream:<region>:<account or empty>:image/<name>',
};

/** [lib] Every AppStream instance type starts with `stream.`; anything else is a typo or an EC2 type. */
export const INSTANCE_TYPE_PREFIX = 'stream.';

/** [model] Shape `SecurityGroupIdList`. */
export const SECURITY_GROUPS: CountRule = { sources: ['VpcConfig.SecurityGroupIds'], maxItems: 5 };

/** [model] Shape `AccessEndpointList`. */
export const ACCESS_ENDPOINTS: CountRule = {
  sources: ['CreateImageBuilderRequest.AccessEndpoints', 'CreateStackRequest.AccessEndpoints', 'CreateAppBlockBuilderRequest.AccessEndpoints'],
  minItems: 1,
  maxItems: 4,
};

/** [model] AccessEndpoint.EndpointType (shape `AccessEndpointType`, an enum). */
export const ACCESS_ENDPOINT_TYPES: readonly string[] = ['STREAMING'];

/** [model] AccessEndpoint.VpceId (shape `String`). */
export const VPCE_ID: StringRule = { sources: ['AccessEndpoint.VpceId'], minLength: 1 };

/**
 * [lib] The id of an interface VPC endpoint. The model only asks for a non-empty string; AppStream
 * rejects anything that is not an endpoint id at deployment.
 */
export const VPCE_ID_FORMAT: StringRule = {
  sources: ['AccessEndpoint.VpceId'],
  pattern: '^vpce-(?:[0-9a-f]{8}|[0-9a-f]{17})$',
  patternHint: "an interface VPC endpoint id, 'vpce-' followed by 8 or 17 hexadecimal digits",
};

/** [model] Shape `Tags`. */
export const TAGS: CountRule = {
  sources: [
    'CreateImageBuilderRequest.Tags',
    'CreateFleetRequest.Tags',
    'CreateStackRequest.Tags',
    'CreateAppBlockRequest.Tags',
    'CreateApplicationRequest.Tags',
    'CreateAppBlockBuilderRequest.Tags',
    'CreateUpdatedImageRequest.newImageTags',
  ],
  minItems: 1,
  maxItems: 50,
};

/** [model] Shape `TagKey`. The first character is anything but the start of `aws:`. */
export const TAG_KEY: StringRule = {
  sources: [
    'CreateImageBuilderRequest.Tags.key',
    'CreateFleetRequest.Tags.key',
    'CreateStackRequest.Tags.key',
    'CreateAppBlockRequest.Tags.key',
    'CreateApplicationRequest.Tags.key',
    'CreateAppBlockBuilderRequest.Tags.key',
    'CreateUpdatedImageRequest.newImageTags.key',
  ],
  minLength: 1,
  maxLength: 128,
  pattern: '^(^(?!aws:).[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$',
  patternHint: "letters, digits, spaces and _ . : / = + - @, and not starting with 'aws:'",
};

/** [model] Shape `TagValue`. */
export const TAG_VALUE: StringRule = {
  sources: [
    'CreateImageBuilderRequest.Tags.value',
    'CreateFleetRequest.Tags.value',
    'CreateStackRequest.Tags.value',
    'CreateAppBlockRequest.Tags.value',
    'CreateApplicationRequest.Tags.value',
    'CreateAppBlockBuilderRequest.Tags.value',
    'CreateUpdatedImageRequest.newImageTags.value',
  ],
  minLength: 0,
  maxLength: 256,
  pattern: '^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$',
  patternHint: 'letters, digits, spaces and _ . : / = + - @',
};

/** [model] Shape `AwsAccountId`: the account an image is shared with. */
export const SHARED_ACCOUNT_ID: StringRule = {
  sources: ['UpdateImagePermissionsRequest.SharedAccountId'],
  pattern: '^\\d+$',
  patternHint: 'digits only (an AWS account ID such as 111122223333)',
};

/**
 * [docs] VolumeConfig.VolumeSizeInGb: "Valid range is 200-500 GB." The model (an `Integer`) and
 * CloudFormation's schema set no range: a size outside it warns.
 */
export const ROOT_VOLUME_GIB: RangeRule = { sources: ['VolumeConfig.VolumeSizeInGb'], min: 200, max: 500, advisory: 'rootVolumeSizeRange' };

/**
 * [lib] A directory name must be a fully qualified domain name (corp.example.com): two or more labels of
 * 1-63 letters, digits and hyphens, not starting or ending with a hyphen, 255 characters at most. The
 * model has no pattern; AppStream reports DOMAIN_JOIN_ERROR_NO_SUCH_DOMAIN for a NetBIOS name at deployment.
 */
export const DIRECTORY_NAME: StringRule = {
  sources: ['DomainJoinInfo.DirectoryName', 'CreateDirectoryConfigRequest.DirectoryName'],
  minLength: 1,
  maxLength: 255,
  pattern: '^(?=.{1,255}$)(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$',
  patternHint: 'a fully qualified domain name such as corp.example.com',
};

/** [model] Shape `OrganizationalUnitDistinguishedName`. */
export const OU_DISTINGUISHED_NAME: StringRule = {
  sources: ['DomainJoinInfo.OrganizationalUnitDistinguishedName', 'CreateDirectoryConfigRequest.OrganizationalUnitDistinguishedNames.member'],
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
 * The parts of a distinguished name as Active Directory reads them: each `type=value` part, with the
 * type and value trimmed, and the value's escapes undone, both RFC 4514's (`\,` and `\2C` are the same
 * comma, hex pairs spell UTF-8 bytes) and those of other characters. Parts split at unescaped commas.
 */
function distinguishedNameParts(dn: string): Array<[string, string]> {
  const parts: Array<[string, string]> = [];
  let current = '';
  let bytes: number[] = [];
  const flush = () => {
    if (bytes.length > 0) {
      current += Buffer.from(bytes).toString('utf-8');
      bytes = [];
    }
  };
  const end = () => {
    flush();
    const eq = current.indexOf('=');
    parts.push([eq < 0 ? '' : current.slice(0, eq).trim(), current.slice(eq + 1).trim()]); // no '=': no type, all value
    current = '';
  };
  for (let i = 0; i < dn.length; i++) {
    const c = dn[i];
    if (c === '\\' && /[0-9a-fA-F]{2}/.test(dn.slice(i + 1, i + 3))) { // the slice has two characters at most
      bytes.push(parseInt(dn.slice(i + 1, i + 3), 16));
      i += 2;
      continue;
    }
    flush();
    if (c === '\\' && i + 1 < dn.length) {
      current += dn[++i]; // an escaped character; an '=' in a value never splits, since the type's comes first
    } else if (c === ',') {
      end();
    } else {
      current += c;
    }
  }
  end();
  return parts;
}

/**
 * [lib] A key under which two spellings of one distinguished name are equal, as Active Directory
 * compares them: attribute types and values ignore case, spaces around the commas between parts and
 * around `=` do not count, and an escaped character is the same however it is escaped (`\,`, `\2C`).
 */
export function distinguishedNameKey(dn: string): string {
  return JSON.stringify(distinguishedNameParts(dn).map(([type, value]) => [type.toLowerCase(), value.toLowerCase()]));
}

/**
 * [lib] The domain a distinguished name lies in: its `DC=` parts joined with dots (`corp.example.com`),
 * lower case; empty when it has none. An OU of a directory config, or of a domain join, must lie in
 * the directory's domain, or the join fails at run time.
 */
export function distinguishedNameDomain(dn: string): string {
  return distinguishedNameParts(dn).filter(([type]) => type.toLowerCase() === 'dc').map(([, value]) => value.toLowerCase()).join('.');
}
