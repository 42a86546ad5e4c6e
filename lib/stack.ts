import * as cdk from 'aws-cdk-lib';
import * as appstream from 'aws-cdk-lib/aws-appstream';
import * as iam from 'aws-cdk-lib/aws-iam';
import { aws_appstream as appstreamRefs } from 'aws-cdk-lib/interfaces';
import { Construct, IConstruct } from 'constructs';
import { AccessEndpoint } from './access-endpoint';
import { Entitlement, EntitlementOptions } from './entitlement';
import { Fleet, IFleet } from './fleet';
import { bindAccessEndpoints } from './private/access-endpoints';
import { STACK_STREAMING_URL_ACTIONS } from './private/actions';
import { appStreamArn, checkImportedArn, checkImportedName, nameInArn } from './private/arns';
import { checkConstructor } from './private/boundary';
import { warnIfNotInRegion } from './private/cfn-region-support';
import { checkLabels, resourceName } from './private/names';
import { applyRemovalPolicy } from './private/props';
import { attributeReference, dependsOn, resourceOf } from './private/references';
import {
  USER_NAME,
  EMBED_HOST_DOMAIN,
  EMBED_HOST_DOMAINS,
  SETTINGS_GROUP,
  STACK_FLEETS,
  STACK_URL,
  REDIRECT_URL_FORMAT,
  FEEDBACK_URL_FORMAT,
  STORAGE_CONNECTOR_DOMAIN,
  STORAGE_CONNECTOR_RESOURCE_IDENTIFIER,
  STORAGE_CONNECTOR_DOMAINS,
  STORAGE_CONNECTOR_TYPES,
  STORAGE_CONNECTOR_TYPES_WITH_DOMAINS,
  USER_ACTIONS,
  USER_AUTHENTICATION_TYPES,
  USER_SETTINGS,
  USER_SETTING_MAXIMUM_LENGTH,
  USER_SETTING_MAXIMUM_LENGTH_ACTIONS,
  countProblem,
} from './private/rules';
import { applyTags } from './private/tags';
import { Validator } from './private/validation';
import { StorageConnector } from './storage-connector';
import { IUser, User } from './user';
import { UserSetting } from './user-setting';

const STACK_SYMBOL = Symbol.for('cdk-appstream.Stack');

/**
 * The protocol a stack's sessions prefer.
 */
export enum StreamingProtocol {
  /** TCP. */
  TCP = 'TCP',
  /** UDP, for a smoother stream on networks that allow it (falls back to TCP). */
  UDP = 'UDP',
}

/**
 * Persistent application settings: users' application customizations and Windows settings are saved
 * between sessions (in an S3 bucket AppStream creates in the account and region).
 *
 * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/app-settings-persistence.html
 */
export interface ApplicationSettings {
  /**
   * Whether settings persist. `false` writes the settings disabled (`Enabled: false`), as the API
   * allows, for example to turn persistence off on a stack that had it without removing the block.
   *
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * The group of settings: stacks with the same group share users' settings. At most 100 characters.
   *
   * @default - the stack's own settings group
   */
  readonly settingsGroup?: string;
}

/**
 * An AppStream stack, defined in this app or imported.
 */
export interface IStack extends cdk.IResource, appstreamRefs.IStackRef {
  /**
   * The name of the stack.
   *
   * @attribute
   */
  readonly stackName: string;

  /**
   * The ARN of the stack: `arn:<partition>:appstream:<region>:<account>:stack/<name>`.
   *
   * @attribute
   */
  readonly stackArn: string;

  /**
   * Grant `grantee` the given AppStream actions on this stack.
   *
   * @param grantee the principal
   * @param actions the actions, for example `appstream:DescribeStacks`
   */
  grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant;

  /**
   * Grant `grantee` the right to create streaming URLs for users of this stack and its fleet
   * (`appstream:CreateStreamingURL` on both, as the request names both). A stack defined in the app
   * knows its fleet; an imported one is given it.
   *
   * @param grantee the principal
   * @param fleet the fleet the URLs stream from: by default the stack's own fleet (a stack defined in
   * the app); an imported stack needs it
   */
  grantCreateStreamingUrl(grantee: iam.IGrantable, fleet?: IFleet): iam.Grant;
}

