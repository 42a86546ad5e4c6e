/**
 * Writes lib/private/api-types.generated.ts, the one description of the public API's types that the
 * boundary check (lib/private/boundary.ts) holds every call from plain JavaScript against: each class
 * of the jsii assembly (`.jsii`) with its constructor, static methods and methods (parameters, whether
 * optional), each struct with its fields, each enum with its members, each behavioural interface with
 * its members; and, from the assemblies of aws-cdk-lib and constructs, the external structs those reach (their fields)
 * and the kind of every other external type they name.
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
function readAssembly(file: string): any {
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

export function apiTable(assembly: any, cdkAssembly: any): Record<string, any> {
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
      // The names its values carry, its bases' too: the check asks for one of them (not all: a member
      // added after the oldest aws-cdk-lib the library supports must not refuse an older one's values).
      const all = new Set<string>();
      const up = [fqn];
      while (up.length > 0) {
        const u = cdkAssembly.types[up.shift()!];
        if (u !== undefined) {
          members(u).forEach((m) => all.add(m));
          up.push(...(u.interfaces ?? []), ...(u.base ? [u.base] : []));
        }
      }
      table[fqn] = { kind: 'external', members: [...all].sort() };
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
  fs.writeFileSync(out, render(apiTable(readAssembly(jsiiFile), cdk)));
  console.log(`wrote ${out}`);
}
