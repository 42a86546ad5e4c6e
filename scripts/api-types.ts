/**
 * Writes lib/private/api-types.generated.ts, the one description of the public API's types that the
 * boundary check (lib/private/boundary.ts) holds every call from plain JavaScript against: each class
 * of the jsii assembly (`.jsii`) with its constructor, static methods and methods (parameters, whether
 * optional), each struct with its fields, each enum with its members, each behavioural interface with
 * its members; and, from the assemblies of aws-cdk-lib and constructs, the external structs those reach (their fields)
 * and the kind of every other external type they name, with the members a value of an external class or
 * interface must have: those the current assembly and the oldest supported one (the peer minimum, whose
 * members scripts/cdk-oldest-members.json holds, committed so that the build needs no network) both give it.
 *
 * Run after `jsii` (the `post-compile` task does): a new prop or method is in the table the day it is
 * written, and the build's drift check fails when the committed table differs from the assembly.
 *
 * Usage: ts-node scripts/api-types.ts [.jsii] [lib/private/api-types.generated.ts]
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

/* eslint-disable @typescript-eslint/no-explicit-any */

const LOCAL = 'cdk-appstream.';

/** Read an assembly, following jsii's gzip redirect. */
export function readAssembly(file: string): any {
  const text = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (text.schema === 'jsii/file-redirect') {
    const target = path.join(path.dirname(file), text.filename);
    const raw = fs.readFileSync(target);
    return JSON.parse((text.compression === 'gzip' ? zlib.gunzipSync(raw) : raw).toString('utf8'));
  }
  return text;
}

/** A type reference as the table writes it: a name (local types without the `cdk-appstream.` prefix), or a composite. */
function ref(t: any, seen: Set<string>): any {
  if (t.primitive) {
    return t.primitive;
  }
  if (t.fqn) {
    seen.add(t.fqn);
    return t.fqn.startsWith(LOCAL) ? t.fqn.slice(LOCAL.length) : t.fqn;
  }
  if (t.collection) {
    return { [t.collection.kind === 'array' ? 'array' : 'map']: ref(t.collection.elementtype, seen) };
  }
  if (t.union) {
    return { union: t.union.types.map((u: any) => ref(u, seen)) };
  }
  return 'any'; // intersections and the like: not judged
}

