import { Annotations, Stack, Token, Tokenization } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { API_TYPES } from './api-types.generated';
import { fromCallOf, ours } from './boundary';
import { isLookupDummy } from './environment';
import { CountRule, RangeRule, StringRule, countProblem, rangeProblem, stringProblem, toRegExp } from './rules';

const MAX_SHOWN = 80;

/**
 * A value as it appears in an error message: quoted, tokens shown as `${…}` (never `${Token[…]}`), and
 * cut short when long, around the character at `at` when that is where the problem is.
 */
export function showValue(value: unknown, at?: number): string {
  if (typeof value === 'string') {
    const text = withTokensHidden(value);
    if (text.length <= MAX_SHOWN) {
      return JSON.stringify(text);
    }
    const start = at === undefined ? 0 : Math.max(0, Math.min(at - MAX_SHOWN / 2, text.length - MAX_SHOWN));
    const cut = text.slice(start, start + MAX_SHOWN);
    return `${start > 0 ? '…' : ''}${JSON.stringify(cut).slice(0, -1)}${start + MAX_SHOWN < text.length ? '…' : ''}" (${text.length} characters${start > 0 ? `, from character ${start + 1}` : ''})`;
  }
  if (typeof value === 'number') {
    return Token.isUnresolved(value) ? '${…}' : String(value); // NaN and Infinity, which JSON would write null
  }
  if (typeof value === 'function') {
    return value.name ? `[function ${value.name}]` : '[function]'; // its name, not its source
  }
  let text: string;
  try {
    // The tokens of a list (a list token's elements) or an object are hidden as a string's are.
    text = JSON.stringify(value, (_key, x) => typeof x === 'string' ? withTokensHidden(x) : typeof x === 'number' && Token.isUnresolved(x) ? '${…}' : x) ?? String(value);
  } catch {
    text = String(value); // a cycle, as in a construct (whose String is its path)
  }
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

/** The mark of a list token's element (`#{Token[TOKEN.12]}`), which Tokenization.reverseString() does not see. */
const LIST_TOKEN_ELEMENT = /#\{Token\[[^\]]*\]\}/g;

/** A string with each token in it written `${…}`, a list token's element too (a construct path holds one where an id is a token). */
export function withTokensHidden(value: string): string {
  const text = Token.isUnresolved(value) ? Tokenization.reverseString(value).mapTokens({ mapToken: () => '${…}' }).join({ join: (a, b) => `${a}${b}` }) : value;
  return text.replace(LIST_TOKEN_ELEMENT, '${…}');
}

/**
 * The problem of a string that embeds tokens (`golden builder-${Aws.REGION}`) under `rule`: one that no
 * value of its tokens can mend, or undefined. Only what no value of a token can change is judged: the
 * literal parts. They fail when they alone are longer than the rule allows, or when one of their
 * characters is one the pattern never accepts, wherever it stands (`alice@${param}` is an email for
 * some value of the parameter; `bad name-${Aws.REGION}` is no name for any). A string that is one token
 * alone is never judged here.
 */
function partialProblem(rule: StringRule, value: string): string | undefined {
  const fragments = Tokenization.reverseString(value);
  if (fragments.length === fragments.tokens.length) {
    return undefined;
  }
  const literal = fragments.mapTokens({ mapToken: () => '' }).join({ join: (a, b) => `${a}${b}` });
  const length = [...literal].length;
  if (length > (rule.maxLength ?? Infinity)) {
    return `must be at most ${rule.maxLength} character${rule.maxLength === 1 ? '' : 's'} long (its literal parts alone have ${length}), whatever the values of the tokens in it`;
  }
  const accepted = rule.pattern === undefined ? undefined : acceptedCharacters(rule.pattern);
  const never = accepted === undefined ? undefined : [...literal].find((c) => !accepted.test(c));
  if (never !== undefined) {
    return `must be ${rule.patternHint ?? 'in the right form'} (pattern ${rule.pattern}; ${JSON.stringify(never)} is never allowed), whatever the values of the tokens in it`;
  }
  return undefined;
}

const characterSets = new Map<string, RegExp | undefined>();

/**
 * A regular expression for one character that matches every character the pattern can ever accept, at
 * any place: the union of its character classes, escapes and literal characters (lookarounds consume
 * nothing, so they add none). Undefined when the pattern has a back-reference, which may repeat anything.
 */
export function acceptedCharacters(pattern: string): RegExp | undefined {
  if (!characterSets.has(pattern)) {
    characterSets.set(pattern, characterSetOf(toRegExp(pattern).source));
  }
  return characterSets.get(pattern);
}

function characterSetOf(source: string): RegExp | undefined {
  const atoms: string[] = [];
  /** The index of the `]` that closes the class opening at `i`. */
  const classEnd = (i: number): number => {
    let j = i + 1;
    j += source[j] === '^' ? 1 : 0;
    j += source[j] === ']' ? 1 : 0;
    while (j < source.length && source[j] !== ']') {
      j += source[j] === '\\' ? 2 : 1;
    }
    return j;
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const next = source[i + 1];
      if (/[1-9k]/.test(next)) {
        return undefined; // a back-reference
      }
      const end = (next === 'p' || next === 'P') && source[i + 2] === '{' ? source.indexOf('}', i) : i + 1;
      atoms.push(source.slice(i, end + 1));
      i = end;
    } else if (c === '[') {
      const end = classEnd(i);
      atoms.push(source.slice(i, end + 1));
      i = end;
    } else if (c === '(' && source[i + 1] === '?' && source[i + 2] !== ':') {
      let depth = 0; // a lookahead or lookbehind: skip it whole
      for (; i < source.length; i++) {
        if (source[i] === '\\') {
          i++;
        } else if (source[i] === '[') {
          i = classEnd(i);
        } else if (source[i] === '(') {
          depth++;
        } else if (source[i] === ')' && --depth === 0) {
          break;
        }
      }
    } else if (c === '(' && source[i + 1] === '?') {
      i += 2; // (?: opens a group
    } else if (c === '{') {
      i = source.indexOf('}', i); // a quantifier
    } else if (!'^$|()*+?'.includes(c)) {
      atoms.push(c === '.' ? '.' : `[${c.replace(/[\\\]^-]/g, '\\$&')}]`);
    }
  }
  return new RegExp(`^(?:${atoms.join('|')})$`, 'u');
}

