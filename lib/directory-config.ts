import { Resource } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/**
 * An AppStream directory config: the Microsoft Active Directory domain that image builders and
 * fleets join, with the organizational units for their computer objects.
 */
export interface IDirectoryConfig {
  /**
   * The fully qualified domain name of the directory, for example `corp.example.com`.
   *
   * @attribute
   */
  readonly directoryName: string;
}

/**
 * Defines an AppStream directory config.
 *
 * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/active-directory.html
 */
export class DirectoryConfig extends Resource implements IDirectoryConfig {
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
    class Import extends Resource implements IDirectoryConfig {
      public readonly directoryName = directoryName;
    }
    return new Import(scope, id);
  }

  public readonly directoryName: string;

  private constructor(scope: Construct, id: string, directoryName: string) {
    super(scope, id);
    this.directoryName = directoryName;
  }
}
