/**
 * The message kit, lib/private/validation.ts (issue 14): how values are shown, cut and hidden, and each
 * check's words, property, value and fix.
 */
import { App, Aws, Lazy, Stack, Token } from 'aws-cdk-lib';
import { Annotations } from 'aws-cdk-lib/assertions';
import { Construct } from 'constructs';
import { describe, expect, test } from 'vitest';
import { Fleet, Image, InstanceType } from '../../lib';
import { Validator, acceptedCharacters, article, showValue } from '../../lib/private/validation';

const src = ['Test.Member'] as const;

function validator(kind = 'ImageBuilder'): { v: Validator; stack: Stack; app: App } {
  const app = new App();
  const stack = new Stack(app, 'Stack');
  return { v: new Validator(new Construct(stack, 'Thing'), kind), stack, app };
}

describe('showValue', () => {
  test('quotes strings, and shows other primitives as they are', () => {
    expect(showValue('a"b')).toBe('"a\\"b"');
    expect(showValue(undefined)).toBe('undefined');
    expect(showValue(null)).toBe('null');
    expect(showValue(12)).toBe('12');
    expect(showValue(false)).toBe('false');
    expect(showValue({ a: 1 })).toBe('{"a":1}');
    // A function by its name, never its source (which may be long, or the boundary's wrapper)
    expect(showValue(() => 1)).toBe('[function]');
    expect(showValue(function fromName() {})).toBe('[function fromName]');
  });

  test('shows a string of 80 characters whole, and cuts one of 81 at the start', () => {
    expect(showValue('x'.repeat(80))).toBe(`"${'x'.repeat(80)}"`);
    expect(showValue('y'.repeat(81))).toBe(`"${'y'.repeat(80)}…" (81 characters)`);
  });

  test('cuts a long string around the character at `at`, saying where the part shown starts', () => {
    const text = 'a'.repeat(100) + '#' + 'b'.repeat(99);
    expect(showValue(text, 100)).toBe(`…"${'a'.repeat(40)}#${'b'.repeat(39)}…" (200 characters, from character 61)`);
    // near the end: the last 80 characters, with nothing cut after them
    expect(showValue(text, 195)).toBe(`…"${'b'.repeat(80)}" (200 characters, from character 121)`);
    // near the start: from the first character
    expect(showValue(text, 10)).toBe(`"${'a'.repeat(80)}…" (200 characters)`);
    expect(showValue(text, 40)).toBe(`"${'a'.repeat(80)}…" (200 characters)`);
    expect(showValue(text, 41)).toBe(`…"${'a'.repeat(80)}…" (200 characters, from character 2)`);
  });

  test('cuts long objects at 80 characters', () => {
    const list = Array.from({ length: 30 }, (_, i) => i);
    const json = JSON.stringify(list);
    expect(showValue(list)).toBe(`${json.slice(0, 80)}…`);
    expect(showValue([1, 2])).toBe('[1,2]');
    const eighty = ['x'.repeat(76)];
    expect(JSON.stringify(eighty)).toHaveLength(80);
    expect(showValue(eighty)).toBe(JSON.stringify(eighty));
  });

  test('shows tokens as ${…}, and a long string with tokens by its hidden length', () => {
    expect(showValue(`name-${Aws.REGION}`)).toBe('"name-${…}"');
    // 78 + '${…}' = 82 characters: cut after the first two of '${…}'
    expect(showValue(`${'n'.repeat(78)}${Aws.REGION}`)).toBe(`"${'n'.repeat(78)}\${…" (82 characters)`);
  });
});

describe('article', () => {
  test('an before a vowel, a otherwise', () => {
    expect(article('image builder')).toBe('an image builder');
    expect(article('fleet')).toBe('a fleet');
    expect(article('user')).toBe('an user');
    expect(article('stack')).toBe('a stack');
  });
});