/**
 * What stacks defined in the app and imported ones share.
 */
abstract class StackBase extends cdk.Resource implements IStack {
  public abstract readonly stackName: string;
  public abstract readonly stackArn: string;

  /**
   * A reference to the stack (its name, which is what `Ref` gives). aws-cdk-lib 2.247 calls the field
   * `stackId`, later versions `stackName`: both are set, so the reference reads right under either.
   */
  public get stackRef(): appstreamRefs.StackReference {
    return { stackName: this.stackName, stackId: this.stackName } as appstreamRefs.StackReference;
  }

  public abstract grantCreateStreamingUrl(grantee: iam.IGrantable, fleet?: IFleet): iam.Grant;

  public grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee, actions, resourceArns: [this.stackArn] });
  }
}

/**
 * Options of `stack.addUser()`.
 */
export interface AddUserOptions {
  /**
   * Whether AppStream emails the user that they can now use the stack.
   *
   * @default false
   */
  readonly sendEmailNotification?: boolean;
}

/**
 * Properties of a `Stack`.
 */
export interface StackProps {
  /**
   * The fleet whose instances stream to the stack's users (a `Fleet` or an `ElasticFleet`): a fleet of
   * the stack's account and region.
   * Or call `associateFleet()`. A stack has at most one fleet.
   *
   * @default - no fleet until `associateFleet()`
   */
  readonly fleet?: IFleet;

  /**
   * Which actions users may take during their sessions, at most one setting per action. Actions not
   * listed are enabled.
   *
   * @default - AppStream's default: every action enabled
   */
  readonly userSettings?: UserSetting[];

  /**
   * Where users may keep their files: at most one connector of each type. An empty list is the same
   * as none.
   *
   * @default - none
   */
  readonly storageConnectors?: StorageConnector[];

  /**
   * Turn on persistent application settings (saved between sessions).
   *
   * @default - not persistent
   */
  readonly applicationSettings?: ApplicationSettings;

  /**
   * Interface VPC endpoints through which users stream, 1 to 4. With them, streaming goes only
   * through these endpoints.
   *
   * @default - streaming over the internet
   */
  readonly accessEndpoints?: AccessEndpoint[];

  /**
   * The domains of the web pages that may embed the stack's streaming sessions in an iframe, 1 to
   * 20, lowercase, such as `portal.example.com`.
   *
   * @default - none: sessions cannot be embedded
   */
  readonly embedHostDomains?: string[];

  /**
   * Where users go when their session ends: an http(s) URL of at most 1000 characters.
   *
   * @default - AppStream's page
   */
  readonly redirectUrl?: string;

  /**
   * Where users go when they click "Send feedback": an http(s) URL of at most 1000 characters.
   *
   * @default - no feedback link
   */
  readonly feedbackUrl?: string;

  /**
   * The protocol sessions prefer. CloudFormation offers it in some regions only: in a stack whose
   * region lacks it, the stack warns (`cdk-appstream:stack:propertyNotInRegion`).
   *
   * @default - AppStream's default (TCP)
   */
  readonly preferredProtocol?: StreamingProtocol;

  /**
   * The stack's name, unique among the stacks of the account and region (a fleet may have the same
   * name): 1 to 101 letters, digits, `_`, `.` and `-`, starting with a letter or digit. Always
   * rendered, although CloudFormation makes it optional: the fleet association names it.
   *
   * @default - a name generated from the construct path, unique in the app
   */
  readonly stackName?: string;

  /**
   * The name to display, at most 100 characters.
   *
   * @default - none
   */
  readonly displayName?: string;

  /**
   * The description to display, at most 256 characters.
   *
   * @default - none
   */
  readonly description?: string;

  /**
   * Tags for the stack. With tags added by `Tags.of()`, at most 50; each key 1-128 characters, each
   * value at most 256, of letters, digits, spaces and `_ . : / = + - @`; no key may start with `aws:`.
   *
   * @default - none
   */
  readonly tags?: { [key: string]: string };

