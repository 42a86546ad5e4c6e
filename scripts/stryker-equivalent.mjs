/**
 * Equivalent mutants, marked in the mutation configuration instead of in lib/ (no tool's pragma in
 * product code): a Stryker ignorer plugin (`ignorers: ['equivalent-mutants']` in stryker.config.json,
 * written by projenrc/mutation.ts). Each entry names the file, the node's type and its exact source
 * (and, where that is not unique, the source of its parent), and why every mutant of it is
 * equivalent. Stryker reports them as Ignored, with the reason. test/mutation/equivalent-mutants.test.ts
 * checks that each entry still names code that exists, so a stale entry fails the build.
 *
 * An ignored node's children are ignored with it (Stryker's ignorers work on nodes, not on mutators):
 * each entry is the smallest node that holds the equivalent mutant.
 */
import { PluginKind, declareValuePlugin } from '@stryker-mutator/api/plugin';

export const EQUIVALENT = [
  {
    file: 'lib/directory-config.ts', type: 'CallExpression', code: 'directoryName.toLowerCase()', parent: 'claimUniqueName(this, appstream.CfnDirectoryConfig.CFN_RESOURCE_TYPE_NAME, directoryName.toLowerCase())',
    reason: 'equivalent: any one case (MethodExpression: toUpperCase) keeps directory names apart as AppStream does',
  },
  {
    file: 'lib/directory-config.ts', type: 'RegExpLiteral', code: '/ \\(it is \\d+\\)$/',
    reason: 'equivalent: the length problem ends with its count, so the anchor changes nothing',
  },
  {
    file: 'lib/private/validation.ts', type: 'BinaryExpression', code: 'i < value.length', parent: 'for (let i = 0; i < value.length; i++)',
    reason: "equivalent: a step past the end points where the last character does, and the message's window is the same",
  },
  {
    file: 'lib/private/role.ts', type: 'ArrayExpression', code: '[policy?.Statement ?? []]',
    reason: 'equivalent: a placeholder entry has no Action, so it is skipped as an absent statement list is',
  },
  {
    file: 'lib/elastic-fleet.ts', type: 'StringLiteral', code: "', '", parent: "families.join(', ')",
    reason: 'equivalent: without GENERAL_PURPOSE the list has one family (two members, no repeats), so no separator shows',
  },
  {
    file: 'lib/stack.ts', type: 'RegExpLiteral', code: '/^must have/',
    reason: "equivalent: a count problem starts with 'must have', so the anchor changes nothing",
  },
  {
    file: 'lib/fleet.ts', type: 'ObjectExpression', code: '{\n  period: d.scaleOutPeriod\n}', parent: 'this.fleet.metricCapacityUtilization({\n  period: d.scaleOutPeriod\n})',
    reason: "equivalent: the guide's scale-out period, 300 seconds, is also the period aws-cdk-lib gives a metric by default",
  },
  {
    file: 'lib/private/boundary-apply.ts', type: 'BinaryExpression', code: 'spec.returns !== undefined',
    reason: 'equivalent: a method that returns no type of the library has no methods to wrap on what it returns (methodsOf(undefined) is empty)',
  },
  {
    file: 'lib/private/boundary.ts', type: 'BinaryExpression', code: "typeof type === 'string'", parent: "typeof type === 'string' ? API_TYPES[type] : undefined",
    reason: 'equivalent: a composite type (a list, a map, a union) has no entry in the table either way, as an object is no key of it',
  },
];

/** The source of a node as Babel's generator writes it (what `code` and `parent` above hold). */
function source(path) {
  try {
    return path.toString();
  } catch {
    return '';
  }
}

export const strykerPlugins = [
  declareValuePlugin(PluginKind.Ignore, 'equivalent-mutants', {
    shouldIgnore(path) {
      const entry = EQUIVALENT.find((e) => e.type === path.node.type && source(path) === e.code
        && (e.parent === undefined || (path.parentPath && source(path.parentPath).startsWith(e.parent))));
      return entry?.reason;
    },
  }),
];