/** The first sentence of a doc summary, as messages quote it (without Markdown's backticks). */
function doc(docs: any): any {
  // Markdown: backquotes go, and an escaped character (`C:\\Windows`) is the character itself. The first
  // sentence ends at a period before a capital ('_, ., -' inside a sentence does not end it).
  const first = String(docs?.summary ?? '').replace(/`/g, '').replace(/\\(.)/g, '$1').split(/(?<=\.)\s(?=[A-Z])/)[0].replace(/[.;:,]$/, '');
  return first ? { doc: /^[A-Z](?![A-Z0-9])/.test(first) ? first[0].toLowerCase() + first.slice(1) : first } : {};
}

function params(ps: any[] | undefined, seen: Set<string>): any[] {
  return (ps ?? []).map((p) => ({
    name: p.name, type: ref(p.type, seen), ...(p.optional ? { optional: true } : {}), ...(p.variadic ? { variadic: true } : {}), ...doc(p.docs),
  }));
}

function method(m: any, seen: Set<string>): any {
  const returns = m.returns?.type?.fqn?.startsWith(LOCAL) ? { returns: m.returns.type.fqn.slice(LOCAL.length) } : {};
  return { params: params(m.parameters, seen), ...returns };
}

/** The names a value of the type must carry (required properties and methods), for a check by shape. */
function members(t: any): string[] {
  const props = (t.properties ?? []).filter((p: any) => !p.static && !p.protected && !p.optional).map((p: any) => p.name);
  const methods = (t.methods ?? []).filter((m: any) => !m.static && !m.protected).map((m: any) => m.name);
  return [...new Set([...props, ...methods])].sort();
}

/**
 * The types of the instance properties of a class or interface, for a plain object standing in for one
 * (`{ name: 'department', value: 'x' }` where an `EntitlementAttribute` belongs): its properties are
 * checked as a struct's fields are.
 */
function properties(t: any, seen: Set<string>): any {
  const out: Record<string, any> = {};
  for (const p of (t.properties ?? []).filter((x: any) => !x.static && !x.protected)) {
    out[p.name] = { type: ref(p.type, seen), ...(p.optional ? { optional: true } : {}) };
  }
  return Object.keys(out).length > 0 ? { properties: out } : {};
}

/** The static constants of a class that are values of it (`InstanceType.STANDARD_MEDIUM`), for fixes. */
function constants(t: any, fqn: string): any {
  const names = (t.properties ?? []).filter((p: any) => p.static && p.const && p.type?.fqn === fqn).map((p: any) => p.name);
  return names.length > 0 ? { constants: names } : {};
}

function localName(fqn: string): string {
  return fqn.startsWith(LOCAL) ? fqn.slice(LOCAL.length) : fqn;
}

/**
 * The members a value of an external class or interface (`fqn` in `types`, aws-cdk-lib's and
 * constructs' types) carries: its own and its bases', sorted; undefined when the type is not there.
 */
export function externalMembers(fqn: string, types: Record<string, any>): string[] | undefined {
  if (types[fqn] === undefined) {
    return undefined;
  }
  const all = new Set<string>();
  const up = [fqn];
  while (up.length > 0) {
    const u = types[up.shift()!];
    if (u !== undefined) {
      members(u).forEach((m) => all.add(m));
      up.push(...(u.interfaces ?? []), ...(u.base ? [u.base] : []));
    }
  }
  return [...all].sort();
}

/** The committed members of external types in the oldest supported aws-cdk-lib and constructs (scripts/cdk-oldest-members.ts writes it). */
export const OLDEST_FILE = 'scripts/cdk-oldest-members.json';

/** What scripts/cdk-oldest-members.json holds. */
export interface OldestMembers {
  /** The versions the members were read from: the peer dependencies' minimums. */
  readonly versions: Record<string, string>;
  /** Each external class or interface the table lists, with the members those versions give it. */
  readonly members: Record<string, string[]>;
}

function versionsOf(oldest: OldestMembers): string {
  return Object.entries(oldest.versions).map(([n, v]) => `${n} ${v}`).join(', ');
}

/** The oldest version of each peer dependency that package.json's peer ranges allow (`^2.247.0` → 2.247.0). */
export function peerMinimums(packageJson: any): Record<string, string> {
  return Object.fromEntries(['aws-cdk-lib', 'constructs'].map((n) => [n, String(packageJson.peerDependencies[n]).replace(/^[\^~>=\s]+/, '')]));
}

/** Why `oldest` does not fit the peer minimums of `packageJson`, with the command that regenerates it; undefined when it does. */
export function staleOldest(oldest: OldestMembers, packageJson: any): string | undefined {
  const want = peerMinimums(packageJson);
  const wrong = Object.keys(want).filter((n) => oldest.versions[n] !== want[n]);
  return wrong.length === 0
    ? undefined
    : `${OLDEST_FILE} holds the members of ${wrong.map((n) => `${n} ${oldest.versions[n] ?? '(none)'}`).join(' and ')}, but package.json's peer minimum is ${wrong.map((n) => `${n} ${want[n]}`).join(' and ')}: run \`npx projen cdk-oldest-members\` (it needs the network) and commit the file.`;
}

/**
 * The table. `oldest` (scripts/cdk-oldest-members.json) narrows each external type's members to those
 * the oldest supported versions give it too; without it (scripts/cdk-oldest-members.ts, which makes
 * that file) the members are the current assembly's.
 */
export function apiTable(assembly: any, cdkAssembly: any, oldest?: OldestMembers): Record<string, any> {
  const table: Record<string, any> = {};
  const seen = new Set<string>();
  for (const [fqn, t] of Object.entries<any>(assembly.types)) {
    const name = localName(fqn);
    if (t.kind === 'enum') {
      table[name] = { kind: 'enum', members: t.members.map((m: any) => m.name) };
    } else if (t.kind === 'interface' && t.datatype) {
      const fields: Record<string, any> = {};
      for (const p of t.properties ?? []) {
        fields[p.name] = { type: ref(p.type, seen), ...(p.optional ? { optional: true } : {}), ...doc(p.docs) };
      }
      table[name] = { kind: 'struct', ...(t.interfaces ? { bases: t.interfaces.map((i: string) => (seen.add(i), localName(i))) } : {}), fields };
    } else if (t.kind === 'interface') {
      const methods: Record<string, any> = {};
      for (const m of t.methods ?? []) {
        methods[m.name] = method(m, seen);
      }
      table[name] = { kind: 'interface', ...(t.interfaces ? { bases: t.interfaces.map(localName) } : {}), members: members(t), ...properties(t, seen), methods };
    } else if (t.kind === 'class') {
      const statics: Record<string, any> = {};
      const methods: Record<string, any> = {};
      for (const m of t.methods ?? []) {
        if (m.protected) {
          continue;
        }
        (m.static ? statics : methods)[m.name] = method(m, seen);
      }
      const init = t.initializer && !t.initializer.protected && !t.abstract ? { init: params(t.initializer.parameters, seen) } : {};
      table[name] = {
        kind: 'class',
        ...(t.base ? { base: localName(t.base) } : {}),
        ...(t.interfaces ? { interfaces: t.interfaces.map(localName) } : {}),
        ...init,
        members: members(t),
        ...properties(t, seen),
        ...constants(t, fqn),
        statics,
        methods,
      };
    }
  }
  // External types: structs with their fields (reaching further structs), the kind of anything else.
  const queue = [...seen].filter((f) => !f.startsWith(LOCAL));
  const done = new Set<string>();
  while (queue.length > 0) {
    const fqn = queue.shift()!;
    if (done.has(fqn)) {
      continue;
    }
    done.add(fqn);
    const t = cdkAssembly.types[fqn];
    if (t === undefined) {
      table[fqn] = { kind: 'external' }; // from another assembly: judged as an object
    } else if (t.kind === 'interface' && t.datatype) {
      const fields: Record<string, any> = {};
      const more = new Set<string>();
      for (const p of t.properties ?? []) {
        fields[p.name] = { type: ref(p.type, more), ...(p.optional ? { optional: true } : {}) };
      }
      for (const i of t.interfaces ?? []) {
        more.add(i);
      }
      queue.push(...[...more].filter((f) => !done.has(f)));
      table[fqn] = { kind: 'struct', ...(t.interfaces ? { bases: t.interfaces } : {}), fields };
    } else if (t.kind === 'enum') {
      table[fqn] = { kind: 'external-enum' };
    } else {
      // The names its values carry, its bases' too, that the oldest aws-cdk-lib (and constructs) the
      // library supports gives the type as well: a member added since must not refuse an older one's
      // values (scripts/cdk-oldest-members.json holds those versions' members).
      const now = externalMembers(fqn, cdkAssembly.types)!;
      const then = oldest?.members[fqn];
      if (oldest !== undefined && then === undefined) {
        throw new Error(`${fqn} is not in ${OLDEST_FILE} (${versionsOf(oldest)}): run \`npx projen cdk-oldest-members\` (it needs the network) and commit the file.`);
      }
      table[fqn] = { kind: 'external', members: then === undefined ? now : now.filter((m) => then.includes(m)) };
    }
  }
  return Object.fromEntries(Object.entries(table).sort(([a], [b]) => a.localeCompare(b)));
}

export function render(table: Record<string, any>): string {
  const lines = Object.entries(table).map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  return [
    '// Generated by scripts/api-types.ts from the jsii assembly (.jsii) after compile: do not edit.',
    "import type { ApiTable } from './boundary';",
    '',
    '/** Every type of the public API, as the jsii assembly describes it. */',
    'export const API_TYPES: ApiTable = {',
    ...lines,
    '};',
    '',
  ].join('\n');
}

if (require.main === module) {
  const [jsiiFile = '.jsii', out = 'lib/private/api-types.generated.ts'] = process.argv.slice(2);
  const dependency = (name: string) => readAssembly(path.join(path.dirname(require.resolve(`${name}/package.json`)), '.jsii'));
  const cdk = { types: { ...dependency('constructs').types, ...dependency('aws-cdk-lib').types } };
  const oldest: OldestMembers = JSON.parse(fs.readFileSync(OLDEST_FILE, 'utf8'));
  const stale = staleOldest(oldest, JSON.parse(fs.readFileSync('package.json', 'utf8')));
  if (stale !== undefined) {
    throw new Error(stale);
  }
  fs.writeFileSync(out, render(apiTable(readAssembly(jsiiFile), cdk, oldest)));
  console.log(`wrote ${out}`);
}
