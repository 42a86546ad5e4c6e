/**
 * The checking engine's boundaries and words (issue 14: tests that a mutant of lib/private/rules/engine.ts
 * cannot pass). Each limit is tried at, below and above its edge, and each message in full.
 */
import { describe, expect, test } from 'vitest';
import { countProblem, counted, patternFault, rangeProblem, stringProblem, toRegExp, withoutLookArounds } from '../../lib/private/rules';

const src = ['Test.Member'] as const;

describe('stringProblem', () => {
  test('counts code points, not UTF-16 units', () => {
    const rule = { sources: src, minLength: 2, maxLength: 2 };
    expect(stringProblem(rule, '😀😀')).toBeUndefined();
    expect(stringProblem(rule, '😀')).toBe('must be at least 2 characters long (it is 1)');
    expect(stringProblem(rule, '😀😀😀')).toBe('must be at most 2 characters long (it is 3)');
  });

  test('minLength: at the edge passes, one below fails; 1 says "must not be empty"', () => {
    expect(stringProblem({ sources: src, minLength: 3 }, 'abc')).toBeUndefined();
    expect(stringProblem({ sources: src, minLength: 3 }, 'ab')).toBe('must be at least 3 characters long (it is 2)');
    expect(stringProblem({ sources: src, minLength: 1 }, 'a')).toBeUndefined();
    expect(stringProblem({ sources: src, minLength: 1 }, '')).toBe('must not be empty');
    expect(stringProblem({ sources: src, minLength: 0 }, '')).toBeUndefined();
  });

  test('maxLength: at the edge passes, one above fails', () => {
    expect(stringProblem({ sources: src, maxLength: 3 }, 'abc')).toBeUndefined();
    expect(stringProblem({ sources: src, maxLength: 3 }, 'abcd')).toBe('must be at most 3 characters long (it is 4)');
    expect(stringProblem({ sources: src, maxLength: 0 }, '')).toBeUndefined();
  });

  test('a rule without limits or pattern accepts anything', () => {
    expect(stringProblem({ sources: src }, '')).toBeUndefined();
    expect(stringProblem({ sources: src }, 'x'.repeat(5000))).toBeUndefined();
  });

  test('pattern: its hint and the pattern itself, or a generic hint', () => {
    expect(stringProblem({ sources: src, pattern: '^a+$', patternHint: 'only as' }, 'aaa')).toBeUndefined();
    expect(stringProblem({ sources: src, pattern: '^a+$', patternHint: 'only as' }, 'b')).toBe("must be only as (pattern ^a+$): character 1 'b' is not allowed");
    expect(stringProblem({ sources: src, pattern: '^a+$' }, 'b')).toBe("must be in the right form (pattern ^a+$): character 1 'b' is not allowed");
  });

  test('pattern: the first character to blame, and whether it is allowed elsewhere', () => {
    const name = { sources: src, pattern: '^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,100}$', patternHint: 'a name' };
    expect(stringProblem(name, 'my builder')).toBe(`must be a name (pattern ${name.pattern}): character 3 ' ' is not allowed`);
    // '-' may follow the first character, not be it.
    expect(stringProblem(name, '-builder')).toBe(`must be a name (pattern ${name.pattern}): character 1 '-' is not allowed there`);
    // Two characters to blame: the first is named; code points, not UTF-16 units, are counted.
    expect(stringProblem(name, "😀Obri'en")).toBe(`must be a name (pattern ${name.pattern}): character 1 '😀' (U+1F600) is not allowed`);
    expect(stringProblem(name, "O'Bri'en")).toBe(`must be a name (pattern ${name.pattern}): character 2 "'" is not allowed`);
    expect(stringProblem(name, 'tab\there')).toBe(`must be a name (pattern ${name.pattern}): character 4 U+0009 is not allowed`);
  });

  test('pattern: no character named where no one or two are to blame, or the pattern looks around', () => {
    expect(patternFault('^[a-z]{3}$', 'ab')).toBeUndefined();
    expect(patternFault('^[a-z]+$', 'a b c d')).toBeUndefined();
    expect(patternFault('^(?!aws:).+$', 'aws:x')).toBeUndefined();
    // Under a look-around, a character allowed somewhere ('.' not at the end) is not named as the fault.
    expect(patternFault('^[a-z.]*(?<!\\.)$', 'abc.')).toBeUndefined();
    expect(patternFault('^[a-z]+$', 'abc')).toBeUndefined();
    expect(patternFault('^[a-z]+$', 'a b')).toEqual({ position: 2, character: ' ', elsewhere: false });
    // Beyond the pair search's length, only a single character is looked for.
    expect(patternFault('^[a-z]+$', `${'a'.repeat(127)} b`)).toEqual({ position: 128, character: ' ', elsewhere: false });
    expect(patternFault('^[a-z]+$', `${'a'.repeat(127)} b `)).toBeUndefined();
  });

  test('pattern with a look-around: a character allowed nowhere is named', () => {
    const image = { sources: src, pattern: '^(?![Aa][Ww][Ss])[a-zA-Z0-9_.-]+$', patternHint: 'an image name' };
    expect(stringProblem(image, 'my image')).toBe(`must be an image name (pattern ${image.pattern}): character 3 ' ' is not allowed`);
    expect(stringProblem(image, 'aws-image')).toBe(`must be an image name (pattern ${image.pattern})`);
    const tagKey = { sources: src, pattern: '^(^(?!aws:).[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$', patternHint: 'a tag key' };
    // '#' may be a tag key's first character (any character may), not a later one.
    expect(stringProblem(tagKey, 'team#1')).toBe(`must be a tag key (pattern ${tagKey.pattern}): character 5 '#' is not allowed there`);
    expect(stringProblem(tagKey, 'aws:team')).toBe(`must be a tag key (pattern ${tagKey.pattern})`);
  });

  test('withoutLookArounds keeps escapes, classes and other groups', () => {
    expect(withoutLookArounds('^(?!aws:)(?:a|b(?=c))[(?!x)]\\(?!y\\)z(?<!\\.)$')).toBe('^(?:a|b)[(?!x)]\\(?!y\\)z$');
  });

  test('length is checked before the pattern', () => {
    expect(stringProblem({ sources: src, maxLength: 1, pattern: '^a$' }, 'bb')).toBe('must be at most 1 character long (it is 2)');
    expect(stringProblem({ sources: src, minLength: 2, pattern: '^a$' }, 'b')).toBe('must be at least 2 characters long (it is 1)');
  });
});

