import { IDirectoryConfig } from './directory-config';

/**
 * Joining an AppStream resource (an image builder, a fleet) to a Microsoft Active Directory domain.
 */
export interface DomainJoin {
  /**
   * The directory config of the domain to join: a `DirectoryConfig` defined in the app, or one
   * imported with `DirectoryConfig.fromDirectoryName()`. A `DirectoryConfig` defined in the app is
   * deployed before the resource that joins it, and must be in that resource's account and region.
   */
  readonly directory: IDirectoryConfig;

  /**
   * The distinguished name of the organizational unit for the computer objects, for example
   * `OU=AppStream,DC=corp,DC=example,DC=com`. At most 2000 characters. With a `DirectoryConfig`
   * defined in the app, it must be one of its `organizationalUnitDistinguishedNames`.
   *
   * @default - none: the request names no OU, and AppStream chooses where to create the computer objects
   */
  readonly organizationalUnitDistinguishedName?: string;
}
