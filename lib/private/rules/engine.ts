/**
 * The checking engine: what a rule is, and what is wrong with a value under one. It knows nothing of
 * AppStream's shapes (those are the data in the other files of this folder) and nothing of constructs:
 * it answers "what is wrong with this value", and `../validation.ts` turns the answer into a message
 * naming the construct, property and fix.
 */

/**
 * The API members a rule serves, as `<StructureShape>.<Member>` (`.member` for list items, `.key` and
 * `.value` for map entries). A shape shared by several requests lists every member it serves; the
 * conformance test checks the rule against each of them.
 */
export type Sources = readonly [string, ...string[]];

/**
 * Marks a rule that only the documentation's prose states (botocore's model and CloudFormation's schema
 * are silent): a value that breaks it warns, under the id `cdk-appstream:<kind>:<advisory>`, instead of
 * failing, since AWS may accept it (a rule that refuses a valid app is worse than a missing one).
 */
export interface Advisory {
  /** The name of the warning, the end of its id: `cdk-appstream:<kind>:<advisory>`. */
  readonly advisory?: string;
}

/** A rule for one string value. Lengths count Unicode code points, as the AWS APIs do. */
export interface StringRule extends Advisory {
  readonly sources: Sources;
  readonly minLength?: number;
  readonly maxLength?: number;
  /** Pattern in the model's own syntax (Java regular expressions), unchanged. */
  readonly pattern?: string;
  /** What the pattern means, in words, for error messages. */
  readonly patternHint?: string;
}

/** A rule for the number of entries in a list or map. */
export interface CountRule {
  readonly sources: Sources;
  readonly minItems?: number;
  readonly maxItems?: number;
}

/** A rule for an integer. An advisory range still fails a value that is not a whole number (the model's type). */
export interface RangeRule extends Advisory {
  readonly sources: Sources;
  readonly min: number;
  readonly max: number;
}

/** Count code points, not UTF-16 units: the AWS APIs measure lengths in characters. */
function characterLength(value: string): number {
  let n = 0;
  for (const _ of value) {
    n++;
  }
  return n;
}

const compiled = new Map<string, RegExp>();

/** Characters that keep their backslash under JavaScript's `u` flag (besides letters and digits). */
const JS_SYNTAX_CHARACTERS = new Set('^$\\.*+?()[]{}|/');

/**
 * A JavaScript RegExp for a pattern in the model's (Java) syntax, cached per pattern. Two differences
 * are bridged, leaving the pattern strings exactly as in the model:
 * - It needs the `u` flag for `\p{..}` classes, and under that flag JavaScript refuses the escapes Java
 *   allows of any other punctuation, such as the `\-` outside a class in the model's `Arn` pattern:
 *   those lose their backslash, which leaves the same literal character. (`\-` inside a class keeps it.)
 * - Java's `.` also refuses U+0085 (NEXT LINE), which JavaScript's accepts: a `.` outside a class is
 *   spelt out as the class of what Java's matches.
 */
export function toRegExp(pattern: string): RegExp {
  let re = compiled.get(pattern);
  if (!re) {
    re = new RegExp(fromJavaSyntax(pattern), 'u');
    compiled.set(pattern, re);
  }
  return re;
}

function fromJavaSyntax(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') { // the model's patterns never end in a lone backslash
      const next = pattern[++i];
      const keep = /[A-Za-z0-9]/.test(next) || JS_SYNTAX_CHARACTERS.has(next) || (inClass && next === '-');
      out += keep ? c + next : next;
      continue;
    }
    if (c === '[') {
      inClass = true;
    } else if (c === ']') {
      inClass = false;
    }
    out += c === '.' && !inClass ? '[^\\n\\r\\u0085\\u2028\\u2029]' : c;
  }
  return out;
}

/** What is wrong with `value` under `rule`, in words, or undefined when nothing is. */
export function stringProblem(rule: StringRule, value: string): string | undefined {
  const length = characterLength(value);
  if (length < (rule.minLength ?? 0)) {
    return rule.minLength === 1 ? 'must not be empty' : `must be at least ${rule.minLength} characters long (it is ${length})`;
  }
  if (length > (rule.maxLength ?? Infinity)) {
    return `must be at most ${rule.maxLength} characters long (it is ${length})`;
  }
  if (rule.pattern !== undefined && !toRegExp(rule.pattern).test(value)) {
    return `must be ${rule.patternHint ?? 'in the right form'} (pattern ${rule.pattern})`;
  }
  return undefined;
}

/** What is wrong with a list or map of `count` entries under `rule`, or undefined. */
export function countProblem(rule: CountRule, count: number, noun: string): string | undefined {
  if (rule.minItems !== undefined && rule.maxItems !== undefined && rule.minItems === rule.maxItems && count !== rule.minItems) {
    return `must have exactly ${rule.minItems} ${noun}${rule.minItems === 1 ? '' : 's'} (it has ${count})`;
  }
  if (rule.minItems !== undefined && count < rule.minItems) {
    return `must have at least ${rule.minItems} ${noun}${rule.minItems === 1 ? '' : 's'} (it has ${count})`;
  }
  if (rule.maxItems !== undefined && count > rule.maxItems) {
    return `must have at most ${rule.maxItems} ${noun}s (it has ${count})`;
  }
  return undefined;
}

/** What is wrong with an integer under `rule`, or undefined. */
export function rangeProblem(rule: RangeRule, value: number): string | undefined {
  if (!Number.isInteger(value) || value < rule.min || value > rule.max) {
    return `must be a whole number from ${rule.min} to ${rule.max}`;
  }
  return undefined;
}
