import { Annotations, Stack, Token, Tokenization } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { isLookupDummy } from './environment';
import { CountRule, RangeRule, StringRule, countProblem, rangeProblem, stringProblem, toRegExp } from './rules';

const MAX_SHOWN = 80;

/**
 * A value as it appears in an error message: quoted, tokens shown as `${…}` (never `${Token[…]}`), and
 * cut short when long, around the character at `at` when that is where the problem is.
 */
export function showValue(value: unknown, at?: number): string {
  if (typeof value === 'string') {
    const text = Token.isUnresolved(value) ? withTokensHidden(value) : value;
    if (text.length <= MAX_SHOWN) {
      return JSON.stringify(text);
    }
    const start = at === undefined ? 0 : Math.max(0, Math.min(at - MAX_SHOWN / 2, text.length - MAX_SHOWN));
    const cut = text.slice(start, start + MAX_SHOWN);
    return `${start > 0 ? '…' : ''}${JSON.stringify(cut).slice(0, -1)}${start + MAX_SHOWN < text.length ? '…' : ''}" (${text.length} characters${start > 0 ? `, from character ${start + 1}` : ''})`;
  }
  if (typeof value === 'number') {
    return String(value); // NaN and Infinity, which JSON would write null
  }
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value); // a cycle, as in a construct (whose String is its path)
  }
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

/** A string with each token in it written `${…}`. */
function withTokensHidden(value: string): string {
  return Tokenization.reverseString(value).mapTokens({ mapToken: () => '${…}' }).join({ join: (a, b) => `${a}${b}` });
}

/** Values a token in a string may stand for, tried when only the literal parts of a string are known. */
const TOKEN_SAMPLES = ['', 'a', '0', 'aws', 'us-east-1', '123456789012', 'a-0'];

/**
 * The problem of a string that embeds tokens (`golden builder-${Aws.REGION}`) under `rule`: one that no
 * value of its tokens can mend, judged by trying sample values; undefined when some value may pass, or
 * when there are too many tokens to try. A string that is one token alone is never judged.
 */
function partialProblem(rule: StringRule, value: string): string | undefined {
  const fragments = Tokenization.reverseString(value);
  const count = fragments.tokens.length;
  if (fragments.length === count || count > 3) {
    return undefined;
  }
  let problem: string | undefined;
  for (let combo = 0; combo < TOKEN_SAMPLES.length ** count; combo++) {
    let n = combo;
    const sample = fragments.mapTokens({
      mapToken: () => {
        const pick = TOKEN_SAMPLES[n % TOKEN_SAMPLES.length];
        n = Math.floor(n / TOKEN_SAMPLES.length);
        return pick;
      },
    }).join({ join: (a, b) => `${a}${b}` });
    problem = stringProblem(rule, sample, false);
    if (problem === undefined) {
      return undefined;
    }
  }
  return `${problem}, whatever the values of the tokens in it`;
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
  // Stryker disable next-line EqualityOperator: equivalent, a step past the end points where the last character does, and the message's window is the same
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

/** The validator each construct of this library made for itself, so that the values it binds speak of it. */
const validators = new WeakMap<IConstruct, Validator>();

/**
 * Builds the messages of one construct's rules: each names the construct kind and path, the property,
 * the value received, what is wrong, and how to fix it. Values that are unresolved tokens are never
 * judged: those checks return without a word.
 */
export class Validator {
  /**
   * The validator of `scope`: the one its construct registered, or one that names the construct's class
   * (for a value bound to a construct of another library).
   */
  public static of(scope: IConstruct): Validator {
    return validators.get(scope) ?? new Validator(scope, scope.constructor.name);
  }

  /**
   * @param scope the construct whose rules these are
   * @param kind the construct's class name (`ImageBuilder`): the start of every message, and, with its
   * first letter lowered, the middle of every warning id (`cdk-appstream:imageBuilder:…`)
   */
  constructor(public readonly scope: IConstruct, public readonly kind: string) {
    validators.set(scope, this);
  }

  /** The kind in words, for the middle of a sentence: `image builder`. */
  public get noun(): string {
    return this.kind.replace(/(?<=[a-z0-9])([A-Z])/g, ' $1').toLowerCase();
  }

  /** The full message for a problem with `property`, showing the value around `at` when it is long. */
  public message(property: string, value: unknown, problem: string, fix?: string, at?: number): string {
    const shown = value === undefined ? '' : ` ${showValue(value, at)}`;
    return `${this.kind} '${this.scope.node.path}': ${property}${shown} ${problem}.${fix ? ` ${fix}` : ''}`;
  }

  /** Throw the message for a problem with `property`. */
  public fail(property: string, value: unknown, problem: string, fix?: string, at?: number): never {
    throw new Error(this.message(property, value, problem, fix, at));
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

  /** Throw when a value of an enum (from a plain JavaScript caller) is not one of `allowed`; undefined and null are absent. */
  public oneOf<T>(property: string, value: T | undefined, allowed: readonly T[], fix: string): T | undefined {
    if (value === undefined || value === null) {
      return undefined;
    }
    if (!allowed.includes(value) && !Token.isUnresolved(value)) {
      this.fail(property, value, `must be one of ${allowed.join(', ')}`, fix);
    }
    return value;
  }

  /** Throw when an optional flag (of a plain JavaScript caller) is neither true nor false; null is absent. */
  public boolean(property: string, value: boolean | undefined): boolean | undefined {
    if (value === undefined || value === null) {
      return undefined;
    }
    if (typeof value !== 'boolean' && !Token.isUnresolved(value)) {
      this.fail(property, value, 'must be true or false', `Set ${property} to true or false, or leave it out.`);
    }
    return value;
  }

  /** Throw when a list (of a plain JavaScript caller) is not an array, or holds `undefined` or `null`. */
  public list<T>(property: string, value: T[] | undefined, fix: string): T[] | undefined {
    if (value === undefined || value === null || Token.isUnresolved(value)) {
      return value ?? undefined;
    }
    if (!Array.isArray(value)) {
      this.fail(property, value, 'must be a list', fix);
    }
    const hole = value.findIndex((x) => x === undefined || x === null);
    if (hole >= 0) {
      this.fail(`${property}[${hole}]`, value[hole], 'is missing', fix);
    }
    return value;
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
