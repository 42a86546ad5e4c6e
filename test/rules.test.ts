import { describe, expect, test } from 'vitest';
import { ARN, stringProblem, toRegExp } from '../lib/private/rules';

describe('toRegExp', () => {
  test('reads an escaped hyphen outside a class as the literal Java reads there', () => {
    expect(toRegExp('^a\\-b$').test('a-b')).toBe(true);
    expect(toRegExp('^a\\-b$').test('a\\-b')).toBe(false);
  });

  test('keeps escapes that mean something: classes, syntax characters, a hyphen inside a class', () => {
    expect(toRegExp('^\\p{L}+$').test('Ünïcode')).toBe(true);
    expect(toRegExp('^a\\.b$').test('axb')).toBe(false);
    expect(toRegExp('^[a\\-z]$').test('-')).toBe(true);
    expect(toRegExp('^[a\\-z]$').test('m')).toBe(false);
    expect(toRegExp('^[\\\\]$').test('\\')).toBe(true);
  });

  test('compiles the model ARN pattern, which the u flag refuses as written', () => {
    expect(() => new RegExp(ARN.pattern!, 'u')).toThrow(/Invalid escape/);
    expect(stringProblem(ARN, 'arn:aws-us-gov:iam::123456789012:role/builder')).toBeUndefined();
    expect(stringProblem(ARN, 'arn:aws-\\cn:iam::123456789012:role/builder')).toMatch(/must be an ARN in an AWS partition/);
  });

  test('returns the same RegExp for the same pattern', () => {
    expect(toRegExp('^x$')).toBe(toRegExp('^x$'));
  });
});
