import { Annotations, Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { CountRule, RangeRule, StringRule, countProblem, rangeProblem, stringProblem } from './rules';

const MAX_SHOWN = 80;

/** A value as it appears in an error message: quoted, and cut short when long. */
export function showValue(value: unknown): string {
  let text: string;
  if (typeof value === 'string') {
    text = JSON.stringify(value.length > MAX_SHOWN ? value.slice(0, MAX_SHOWN) : value);
    if (value.length > MAX_SHOWN) {
      text = `${text.slice(0, -1)}…" (${value.length} characters)`;
    }
  } else if (value === undefined) {
    text = 'undefined';
  } else {
    text = JSON.stringify(value) ?? String(value);
    if (text.length > MAX_SHOWN) {
      text = `${text.slice(0, MAX_SHOWN)}…`;
    }
  }
  return text;
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

  /** The full message for a problem with `property`. */
  public message(property: string, value: unknown, problem: string, fix?: string): string {
    const shown = value === undefined ? '' : ` ${showValue(value)}`;
    return `${this.kind} '${this.scope.node.path}': ${property}${shown} ${problem}.${fix ? ` ${fix}` : ''}`;
  }

  /** Throw the message for a problem with `property`. */
  public fail(property: string, value: unknown, problem: string, fix?: string): never {
    throw new Error(this.message(property, value, problem, fix));
  }

  /** Add a warning to the construct, with the id `cdk-appstream:<kind>:<name>` (public API: users acknowledge it by id). */
  public warn(name: string, message: string): void {
    Annotations.of(this.scope).addWarningV2(this.warningId(name), message);
  }

  /** The full id of the warning `name`. */
  public warningId(name: string): string {
    return `cdk-appstream:${this.kind[0].toLowerCase()}${this.kind.slice(1)}:${name}`;
  }

  /** Throw when a known string breaks `rule`. */
  public string(property: string, value: string | undefined, rule: StringRule, fix?: string): void {
    const problem = this.stringProblem(value, rule);
    if (problem) {
      this.fail(property, value, problem, fix);
    }
  }

  /** The problem of a known string under `rule`, or undefined (also for undefined and tokens). */
  public stringProblem(value: string | undefined, rule: StringRule): string | undefined {
    if (value === undefined || Token.isUnresolved(value)) {
      return undefined;
    }
    return stringProblem(rule, value);
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
    if (value === undefined || Token.isUnresolved(value)) {
      return;
    }
    const problem = rangeProblem(rule, value);
    if (problem) {
      this.fail(property, value, problem, fix);
    }
  }
}
