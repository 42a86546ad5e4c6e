/**
 * The rules of CreateStack and AssociateFleet that no other request shares (the shared shapes are in
 * `shared.ts`). Sources are tagged as there: [model], [docs], [lib] or [cfn] (see `fleet.ts`).
 */
import { CountRule, RangeRule, StringRule } from './engine';

/** [model] UserSetting.Action (shape `Action`, an enum), in the model's order. */
export const USER_ACTIONS: readonly string[] = [
  'CLIPBOARD_COPY_FROM_LOCAL_DEVICE',
  'CLIPBOARD_COPY_TO_LOCAL_DEVICE',
  'FILE_UPLOAD',
  'FILE_DOWNLOAD',
  'PRINTING_TO_LOCAL_DEVICE',
  'DOMAIN_PASSWORD_SIGNIN',
  'DOMAIN_SMART_CARD_SIGNIN',
  'AUTO_TIME_ZONE_REDIRECTION',
];

/** [model] CreateStackRequest.UserSettings (shape `UserSettingList`). */
export const USER_SETTINGS: CountRule = { sources: ['CreateStackRequest.UserSettings'], minItems: 1 };

/**
 * [docs] UserSetting.MaximumLength: "This can be specified only for the CLIPBOARD_COPY_FROM_LOCAL_DEVICE
 * and CLIPBOARD_COPY_TO_LOCAL_DEVICE actions." (and not with DISABLED).
 */
export const USER_SETTING_MAXIMUM_LENGTH_ACTIONS: readonly string[] = ['CLIPBOARD_COPY_FROM_LOCAL_DEVICE', 'CLIPBOARD_COPY_TO_LOCAL_DEVICE'];

/**
 * [docs] UserSetting.MaximumLength: "The value can be between 1 and 20,971,520 (20 MB)." The model (an
 * `Integer`) and CloudFormation's schema set no range: a length outside it warns.
 */
export const USER_SETTING_MAXIMUM_LENGTH: RangeRule = { sources: ['UserSetting.MaximumLength'], min: 1, max: 20_971_520, advisory: 'maximumLengthRange' };

/** [model] StorageConnector.ConnectorType (shape `StorageConnectorType`, an enum), in the model's order. */
export const STORAGE_CONNECTOR_TYPES: readonly string[] = ['HOMEFOLDERS', 'GOOGLE_DRIVE', 'ONE_DRIVE'];

/**
 * [lib] StorageConnector.Domains: the connectors that take domains, Google Drive (G Suite domains) and
 * OneDrive (OneDrive for Business domains); home folders have none, and AppStream refuses them.
 */
export const STORAGE_CONNECTOR_TYPES_WITH_DOMAINS: readonly string[] = ['GOOGLE_DRIVE', 'ONE_DRIVE'];

/** [model] StorageConnector.Domains (shape `DomainList`). */
export const STORAGE_CONNECTOR_DOMAINS: CountRule = { sources: ['StorageConnector.Domains'], maxItems: 50 };

/** [model] StorageConnector.Domains items (shape `Domain`). */
export const STORAGE_CONNECTOR_DOMAIN: StringRule = { sources: ['StorageConnector.Domains.member'], minLength: 1, maxLength: 64 };

/** [model] StorageConnector.ResourceIdentifier (shape `ResourceIdentifier`). */
export const STORAGE_CONNECTOR_RESOURCE_IDENTIFIER: StringRule = { sources: ['StorageConnector.ResourceIdentifier'], minLength: 1, maxLength: 2048 };

/** [model] ApplicationSettings.SettingsGroup (shape `SettingsGroup`). */
export const SETTINGS_GROUP: StringRule = { sources: ['ApplicationSettings.SettingsGroup'], maxLength: 100 };

/** [model] CreateStackRequest.EmbedHostDomains (shape `EmbedHostDomains`). */
export const EMBED_HOST_DOMAINS: CountRule = { sources: ['CreateStackRequest.EmbedHostDomains'], minItems: 1, maxItems: 20 };

/**
 * [cfn] CreateStackRequest.EmbedHostDomains items: the model's pattern, which the API matches against
 * the whole value, anchored with `^…$` as CloudFormation's schema writes it (cfn-lint refuses
 * `Example.COM`), and the model's 128 characters.
 */
export const EMBED_HOST_DOMAIN: StringRule = {
  sources: ['CreateStackRequest.EmbedHostDomains.member'],
  maxLength: 128,
  pattern: '^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$',
  patternHint: 'a lowercase domain name such as portal.example.com',
};

/** [model] CreateStackRequest.RedirectURL and FeedbackURL (shapes `RedirectURL`, `FeedbackURL`). */
export const STACK_URL: StringRule = { sources: ['CreateStackRequest.RedirectURL', 'CreateStackRequest.FeedbackURL'], maxLength: 1000 };

/**
 * [lib] CreateStackRequest.RedirectURL: the model takes any string of up to 1000 characters; users'
 * browsers are sent to it, so it should be an http or https URL (the scheme in any case, as URL schemes
 * ignore case). Only this library asks it: a value in another form warns.
 */
export const REDIRECT_URL_FORMAT: StringRule = {
  ...STACK_URL,
  sources: ['CreateStackRequest.RedirectURL'],
  pattern: '^[hH][tT][tT][pP][sS]?://[^\\s/?#]+[^\\s]*$',
  patternHint: 'an http:// or https:// URL without spaces',
  advisory: 'urlFormat',
};

/**
 * [lib] CreateStackRequest.FeedbackURL: as the redirect URL, or a `mailto:` link (a feedback link may
 * open the user's mail client). Only this library asks it: a value in another form warns.
 */
export const FEEDBACK_URL_FORMAT: StringRule = {
  ...STACK_URL,
  sources: ['CreateStackRequest.FeedbackURL'],
  pattern: '^(?:[hH][tT][tT][pP][sS]?://[^\\s/?#]+|[mM][aA][iI][lL][tT][oO]:[^\\s@]+@)[^\\s]*$',
  patternHint: 'an http://, https:// or mailto: URL without spaces',
  advisory: 'urlFormat',
};

/**
 * [lib] AssociateFleet: the admin guide ("Create a stack", managing-stacks-fleets) says the association
 * "cannot be performed on a stack that already has an associated fleet": one fleet per stack. The model
 * cannot state it (each call names one fleet).
 */
export const STACK_FLEETS: CountRule = { sources: ['AssociateFleetRequest.FleetName'], maxItems: 1 };
