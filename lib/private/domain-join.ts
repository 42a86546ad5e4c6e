import * as cdk from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { DirectoryConfig } from '../directory-config';
import { DomainJoin } from '../domain-join';
import { literalOf } from './references';
import { DIRECTORY_NAME, OU_DISTINGUISHED_NAME, OU_DISTINGUISHED_NAME_FORMAT, distinguishedNameDomain, distinguishedNameKey } from './rules';
import { Validator, article } from './validation';

/** The L1 `DomainJoinInfo` that CfnImageBuilder and CfnFleet share. */
export interface DomainJoinInfo {
  readonly directoryName: string;
  readonly organizationalUnitDistinguishedName?: string;
}

/**
 * The domain join of an AppStream resource: checks its format (it needs a VPC, a fully qualified
 * directory name and an OU in `OU=` form), and with a `DirectoryConfig` defined in the app, the link
 * to it: the directory config serves only its own account and region, and an OU, when given, must be
 * one of its OUs. `DomainJoinInfo` carries the directory config's name attribute: a reference within
 * its Stage, so CloudFormation creates the directory config first (in the same stack, or through an
 * export and a stack dependency), and the literal name across Stages. Values that are tokens are never
 * judged.
 *
 * @param v the validator of the joining construct
 * @param join the domain join, if any
 * @param vpc the VPC of the resource, if any
 * @returns the L1 `DomainJoinInfo`, or undefined without a join
 */
export function configureDomainJoin(
  v: Validator, join: DomainJoin | undefined, vpc: ec2.IVpc | undefined,
): DomainJoinInfo | undefined {
  if (!join) {
    return undefined;
  }
  if (!vpc) {
    v.fail('domainJoin', undefined, `needs a vpc: ${article(v.noun)} must reach the domain controllers from a subnet of yours`, 'Give vpc (and vpcSubnets) too.');
  }
  const directory = v.object('domainJoin.directory', join.directory, (x) => typeof x.directoryName === 'string',
    'Give the directory config of the domain: a DirectoryConfig, defined in the app or imported with DirectoryConfig.fromDirectoryName() (a directory name such as corp.example.com).');
  const directoryName = literalOf(directory.directoryName);
  v.string('domainJoin.directory.directoryName', directoryName, DIRECTORY_NAME, 'Give the fully qualified domain name of the directory, such as corp.example.com (not its NetBIOS name).');
  const ou = join.organizationalUnitDistinguishedName;
  v.string('domainJoin.organizationalUnitDistinguishedName', ou, OU_DISTINGUISHED_NAME, 'Shorten it.');
  v.string('domainJoin.organizationalUnitDistinguishedName', ou, OU_DISTINGUISHED_NAME_FORMAT, 'Give the distinguished name of an OU, such as OU=AppStream,DC=corp,DC=example,DC=com.');
  checkOuDomain(v, 'domainJoin.organizationalUnitDistinguishedName', ou, directoryName);

  if (DirectoryConfig.isDirectoryConfig(directory)) {
    checkLink(v, directory, ou);
  }
  // The directory config's name attribute: a reference within its Stage, which orders the two (no
  // DependsOn needed), and the literal across Stages, where nothing can be ordered.
  return { directoryName: directory.directoryName, organizationalUnitDistinguishedName: ou };
}

/**
 * An OU must lie in the directory's domain: its `DC=` parts, compared as Active Directory compares
 * them, must spell the directory name. Tokens are never judged.
 *
 * @param v the validator of the construct that names the OU
 * @param property the property that holds the OU
 * @param ou the OU's distinguished name
 * @param directoryName the directory's fully qualified domain name
 */
export function checkOuDomain(v: Validator, property: string, ou: string | undefined, directoryName: string): void {
  if (typeof ou !== 'string' || typeof directoryName !== 'string' || cdk.Token.isUnresolved(ou) || cdk.Token.isUnresolved(directoryName)) {
    return;
  }
  const domain = distinguishedNameDomain(ou);
  if (domain !== directoryName.toLowerCase()) {
    v.fail(property, ou, domain === ''
      ? `names no domain: it has no DC= parts (parts are separated by commas), so it is not an OU of ${directoryName}`
      : `lies in the domain ${domain}, not in the directory's domain ${directoryName}`,
    `Give an OU of ${directoryName}, ending in ${directoryName.split('.').map((label) => `DC=${label}`).join(',')}.`);
  }
}

function checkLink(v: Validator, directory: DirectoryConfig, ou: string | undefined): void {
  const here = cdk.Stack.of(v.scope);
  const there = cdk.Stack.of(directory);
  for (const [what, mine, theirs] of [['account', here.account, there.account], ['region', here.region, there.region]] as const) {
    if (!cdk.Token.isUnresolved(mine) && !cdk.Token.isUnresolved(theirs) && mine !== theirs) {
      v.fail('domainJoin.directory', directory.node.path, `is in ${what} ${theirs}, but this is in ${what} ${mine}: a directory config serves only its own account and region`,
        `Define a DirectoryConfig for ${literalOf(directory.directoryName)} in a stack of this account and region.`);
    }
  }

  const ous = directory.organizationalUnitDistinguishedNames;
  if (ou === undefined || cdk.Token.isUnresolved(ou) || cdk.Token.isUnresolved(ous) || ous.some((o) => cdk.Token.isUnresolved(o))) {
    return;
  }
  const key = distinguishedNameKey(ou);
  if (!ous.some((o) => distinguishedNameKey(o) === key)) {
    v.fail('domainJoin.organizationalUnitDistinguishedName', ou,
      `is not one of the OUs of directory config '${directory.node.path}' (${ous.map((o) => JSON.stringify(o)).join(', ')})`,
      'Give one of those OUs, add this one to the directory config\'s organizationalUnitDistinguishedNames, or leave the OU out.');
  }
}
