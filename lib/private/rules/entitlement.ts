/**
 * The rules of CreateEntitlement and AssociateApplicationToEntitlement. Sources are tagged as in
 * `shared.ts`: [model], [docs] or [lib].
 */
import { CountRule, StringRule } from './engine';

/**
 * [docs] EntitlementAttribute.Name: "The following are valid values:" (the SAML attributes AppStream
 * maps). The model (shape `String`) and CloudFormation's schema have no enum, so a name outside the
 * list warns (`cdk-appstream:entitlement:unknownSamlAttribute`) rather than fails.
 */
export const ENTITLEMENT_ATTRIBUTE_NAMES: readonly string[] = ['roles', 'department', 'organization', 'groups', 'title', 'costCenter', 'userType'];

/** [model] EntitlementAttribute.Name (shape `String`). */
export const ENTITLEMENT_ATTRIBUTE_NAME: StringRule = { sources: ['EntitlementAttribute.Name'], minLength: 1 };

/** [model] EntitlementAttribute.Value (shape `String`). */
export const ENTITLEMENT_ATTRIBUTE_VALUE: StringRule = { sources: ['EntitlementAttribute.Value'], minLength: 1 };

/** [model] CreateEntitlementRequest.Attributes (shape `EntitlementAttributeList`). */
export const ENTITLEMENT_ATTRIBUTES: CountRule = { sources: ['CreateEntitlementRequest.Attributes'], minItems: 1 };

/** [model] CreateEntitlementRequest.AppVisibility (shape `AppVisibility`, an enum). */
export const ENTITLEMENT_APP_VISIBILITIES: readonly string[] = ['ALL', 'ASSOCIATED'];

/** [model] AssociateApplicationToEntitlementRequest.ApplicationIdentifier (shape `String`). */
export const ENTITLEMENT_APPLICATION_IDENTIFIER: StringRule = { sources: ['AssociateApplicationToEntitlementRequest.ApplicationIdentifier'], minLength: 1 };