describe('countProblem', () => {
  test('min equal to max: "exactly", singular for 1, plural otherwise', () => {
    expect(countProblem({ sources: src, minItems: 1, maxItems: 1 }, 1, 'subnet')).toBeUndefined();
    expect(countProblem({ sources: src, minItems: 1, maxItems: 1 }, 0, 'subnet')).toBe('must have exactly 1 subnet (it has 0)');
    expect(countProblem({ sources: src, minItems: 1, maxItems: 1 }, 2, 'subnet')).toBe('must have exactly 1 subnet (it has 2)');
    expect(countProblem({ sources: src, minItems: 2, maxItems: 2 }, 3, 'subnet')).toBe('must have exactly 2 subnets (it has 3)');
  });

  test('minItems: at the edge passes, one below fails, singular for 1', () => {
    expect(countProblem({ sources: src, minItems: 2, maxItems: 5 }, 2, 'tag')).toBeUndefined();
    expect(countProblem({ sources: src, minItems: 2, maxItems: 5 }, 1, 'tag')).toBe('must have at least 2 tags (it has 1)');
    expect(countProblem({ sources: src, minItems: 1 }, 0, 'tag')).toBe('must have at least 1 tag (it has 0)');
    expect(countProblem({ sources: src, minItems: 1 }, 1, 'tag')).toBeUndefined();
  });

  test('maxItems: at the edge passes, one above fails', () => {
    expect(countProblem({ sources: src, minItems: 1, maxItems: 4 }, 4, 'endpoint')).toBeUndefined();
    expect(countProblem({ sources: src, minItems: 1, maxItems: 4 }, 5, 'endpoint')).toBe('must have at most 4 endpoints (it has 5)');
    expect(countProblem({ sources: src, maxItems: 1 }, 2, 'fleet')).toBe('must have at most 1 fleet (it has 2)');
  });

  test('the noun is singular for 1 only, and a consonant and y make "ies"', () => {
    expect(counted(1, 'instance family')).toBe('1 instance family');
    expect(counted(2, 'instance family')).toBe('2 instance families');
    expect(counted(0, 'subnet')).toBe('0 subnets');
    expect(counted(3, 'key')).toBe('3 keys');
    expect(countProblem({ sources: src, minItems: 2 }, 1, 'instance family')).toBe('must have at least 2 instance families (it has 1)');
  });

  test('a min alone or a max alone is not "exactly"', () => {
    expect(countProblem({ sources: src, minItems: 1 }, 5, 'x')).toBeUndefined();
    expect(countProblem({ sources: src, maxItems: 1 }, 0, 'x')).toBeUndefined();
    expect(countProblem({ sources: src }, 1000, 'x')).toBeUndefined();
  });
});