describe('Validator', () => {
  test('noun and warning ids from the kind', () => {
    const { v } = validator('DirectoryConfig');
    expect(v.noun).toBe('directory config');
    expect(v.warningId('x')).toBe('cdk-appstream:directoryConfig:x');
    expect(validator('S3Thing2Go').v.noun).toBe('s3 thing2 go');
  });

  test('of(): named after the first class of this library on the prototype chain, or after the class', () => {
    const { stack } = validator('Fleet');
    const fleet = new Fleet(stack, 'F', { image: Image.fromName('Base'), instanceType: InstanceType.STANDARD_MEDIUM });
    expect(Validator.of(fleet).kind).toBe('Fleet');
    expect(Validator.of(fleet).scope).toBe(fleet);
    class MyFleet extends Fleet {}
    expect(Validator.of(new MyFleet(stack, 'Mine', { image: Image.fromName('Base'), instanceType: InstanceType.STANDARD_MEDIUM })).kind).toBe('Fleet');
    const other = new Construct(stack, 'Other');
    expect(Validator.of(other).kind).toBe('Construct');
    expect(Validator.of(other).scope).toBe(other);
  });

  test('message: kind, path, property, value, problem, fix', () => {
    const { v } = validator();
    expect(v.message('name', 'x', 'is bad')).toBe("ImageBuilder 'Stack/Thing': name \"x\" is bad.");
    expect(v.message('name', 'x', 'is bad', 'Fix it.')).toBe("ImageBuilder 'Stack/Thing': name \"x\" is bad. Fix it.");
    expect(v.message('name', undefined, 'is bad', '')).toBe("ImageBuilder 'Stack/Thing': name is bad.");
    expect(() => v.fail('p', 3, 'is wrong', 'Do.')).toThrow("ImageBuilder 'Stack/Thing': p 3 is wrong. Do.");
  });

  test('warn: the warning id and message on the construct', () => {
    const { v, stack } = validator();
    v.warn('odd', 'it is odd');
    Annotations.fromStack(stack).hasWarning('/Stack/Thing', 'it is odd [ack: cdk-appstream:imageBuilder:odd]');
  });

  test('string: a non-string fails with its type; null and undefined are absent', () => {
    const { v } = validator();
    const rule = { sources: src, minLength: 1 };
    expect(() => v.string('p', 5 as any, rule, 'Fix.')).toThrow("ImageBuilder 'Stack/Thing': p 5 must be a string, not number. Fix.");
    expect(() => v.string('p', undefined, rule)).not.toThrow();
    expect(() => v.string('p', null as any, rule)).not.toThrow();
    expect(() => v.string('p', '', rule, 'Fix.')).toThrow("ImageBuilder 'Stack/Thing': p \"\" must not be empty. Fix.");
    expect(() => v.string('p', 'a', rule)).not.toThrow();
  });

  test('string: a long value is shown around the first character that breaks the pattern', () => {
    const { v } = validator();
    const rule = { sources: src, pattern: '^a*$' };
    const value = 'a'.repeat(100) + '#' + 'a'.repeat(99);
    expect(() => v.string('p', value, rule)).toThrow(/p …"a{40}#a{39}…" \(200 characters, from character 61\) must be in the right form/);
    // 80 characters or fewer: shown whole
    expect(() => v.string('p', 'a'.repeat(79) + '#', rule)).toThrow(`p "${'a'.repeat(79)}#" must be`);
    // a string that no single change mends: shown from its start
    expect(() => v.string('p', '#'.repeat(100), rule)).toThrow(/p "#{80}…" \(100 characters\) must be/);
  });

  test('string: a long value that breaks by a missing character is shown around where one may go', () => {
    const { v } = validator();
    const rule = { sources: src, pattern: '^a{50}b{50}c$' };
    // the 'c' is missing: adding it anywhere fails, replacing the last 'b' mends nothing; removal neither
    expect(() => v.string('p', 'a'.repeat(50) + 'b'.repeat(50), rule)).toThrow(/p "a{50}b{30}…" \(100 characters\) must be/);
    // one character too many at 60: removing it mends
    expect(() => v.string('p', 'a'.repeat(50) + 'x' + 'b'.repeat(50) + 'c', rule)).toThrow(/from character 11\)/);
  });

  test('string: a string with tokens fails only when no value of its tokens mends it', () => {
    const { v } = validator();
    const rule = { sources: src, pattern: '^[a-z0-9-]+$' };
    expect(() => v.string('p', `good-${Aws.REGION}`, rule)).not.toThrow();
    expect(() => v.string('p', `bad name-${Aws.REGION}`, rule)).toThrow(/p "bad name-\$\{…\}" must be in the right form \(pattern .*\), whatever the values of the tokens in it\./);
    // a token may be as long as it likes: no minimum is judged; the literal parts alone against the maximum
    expect(() => v.string('p', `${Aws.ACCOUNT_ID}`, { sources: src, minLength: 5 })).not.toThrow();
    expect(() => v.string('p', `x${Aws.ACCOUNT_ID}`, { sources: src, minLength: 14 })).not.toThrow();
    expect(() => v.string('p', `x${Aws.ACCOUNT_ID}`, { sources: src, maxLength: 1 })).not.toThrow();
    expect(() => v.string('p', `xy${Aws.ACCOUNT_ID}`, { sources: src, maxLength: 1 }))
      .toThrow(/p "xy\$\{…\}" must be at most 1 character long \(its literal parts alone have 2\), whatever the values of the tokens in it\./);
    // one character the pattern never accepts, wherever it stands: named
    expect(() => v.string('p', `bad name-${Aws.REGION}`, rule)).toThrow(/\(pattern \^\[a-z0-9-\]\+\$; " " is never allowed\)/);
  });

  test('string: several tokens: only their literal parts are judged', () => {
    const { v } = validator();
    const rule = { sources: src, pattern: '^aws-a-0$' };
    expect(() => v.string('p', `${Aws.REGION}-${Aws.ACCOUNT_ID}-${Aws.STACK_NAME}`, { sources: src, pattern: '^us-east-1-123456789012-a-0$' })).not.toThrow();
    expect(() => v.string('p', `${Aws.REGION}-${Aws.ACCOUNT_ID}-${Aws.STACK_NAME}`, { sources: src, pattern: '^a-0-0-a$' })).not.toThrow();
    expect(() => v.string('p', `${Aws.REGION}-${Aws.ACCOUNT_ID}`, rule)).not.toThrow();
    expect(() => v.string('p', `${Aws.REGION}-${Aws.ACCOUNT_ID}!`, rule)).toThrow(/whatever/);
  });

  test('string: any number of tokens: the literal parts are judged', () => {
    const { v } = validator();
    const rule = { sources: src, pattern: '^[a-z]+$' };
    const t = Aws.REGION;
    expect(() => v.string('p', `a${t}${t}${t}${t}z`, rule)).not.toThrow();
    expect(() => v.string('p', `#${t}${t}${t}${t}`, rule)).toThrow(/"#" is never allowed\), whatever the values/);
  });

  test('string: a lone token resolved at synthesis is checked then', () => {
    const { v, app } = validator();
    v.string('p', Lazy.string({ produce: () => 'x'.repeat(5) }), { sources: src, maxLength: 3 }, 'Shorten it.');
    expect(() => app.synth()).toThrow("ImageBuilder 'Stack/Thing': p \"xxxxx\" must be at most 3 characters long (it is 5) (as resolved at synthesis). Shorten it.");
  });

  test('string: a lone token that resolves to a good string, or to a token, passes at synthesis', () => {
    const a = validator();
    a.v.string('p', Lazy.string({ produce: () => 'abc' }), { sources: src, maxLength: 3 });
    expect(() => a.app.synth()).not.toThrow();
    const b = validator();
    b.v.string('p', Aws.REGION, { sources: src, maxLength: 3 });
    expect(() => b.app.synth()).not.toThrow();
  });

  test('string: a string with tokens and text is not checked again at synthesis', () => {
    const { v, app } = validator();
    v.string('p', `a${Lazy.string({ produce: () => 'xxxxx' })}`, { sources: src, maxLength: 3 });
    expect(() => app.synth()).not.toThrow();
  });

  test('stringProblem: absent and non-strings have none', () => {
    const { v } = validator();
    const rule = { sources: src, minLength: 1 };
    expect(v.stringProblem(undefined, rule)).toBeUndefined();
    expect(v.stringProblem(null as any, rule)).toBeUndefined();
    expect(v.stringProblem(3 as any, rule)).toBeUndefined();
    expect(v.stringProblem('', rule)).toBe('must not be empty');
  });

  test('required', () => {
    const { v } = validator();
    expect(() => v.required('p', undefined, 'Give p.')).toThrow("ImageBuilder 'Stack/Thing': p is required. Give p.");
    expect(() => v.required('p', null, 'Give p.')).toThrow("ImageBuilder 'Stack/Thing': p null is required. Give p.");
    expect(v.required('p', 0, 'Give p.')).toBe(0);
    expect(v.required('p', '', 'Give p.')).toBe('');
  });

  test('object', () => {
    const { v } = validator();
    expect(() => v.object('p', 'str', (x) => typeof x.bind === 'function', 'Give an X.')).toThrow("ImageBuilder 'Stack/Thing': p \"str\" is not of the expected type. Give an X.");
    expect(() => v.object('p', undefined, () => true, 'Give an X.')).toThrow('p is required. Give an X.');
    const ok = { bind: () => 1 };
    expect(v.object('p', ok, (x) => typeof x.bind === 'function', 'Give an X.')).toBe(ok);
  });

  test('count', () => {
    const { v } = validator();
    expect(() => v.count('p', 2, { sources: src, maxItems: 1 }, 'fleet', 'Fix.')).toThrow("ImageBuilder 'Stack/Thing': p must have at most 1 fleet (it has 2). Fix.");
    expect(() => v.count('p', 1, { sources: src, maxItems: 1 }, 'fleet', 'Fix.')).not.toThrow();
  });

  test('range: absent and numeric tokens are not judged', () => {
    const { v } = validator();
    const rule = { sources: src, min: 1, max: 2 };
    expect(() => v.range('p', undefined, rule)).not.toThrow();
    expect(() => v.range('p', null as any, rule)).not.toThrow();
    expect(() => v.range('p', Token.asNumber(Aws.ACCOUNT_ID), rule)).not.toThrow();
    expect(() => v.range('p', 3, rule, 'Fix.')).toThrow("ImageBuilder 'Stack/Thing': p 3 must be a whole number from 1 to 2. Fix.");
    expect(() => v.range('p', '1' as any, rule)).toThrow('p "1" must be a whole number from 1 to 2');
  });
});

