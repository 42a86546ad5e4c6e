import * as cdk from 'aws-cdk-lib';
import * as appstream from 'aws-cdk-lib/aws-appstream';
import { aws_appstream as appstreamRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { IApplication } from './application';
import { checkConstructor } from './private/boundary';
import { warnIfNotInRegion } from './private/cfn-region-support';
import { claimUniqueName } from './private/names';
import { applyRemovalPolicy } from './private/props';
import { dependsOn, literalOf, resourceOf } from './private/references';
import {
  ENTITLEMENT_APPLICATION_IDENTIFIER,
  ENTITLEMENT_ATTRIBUTE_NAME,
  ENTITLEMENT_ATTRIBUTE_NAMES,
  ENTITLEMENT_ATTRIBUTE_VALUE,
  ENTITLEMENT_ATTRIBUTES,
  DESCRIPTION,
  NAME,
} from './private/rules';
import { Validator } from './private/validation';
import { IStack, Stack } from './stack';

const ENTITLEMENT_SYMBOL = Symbol.for('cdk-appstream.Entitlement');

/**
 * Which of the stack's applications an entitlement gives its users.
 */
export enum AppVisibility {
  /** Every application of the stack's fleet. */
  ALL = 'ALL',
  /** Only the applications associated with the entitlement (`entitlement.addApplication()`). */
  ASSOCIATED = 'ASSOCIATED',
}

/**
 * The SAML 2.0 attributes an entitlement can match, as AppStream names them
 * (`https://aws.amazon.com/SAML/Attributes/PrincipalTag:<name>`).
 *
 * The constants are the attributes the AppStream docs list; neither the API model nor the
 * CloudFormation schema limits the names, so `SamlAttribute.of()` takes any other (an entitlement
 * then warns).
 */
export class SamlAttribute {
  /** `roles` */
  public static readonly ROLES = new SamlAttribute('roles');
  /** `department` */
  public static readonly DEPARTMENT = new SamlAttribute('department');
  /** `organization` */
  public static readonly ORGANIZATION = new SamlAttribute('organization');
  /** `groups` */
  public static readonly GROUPS = new SamlAttribute('groups');
  /** `title` */
  public static readonly TITLE = new SamlAttribute('title');
  /** `costCenter` */
  public static readonly COST_CENTER = new SamlAttribute('costCenter');
  /** `userType` */
  public static readonly USER_TYPE = new SamlAttribute('userType');

  /**
   * An attribute by name, for one the docs do not list (an entitlement warns, and writes it as
   * given). A token is passed through unchecked.
   *
   * @param name the attribute's name, as the SAML assertion's PrincipalTag carries it (not empty)
   */
  public static of(name: string): SamlAttribute {
    return new SamlAttribute(name);
  }

  /** The attribute's name, as the API writes it. */
  public readonly name: string;

  private constructor(name: string) {
    this.name = name;
  }

  /** The attribute's name. */
  public toString(): string {
    return this.name;
  }
}

/**
 * A SAML attribute and the value a user's assertion must carry for the entitlement to apply.
 */
export class EntitlementAttribute {
  /**
   * An attribute that must have `value`.
   *
   * @param name the SAML attribute
   * @param value the value it must have (not empty)
   */
  public static of(name: SamlAttribute, value: string): EntitlementAttribute {
    return new EntitlementAttribute(name, value);
  }

  private constructor(
    /** The SAML attribute. */
    public readonly name: SamlAttribute,
    /** The value it must have. */
    public readonly value: string,
  ) {}
}

/**
 * Options of an entitlement, for `stack.addEntitlement()`.
 */
export interface EntitlementOptions {
  /**
   * Whether the entitled users see all of the stack's applications or only the associated ones.
   */
  readonly appVisibility: AppVisibility;

  /**
   * The SAML attributes that select the entitled users, at least one, each attribute at most once.
   */
  readonly attributes: EntitlementAttribute[];

  /**
   * The entitlement's name, unique among the stack's entitlements: 1 to 101 letters, digits, `_`, `.`
   * and `-`, starting with a letter or digit.
   *
   * @default - the construct id
   */
  readonly entitlementName?: string;

  /**
   * The description, at most 256 characters.
   *
   * @default - none
   */
  readonly description?: string;

  /**
   * What happens to the entitlement when it leaves the stack.
   *
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: cdk.RemovalPolicy;
}

/**
 * Properties of an `Entitlement`.
 */
export interface EntitlementProps extends EntitlementOptions {
  /** The stack whose applications the entitlement governs. */
  readonly stack: IStack;
}

/**
 * An entitlement of a stack, defined in this app or imported.
 */
export interface IEntitlement extends cdk.IResource, appstreamRefs.IEntitlementRef {
  /**
   * The entitlement's name.
   *
   * @attribute
   */
  readonly entitlementName: string;

  /**
   * The name of the stack of the entitlement.
   *
   * @attribute
   */
  readonly stackName: string;

  /**
   * Entitle the users to an application of the stack's fleet (`AWS::AppStream::ApplicationEntitlementAssociation`).
   *
   * @param application the application
   */
  addApplication(application: IApplication): void;
}

/**
 * Defines an entitlement: which of a stack's applications the SAML 2.0 users with given attributes may
 * launch. Entitlements apply to SAML users only: user-pool and streaming-URL users see every application
 * of the stack, and the desktop stream view ignores them.
 *
 * @resource AWS::AppStream::Entitlement
 * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/entitlements.html
 */
export class Entitlement extends cdk.Resource implements IEntitlement {
  /**
   * Import an entitlement of a stack by name, to entitle its users to more applications
   * (`addApplication()`).
   *
   * @param scope the scope of the import
   * @param id the construct id of the import
   * @param stack the entitlement's stack
   * @param entitlementName the entitlement's name
   */
  public static fromEntitlementName(scope: Construct, id: string, stack: IStack, entitlementName: string): IEntitlement {
    return new ImportedEntitlement(scope, id, stack.stackName, entitlementName);
  }

  /**
   * Whether `x` is an `Entitlement` defined in an app (works across copies of this library).
   *
   * @param x any value
   */
  public static isEntitlement(x: any): x is Entitlement {
    return x !== null && typeof x === 'object' && x[ENTITLEMENT_SYMBOL] === true;
  }

  /**
   * The entitlement's name.
   *
   * @attribute
   */
  public readonly entitlementName: string;

  /**
   * The name of the stack of the entitlement.
   *
   * @attribute
   */
  public readonly stackName: string;

  /** Which applications the entitlement gives. */
  public readonly appVisibility: AppVisibility;

  private readonly resource: appstream.CfnEntitlement;
  private readonly applications = new Map<string, string>();

  /** A reference to the entitlement (its stack's name and its own). */
  public get entitlementRef(): appstreamRefs.EntitlementReference {
    return { stackName: this.stackName, entitlementName: this.entitlementName };
  }

  /**
   * @param scope the scope in which to define the entitlement
   * @param id the construct id (the default name)
   * @param props the entitlement's properties
   */
  constructor(scope: Construct, id: string, props: EntitlementProps) {
    props = checkConstructor(Entitlement, arguments).props;
    super(scope, id);
    Object.defineProperty(this, ENTITLEMENT_SYMBOL, { value: true });
    const v = new Validator(this, 'Entitlement');
    const stack = props.stack;

    const name = props.entitlementName ?? id;
    const nameProperty = props.entitlementName === undefined ? 'entitlementName (the construct id)' : 'entitlementName';
    v.string(nameProperty, name, NAME, 'Use only letters, digits, _ . - and start with a letter or digit (give entitlementName when the construct id does not).');
    const holder = claimUniqueName(this, `${appstream.CfnEntitlement.CFN_RESOURCE_TYPE_NAME} of stack ${literalOf(stack.stackName)}`, name);
    if (holder !== undefined) {
      v.fail(nameProperty, name, `is already the name of entitlement '${holder}' of the same stack`, 'Give each entitlement of a stack its own name.');
    }
    v.string('description', props.description, DESCRIPTION, 'Shorten it.');
    this.appVisibility = props.appVisibility;

    this.resource = new appstream.CfnEntitlement(this, 'Resource', {
      name,
      stackName: stack.stackName,
      appVisibility: this.appVisibility,
      attributes: attributes(v, props.attributes),
      description: props.description,
    });
    // No DependsOn: the stack's name is a reference within its Stage (the literal across Stages).
    applyRemovalPolicy(this.resource, props.removalPolicy);
    warnIfNotInRegion(v, appstream.CfnEntitlement.CFN_RESOURCE_TYPE_NAME, {});
    this.entitlementName = name;
    this.stackName = stack.stackName;
    if (Stack.isStack(stack)) {
      stack._addEntitlement(this);
    }
  }

  /**
   * Entitle the users to an application of the stack's fleet (`AWS::AppStream::ApplicationEntitlementAssociation`).
   * Only for an entitlement with `AppVisibility.ASSOCIATED`: with `ALL` the users already see every application.
   *
   * @param application the application
   */
  public addApplication(application: IApplication): void {
    const v = Validator.of(this);
    const app = application;
    if (this.appVisibility === AppVisibility.ALL) {
      v.fail('addApplication()', app.node.path, 'cannot be associated: the entitlement has appVisibility ALL, which already gives every application of the stack',
        'Use AppVisibility.ASSOCIATED to entitle users to chosen applications only.');
    }
    v.string('addApplication()', app.applicationName, ENTITLEMENT_APPLICATION_IDENTIFIER, 'Give an application with a name.');
    const key = cdk.Token.isUnresolved(app.applicationName) ? app.node.path : app.applicationName;
    const first = this.applications.get(key);
    if (first !== undefined) {
      v.fail('addApplication()', app.node.path, `adds the same application as '${first}' again`, 'Add each application once.');
    }
    this.applications.set(key, app.node.path);
    const association = new appstream.CfnApplicationEntitlementAssociation(this, `Application${cdk.Names.uniqueId(app)}`, {
      stackName: this.stackName,
      entitlementName: this.entitlementName,
      applicationIdentifier: app.applicationName,
    });
    // The names of the entitlement and of an application are no references (neither resource has an
    // attribute for its name): their L1s must come first.
    dependsOn(association, this.resource);
    dependsOn(association, resourceOf(app));
  }
}

class ImportedEntitlement extends cdk.Resource implements IEntitlement {
  constructor(scope: Construct, id: string, public readonly stackName: string, public readonly entitlementName: string) {
    super(scope, id);
  }

  public get entitlementRef(): appstreamRefs.EntitlementReference {
    return { stackName: this.stackName, entitlementName: this.entitlementName };
  }

  public addApplication(application: IApplication): void {
    new appstream.CfnApplicationEntitlementAssociation(this, `Application${cdk.Names.uniqueId(application)}`, {
      stackName: this.stackName,
      entitlementName: this.entitlementName,
      applicationIdentifier: application.applicationName,
    });
  }
}

/** The L1 attributes: at least one, names from the documented list, values not empty, no attribute twice. */
function attributes(v: Validator, given: EntitlementAttribute[]): appstream.CfnEntitlement.AttributeProperty[] {
  const fix = 'Give a list of EntitlementAttribute values, such as one holding EntitlementAttribute.of(SamlAttribute.DEPARTMENT, \'finance\').';
  const list = given;
  v.count('attributes', list.length, ENTITLEMENT_ATTRIBUTES, 'attribute', fix);
  const seen = new Map<string, number>();
  return list.map((attribute, i) => {
    const property = `attributes[${i}]`;
    const name = attribute.name.name;
    v.string(`${property}.name`, name, ENTITLEMENT_ATTRIBUTE_NAME, 'Give a SamlAttribute constant, or SamlAttribute.of() with the attribute\'s name.');
    if (!cdk.Token.isUnresolved(name) && !ENTITLEMENT_ATTRIBUTE_NAMES.includes(name)) {
      v.warn('unknownSamlAttribute', v.message(`${property}.name`, name,
        `is not one of the SAML attributes the AppStream docs list for entitlements (${ENTITLEMENT_ATTRIBUTE_NAMES.join(', ')})`,
        'Check the name against your identity provider\'s assertion, or use a SamlAttribute member; ignore this if AppStream matches it.'));
    }
    const value = attribute.value;
    v.string(`${property}.value`, value, ENTITLEMENT_ATTRIBUTE_VALUE, 'Give the value the attribute must have.');
    if (!cdk.Token.isUnresolved(name) && !cdk.Token.isUnresolved(value)) {
      const key = JSON.stringify([name, value]);
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        v.fail(property, `${name}=${value}`, `repeats attributes[${earlier}]`, 'Give each attribute and value once (CloudFormation refuses duplicate attributes).');
      }
      seen.set(key, i);
    }
    return { name, value };
  });
}
