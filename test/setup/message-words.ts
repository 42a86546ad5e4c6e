/**
 * Every message the library makes while a test runs says its fix in words, without TypeScript
 * (test/setup/message-syntax.ts says what counts as TypeScript): a test whose code path makes a message
 * with code in it fails, quoting the message. (setupFiles of vitest.config.mts.)
 *
 * Messages are caught where the validation kit writes them: `Validator.message()` (every `fail()` and
 * most warnings), its parts apart, so that the property (`userSettings[2]`) may name an entry and the
 * fix may not; and `Validator.warn()`, whole. A message of lib/ written without the kit (a plain
 * `throw new Error`) is checked by test/messages.test.ts, which scans lib/'s string literals.
 */
import { afterEach } from 'vitest';
import { codeIn } from './message-syntax';
import { Validator } from '../../lib/private/validation';

const findings: string[] = [];
let seen = 0;

function check(message: string, parts: ReadonlyArray<readonly [string | undefined, 'fix' | 'other']>): void {
  seen++;
  const found = parts.flatMap(([text, part]) => (text ? codeIn(text, part) : []));
  if (found.length > 0) {
    findings.push(`${message}\n    (${found.join('; ')})`);
  }
}

const message = Validator.prototype.message;
Validator.prototype.message = function (this: Validator, property: string, value: unknown, problem: string, fix?: string, at?: number): string {
  const text = message.call(this, property, value, problem, fix, at);
  // The property is a path of prop names; the value is the user's, shown as JSON: neither is checked.
  check(text, [[problem, 'other'], [fix, 'fix']]);
  return text;
};

const warn = Validator.prototype.warn;
Validator.prototype.warn = function (this: Validator, name: string, text: string): void {
  check(text, [[text, 'other']]);
  warn.call(this, name, text);
};

/** The messages seen so far in this test file, and those with code in them (which this returns and forgets). */
export function takeMessageFindings(): { seen: number; findings: string[] } {
  return { seen, findings: findings.splice(0) };
}

afterEach(() => {
  if (findings.length > 0) {
    const list = findings.splice(0).join('\n  ');
    throw new Error(`the library made messages whose fix is TypeScript, not words a Python, Java, C# or Go user can follow:\n  ${list}`);
  }
});