describe('acceptedCharacters: every character a pattern can ever accept, at any place', () => {
  /** The characters of `chars` the pattern can accept, and those it never does. */
  function split(pattern: string, chars: string): { accepted: string; never: string } {
    const re = acceptedCharacters(pattern)!;
    const all = [...chars];
    return { accepted: all.filter((c) => re.test(c)).join(''), never: all.filter((c) => !re.test(c)).join('') };
  }

  test('a character class, and one negated', () => {
    expect(split('^[a-c]+$', 'abcdA-')).toEqual({ accepted: 'abc', never: 'dA-' });
    expect(split('^[^a-c]$', 'abcdA-')).toEqual({ accepted: 'dA-', never: 'abc' });
  });

  test('an escaped ] inside a class; a literal - and escaped ] and ^ outside one', () => {
    expect(split('^[\\]x]$', ']xy\\')).toEqual({ accepted: ']x', never: 'y\\' });
    expect(split('^a-b$', 'a-bc')).toEqual({ accepted: 'a-b', never: 'c' });
    expect(split('^a\\]\\^b$', 'ab]^c')).toEqual({ accepted: 'ab]^', never: 'c' });
  });

  test('escapes: a class escape, a Unicode property, an escaped syntax character', () => {
    expect(split('^\\d$', '05a')).toEqual({ accepted: '05', never: 'a' });
    expect(split('^\\p{L}+$', 'aé日1_')).toEqual({ accepted: 'aé日', never: '1_' });
    expect(split('^\\P{L}$', 'a1_')).toEqual({ accepted: '1_', never: 'a' });
    expect(split('^a\\.b$', 'ab.c')).toEqual({ accepted: 'ab.', never: 'c' });
  });

  test('a back-reference may repeat anything: no set', () => {
    expect(acceptedCharacters('^(a)\\1$')).toBeUndefined();
    expect(acceptedCharacters('^(?<x>a)\\k<x>$')).toBeUndefined();
    expect(acceptedCharacters('^a\\\\1$')).toBeDefined(); // an escaped backslash, then the digit 1
  });

  test('lookarounds consume nothing, whatever they hold (groups, classes, escapes)', () => {
    expect(split('^(?!x)[0-9]$', '5x')).toEqual({ accepted: '5', never: 'x' });
    expect(split('^(?=(\\(|[)]))b$', 'b()a')).toEqual({ accepted: 'b', never: '()a' });
    expect(split('^(?<=y)(?=(z))c$', 'cyz')).toEqual({ accepted: 'c', never: 'yz' });
  });

  test('groups, alternation, quantifiers and anchors add no character of their own', () => {
    expect(split('^(?:ab)+$', 'ab:?()')).toEqual({ accepted: 'ab', never: ':?()' });
    expect(split('^(a|b)*?$', 'ab|*?()^$')).toEqual({ accepted: 'ab', never: '|*?()^$' });
    expect(split('^a{2,3}$', 'a2,3{}')).toEqual({ accepted: 'a', never: '2,3{}' });
  });

  test('a dot accepts every character but line ends', () => {
    expect(split('^x.$', 'x€ \n')).toEqual({ accepted: 'x€ ', never: '\n' });
  });

  test('the set of a pattern is made once', () => {
    expect(acceptedCharacters('^[a-c]+$')).toBe(acceptedCharacters('^[a-c]+$'));
  });
});