  /**
   * What happens to the stack when it leaves the CloudFormation stack.
   *
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: cdk.RemovalPolicy;
}

/**
 * Defines an AppStream stack: the user-facing side of a fleet (user settings, storage, embedding,
 * endpoints). Users stream from the stack's fleet.
 *
 * Named after `AWS::AppStream::Stack`, as `apigateway.Stage` sits beside `cdk.Stage`: import this
 * library under a namespace (`appstream.Stack`) to tell it from the CloudFormation stack.
 *
 * Every rule of the AppStream API and of CloudFormation's schema is checked at synth time; values only
 * known at deployment (tokens) are passed through unchecked.
 *
 * @resource AWS::AppStream::Stack
 * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/set-up-stacks-fleets.html
 */
export class Stack extends StackBase {
  /**
   * Import a stack by name, in the scope's account and region.
   *
   * @param scope the scope of the import
   * @param id the construct id of the import
   * @param stackName the stack's name
   */
  public static fromStackName(scope: Construct, id: string, stackName: string): IStack {
    checkImportedName(scope, id, 'Stack.fromStackName()', 'stackName', stackName);
    const stackArn = appStreamArn(scope, 'stack', stackName);
    return new ImportedStack(scope, id, stackName, stackArn, {});
  }

  /**
   * Import a stack by ARN (`arn:<partition>:appstream:<region>:<account>:stack/<name>`).
   *
   * @param scope the scope of the import
   * @param id the construct id of the import
   * @param stackArn the stack's ARN
   */
  public static fromStackArn(scope: Construct, id: string, stackArn: string): IStack {
    checkImportedArn(scope, id, 'Stack.fromStackArn()', 'stackArn', stackArn, 'stack');
    const name = nameInArn(scope, stackArn);
    return new ImportedStack(scope, id, name, stackArn, { environmentFromArn: stackArn });
  }

  /**
   * Whether `x` is an AppStream `Stack` defined in an app (works across copies of this library).
   *
   * @param x any value
   */
  public static isStack(x: any): x is Stack {
    return x !== null && typeof x === 'object' && x[STACK_SYMBOL] === true;
  }

  /**
   * The stack's name.
   *
   * @attribute
   */
  public readonly stackName: string;

  /**
   * The stack's ARN.
   *
   * @attribute
   */
  public readonly stackArn: string;

  /** The L1 resource, for what this construct does not model (prefer its props). */
  private readonly resource: appstream.CfnStack;

  private associated?: IFleet;
  private readonly entitlements: IConstruct[] = [];
  private readonly users = new Map<string, string>();

  /**
   * @param scope the scope in which to define the stack
   * @param id the construct id (it drives the logical id and the generated name: keep it stable)
   * @param props the stack's properties
   */
  constructor(scope: Construct, id: string, props: StackProps = {}) {
    props = checkConstructor(Stack, arguments).props ?? {};
    super(scope, id);
    Object.defineProperty(this, STACK_SYMBOL, { value: true });
    const v = new Validator(this, 'Stack');

    const name = resourceName(v, 'stackName', props.stackName, appstream.CfnStack.CFN_RESOURCE_TYPE_NAME);
    checkLabels(v, props);
    for (const [property, url, format, example] of [
      ['redirectUrl', props.redirectUrl, REDIRECT_URL_FORMAT, 'https://portal.example.com/done'],
      ['feedbackUrl', props.feedbackUrl, FEEDBACK_URL_FORMAT, 'https://portal.example.com/feedback or mailto:desk@example.com'],
    ] as const) {
      v.string(property, url, STACK_URL, 'Shorten it.');
      v.string(property, url, format, `Give a URL such as ${example}.`);
    }
    const preferredProtocol = props.preferredProtocol;
    if (props.applicationSettings) {
      v.string('applicationSettings.settingsGroup', props.applicationSettings.settingsGroup ?? undefined, SETTINGS_GROUP, 'Shorten it.');
    }

    this.resource = new appstream.CfnStack(this, 'Resource', {
      name,
      displayName: props.displayName,
      description: props.description,
      userSettings: userSettings(v, props.userSettings),
      storageConnectors: storageConnectors(v, props.storageConnectors),
      applicationSettings: props.applicationSettings
        ? { enabled: props.applicationSettings.enabled ?? true, settingsGroup: props.applicationSettings.settingsGroup ?? undefined }
        : undefined,
      accessEndpoints: bindAccessEndpoints(v, props.accessEndpoints),
      embedHostDomains: embedHostDomains(v, props.embedHostDomains),
      redirectUrl: props.redirectUrl,
      feedbackUrl: props.feedbackUrl,
      streamingExperienceSettings: preferredProtocol ? { preferredProtocol } : undefined,
    });
    applyRemovalPolicy(this.resource, props.removalPolicy);
    applyTags(v, this.resource, this.resource.tags, props.tags);
    warnIfNotInRegion(v, appstream.CfnStack.CFN_RESOURCE_TYPE_NAME, {
      ...preferredProtocol && { StreamingExperienceSettings: 'preferredProtocol' },
    });

    this.stackName = attributeReference(v, 'stackName', this.resource.ref, name);
    this.stackArn = appStreamArn(this, 'stack', this.stackName);

    if (props.fleet) {
      this.associateFleet(props.fleet);
    }
  }

