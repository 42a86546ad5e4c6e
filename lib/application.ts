import * as cdk from 'aws-cdk-lib';
import * as appstream from 'aws-cdk-lib/aws-appstream';
import { Construct } from 'constructs';
import { IAppBlock } from './app-block';
import { nameInArn } from './private/arns';
import { warnIfNotInRegion } from './private/cfn-region-support';
import { checkLabels, resourceName } from './private/names';
import { checkConstructor } from './private/boundary';
import { applyRemovalPolicy } from './private/props';
import {
  APPLICATION_INSTANCE_FAMILIES,
  APPLICATION_INSTANCE_FAMILY_COUNT,
  APPLICATION_LAUNCH,
  APPLICATION_PLATFORM_COUNT,
  APPLICATION_PLATFORMS,
  ARN,
} from './private/rules';
import { applyTags } from './private/tags';
import { Validator } from './private/validation';
import { S3Location } from './s3-location';

const APPLICATION_SYMBOL = Symbol.for('cdk-appstream.Application');

/**
 * The operating system of an Elastic fleet, and the platforms an application runs on.
 */
export enum FleetPlatform {
  /** Windows Server 2019. */
  WINDOWS_SERVER_2019 = 'WINDOWS_SERVER_2019',
  /** Amazon Linux 2. */
  AMAZON_LINUX2 = 'AMAZON_LINUX2',
  /** Ubuntu Pro 24.04. */
  UBUNTU_PRO_2404 = 'UBUNTU_PRO_2404',
}

/**
 * The instance families an application runs on.
 */
export enum InstanceFamily {
  /** General purpose: the `stream.standard.*` types of Elastic fleets. */
  GENERAL_PURPOSE = 'GENERAL_PURPOSE',
  /** Graphics G4 instances. */
  GRAPHICS_G4 = 'GRAPHICS_G4',
}

/**
 * An application of Elastic fleets, defined in this app or imported.
 */
export interface IApplication extends cdk.IResource {
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
    const arn = cdk.Stack.of(scope).formatArn({ service: 'appstream', resource: 'application', resourceName: applicationName, arnFormat: cdk.ArnFormat.SLASH_RESOURCE_NAME });
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
    this.platforms = enumList(v, 'platforms', props.platforms, APPLICATION_PLATFORMS as FleetPlatform[], 'FleetPlatform', 'platform');
    v.count('platforms', this.platforms.length, APPLICATION_PLATFORM_COUNT, 'platform', 'Give 1 to 4 platforms, such as [FleetPlatform.WINDOWS_SERVER_2019].');
    this.instanceFamilies = enumList(v, 'instanceFamilies', props.instanceFamilies, APPLICATION_INSTANCE_FAMILIES as InstanceFamily[], 'InstanceFamily', 'instance family');
    v.count('instanceFamilies', this.instanceFamilies.length, APPLICATION_INSTANCE_FAMILY_COUNT, 'instance family', 'Give at least one, such as [InstanceFamily.GENERAL_PURPOSE].');
    checkLabels(v, props);
    const name = resourceName(v, 'applicationName', props.applicationName, { platforms: this.platforms, instanceFamilies: this.instanceFamilies });

    this.resource = new appstream.CfnApplication(this, 'Resource', {
      name,
      appBlockArn: appBlock.appBlockArn,
      launchPath: props.launchPath,
      launchParameters: props.launchParameters,
      workingDirectory: props.workingDirectory,
      iconS3Location: icon,
      platforms: this.platforms,
      instanceFamilies: this.instanceFamilies,
      displayName: props.displayName,
      description: props.description,
    });
    applyRemovalPolicy(v, this.resource, props.removalPolicy);
    applyTags(v, this.resource, this.resource.tags, props.tags);
    warnIfNotInRegion(v, appstream.CfnApplication.CFN_RESOURCE_TYPE_NAME, {});
    this.applicationName = name;
    this.applicationArn = this.resource.attrArn;
  }
}

class ImportedApplication extends cdk.Resource implements IApplication {
  constructor(
    scope: Construct, id: string, public readonly applicationName: string, public readonly applicationArn: string, props: cdk.ResourceProps,
  ) {
    super(scope, id, props);
  }
}

/** A list of enum values (of a plain JavaScript caller too): each one of `allowed`, none twice. */
function enumList<T extends string>(
  v: Validator, property: string, given: T[], allowed: readonly T[], enumName: string, noun: string,
): T[] {
  const fix = `Give a list of ${enumName} members, such as [${enumName}.${allowed[0]}].`;
  const list = given;
  const seen = new Set<T>();
  for (const [i, value] of list.entries()) {
    v.oneOf(`${property}[${i}]`, value, allowed, fix);
    if (seen.has(value)) {
      v.fail(`${property}[${i}]`, value, `is already in ${property}`, `Give each ${noun} once.`);
    }
    seen.add(value);
  }
  return list;
}
