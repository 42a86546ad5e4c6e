import { Token } from 'aws-cdk-lib';
import { showValue } from './private/validation';

/**
 * An action users may or may not take during their streaming sessions (the API's `Action`).
 *
 * A constant for each action AppStream lists, and `of()` for one this library does not list yet.
 *
 * @see https://docs.aws.amazon.com/appstream2/latest/APIReference/API_UserSetting.html
 */
export class UserAction {
  /** Copy from the user's local device to the streaming session (clipboard). */
  public static readonly CLIPBOARD_COPY_FROM_LOCAL_DEVICE = new UserAction('CLIPBOARD_COPY_FROM_LOCAL_DEVICE');
  /** Copy from the streaming session to the user's local device (clipboard). */
  public static readonly CLIPBOARD_COPY_TO_LOCAL_DEVICE = new UserAction('CLIPBOARD_COPY_TO_LOCAL_DEVICE');
  /** Upload files to the streaming session. */
  public static readonly FILE_UPLOAD = new UserAction('FILE_UPLOAD');
  /** Download files from the streaming session. */
  public static readonly FILE_DOWNLOAD = new UserAction('FILE_DOWNLOAD');
  /** Print from the streaming session to a printer of the local device. */
  public static readonly PRINTING_TO_LOCAL_DEVICE = new UserAction('PRINTING_TO_LOCAL_DEVICE');
  /** Sign in to a domain-joined session with a domain password. */
  public static readonly DOMAIN_PASSWORD_SIGNIN = new UserAction('DOMAIN_PASSWORD_SIGNIN');
  /** Sign in to a domain-joined session with a smart card. */
  public static readonly DOMAIN_SMART_CARD_SIGNIN = new UserAction('DOMAIN_SMART_CARD_SIGNIN');
  /** Take the time zone of the user's local device into the session. */
  public static readonly AUTO_TIME_ZONE_REDIRECTION = new UserAction('AUTO_TIME_ZONE_REDIRECTION');

  /**
   * An action by name, for one that has no constant here yet. A stack given a name that this library
   * does not list warns (`cdk-appstream:stack:unknownUserAction`). A token is passed through unchecked.
   *
   * @param name the action, as the API names it, for example `FILE_UPLOAD`
   */
  public static of(name: string): UserAction {
    if (!Token.isUnresolved(name) && name.length === 0) {
      throw new Error(`UserAction.of(): action ${showValue(name)} must not be empty. Give an action as the API names it, such as FILE_UPLOAD.`);
    }
    return new UserAction(name);
  }

  /** The action's name, as the API names it. */
  public readonly name: string;

  private constructor(name: string) {
    this.name = name;
  }

  /** The action's name. */
  public toString(): string {
    return this.name;
  }
}

/**
 * Options of an enabled action.
 */
export interface UserSettingOptions {
  /**
   * The most characters users may copy in one clipboard operation: 1 to 20,971,520 (20 MB). Only for
   * `CLIPBOARD_COPY_FROM_LOCAL_DEVICE` and `CLIPBOARD_COPY_TO_LOCAL_DEVICE`.
   *
   * @default - AppStream's default: 20,971,520 characters
   */
  readonly maximumLength?: number;
}

/**
 * Whether users may take one action during their streaming sessions. Actions a stack does not list
 * are enabled.
 *
 * @see https://docs.aws.amazon.com/appstream2/latest/APIReference/API_UserSetting.html
 */
export class UserSetting {
  /**
   * Let users take `action`.
   *
   * @param action the action
   * @param options the maximum length, for a clipboard action
   */
  public static enable(action: UserAction, options: UserSettingOptions = {}): UserSetting {
    return new UserSetting(action, 'ENABLED', options.maximumLength);
  }

  /**
   * Keep users from taking `action`.
   *
   * @param action the action
   */
  public static disable(action: UserAction): UserSetting {
    return new UserSetting(action, 'DISABLED', undefined);
  }

  /** The action. */
  public readonly action: UserAction;
  /** `ENABLED` or `DISABLED`. */
  public readonly permission: string;
  /**
   * The most characters per clipboard operation.
   *
   * @default - AppStream's default
   */
  public readonly maximumLength?: number;

  private constructor(action: UserAction, permission: string, maximumLength: number | undefined) {
    this.action = action;
    this.permission = permission;
    this.maximumLength = maximumLength ?? undefined;
  }
}
