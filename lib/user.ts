import * as cdk from 'aws-cdk-lib';
import * as appstream from 'aws-cdk-lib/aws-appstream';
import { aws_appstream as appstreamRefs } from 'aws-cdk-lib/interfaces';
import { Construct } from 'constructs';
import { checkImported } from './private/arns';
import { checkConstructor } from './private/boundary';
import { warnIfNotInRegion } from './private/cfn-region-support';
import { claimUniqueName } from './private/names';
import { applyRemovalPolicy } from './private/props';
import { USER_ATTRIBUTE_VALUE, USER_AUTHENTICATION_TYPES, USER_EMAIL, USER_NAME } from './private/rules';
import { Validator, showValue } from './private/validation';

const USER_SYMBOL = Symbol.for('cdk-appstream.User');

/**
 * An AppStream user-pool user, defined in this app or imported.
 */
export interface IUser extends cdk.IResource, appstreamRefs.IUserRef {
  /**
   * The user's name: their email address.
   *
   * @attribute
   */
  readonly userName: string;

  /**
   * How the user signs in: `USERPOOL` (the only kind of user CloudFormation can define).
   *
   * @attribute
   */
  readonly authenticationType: string;
}

/**
 * Properties of a `User`.
 */
export interface UserProps {
  /**
   * The user's email address, which is their user name (1 to 128 characters, case-sensitive): AppStream
   * sends the welcome email there. It is written into the CloudFormation template in plain text.
   */
  readonly email: string;

  /**
   * The user's first name: ASCII letters, digits, `_`, `-` and spaces, at most 2048 characters.
   *
   * @default - none
   */
  readonly firstName?: string;

  /**
   * The user's last name: ASCII letters, digits, `_`, `-` and spaces, at most 2048 characters.
   *
   * @default - none
   */
  readonly lastName?: string;

  /**
   * Whether AppStream emails the user a welcome message with a temporary password. `false` renders
   * `MessageAction: SUPPRESS`: the user gets no email and you hand out the sign-in details yourself.
   *
   * @default true
   */
  readonly sendWelcomeEmail?: boolean;

  /**
   * What happens to the user when it leaves the stack.
   *
   * @default RemovalPolicy.DESTROY
   */
  readonly removalPolicy?: cdk.RemovalPolicy;
}

/**
 * Defines a user of the AppStream user pool (`AuthenticationType: USERPOOL`). Give the user access
 * to a stack with `stack.addUser(user)`.
 *
 * The email address is checked at synth (its form, its length, and that no other user of the app in
 * the same account and region has it, exactly: user names are case-sensitive), and so are the names'
 * characters. The user warns (`cdk-appstream:user:emailInTemplate`) that the address, which AppStream
 * treats as sensitive, is in the template.
 *
 * @resource AWS::AppStream::User
 * @see https://docs.aws.amazon.com/appstream2/latest/developerguide/user-pool.html
 */
export class User extends cdk.Resource implements IUser {
  /**
   * Import a user-pool user by user name (email address).
   *
   * @param scope the scope of the import
   * @param id the construct id of the import
   * @param userName the user's email address
   */
  public static fromUserName(scope: Construct, id: string, userName: string): IUser {
    checkImported(scope, id, 'User.fromUserName()', 'userName', userName, USER_NAME, 'Give the user\'s email address, such as alice@example.com.');
    return new ImportedUser(scope, id, userName);
  }

  /**
   * Whether `x` is a `User` defined in an app (works across copies of this library).
   *
   * @param x any value
   */
  public static isUser(x: any): x is User {
    return x !== null && typeof x === 'object' && x[USER_SYMBOL] === true;
  }

  /** The user's name: their email address. */
  public readonly userName: string;

  /** How the user signs in: `USERPOOL`. */
  public readonly authenticationType: string;

  /**
   * The L1 resource.
   *
   * @internal
   */
  public readonly _resource: appstream.CfnUser;

  /** A reference to the user (the L1's: its name and authentication type). */
  public get userRef(): appstreamRefs.UserReference {
    return this._resource.userRef;
  }

  /**
   * @param scope the scope in which to define the user
   * @param id the construct id
   * @param props the user's properties
   */
  constructor(scope: Construct, id: string, props: UserProps) {
    props = checkConstructor(User, arguments).props;
    super(scope, id);
    Object.defineProperty(this, USER_SYMBOL, { value: true });
    const v = new Validator(this, 'User');

    const emailFix = 'Give the user\'s email address, such as alice@example.com.';
    const email = props.email;
    v.string('email', email, USER_NAME, emailFix);
    v.string('email', email, USER_EMAIL, emailFix);
    const holder = claimUniqueName(this, appstream.CfnUser.CFN_RESOURCE_TYPE_NAME, email);
    if (holder !== undefined) {
      v.fail('email', email, `is already the user name of '${holder}' in the same account and region`,
        'Define each user once (user names are case-sensitive), and add that one user to every stack it needs.');
    }
    for (const property of ['firstName', 'lastName'] as const) {
      checkNameAttribute(v, property, props[property]);
    }
    const send = props.sendWelcomeEmail ?? true;

    this.authenticationType = USER_AUTHENTICATION_TYPES[0];
    this._resource = new appstream.CfnUser(this, 'Resource', {
      userName: email,
      authenticationType: this.authenticationType,
      firstName: props.firstName,
      lastName: props.lastName,
      messageAction: send ? undefined : 'SUPPRESS',
    });
    applyRemovalPolicy(this._resource, props.removalPolicy);
    if (!cdk.Token.isUnresolved(email)) {
      v.warn('emailInTemplate',
        `email ${showValue(email)} is written into the CloudFormation template in plain text (AppStream treats user names as sensitive). Keep the template where only administrators read it, or pass the address in as a parameter.`);
    }
    warnIfNotInRegion(v, appstream.CfnUser.CFN_RESOURCE_TYPE_NAME, {});
    this.userName = email;
  }
}

class ImportedUser extends cdk.Resource implements IUser {
  public readonly authenticationType = USER_AUTHENTICATION_TYPES[0];
  constructor(scope: Construct, id: string, public readonly userName: string) {
    super(scope, id);
  }

  /** A reference to the user: CloudFormation's id of a user, its name and authentication type joined with `|`. */
  public get userRef(): appstreamRefs.UserReference {
    return { userId: `${this.userName}|${this.authenticationType}` };
  }
}

/** A first or last name: the model's ASCII set (the engine's message names the first character it refuses). */
function checkNameAttribute(v: Validator, property: string, value: string | undefined): void {
  const fix = 'Use only ASCII letters, digits, _, - and spaces (AppStream refuses accents and other characters).';
  v.string(property, value, USER_ATTRIBUTE_VALUE, fix);
}
