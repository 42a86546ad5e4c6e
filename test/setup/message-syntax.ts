/**
 * The rule that every message of the library says its fix in words a Python, Java, C# or Go user can
 * follow: no TypeScript in it. `codeIn()` finds the code; test/setup/message-words.ts applies it to every
 * message the tests make, and test/messages.test.ts to the string literals of lib/ and to itself.
 *
 * What a message may hold: prop names as API.md writes them, and paths of them (`vpcSubnets.subnets`,
 * `userSettings[2]` for the third entry: where the problem is); method names with their parentheses,
 * empty or with simple arguments (`Image.fromName()`, `Duration.minutes(15)`, `AgentVersion.of('10-23-2024')`);
 * values as JSON shows them; a token as `${…}`. What it may not: the TypeScript that builds a value.
 */

/** One kind of TypeScript a message may not hold. */
interface CodePattern {
  readonly name: string;
  readonly re: RegExp;
  /** Only in the fix, the part that tells what to write: a problem may name an entry (`attributes[0]`). */
  readonly fixOnly?: boolean;
}

const PATTERNS: readonly CodePattern[] = [
  // `{ subnets: … }`, `{ setupScript }`, `[{ Key, Value }]`; not JSON's quoted keys, CloudFormation's
  // `{{resolve:…}}`, nor a regular expression's `\p{L}`.
  { name: 'an object literal', re: /(?<![{\\][pP]?)\{\s*[A-Za-z_$][\w$]*\s*[:,}]/ },
  // `[FleetPlatform.WINDOWS_SERVER_2019]`, `['OU=…']`, `[0, 3010]`; not JSON's `["a"]` or `[{"Key":…}]` of a value shown.
  { name: 'an array literal', re: /\[\s*(?:'|[A-Z][A-Za-z0-9]*\.|-?\d+\s*,\s)/ },
  { name: 'an index', re: /[\w)\]]\[\d+\]/, fixOnly: true },
  { name: 'an arrow function', re: /=>/ },
  { name: 'a constructor call', re: /\bnew [A-Za-z_$][\w$.]*\s*\(/ },
  { name: 'optional chaining', re: /[\w)\]]\?\.[\w$[(]/ },
  { name: 'a non-null assertion', re: /[\w)\]]!\.[\w$]/ },
  // A token shows as `${…}` (the library's own placeholder); anything else in `${` is a template literal.
  { name: 'a template literal', re: /\$\{(?!…\})/ },
  // `(fleet as Fleet)`; not English's "(such as Image)".
  { name: 'a cast', re: /\((?!such )[a-z][\w.]* as (?:[a-z]\w*\.)*[A-Z]\w*\)/ },
  // `this` as an argument: the scope a Python user calls `self` (`fromBucketName(this, 'Apps', name)`).
  { name: "the scope 'this'", re: /[(,]\s*this\s*[,)]/ },
  // A prop set in TypeScript's object syntax: `enableDefaultInternetAccess: true`, `vpcSubnets: {`.
  { name: 'a prop assignment', re: /\b[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*: (?:true|false|\{|\[|'|-?\d)/ },
];

/** Which part of a message `text` is: the fix (what to write), or anything else (the property, the problem). */
export type MessagePart = 'fix' | 'other';

/** The TypeScript in `text`, one finding per kind: `an object literal: '{ subnets:'`. Empty when there is none. */
export function codeIn(text: string, part: MessagePart = 'fix'): string[] {
  return PATTERNS.filter((p) => part === 'fix' || !p.fixOnly).flatMap((p) => {
    const m = p.re.exec(text);
    return m ? [`${p.name}: '${m[0]}'`] : [];
  });
}
