/**
 * Every warning the library makes while a test runs must have its id in the README's warnings table:
 * a test that makes one the table lacks fails, naming the id. (setupFiles of vitest.config.mts.) Only
 * the names lib/ warns with are checked: a test of Validator.warn itself may make up its own.
 */
import { afterEach } from 'vitest';
import { documentedWarningIds, libWarningNames } from './warning-table';
import { Validator } from '../../lib/private/validation';

const documented = documentedWarningIds();
const libNames = libWarningNames();
const undocumented = new Set<string>();
const warn = Validator.prototype.warn;
Validator.prototype.warn = function (this: Validator, name: string, message: string): void {
  const id = this.warningId(name);
  if (libNames.has(name) && !documented.has(id)) {
    undocumented.add(id);
  }
  warn.call(this, name, message);
};

afterEach(() => {
  if (undocumented.size > 0) {
    const ids = [...undocumented].join(', ');
    undocumented.clear();
    throw new Error(`the library emitted warning ids that README.md's table ("Warnings and how to acknowledge them") lacks: ${ids}. Add a row for each.`);
  }
});