describe('rangeProblem', () => {
  const rule = { sources: src, min: 60, max: 3600 };
  test('both edges pass, one beyond each fails', () => {
    expect(rangeProblem(rule, 60)).toBeUndefined();
    expect(rangeProblem(rule, 3600)).toBeUndefined();
    expect(rangeProblem(rule, 59)).toBe('must be a whole number from 60 to 3600');
    expect(rangeProblem(rule, 3601)).toBe('must be a whole number from 60 to 3600');
  });

  test('fails fractions and NaN inside the range', () => {
    expect(rangeProblem(rule, 60.5)).toBe('must be a whole number from 60 to 3600');
    expect(rangeProblem(rule, NaN)).toBe('must be a whole number from 60 to 3600');
  });
});

describe('toRegExp', () => {
  test("a '.' outside a class refuses what Java's refuses, and takes anything else", () => {
    const re = toRegExp('^.$');
    expect(re.test('a')).toBe(true);
    expect(re.test('😀')).toBe(true);
    for (const c of ['\n', '\r', '\u0085', '\u2028', '\u2029']) {
      expect(re.test(c)).toBe(false);
    }
  });

  test("a '.' inside a class stays a literal dot, and the class ends at ']'", () => {
    const re = toRegExp('^[.]x.$');
    expect(re.test('.xa')).toBe(true);
    expect(re.test('axa')).toBe(false);
    expect(re.test('.x\u0085')).toBe(false);
  });

  test('an escaped punctuation character outside a class loses its backslash', () => {
    expect(toRegExp('^a\\,b$').source).toBe('^a,b$');
    expect(toRegExp('^a\\-b$').source).toBe('^a-b$');
    expect(toRegExp('^a\\:b$').source).toBe('^a:b$');
    // Inside a class too, where JavaScript refuses the escape with the u flag.
    expect(toRegExp('^[a\\,c]$').source).toBe('^[a,c]$');
    expect(toRegExp('^[a\\,c]$').test(',')).toBe(true);
  });

  test('escapes of letters, digits, syntax characters and a hyphen inside a class keep it', () => {
    expect(toRegExp('^\\d\\w$').source).toBe('^\\d\\w$');
    expect(toRegExp('^a\\0?$').source).toBe('^a\\0?$');
    expect(toRegExp('^\\S\\D$').source).toBe('^\\S\\D$');
    expect(toRegExp('^\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\/\\^\\$\\\\$').source).toBe('^\\.\\*\\+\\?\\(\\)\\[\\]\\{\\}\\|\\/\\^\\$\\\\$');
    expect(toRegExp('^[a\\-c]$').source).toBe('^[a\\-c]$');
  });

  test('an escaped bracket does not open or close a class', () => {
    // after '\[' the '.' is still outside a class; after '\]' inside one it is still inside
    expect(toRegExp('^\\[.$').source).toBe('^\\[[^\\n\\r\\u0085\\u2028\\u2029]$');
    expect(toRegExp('^[\\].]$').test('.')).toBe(true);
    expect(toRegExp('^[\\].]$').test('a')).toBe(false);
  });

  test('uses the u flag, so \\p{..} classes work', () => {
    expect(toRegExp('^\\p{Lu}$').flags).toBe('u');
    expect(toRegExp('^\\p{Lu}$').test('É')).toBe(true);
    expect(toRegExp('^\\p{Lu}$').test('é')).toBe(false);
  });
});
