/**
 * Where users keep their files during streaming sessions: AppStream home folders (in S3), Google
 * Drive or OneDrive.
 *
 * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/persistent-storage.html
 */
export class StorageConnector {
  /** Home folders: a folder per user in an S3 bucket AppStream creates in the account and region. */
  public static homeFolders(): StorageConnector {
    return new StorageConnector('HOMEFOLDERS', undefined);
  }

  /**
   * Google Drive for Google Workspace: users of the given domains may connect their drive.
   *
   * @param domains the Google Workspace domains, such as `example.com`: at most 50, each 1 to 64 characters
   */
  public static googleDrive(domains?: string[]): StorageConnector {
    return new StorageConnector('GOOGLE_DRIVE', domains);
  }

  /**
   * OneDrive for Business: users of the given domains may connect their drive.
   *
   * @param domains the OneDrive for Business domains, such as `corp.example.com`: at most 50, each 1 to 64 characters
   */
  public static oneDrive(domains?: string[]): StorageConnector {
    return new StorageConnector('ONE_DRIVE', domains);
  }

  /**
   * A connector by type, for one this library does not offer yet. Only Google Drive and OneDrive take
   * domains.
   *
   * @param connectorType the type, as the API names it (`StorageConnectorType`)
   * @param domains the domains, for types that take them
   */
  public static of(connectorType: string, domains?: string[]): StorageConnector {
    return new StorageConnector(connectorType, domains);
  }

  /** The connector type, as the API names it. */
  public readonly connectorType: string;

  /**
   * The domains whose users may connect.
   *
   * @default - none
   */
  public readonly domains?: string[];

  /**
   * The connector's resource identifier (the API's `ResourceIdentifier`: the ARN or identifier of the
   * storage the connector uses), 1 to 2048 characters.
   *
   * @default - none: AppStream's own (for home folders, the bucket it creates)
   */
  public readonly resourceIdentifier?: string;

  private constructor(connectorType: string, domains: string[] | undefined, resourceIdentifier?: string) {
    this.connectorType = connectorType;
    this.domains = domains ?? undefined;
    this.resourceIdentifier = resourceIdentifier;
  }

  /**
   * This connector with a resource identifier (the API's `ResourceIdentifier`), for example the ARN
   * of the storage it connects to.
   *
   * @param resourceIdentifier the identifier, 1 to 2048 characters
   */
  public withResourceIdentifier(resourceIdentifier: string): StorageConnector {
    return new StorageConnector(this.connectorType, this.domains, resourceIdentifier);
  }
}
