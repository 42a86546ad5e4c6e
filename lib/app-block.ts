import * as cdk from 'aws-cdk-lib';
import * as appstream from 'aws-cdk-lib/aws-appstream';
import { aws_appstream as appstreamRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { appStreamArn, checkImportedArn, checkImportedName, nameInArn } from './private/arns';
import { checkConstructor } from './private/boundary';
import { warnIfNotInRegion } from './private/cfn-region-support';
import { checkLabels, resourceName } from './private/names';
import { applyRemovalPolicy } from './private/props';
import { attributeReference } from './private/references';
import { SCRIPT_EXECUTABLE, SCRIPT_TIMEOUT_SECONDS } from './private/rules';
import { durationSeconds } from './private/session-settings';
import { applyTags } from './private/tags';
import { Validator } from './private/validation';
import { S3Location } from './s3-location';

const APP_BLOCK_SYMBOL = Symbol.for('cdk-appstream.AppBlock');

/**
 * A script AppStream runs for an app block: on an Elastic fleet instance before the applications start
 * (setup), or on an app block builder after it mounted the package (post-setup).
 */
export interface AppBlockScript {
  /** The script's object in S3 (a bucket defined in the app gets the policy that lets AppStream read it). */
  readonly script: S3Location;

  /** The path of the executable that runs the script, such as `C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe`. */
  readonly executablePath: string;

  /**
   * The executable's parameters (not empty when given).
   *
   * @default - none
   */
  readonly executableParameters?: string;

  /** How long the script may run, in whole seconds (at least 1). */
  readonly timeout: cdk.Duration;
}

/**
 * Options of an app block in AppStream's own packaging (`APPSTREAM2`), made with an app block builder.
 */
export interface AppStream2PackagingOptions {
  /**
   * A script to run after the package is mounted.
   *
   * @default - none
   */
  readonly postSetupScript?: AppBlockScript;
}

/**
 * Options of an app block in a package of your own (`CUSTOM`): a VHD and the script that mounts it.
 */
export interface CustomPackagingOptions {
  /** The script that mounts the package and prepares the applications (required for CUSTOM packaging). */
  readonly setupScript: AppBlockScript;
}

/**
 * How an app block is packaged, which decides the scripts it takes: a CUSTOM block must have a setup
 * script, and only an APPSTREAM2 block may have a post-setup script.
 */
export class AppBlockPackaging {
  /**
   * A package of your own (`PackagingType: CUSTOM`): a VHD that `setupScript` mounts.
   *
   * @param options the setup script
   */
  public static custom(options: CustomPackagingOptions): AppBlockPackaging {
    return new AppBlockPackaging('CUSTOM', options.setupScript, undefined);
  }

  /**
   * A package in AppStream's own format (`PackagingType: APPSTREAM2`), as an app block builder makes.
   *
   * @param options the post-setup script, if any
   */
  public static appStream2(options: AppStream2PackagingOptions = {}): AppBlockPackaging {
    return new AppBlockPackaging('APPSTREAM2', undefined, options.postSetupScript);
  }

  private constructor(
    /** The packaging type: `CUSTOM` or `APPSTREAM2`. */
    public readonly packagingType: string,
    /** The setup script (CUSTOM only). */
    public readonly setupScript?: AppBlockScript,
    /** The post-setup script (APPSTREAM2 only). */
    public readonly postSetupScript?: AppBlockScript,
  ) {}
}

/**
 * An app block, defined in this app or imported.
 */
export interface IAppBlock extends cdk.IResource, appstreamRefs.IAppBlockRef {
  /**
   * The app block's name.
   *
   * @attribute
   */
  readonly appBlockName: string;

  /**
   * The app block's ARN: `arn:<partition>:appstream:<region>:<account>:app-block/<name>`.
   *
   * @attribute
   */
  readonly appBlockArn: string;
}

/**
 * Properties of an `AppBlock`.
 */
export interface AppBlockProps {
  /**
   * The package: the VHD (or, for APPSTREAM2 packaging, the package an app block builder made). The
   * key is required for CUSTOM packaging and for an existing package; an APPSTREAM2 block without one
   * (`S3Location.fromBucket(bucket)`) names the bucket where the app block builder puts a new package.
   */
  readonly source: S3Location;

  /** How the block is packaged, and its scripts. */
  readonly packaging: AppBlockPackaging;

  /**
   * The app block's name: 1 to 101 letters, digits, `_`, `.` and `-`, starting with a letter or digit.
   * Every property of an app block is create-only, so a change replaces it: a fixed name then fails
   * ("already exists"); the generated one changes with the props.
   *
   * @default - a name generated from the construct path and a hash of the props
   */
  readonly appBlockName?: string;

  /**
   * The name to display, at most 100 characters.
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
   * Tags for the app block (same rules as the other resources' tags).
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };

  /**
   * What happens to the app block when it leaves the stack.
   *
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: cdk.RemovalPolicy;
}

/**
 * Defines an app block: a package of applications, and the script that sets it up, for Elastic fleets.
 *
 * @resource AWS::AppStream::AppBlock
 * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/app-blocks.html
 */
export class AppBlock extends cdk.Resource implements IAppBlock {
  /**
   * Import an app block by name, in the scope's account and region.
   *
   * @param scope the scope of the import
   * @param id the construct id of the import
   * @param appBlockName the app block's name
   */
  public static fromAppBlockName(scope: Construct, id: string, appBlockName: string): IAppBlock {
    checkImportedName(scope, id, 'AppBlock.fromAppBlockName()', 'appBlockName', appBlockName);
    const arn = appStreamArn(scope, 'app-block', appBlockName);
    return new ImportedAppBlock(scope, id, appBlockName, arn, {});
  }

  /**
   * Import an app block by ARN (`arn:<partition>:appstream:<region>:<account>:app-block/<name>`).
   *
   * @param scope the scope of the import
   * @param id the construct id of the import
   * @param appBlockArn the app block's ARN
   */
  public static fromAppBlockArn(scope: Construct, id: string, appBlockArn: string): IAppBlock {
    checkImportedArn(scope, id, 'AppBlock.fromAppBlockArn()', 'appBlockArn', appBlockArn, 'app-block');
    const name = nameInArn(scope, appBlockArn);
    return new ImportedAppBlock(scope, id, name, appBlockArn, { environmentFromArn: appBlockArn });
  }

  /**
   * Whether `x` is an `AppBlock` defined in an app (works across copies of this library).
   *
   * @param x any value
   */
  public static isAppBlock(x: any): x is AppBlock {
    return x !== null && typeof x === 'object' && x[APP_BLOCK_SYMBOL] === true;
  }

  /** The app block's name. */
  public readonly appBlockName: string;

  /** The app block's ARN. */
  public readonly appBlockArn: string;

  /** The packaging type: `CUSTOM` or `APPSTREAM2`. */
  public readonly packagingType: string;

  private readonly resource: appstream.CfnAppBlock;

  /** A reference to the app block (its ARN). */
  public get appBlockRef(): appstreamRefs.AppBlockReference {
    return { appBlockArn: this.appBlockArn };
  }

  /**
   * @param scope the scope in which to define the app block
   * @param id the construct id
   * @param props the app block's properties
   */
  constructor(scope: Construct, id: string, props: AppBlockProps) {
    props = checkConstructor(AppBlock, arguments).props;
    super(scope, id);
    Object.defineProperty(this, APP_BLOCK_SYMBOL, { value: true });
    const v = new Validator(this, 'AppBlock');
    const packagingFix = 'Give AppBlockPackaging.custom() with a setupScript, or AppBlockPackaging.appStream2().';
    const packaging = v.object('packaging', props.packaging, (x) => x.packagingType === 'CUSTOM' || x.packagingType === 'APPSTREAM2', packagingFix);
    // [docs] S3Location.S3Key: the key "is required for CUSTOM"; for APPSTREAM2 it "is not required if a new
    // application package is required" (the app block builder writes one into the bucket).
    const source = S3Location._bindForSource(props.source, this, 'source', packaging.packagingType === 'APPSTREAM2');
    if (packaging.packagingType === 'CUSTOM') {
      v.required('packaging.setupScript', packaging.setupScript, 'A CUSTOM app block needs the script that mounts its package: give AppBlockPackaging.custom() a setupScript.');
      if (packaging.postSetupScript !== undefined) {
        // [docs] PostSetupScriptDetails "can only be provided for the APPSTREAM2 PackagingType"; AppBlockPackaging.custom() gives none, a plain object may.
        v.fail('packaging.postSetupScript', undefined, 'is only for APPSTREAM2 packaging, not CUSTOM',
          'Leave postSetupScript out of a CUSTOM app block (its setupScript does the setup), or use AppBlockPackaging.appStream2() with the postSetupScript.');
      }
    }
    const setup = scriptDetails(this, v, 'packaging.setupScript', packaging.setupScript);
    const postSetup = scriptDetails(this, v, 'packaging.postSetupScript', packaging.postSetupScript);
    checkLabels(v, props);
    const createOnly = {
      sourceS3Location: source,
      packagingType: packaging.packagingType,
      setupScriptDetails: setup,
      postSetupScriptDetails: postSetup,
      displayName: props.displayName,
      description: props.description,
    };
    const name = resourceName(v, 'appBlockName', props.appBlockName, appstream.CfnAppBlock.CFN_RESOURCE_TYPE_NAME, createOnly);

    this.resource = new appstream.CfnAppBlock(this, 'Resource', { name, ...createOnly });
    applyRemovalPolicy(this.resource, props.removalPolicy);
    applyTags(v, this.resource, this.resource.tags, props.tags);
    warnIfNotInRegion(v, appstream.CfnAppBlock.CFN_RESOURCE_TYPE_NAME, {});
    // The name is literal: no attribute of an app block gives it (Ref gives the ARN).
    this.appBlockName = name;
    this.appBlockArn = attributeReference(v, 'appBlockName', this.resource.attrArn, appStreamArn(this, 'app-block', name));
    this.packagingType = packaging.packagingType;
  }
}

class ImportedAppBlock extends cdk.Resource implements IAppBlock {
  constructor(scope: Construct, id: string, public readonly appBlockName: string, public readonly appBlockArn: string, props: cdk.ResourceProps) {
    super(scope, id, props);
  }

  /** A reference to the app block (its ARN). */
  public get appBlockRef(): appstreamRefs.AppBlockReference {
    return { appBlockArn: this.appBlockArn };
  }
}

/** The L1 `ScriptDetails` of a script: its location (with a key), executable and timeout. */
function scriptDetails(
  scope: Construct, v: Validator, property: string, script: AppBlockScript | undefined,
): appstream.CfnAppBlock.ScriptDetailsProperty | undefined {
  // The public boundary checked the script's fields (types, required ones) and made nulls absent.
  if (script === undefined) {
    return undefined;
  }
  const location = script.script.bind(scope, `${property}.script`);
  const pathFix = 'Give the path of the executable that runs the script, such as C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe.';
  v.string(`${property}.executablePath`, script.executablePath, SCRIPT_EXECUTABLE, pathFix);
  v.string(`${property}.executableParameters`, script.executableParameters, SCRIPT_EXECUTABLE, 'Leave executableParameters out rather than empty.');
  const timeoutFix = 'Give how long the script may run, such as Duration.minutes(5).';
  const timeout = durationSeconds(v, `${property}.timeout`, script.timeout, SCRIPT_TIMEOUT_SECONDS, timeoutFix);
  return {
    scriptS3Location: location,
    executablePath: script.executablePath,
    executableParameters: script.executableParameters,
    timeoutInSeconds: timeout!,
  };
}
