import * as cdk from 'aws-cdk-lib';
import * as appstream from 'aws-cdk-lib/aws-appstream';
import { aws_appstream as appstreamRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { IAppBlock } from './app-block';
import { appStreamArn, checkImportedArn, checkImportedName, nameInArn } from './private/arns';
import { checkConstructor } from './private/boundary';
import { warnIfNotInRegion } from './private/cfn-region-support';
import { checkLabels, resourceName } from './private/names';
import { openList } from './private/open-sets';
import { applyRemovalPolicy } from './private/props';
import { attributeReference } from './private/references';
import {
  APPLICATION_INSTANCE_FAMILIES,
  APPLICATION_INSTANCE_FAMILY_COUNT,
  APPLICATION_LAUNCH,
  APPLICATION_PLATFORM_COUNT,
  APPLICATION_PLATFORMS,
  ARN,
  FLEET_PLATFORMS,
} from './private/rules';
import { applyTags } from './private/tags';
import { Validator } from './private/validation';
import { S3Location } from './s3-location';

const APPLICATION_SYMBOL = Symbol.for('cdk-appstream.Application');

/**
 * The operating system of a fleet, and the platforms an application runs on (the API's
 * `PlatformType`). A constant for each platform AppStream lists, and `of()` for one this library does
 * not list yet: a resource given a platform it does not list warns, and one the library lists for
 * other resources only (a Windows Server 2022 Elastic fleet) fails.
 *
 * @see https://docs.aws.amazon.com/appstream2/latest/APIReference/API_CreateFleet.html
 */
export class FleetPlatform {
  /** Windows (the platform of older images). */
  public static readonly WINDOWS = new FleetPlatform('WINDOWS');
  /** Windows Server 2016. */
  public static readonly WINDOWS_SERVER_2016 = new FleetPlatform('WINDOWS_SERVER_2016');
  /** Windows Server 2019. */
  public static readonly WINDOWS_SERVER_2019 = new FleetPlatform('WINDOWS_SERVER_2019');
  /** Windows Server 2022. */
  public static readonly WINDOWS_SERVER_2022 = new FleetPlatform('WINDOWS_SERVER_2022');
  /** Windows Server 2025. */
  public static readonly WINDOWS_SERVER_2025 = new FleetPlatform('WINDOWS_SERVER_2025');
  /** Amazon Linux 2. */
  public static readonly AMAZON_LINUX2 = new FleetPlatform('AMAZON_LINUX2');
  /** Red Hat Enterprise Linux 8. */
  public static readonly RHEL8 = new FleetPlatform('RHEL8');
  /** Rocky Linux 8. */
  public static readonly ROCKY_LINUX8 = new FleetPlatform('ROCKY_LINUX8');
  /** Ubuntu Pro 24.04. */
  public static readonly UBUNTU_PRO_2404 = new FleetPlatform('UBUNTU_PRO_2404');

  /**
   * A platform by name, for one that has no constant here yet (a resource warns). A token is passed
   * through unchecked.
   *
   * @param name the platform, as the API names it, for example `WINDOWS_SERVER_2022`
   */
  public static of(name: string): FleetPlatform {
    return new FleetPlatform(name);
  }

  /** The platform's name, as the API writes it. */
  public readonly name: string;

  private constructor(name: string) {
    this.name = name;
  }

  /** The platform's name. */
  public toString(): string {
    return this.name;
  }
}

/**
 * The instance families an application runs on. A constant for each family AppStream lists, and
 * `of()` for one this library does not list yet (an application warns).
 */
export class InstanceFamily {
  /** General purpose: the `stream.standard.*` types of Elastic fleets. */
  public static readonly GENERAL_PURPOSE = new InstanceFamily('GENERAL_PURPOSE');
  /** Graphics G4 instances. */
  public static readonly GRAPHICS_G4 = new InstanceFamily('GRAPHICS_G4');

  /**
   * An instance family by name, for one that has no constant here yet. A token is passed through
   * unchecked.
   *
   * @param name the family, as the API names it, for example `GENERAL_PURPOSE`
   */
  public static of(name: string): InstanceFamily {
    return new InstanceFamily(name);
  }

  /** The family's name, as the API writes it. */
  public readonly name: string;

  private constructor(name: string) {
    this.name = name;
  }

  /** The family's name. */
  public toString(): string {
    return this.name;
  }
}

/**
 * An application of Elastic fleets, defined in this app or imported.
 */
export interface IApplication extends cdk.IResource, appstreamRefs.IApplicationRef {
  /**
   * The application's name.
   *
   * @attribute
   */
  readonly applicationName: string;

  /**
   * The application's ARN: `arn:<partition>:appstream:<region>:<account>:application/<name>`.
   *
   * @attribute
   */
  readonly applicationArn: string;
}

/**
 * Properties of an `Application`.
 */
export interface ApplicationProps {
  /** The app block that holds the application. */
  readonly appBlock: IAppBlock;

  /** The path of the application's executable on the instance, such as `C:\\Program Files\\Notepad++\\notepad++.exe`. */
  readonly launchPath: string;

  /** The application's icon (a PNG), in S3. */
  readonly icon: S3Location;

  /** The platforms the application runs on: 1 to 4. */
  readonly platforms: FleetPlatform[];

  /** The instance families the application runs on, at least one (Elastic fleets are GENERAL_PURPOSE). */
  readonly instanceFamilies: InstanceFamily[];

  /**
   * The parameters to launch the application with.
   *
   * @default - none
   */
  readonly launchParameters?: string;

  /**
   * The working directory of the application.
   *
   * @default - AppStream's default
   */
  readonly workingDirectory?: string;

  /**
   * The application's name: 1 to 101 letters, digits, `_`, `.` and `-`, starting with a letter or
   * digit. The platforms and instance families are create-only: a change replaces the application, so
   * a fixed name then fails ("already exists"); the generated one changes with them.
   *
   * @default - a name generated from the construct path and a hash of the create-only props
   */
  readonly applicationName?: string;

  /**
   * The name users see, at most 100 characters.
   *
   * @default - none
   */
  readonly displayName?: string;

  /**
   * The description, at most 256 characters.
   *
   * @default - none
   */
  readonly description?: string;

  /**
   * Tags for the application.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };

  /**
   * What happens to the application when it leaves the stack.
   *
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: cdk.RemovalPolicy;
}

/**
 * Defines an application of an app block, for Elastic fleets (`elasticFleet.addApplication()`) and
 * entitlements (`entitlement.addApplication()`).
 *
 * @resource AWS::AppStream::Application
 * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/create-applications.html
 */
export class Application extends cdk.Resource implements IApplication {
  /**
   * Import an application by name, in the scope's account and region.
   *
   * @param scope the scope of the import
   * @param id the construct id of the import
   * @param applicationName the application's name
   */
  public static fromApplicationName(scope: Construct, id: string, applicationName: string): IApplication {
    checkImportedName(scope, id, 'Application.fromApplicationName()', 'applicationName', applicationName);
    const arn = appStreamArn(scope, 'application', applicationName);
    return new ImportedApplication(scope, id, applicationName, arn, {});
  }

  /**
   * Import an application by ARN (`arn:<partition>:appstream:<region>:<account>:application/<name>`).
   *
   * @param scope the scope of the import
   * @param id the construct id of the import
   * @param applicationArn the application's ARN
   */
  public static fromApplicationArn(scope: Construct, id: string, applicationArn: string): IApplication {
    checkImportedArn(scope, id, 'Application.fromApplicationArn()', 'applicationArn', applicationArn, 'application');
    const name = nameInArn(scope, applicationArn);
    return new ImportedApplication(scope, id, name, applicationArn, { environmentFromArn: applicationArn });
  }

  /**
   * Whether `x` is an `Application` defined in an app (works across copies of this library).
   *
   * @param x any value
   */
  public static isApplication(x: any): x is Application {
    return x !== null && typeof x === 'object' && x[APPLICATION_SYMBOL] === true;
  }

  /** The application's name. */
  public readonly applicationName: string;

  /** The application's ARN. */
  public readonly applicationArn: string;

  /** The platforms the application runs on. */
  public readonly platforms: FleetPlatform[];

  /** The instance families the application runs on. */
  public readonly instanceFamilies: InstanceFamily[];

  private readonly resource: appstream.CfnApplication;

  /**
   * @param scope the scope in which to define the application
   * @param id the construct id
   * @param props the application's properties
   */
  constructor(scope: Construct, id: string, props: ApplicationProps) {
    props = checkConstructor(Application, arguments).props;
    super(scope, id);
    Object.defineProperty(this, APPLICATION_SYMBOL, { value: true });
    const v = new Validator(this, 'Application');

    const appBlock = props.appBlock;
    v.string('appBlock', appBlock.appBlockArn, ARN, 'Give an app block ARN, such as arn:aws:appstream:us-east-1:123456789012:app-block/notepad.');
    const launchFix = 'Give the path of the application\'s executable, such as C:\\Program Files\\Notepad++\\notepad++.exe.';
    v.string('launchPath', props.launchPath, APPLICATION_LAUNCH, launchFix);
    v.string('launchParameters', props.launchParameters, APPLICATION_LAUNCH, 'Leave launchParameters out rather than empty.');
    v.string('workingDirectory', props.workingDirectory, APPLICATION_LAUNCH, 'Leave workingDirectory out rather than empty.');
    const icon = props.icon.bind(this, 'icon');
    this.platforms = props.platforms;
    this.instanceFamilies = props.instanceFamilies;
    const platforms = openList(v, 'platforms', props.platforms, { offered: APPLICATION_PLATFORMS, known: FLEET_PLATFORMS, className: 'FleetPlatform', noun: 'platform' });
    v.count('platforms', platforms.length, APPLICATION_PLATFORM_COUNT, 'platform', 'Give a list of 1 to 4 platforms, such as one holding FleetPlatform.WINDOWS_SERVER_2019.');
    const instanceFamilies = openList(v, 'instanceFamilies', props.instanceFamilies,
      { offered: APPLICATION_INSTANCE_FAMILIES, known: APPLICATION_INSTANCE_FAMILIES, className: 'InstanceFamily', noun: 'instance family' });
    v.count('instanceFamilies', instanceFamilies.length, APPLICATION_INSTANCE_FAMILY_COUNT, 'instance family', 'Give a list of at least one instance family, such as one holding InstanceFamily.GENERAL_PURPOSE.');
    checkLabels(v, props);
    const name = resourceName(v, 'applicationName', props.applicationName, appstream.CfnApplication.CFN_RESOURCE_TYPE_NAME, { platforms, instanceFamilies });

    this.resource = new appstream.CfnApplication(this, 'Resource', {
      name,
      appBlockArn: appBlock.appBlockArn,
      launchPath: props.launchPath,
      launchParameters: props.launchParameters,
      workingDirectory: props.workingDirectory,
      iconS3Location: icon,
      platforms,
      instanceFamilies,
      displayName: props.displayName,
      description: props.description,
    });
    applyRemovalPolicy(this.resource, props.removalPolicy);
    applyTags(v, this.resource, this.resource.tags, props.tags);
    warnIfNotInRegion(v, appstream.CfnApplication.CFN_RESOURCE_TYPE_NAME, {});
    // The name is literal: no attribute of an application gives it (Ref gives the ARN).
    this.applicationName = name;
    this.applicationArn = attributeReference(v, 'applicationName', this.resource.attrArn, appStreamArn(this, 'application', name));
  }

  /** A reference to the application (its ARN). */
  public get applicationRef(): appstreamRefs.ApplicationReference {
    return { applicationArn: this.applicationArn };
  }
}

class ImportedApplication extends cdk.Resource implements IApplication {
  constructor(
    scope: Construct, id: string, public readonly applicationName: string, public readonly applicationArn: string, props: cdk.ResourceProps,
  ) {
    super(scope, id, props);
  }

  /** A reference to the application (its ARN). */
  public get applicationRef(): appstreamRefs.ApplicationReference {
    return { applicationArn: this.applicationArn };
  }
}