  /** The fleet associated with the stack, if any. */
  public get fleet(): IFleet | undefined {
    return this.associated;
  }

  /**
   * Associate `fleet` with the stack (`AWS::AppStream::StackFleetAssociation`, construct id
   * `FleetAssociation`): users of the stack stream from the fleet. A stack has at most one fleet, in
   * its own account and region. The association depends on both, so CloudFormation creates it last
   * and deletes it first.
   *
   * @param fleet the fleet
   */
  public associateFleet(fleet: IFleet): void {
    const v = Validator.of(this);
    const problem = countProblem(STACK_FLEETS, (this.associated ? 1 : 0) + 1, 'fleet');
    if (problem) {
      v.fail('fleet', fleet.node.path, `cannot be associated: the stack already has fleet '${this.associated!.node.path}', and AppStream's association "cannot be performed on a stack that already has an associated fleet" (${problem.replace(/^must have/, 'a stack has')})`,
        'Define another Stack for the second fleet.');
    }
    const here = cdk.Stack.of(this);
    for (const [what, mine, theirs] of [['account', here.account, fleet.env.account], ['region', here.region, fleet.env.region]] as const) {
      if (!cdk.Token.isUnresolved(mine) && !cdk.Token.isUnresolved(theirs) && mine !== theirs) {
        v.fail('fleet', fleet.node.path, `is in ${what} ${theirs}, but the stack is in ${what} ${mine}: a stack streams only from a fleet of its own account and region`,
          `Associate a fleet of ${what} ${mine}.`);
      }
    }
    if (joinsDomain(fleet) && this.users.size > 0) {
      v.fail('fleet', fleet.node.path, `joins an Active Directory domain, but the stack has user-pool users (${[...this.users.values()].join(', ')}), and "users in a user pool cannot be assigned to stacks with fleets that are joined to an Active Directory domain"`,
        'Use a fleet without domainJoin for user-pool users, or define another Stack for the domain-joined fleet.');
    }
    new appstream.CfnStackFleetAssociation(this, 'FleetAssociation', {
      fleetName: fleet.fleetName,
      stackName: this.stackName,
    });
    // No DependsOn: within a Stage both names are references (to the L1s alone, not to the fleet's
    // scaling resources); across Stages nothing can be ordered.
    this.associated = fleet;
    this.entitlements.forEach((entitlement) => warnIfDesktop(entitlement, this, fleet));
  }

  /**
   * Note an entitlement of the stack: it warns if the stack's fleet, now or later, streams the desktop.
   *
   * @internal
   */
  public _addEntitlement(entitlement: IConstruct): void {
    this.entitlements.push(entitlement);
    warnIfDesktop(entitlement, this, this.associated);
  }

