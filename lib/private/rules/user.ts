/**
 * The rules of CreateUser and BatchAssociateUserStack (user-pool users and their stacks). Sources are
 * tagged as in `shared.ts`: [model], [docs] or [lib].
 */
import { StringRule } from './engine';

/** [model] CreateUserRequest.UserName and UserStackAssociation.UserName (shape `Username`): the user's email address. */
export const USER_NAME: StringRule = {
  sources: ['CreateUserRequest.UserName', 'UserStackAssociation.UserName'],
  minLength: 1,
  maxLength: 128,
  pattern: '[\\p{L}\\p{M}\\p{S}\\p{N}\\p{P}]+',
  patternHint: 'letters, marks, symbols, digits and punctuation',
};

/**
 * [lib] A user-pool user's name is their email address ("The email address of the user", CreateUser):
 * one `@`, a local part and a domain with a dot, no spaces. The model takes any printable string; AppStream
 * sends the welcome email there, so anything else leaves the user unable to sign in.
 */
export const USER_EMAIL: StringRule = {
  ...USER_NAME,
  pattern: '^[^\\s@]+@[^\\s@.]+(?:\\.[^\\s@.]+)+$',
  patternHint: 'an email address such as alice@example.com',
};

/**
 * [model] CreateUserRequest.FirstName and LastName (shape `UserAttributeValue`): ASCII letters, digits,
 * `_`, `-` and white space only (so "José" is refused).
 */
export const USER_ATTRIBUTE_VALUE: StringRule = {
  sources: ['CreateUserRequest.FirstName', 'CreateUserRequest.LastName'],
  maxLength: 2048,
  pattern: '^[A-Za-z0-9_\\-\\s]+$',
  patternHint: 'ASCII letters, digits, _, - and spaces',
};

/** [docs] CreateUserRequest.AuthenticationType: "You must specify USERPOOL." */
export const USER_AUTHENTICATION_TYPES: readonly string[] = ['USERPOOL'];
