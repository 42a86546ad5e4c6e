import { Stack, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { DirectoryConfig } from '../directory-config';
import { distinguishedNameKey } from './rules';
import { Validator } from './validation';

/**
 * The rules that link a domain join to a `DirectoryConfig` defined in the app: the directory config
 * serves only its own account and region, and an OU, when given, must be one of its OUs. (A directory
 * config imported by name carries nothing to check against.) Values that are tokens are never judged.
 *
 * @param v the validator of the joining construct
 * @param joiner the construct that joins the domain
 * @param directory the directory config
 * @param ou the OU the join names, if any
 */
export function checkDirectoryConfigLink(v: Validator, joiner: IConstruct, directory: DirectoryConfig, ou: string | undefined): void {
  const here = Stack.of(joiner);
  const there = Stack.of(directory);
  for (const [what, mine, theirs] of [['account', here.account, there.account], ['region', here.region, there.region]] as const) {
    if (!Token.isUnresolved(mine) && !Token.isUnresolved(theirs) && mine !== theirs) {
      v.fail('domainJoin.directory', directory.node.path, `is in ${what} ${theirs}, but this is in ${what} ${mine}: a directory config serves only its own account and region`,
        `Define a DirectoryConfig for ${directory.directoryName} in a stack of this account and region.`);
    }
  }

  const ous = directory.organizationalUnitDistinguishedNames;
  if (ou === undefined || Token.isUnresolved(ou) || Token.isUnresolved(ous) || ous.some((o) => Token.isUnresolved(o))) {
    return;
  }
  const key = distinguishedNameKey(ou);
  if (!ous.some((o) => distinguishedNameKey(o) === key)) {
    v.fail('domainJoin.organizationalUnitDistinguishedName', ou,
      `is not one of the OUs of directory config '${directory.node.path}' (${ous.map((o) => JSON.stringify(o)).join(', ')})`,
      'Give one of those OUs, add this one to the directory config\'s organizationalUnitDistinguishedNames, or leave the OU out.');
  }
}