  /**
   * Give a user-pool user access to the stack (`AWS::AppStream::StackUserAssociation`). Not for a
   * stack whose fleet joins an Active Directory domain: AppStream refuses user-pool users there.
   *
   * @param user the user, a `User` or `User.fromUserName()`
   * @param options whether AppStream emails the user
   */
  public addUser(user: IUser, options: AddUserOptions = {}): void {
    const v = Validator.of(this);
    const u = user;
    const fleet = this.associated;
    // [docs] BatchAssociateUserStack: "Users in a user pool cannot be assigned to stacks with fleets
    // that are joined to an Active Directory domain."
    if (joinsDomain(fleet)) {
      v.fail('addUser()', u.node.path, `cannot be added: the stack's fleet '${fleet.node.path}' joins an Active Directory domain, and "users in a user pool cannot be assigned to stacks with fleets that are joined to an Active Directory domain"`,
        'Give user-pool users a stack whose fleet does not join a domain, or let domain users sign in through SAML 2.0.');
    }
    v.string('addUser()', u.userName, USER_NAME, 'Give a user whose name is their email address.');
    checkUserPool(v, u);
    const key = cdk.Token.isUnresolved(u.userName) ? u.node.path : u.userName;
    if (this.users.has(key)) {
      v.fail('addUser()', u.node.path, `adds user ${JSON.stringify(u.userName)} to the stack again`, 'Add each user once.');
    }
    this.users.set(key, u.node.path);
    const association = new appstream.CfnStackUserAssociation(this, `User${cdk.Names.uniqueId(u)}`, {
      stackName: this.stackName,
      userName: u.userName,
      authenticationType: u.authenticationType,
      sendEmailNotification: options.sendEmailNotification,
    });
    // The user's name is no reference (a user has no attribute for it): the user's L1 must come first.
    dependsOn(association, resourceOf(u));
    warnIfNotInRegion(v, appstream.CfnStackUserAssociation.CFN_RESOURCE_TYPE_NAME, {}); // once: Annotations drops a repeat
  }

  /**
   * Define an entitlement of the stack: which applications SAML 2.0 users with given attributes see.
   * Its name is `id` unless `options.entitlementName` is given, and is unique among the stack's.
   *
   * @param id the construct id (under the stack) and default name
   * @param options the entitlement's options
   */
  public addEntitlement(id: string, options: EntitlementOptions): Entitlement {
    return new Entitlement(this, id, { ...options, stack: this });
  }

  /**
   * Grant `grantee` the right to create streaming URLs for the stack's users
   * (`appstream:CreateStreamingURL` on the stack and on its fleet, both of which the call names).
   * The stack must have its fleet by then. Streaming URLs do not work with a domain-joined fleet: such
   * a fleet warns (`cdk-appstream:stack:streamingUrlWithDomainJoin`).
   *
   * @param grantee the principal, such as the role of a portal that signs users in
   * @param fleet the fleet the URLs stream from, by default the stack's own
   */
  public grantCreateStreamingUrl(grantee: iam.IGrantable, fleet?: IFleet): iam.Grant {
    const v = Validator.of(this);
    fleet = fleet ?? this.associated;
    if (!fleet) {
      return v.fail('grantCreateStreamingUrl()', undefined, 'needs the stack\'s fleet, which CreateStreamingURL names too',
        'Give fleet in the props, or call associateFleet() before grantCreateStreamingUrl().');
    }
    if (joinsDomain(fleet)) {
      v.warn('streamingUrlWithDomainJoin',
        `grantCreateStreamingUrl(): fleet '${fleet.node.path}' joins an Active Directory domain, and streaming URLs do not work with domain-joined fleets (users sign in through SAML 2.0 instead). Use SAML federation, or a fleet without domainJoin.`);
    }
    return iam.Grant.addToPrincipal({ grantee, actions: STACK_STREAMING_URL_ACTIONS, resourceArns: [this.stackArn, fleet.fleetArn] });
  }
}

class ImportedStack extends StackBase {
  constructor(scope: Construct, id: string, public readonly stackName: string, public readonly stackArn: string, props: cdk.ResourceProps) {
    super(scope, id, props);
  }