/**
 * Where a string breaks a pattern: the first character whose replacement or removal would mend it, or
 * undefined. Only for messages, where it places the window of a string too long to show whole.
 */
function problemIndex(rule: StringRule, value: string): number | undefined {
  if (rule.pattern === undefined || Token.isUnresolved(value)) {
    return undefined;
  }
  const re = toRegExp(rule.pattern);
  for (let i = 0; i < value.length; i++) {
    for (const mend of ['a', '0', '']) {
      if (re.test(value.slice(0, i) + mend + value.slice(i + 1))) {
        return i;
      }
    }
  }
  return undefined;
}

/** A noun with its indefinite article: "an image builder", "a fleet". */
export function article(noun: string): string {
  return `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;
}

/**
 * Builds the messages of one construct's rules: each names the construct kind and path, the property,
 * the value received, what is wrong, and how to fix it. Values that are unresolved tokens are never
 * judged: those checks return without a word.
 */
export class Validator {
  /**
   * The validator of `scope`, named by the first class of this library on its prototype chain (`Fleet`
   * for a fleet, or a user's subclass of one), or by its own class (a construct of another library, or
   * an import's private class). Stateless: a validator holds only the scope and the kind.
   */
  public static of(scope: IConstruct): Validator {
    return new Validator(scope, kindOf(scope, scope.constructor.name));
  }

  /**
   * @param scope the construct whose rules these are
   * @param kind the construct's class name (`ImageBuilder`): the start of every message, and, with its
   * first letter lowered, the middle of every warning id (`cdk-appstream:imageBuilder:…`)
   */
  constructor(public readonly scope: IConstruct, public readonly kind: string) {}

  /** The kind in words, for the middle of a sentence: `image builder`. */
  public get noun(): string {
    return this.kind.replace(/(?<=[a-z0-9])([A-Z])/g, ' $1').toLowerCase();
  }

  /** The full message for a problem with `property`, showing the value around `at` when it is long. */
  public message(property: string, value: unknown, problem: string, fix?: string, at?: number): string {
    const shown = value === undefined ? '' : ` ${showValue(value, at)}`;
    return `${this.kind} '${withTokensHidden(this.scope.node.path)}': ${property}${shown} ${problem}.${fix ? ` ${fix}` : ''}`;
  }

  /** Throw the message for a problem with `property`. */
  public fail(property: string, value: unknown, problem: string, fix?: string, at?: number): never {
    // The stack starts at the user's call: the construct's constructor when it is the one failing (a
    // method's failure is cut by the boundary's wrapper, lib/private/boundary-apply.ts).
    throw fromCallOf(ours(new Error(this.message(property, value, problem, fix, at))), this.scope.constructor);
  }

  /** Add a warning to the construct, with the id `cdk-appstream:<kind>:<name>` (public API: users acknowledge it by id). */
  public warn(name: string, message: string): void {
    Annotations.of(this.scope).addWarningV2(this.warningId(name), message);
  }

  /** The full id of the warning `name`. */
  public warningId(name: string): string {
    return `cdk-appstream:${this.kind[0].toLowerCase()}${this.kind.slice(1)}:${name}`;
  }

  /**
   * Throw when a string breaks `rule`: a known string, or the literal parts of one that embeds tokens.
   * A value that is a token alone is checked at synthesis, if it resolves to a string by then (a
   * `Lazy`); one known only at deployment is never judged. `undefined` and `null` (from JavaScript)
   * are absent: `required()` says when that is an error. Anything else that is not a string fails.
   */
  public string(property: string, value: string | undefined, rule: StringRule, fix?: string): void {
    if (value !== undefined && value !== null && typeof value !== 'string') {
      this.fail(property, value, `must be a string, not ${typeof value}`, fix);
    }
    const problem = this.stringProblem(value, rule);
    if (problem && rule.advisory) {
      this.warn(rule.advisory, this.message(property, value, `${problem.replace(/^must be /, 'is not ')}, as the AppStream docs ask (AWS may refuse it at deployment)`, fix));
    } else if (problem) {
      this.fail(property, value, problem, fix, problemIndex(rule, value as string)); // a problem means a string
    }
    if (typeof value === 'string' && Token.isUnresolved(value) && Tokenization.reverseString(value).length === 1) {
      this.scope.node.addValidation({
        validate: () => {
          const resolved = Stack.of(this.scope).resolve(value);
          const late = typeof resolved === 'string' ? stringProblem(rule, resolved) : undefined;
          return late ? [this.message(property, resolved, `${late} (as resolved at synthesis)`, fix)] : [];
        },
      });
    }
  }

  /**
   * The problem of a string under `rule`, or undefined (also for absent values, tokens that may pass,
   * and the dummy of a context lookup that is still pending: it is judged after the lookup).
   */
  public stringProblem(value: string | undefined, rule: StringRule): string | undefined {
    if (value === undefined || value === null || typeof value !== 'string' || isLookupDummy(this.scope, value)) {
      return undefined;
    }
    return Token.isUnresolved(value) ? partialProblem(rule, value) : stringProblem(rule, value);
  }

  /**
   * Throw when a required prop is missing (plain JavaScript callers, and config from JSON, YAML or
   * environment variables, may leave it out or give `null`).
   */
  public required<T>(property: string, value: T | undefined | null, fix: string): T {
    if (value === undefined || value === null) {
      this.fail(property, value, 'is required', fix);
    }
    return value;
  }

  /**
   * Throw when a required object prop is missing, or is not what the typed API asks for (a plain
   * JavaScript caller may give a string where an `Image` belongs): `isIt` tells by its shape, since
   * `instanceof` fails across copies of this library.
   */
  public object<T>(property: string, value: T | undefined | null, isIt: (x: any) => boolean, fix: string): T {
    const given = this.required(property, value, fix);
    if (!isIt(given)) {
      this.fail(property, given, 'is not of the expected type', fix);
    }
    return given;
  }

  /** Throw when a list of `count` entries breaks `rule`. */
  public count(property: string, count: number, rule: CountRule, noun: string, fix?: string): void {
    const problem = countProblem(rule, count, noun);
    if (problem) {
      this.fail(property, undefined, problem, fix);
    }
  }

  /** Throw when a known integer breaks `rule`. */
  public range(property: string, value: number | undefined, rule: RangeRule, fix?: string): void {
    if (value === undefined || value === null || (typeof value === 'number' && Token.isUnresolved(value))) {
      return;
    }
    const problem = rangeProblem(rule, value);
    if (problem && rule.advisory && Number.isInteger(value)) {
      this.warn(rule.advisory, this.message(property, value, `is outside the range the AppStream docs give, ${rule.min} to ${rule.max} (AWS may refuse it at deployment)`, fix));
    } else if (problem) {
      this.fail(property, value, problem, fix);
    }
  }
}

/**
 * The kind of a value for messages: the first class of this library on its prototype chain (`Fleet`
 * for a `Fleet` or a user's subclass of it), else `fallback` without its interface `I`.
 */
export function kindOf(self: unknown, fallback: string): string {
  let proto = self === null || self === undefined ? null : Object.getPrototypeOf(self);
  while (proto !== null && proto !== Object.prototype) {
    const name = proto.constructor?.name;
    if (name && API_TYPES[name]?.kind === 'class' && proto === proto.constructor.prototype) {
      return name;
    }
    proto = Object.getPrototypeOf(proto);
  }
  return fallback.replace(/^I(?=[A-Z])/, '');
}