  public grantCreateStreamingUrl(grantee: iam.IGrantable, fleet?: IFleet): iam.Grant {
    if (fleet === undefined) {
      throw new Error(`Stack '${this.node.path}': grantCreateStreamingUrl() of an imported stack needs its fleet, which CreateStreamingURL names too. `
        + 'Give the fleet as the second argument, such as one imported with Fleet.fromFleetName().');
    }
    return iam.Grant.addToPrincipal({ grantee, actions: STACK_STREAMING_URL_ACTIONS, resourceArns: [this.stackArn, fleet.fleetArn] });
  }
}

/** The L1 `UserSettings`: one per action, a maximum length only on an enabled clipboard action. */
function userSettings(v: Validator, given: UserSetting[] | undefined): appstream.CfnStack.UserSettingProperty[] | undefined {
  const settings = given;
  if (settings === undefined) {
    return undefined;
  }
  v.count('userSettings', settings.length, USER_SETTINGS, 'setting', 'Give at least one setting, or leave userSettings out (every action is then enabled).');
  const seen = new Map<string, number>();
  // Each a UserSetting with its action: the public boundary checked the list.
  return settings.map((setting, i) => {
    const property = `userSettings[${i}]`;
    const action = setting.action.name;
    if (!cdk.Token.isUnresolved(action)) {
      const first = seen.get(action);
      if (first !== undefined) {
        v.fail(property, action, `repeats the action of userSettings[${first}]`, 'Give each action at most one setting.');
      }
      seen.set(action, i);
      if (!USER_ACTIONS.includes(action)) {
        v.warn('unknownUserAction',
          `${property}: action '${action}' is not one of the actions this library knows (${USER_ACTIONS.join(', ')}); check the name (AppStream rejects unknown actions at deployment) or ignore this if AWS has added it since.`);
      }
    }
    const maximumLength = setting.maximumLength;
    if (maximumLength !== undefined) {
      if (!cdk.Token.isUnresolved(action) && !USER_SETTING_MAXIMUM_LENGTH_ACTIONS.includes(action)) {
        v.fail(`${property}.maximumLength`, maximumLength, `is only for the clipboard actions (${USER_SETTING_MAXIMUM_LENGTH_ACTIONS.join(', ')}), not ${action}`,
          'Leave maximumLength out for this action.');
      }
      if (setting.permission !== 'ENABLED') {
        v.fail(`${property}.maximumLength`, maximumLength, `cannot be given with permission ${setting.permission}`, 'Leave maximumLength out, or enable the action.');
      }
      v.range(`${property}.maximumLength`, maximumLength, USER_SETTING_MAXIMUM_LENGTH, 'Give a whole number of characters from 1 to 20971520 (20 MB).');
    }
    return { action, permission: setting.permission, maximumLength };
  });
}

/** The L1 `StorageConnectors`: one per type, domains only on Google Drive and OneDrive. */
function storageConnectors(v: Validator, given: StorageConnector[] | undefined): appstream.CfnStack.StorageConnectorProperty[] | undefined {
  const connectors = given;
  if (connectors === undefined || connectors.length === 0) {
    return undefined;
  }
  const seen = new Map<string, number>();
  // Each a StorageConnector with its type: the public boundary checked the list.
  return connectors.map((connector, i) => {
    const property = `storageConnectors[${i}]`;
    const type = connector.connectorType;
    if (!cdk.Token.isUnresolved(type)) {
      const first = seen.get(type);
      if (first !== undefined) {
        v.fail(property, type, `repeats the connector type of storageConnectors[${first}]`, 'Give at most one connector of each type (list all domains in one).');
      }
      seen.set(type, i);
      if (!STORAGE_CONNECTOR_TYPES.includes(type)) {
        v.fail(`${property}.connectorType`, type, `is not a connector type (${STORAGE_CONNECTOR_TYPES.join(', ')})`, 'Use StorageConnector.homeFolders(), StorageConnector.googleDrive() or StorageConnector.oneDrive().');
      }
    }
    const domains = connector.domains ?? [];
    if (domains.length > 0 && !cdk.Token.isUnresolved(type) && !STORAGE_CONNECTOR_TYPES_WITH_DOMAINS.includes(type)) {
      v.fail(`${property}.domains`, undefined, `are only for ${STORAGE_CONNECTOR_TYPES_WITH_DOMAINS.join(' and ')} connectors, not ${type}`, 'Leave the domains out.');
    }
    v.count(`${property}.domains`, domains.length, STORAGE_CONNECTOR_DOMAINS, 'domain', 'Give at most 50 domains.');
    domains.forEach((d, j) => v.string(`${property}.domains[${j}]`, d, STORAGE_CONNECTOR_DOMAIN, 'Give a domain of 1 to 64 characters, such as example.com.'));
    v.string(`${property}.resourceIdentifier`, connector.resourceIdentifier, STORAGE_CONNECTOR_RESOURCE_IDENTIFIER, 'Give an identifier of 1 to 2048 characters, or leave it out.');
    return { connectorType: type, domains: domains.length > 0 ? domains : undefined, resourceIdentifier: connector.resourceIdentifier };
  });
}

/** The L1 `EmbedHostDomains`: 1 to 20 lowercase domain names. */
function embedHostDomains(v: Validator, given: string[] | undefined): string[] | undefined {
  const domains = given;
  if (domains === undefined || cdk.Token.isUnresolved(domains)) { // a list parameter: no element is known
    return domains;
  }
  v.count('embedHostDomains', domains.length, EMBED_HOST_DOMAINS, 'domain', 'Give 1 to 20 domains, or leave embedHostDomains out.');
  domains.forEach((d, i) => v.string(`embedHostDomains[${i}]`, d, EMBED_HOST_DOMAIN,
    `Give a lowercase domain name${typeof d === 'string' && d !== d.toLowerCase() ? ` (${d.toLowerCase()})` : ''}, without scheme or path, such as portal.example.com.`));
  return domains;
}

/**
 * Entitlements do not apply to the desktop stream view ([docs] CreateEntitlement): an entitlement of a
 * stack whose fleet streams the desktop warns (`cdk-appstream:entitlement:desktopStreamView`).
 */
function warnIfDesktop(entitlement: IConstruct, stack: IConstruct, fleet: IFleet | undefined): void {
  if (streamsDesktop(fleet)) {
    Validator.of(entitlement).warn('desktopStreamView',
      `stack '${stack.node.path}' streams from fleet '${fleet.node.path}', whose streamView is DESKTOP, and entitlements do not apply to the desktop stream view: the stack's users see the whole desktop whatever their attributes. Use StreamView.APP on the fleet, or leave the entitlement out.`);
  }
}

/** Whether the fleet is a `Fleet` of the app that joins a domain (Elastic and imported fleets do not say). */
function joinsDomain(fleet: IFleet | undefined): fleet is IFleet {
  return (fleet as Partial<Fleet> | undefined)?._joinsDomain === true;
}

/** Whether the fleet is a `Fleet` of the app that streams the desktop. */
function streamsDesktop(fleet: IFleet | undefined): fleet is IFleet {
  return (fleet as Partial<Fleet> | undefined)?._streamsDesktop === true;
}

/**
 * A user added to a stack must be a user of the stack's user pool: the pool of its own account and
 * Region (a `User` defined in a stack of another, where both are known, is an error), and of
 * authentication type USERPOOL. The model's association takes any authentication type, and only the
 * docs ("a user in the user pool", CreateUser: "You must specify USERPOOL") limit it: a warning.
 */
function checkUserPool(v: Validator, user: IUser): void {
  if (User.isUser(user)) {
    const here = cdk.Stack.of(v.scope);
    const there = cdk.Stack.of(user);
    for (const [what, mine, theirs] of [['account', here.account, there.account], ['region', here.region, there.region]] as const) {
      if (!cdk.Token.isUnresolved(mine) && !cdk.Token.isUnresolved(theirs) && mine !== theirs) {
        v.fail('addUser()', user.node.path, `is in ${what} ${theirs}, but the stack is in ${what} ${mine}: a user is in the user pool of its own account and Region only`,
          `Define the User in a stack of ${what} ${mine} (a user may be defined once per account and Region).`);
      }
    }
  }
  const type = user.authenticationType;
  if (!cdk.Token.isUnresolved(type) && type !== USER_AUTHENTICATION_TYPES[0]) {
    v.warn('userNotInUserPool', v.message('addUser()', user.node.path,
      `has authentication type ${type}, but stacks take user-pool users (USERPOOL) only: AppStream documents the association for users of the user pool`,
      'Give SAML and directory users access through their identity provider or an entitlement instead, or acknowledge this warning.'));
  }
}
