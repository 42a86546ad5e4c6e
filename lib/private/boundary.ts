import * as cdk from 'aws-cdk-lib';
import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { API_TYPES } from './api-types.generated';
import { LIST_TOKEN_FIELDS } from './rules/tokens';
import { showValue, withTokensHidden } from './validation';

export { API_TYPES };

/**
 * The check at the public boundary: what plain JavaScript (or JSON, YAML, environment variables) hands
 * a constructor, static method or method of this library is held against the one description of the
 * public API's types, `API_TYPES`, generated from the jsii assembly (scripts/api-types.ts). A value of
 * the wrong type, or a required one left out, fails here with a message that names the construct, the
 * parameter or prop path, the value, what was expected and how to fix it, instead of a TypeError deep
 * inside the library or garbage in the template. `null` is absent, as `undefined` is: an optional
 * parameter or struct field given `null` reaches the library as `undefined`.
 *
 * Unresolved tokens pass where the template can carry them as they are: a string token for a string or
 * a member of one of this library's enums, a number token for a number, a list token for the lists
 * LIST_TOKEN_FIELDS names (lib/private/rules/tokens.ts). The rules of lib/private/rules judge their
 * literal parts. Everywhere else the library reads the value while it synthesizes (a flag, a struct, a
 * map of tags, an aws-cdk-lib enum, the elements of a list), so a token there fails here, with what to
 * give instead, rather than being misread.
 */

/** A type as the table writes it: a primitive, a type's name (local types without the package prefix), or a composite. */
export type ApiType = string | { readonly array: ApiType } | { readonly map: ApiType } | { readonly union: readonly ApiType[] };

/** A parameter of a constructor or method. */
export interface ApiParam {
  readonly name: string;
  readonly type: ApiType;
  readonly optional?: boolean;
  readonly variadic?: boolean;
  /** The first sentence of its doc comment, quoted in fixes. */
  readonly doc?: string;
}

/** A method: its parameters, and the local type it returns (whose methods are checked too). */
export interface ApiMethod {
  readonly params: readonly ApiParam[];
  readonly returns?: string;
}

/** A field of a struct. */
export interface ApiField {
  readonly type: ApiType;
  readonly optional?: boolean;
  /** The first sentence of its doc comment, quoted in fixes. */
  readonly doc?: string;
}

/** One entry of the table. */
export type ApiEntry =
  | { readonly kind: 'enum'; readonly members: readonly string[] }
  | { readonly kind: 'struct'; readonly bases?: readonly string[]; readonly fields: Readonly<Record<string, ApiField>> }
  | {
    readonly kind: 'interface';
    readonly bases?: readonly string[];
    readonly members: readonly string[];
    readonly properties?: Readonly<Record<string, ApiField>>;
    readonly methods: Readonly<Record<string, ApiMethod>>;
  }
  | {
    readonly kind: 'class';
    readonly base?: string;
    readonly interfaces?: readonly string[];
    readonly init?: readonly ApiParam[];
    readonly members: readonly string[];
    readonly properties?: Readonly<Record<string, ApiField>>;
    readonly constants?: readonly string[];
    readonly statics: Readonly<Record<string, ApiMethod>>;
    readonly methods: Readonly<Record<string, ApiMethod>>;
  }
  /** A class or interface of aws-cdk-lib or constructs: the members each of its values has, in every aws-cdk-lib the peer range allows. */
  | { readonly kind: 'external'; readonly members?: readonly string[] }
  | { readonly kind: 'external-enum' };

/** An entry of a class or an interface. */
type ClassOrInterface = Extract<ApiEntry, { kind: 'class' | 'interface' }>;

/** The table's type. */
export type ApiTable = Readonly<Record<string, ApiEntry>>;

/** Errors of this library (the boundary's and the rules'): their stack is made to start at the user's call. */
const OURS = Symbol.for('cdk-appstream.error');

/** Mark an error as one of this library's messages, whose stack the boundary may cut to the user's call. */
export function ours(error: Error): Error {
  (error as any)[OURS] = true;
  return error;
}

/**
 * Cut an error's stack so that it starts at the call of `entry` (the boundary's wrapper, or the
 * constructor that was called), not inside the library. When `entry` is not on the stack, V8 would
 * leave no frame at all: the stack is then kept as it was.
 */
export function fromCallOf(error: Error, entry: Function): Error {
  const before = error.stack;
  Error.captureStackTrace(error, entry);
  if (!/\n\s+at /.test(error.stack ?? '')) {
    error.stack = before;
  }
  return error;
}

/** Whether an error is one of this library's messages. */
export function isOurs(error: unknown): error is Error {
  return error instanceof Error && (error as any)[OURS] === true;
}

/** Where a call happens, for the start of a message. */
interface Where {
  /** `Fleet 'App/Stack/Fleet': ` or `Fleet.fromFleetArn(): ` */
  readonly prefix: string;
  /** The method whose parameters these are, named in their paths: `grant(grantee)`. */
  readonly method?: string;
  /** Whether these are a constructor's parameters, whose props are named by their fields alone. */
  readonly isConstructor?: boolean;
}

/** A problem found: the value's path, the value, what is wrong, and the fix. */
class Problem {
  constructor(readonly path: string, readonly value: unknown, readonly problem: string, readonly fix: string) {}
}

/** jsii's primitives in words, one and many (`any` is never named: any value passes). */
const PRIMITIVE_WORDS: Record<string, { readonly one: string; readonly many: string }> = {
  string: { one: 'a string', many: 'strings' },
  number: { one: 'a number', many: 'numbers' },
  boolean: { one: 'true or false', many: 'booleans' },
  date: { one: 'a date', many: 'dates' },
  json: { one: 'a JSON value', many: 'JSON values' },
};

/** The type's name as a user of any language reads it: `FleetCapacity`, `ec2.IVpc`, `Duration`. */
function typeName(type: ApiType): string {
  if (typeof type !== 'string') {
    if ('array' in type) {
      return `a list of ${plural(type.array)}`;
    }
    if ('map' in type) {
      return `a map of ${plural(type.map)}`;
    }
    return type.union.map(typeName).join(' or ');
  }
  return PRIMITIVE_WORDS[type]?.one ?? article(shortName(type));
}

/** Values of a type, in the plural: strings, Image values, ec2.ISubnet values, values that are each a list of strings. */
function plural(type: ApiType): string {
  if (typeof type !== 'string') {
    return `values that are each ${typeName(type)}`;
  }
  return PRIMITIVE_WORDS[type]?.many ?? `${shortName(type)} values`;
}

/** `aws-cdk-lib.aws_ec2.IVpc` → `ec2.IVpc`; `aws-cdk-lib.Duration` → `Duration`; local names as they are. */
function shortName(fqn: string): string {
  const parts = fqn.split('.');
  if (parts.length === 1) {
    return fqn;
  }
  const [, ...rest] = parts;
  return rest.map((p) => p.replace(/^aws_/, '')).join('.');
}

/** How to make a value of a local class or interface, in words: its static factories, or the classes that implement it. */
function howToMake(name: string): string {
  const entry = API_TYPES[name];
  if (entry?.kind === 'class') {
    const factories = Object.entries(entry.statics).filter(([, s]) => s.returns !== undefined && isA(s.returns, name)).map(([m]) => `${name}.${m}()`);
    const constant = entry.constants?.[0];
    if (factories.length > 0) {
      return `Use ${factories.slice(0, 4).join(', ')}${factories.length > 4 ? ' or another static method of ' + name : ''}${constant ? `, or a constant such as ${name}.${constant}` : ''}.`;
    }
    if (entry.init) {
      return `Define one in the app (a ${name} construct).`;
    }
  }
  if (entry?.kind === 'interface') {
    const classes = implementersOf(name);
    if (classes.length > 0) {
      return `Give ${classes.map((c) => article(c)).join(' or ')}, defined here or imported with its from… methods.`;
    }
  }
  if (entry?.kind === 'enum') {
    return `Use a member of ${name}: ${entry.members.join(', ')}.`;
  }
  if (entry?.kind === 'struct') {
    const needed = fieldsOf(name).filter(([, f]) => !f.optional).map(([k]) => k);
    return `Give an object with the fields of ${shortName(name)}${needed.length > 0 ? `, at least ${needed.join(', ')}` : ''}.`;
  }
  return `Give ${typeName(name)}.`;
}

/** A type's name with its indefinite article, as it is read: an Image, an ec2.IVpc, an S3Location, an sns.ITopic, a UserAction. */
function article(name: string): string {
  return `${/^(?:[aeioAEIO]|[sS]3|sns\.|ssm\.)/.test(name) ? 'an' : 'a'} ${name}`;
}

/** Whether the local type `name` is, or extends or implements, `target`. */
function isA(name: string, target: string): boolean {
  if (name === target) {
    return true;
  }
  // A struct is never a value of a class or interface, whatever its bases.
  return basesOf(name).some((u) => isA(u, target));
}

/** The classes of the table that implement the interface `name`, directly or through their bases. */
function implementersOf(name: string): string[] {
  return Object.entries(API_TYPES).filter(([n, e]) => e.kind === 'class' && isA(n, name)).map(([n]) => n);
}

/** The named bases of a class (its base class and interfaces) or an interface (its bases); none for other types. */
function basesOf(name: string): string[] {
  const entry = API_TYPES[name];
  if (entry?.kind === 'class') {
    return [...(entry.base === undefined ? [] : [entry.base]), ...(entry.interfaces ?? [])];
  }
  return entry?.kind === 'interface' ? [...(entry.bases ?? [])] : [];
}

/** What the local class or interface `name` declares under `part` ('members', 'properties', 'methods'), with what its bases declare. */
function declared<T>(name: string, part: (entry: ClassOrInterface) => T[]): T[] {
  const entry = API_TYPES[name];
  if (entry?.kind !== 'class' && entry?.kind !== 'interface') {
    return [];
  }
  return [...basesOf(name).flatMap((b) => declared(b, part)), ...part(entry)];
}

/** The methods of a local class or interface, with those of its local bases (its own win). */
export function methodsOf(name: string): Record<string, ApiMethod> {
  return Object.fromEntries(declared(name, (e) => Object.entries(e.methods)));
}

/** Every field of a struct, its bases' too. */
function fieldsOf(name: string): Array<[string, ApiField]> {
  const entry = API_TYPES[name];
  if (entry?.kind !== 'struct') {
    return [];
  }
  return [...(entry.bases ?? []).flatMap(fieldsOf), ...Object.entries(entry.fields)];
}

/** Every member a value of a local class or interface carries: its own and its local bases', its own first. */
function membersOf(name: string): string[] {
  const entry = API_TYPES[name];
  return entry?.kind === 'class' || entry?.kind === 'interface' ? [...entry.members, ...basesOf(name).flatMap(membersOf)] : [];
}

/** What a value is, in words: a list, an object, an Image, a number. Never null or undefined (required() takes those). */
function describe(value: unknown): string {
  if (Array.isArray(value)) {
    return 'a list';
  }
  if (typeof value === 'object') {
    const ctor = (value as any).constructor?.name;
    return ctor && ctor !== 'Object' ? `${article(ctor)}` : 'an object';
  }
  return article(typeof value);
}

/**
 * The value a parameter or field of `type` gets, with `null`s made absent in structs; throws a Problem
 * when the value cannot be one of the type. `value` is never null or undefined: required() and the
 * loops over a struct's fields and a stand-in's properties deal with those first.
 */
function check(type: ApiType, value: any, path: string, doc?: string, listToken = false): any {
  try {
    return checkType(type, value, path, listToken);
  } catch (e) {
    if (e instanceof Problem && e.path === path && doc) {
      throw new Problem(e.path, e.value, e.problem, `${e.fix.replace(/\.$/, '')} (${doc}).`);
    }
    throw e;
  }
}

function checkType(type: ApiType, value: any, path: string, listToken: boolean): any {
  if (typeof type !== 'string') {
    if ('union' in type) {
      for (const t of type.union) {
        try {
          return check(t, value, path);
        } catch (e) {
          if (!(e instanceof Problem)) {
            throw e;
          }
        }
      }
      throw new Problem(path, value, `must be ${typeName(type)}, not ${describe(value)}`, `Give ${typeName(type)}.`);
    }
    if ('array' in type) {
      if (!Array.isArray(value)) {
        throw new Problem(path, value, `must be ${typeName(type)}, not ${describe(value)}`, listFix(type.array));
      }
      if (Token.isUnresolved(value)) {
        if (listToken) {
          return value;
        }
        throw new Problem(path, value, `must be ${typeName(type)} written out in the app, not a list token (a list parameter, Fn.split()): the library reads each element while it synthesizes`, listFix(type.array));
      }
      return value.map((x, i) => required(type.array, x, `${path}[${i}]`));
    }
    if (typeof value !== 'object' || Array.isArray(value)) {
      throw new Problem(path, value, `must be ${typeName(type)}, not ${describe(value)}`, 'Give an object whose keys are names.');
    }
    if (Token.isUnresolved(value)) {
      throw new Problem(path, value, `must be ${typeName(type)} written out in the app, not a token: the library reads each key while it synthesizes`, 'Give an object whose keys are names (its values may be tokens).');
    }
    return Object.fromEntries(Object.entries(value).map(([k, x]) => [k, required(type.map, x, `${path}.${k}`)]));
  }
  switch (type) {
    case 'any':
    case 'json':
      return value;
    case 'string':
    case 'number':
      if (typeof value !== type) { // a token of the other kind too: Token.asString(), Token.asNumber() convert
        throw new Problem(path, value, `must be ${typeName(type)}, not ${describe(value)}`, `Give ${typeName(type)}.`);
      }
      if (typeof value === 'number' && !Number.isFinite(value)) { // a template, as JSON, has neither: aws-cdk-lib writes null
        throw new Problem(path, value, 'must be a finite number', 'Give a number.');
      }
      return value;
    case 'boolean':
      // No token is a boolean: the library decides what to synthesize from each flag.
      if (typeof value !== 'boolean') {
        throw new Problem(path, value, `must be true or false, not ${describe(value)}`, 'Give true or false, or leave it out.');
      }
      return value;
    case 'date':
      if (!(value instanceof Date)) {
        throw new Problem(path, value, `must be a date, not ${describe(value)}`, 'Give a date.');
      }
      return value;
  }
  const entry = API_TYPES[type];
  switch (entry?.kind) {
    case 'enum':
      // A string token (a parameter, say) stands for a member; a number or a list never does.
      if (!enumValues(type).includes(value) && !(Token.isUnresolved(value) && typeof value !== 'number' && !Array.isArray(value))) {
        throw new Problem(path, value, `must be a member of ${type} (${entry.members.join(', ')})`, `Use ${type}.${entry.members[0]} or another member of ${type}.`);
      }
      return value;
    case 'external-enum': {
      // aws-cdk-lib reads these while it synthesizes (applyRemovalPolicy throws for a token): only a member passes.
      const members = externalEnum(type);
      if (!Object.values(members).includes(value)) {
        const names = Object.keys(members);
        const problem = typeof value !== 'string' && typeof value !== 'number' ? `, not ${describe(value)}`
          : Token.isUnresolved(value) ? ' known at synthesis, not a token' : ` (${names.join(', ')})`;
        throw new Problem(path, value, `must be a member of ${shortName(type)}${problem}`, `Use ${shortName(type)}.${names[0]} or another member of ${shortName(type)}.`);
      }
      return value;
    }
    case 'struct':
      return struct(type, value, path);
    default: {
      // A function is no value of this library's classes and interfaces (a factory not called, `Image.fromName`,
      // has their members by name: `bind`), though it may be one of aws-cdk-lib's.
      const local = entry?.kind === 'class' || entry?.kind === 'interface';
      if ((typeof value !== 'object' && (local || typeof value !== 'function')) || Array.isArray(value)) {
        // A constant's name from JSON ('FILE_UPLOAD' for a UserAction): name the constant.
        const named = entry?.kind === 'class' && typeof value === 'string' && entry.constants?.includes(value) ? `Use ${type}.${value}.` : howToMake(type);
        throw new Problem(path, value, `must be ${typeName(type)}, not ${describe(value)}`, named);
      }
      // An aws-cdk-lib or constructs type must have every member the table lists: those the oldest
      // aws-cdk-lib (and constructs) the peer range allows gives it too, so that an older one's objects
      // pass (scripts/api-types.ts). toString and the like, which every object has, say nothing of the type.
      const missing = entry?.kind === 'external'
        ? (entry.members ?? []).filter((m) => !(m in Object.prototype) && !(m in value))
        : membersOf(type).filter((m) => !(m in value));
      if (missing.length > 0) {
        throw new Problem(path, value, `must be ${typeName(type)}, not ${describe(value)} (it has no ${missing.slice(0, 3).join(', ')})`, howToMake(type));
      }
      // aws-cdk-lib's objects are taken as they are (the table holds no types of their properties).
      return entry?.kind !== 'external' && isPlainObject(value) ? plainStandIn(type, value, path) : value;
    }
  }
}

function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Every typed property of a local class or interface: its own and its local bases'. */
function propertiesOf(name: string): Array<[string, ApiField]> {
  return declared(name, (e) => Object.entries(e.properties ?? {}));
}

/**
 * A plain object (from JSON, say) standing in for a value of a class or interface of this library: it
 * has the members by name, so its properties are checked by type as a struct's fields are, and `null`s
 * in it are made absent. Objects made by the library's own classes are taken as they are.
 */
function plainStandIn(type: string, value: Record<string, unknown>, path: string): Record<string, unknown> {
  const out: Record<string, unknown> = { ...value };
  for (const [property, spec] of propertiesOf(type)) {
    const given = value[property];
    if (given === undefined || given === null) {
      delete out[property];
      if (!spec.optional) {
        required(spec.type, given, `${path}.${property}`);
      }
      continue;
    }
    out[property] = check(spec.type, given, `${path}.${property}`);
  }
  return out;
}

/** The table's entry of a type written by name; none for a composite type. */
function entryOf(type: ApiType): ApiEntry | undefined {
  return typeof type === 'string' ? API_TYPES[type] : undefined;
}

/** How to make a list of `element`: an example where one reads well, else the classes that make one. */
function listFix(element: ApiType): string {
  const entry = entryOf(element);
  if (entry?.kind === 'interface') {
    const classes = implementersOf(element as string);
    if (classes.length > 0) {
      return `Give a list of ${classes.join(' or ')} objects, defined here or imported with their from… methods.`;
    }
  }
  return `Give a list of ${listOf(element)}.`;
}

/** What a list of `element` holds, in words: strings, FleetType members (such as …), values made with …. */
function listOf(element: ApiType): string {
  const entry = entryOf(element);
  if (entry?.kind === 'enum') {
    return `${element} members, such as one holding ${element}.${entry.members[0]}`;
  }
  if (entry?.kind === 'class') {
    if (entry.constants !== undefined) {
      return `${element} values, such as one holding ${element}.${entry.constants[0]}`; // the table lists constants only where a class has some
    }
    const factories = Object.keys(entry.statics).filter((m) => entry.statics[m].returns === element);
    if (factories.length > 0) {
      return `${element} values, each made with ${factories.slice(0, 3).map((m) => `${element}.${m}()`).join(' or ')}`;
    }
  }
  return plural(element);
}

/** A value that must be present (a required parameter, field or list element). */
function required(type: ApiType, value: unknown, path: string, doc?: string): unknown {
  if (type === 'any') {
    return value; // undefined is a value of any
  }
  if (value === undefined || value === null) {
    const fix = typeof type === 'string' ? howToMake(type) : 'array' in type ? listFix(type.array) : `Give ${typeName(type)}.`;
    throw new Problem(path, value, 'is required', doc ? `${fix.replace(/\.$/, '')} (${doc}).` : fix);
  }
  return check(type, value, path, doc);
}

/**
 * A struct's value (never null or undefined): every field checked, `null` fields left out; keys the
 * struct does not name pass as TypeScript lets them.
 */
function struct(name: string, value: any, path: string): any {
  if (Token.isUnresolved(value)) {
    throw new Problem(path || 'props', value, `must be ${typeName(name)} written out in the app, not a token: the library reads its fields while it synthesizes`, howToMake(name));
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new Problem(path || 'props', value, `must be ${typeName(name)}, not ${describe(value)}`, howToMake(name));
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (v !== null && v !== undefined) {
      out[k] = v;
    }
  }
  for (const [field, spec] of fieldsOf(name)) {
    const given = value[field];
    const at = path === '' ? field : `${path}.${field}`;
    if (given === undefined || given === null) {
      if (!spec.optional) {
        required(spec.type, given, at, spec.doc);
      }
      continue;
    }
    out[field] = check(spec.type, given, at, spec.doc, LIST_TOKEN_FIELDS.has(`${name}.${field}`));
  }
  return out;
}

/** The values of a local enum (as TypeScript compiled it), registered by the module that applies the boundary. */
const enums = new Map<string, readonly unknown[]>();

/** Register the values of the local enums, by name (lib/private/boundary-apply.ts does, from the package's exports). */
export function registerEnum(name: string, values: readonly unknown[]): void {
  enums.set(name, values);
}

function enumValues(name: string): readonly unknown[] {
  return enums.get(name) ?? [];
}

/** The members of an aws-cdk-lib enum by name (`aws-cdk-lib.aws_cloudwatch.Unit`: `cdk.aws_cloudwatch.Unit`), as TypeScript compiled it. */
function externalEnum(fqn: string): Record<string, unknown> {
  let value: any = cdk;
  for (const part of fqn.split('.').slice(1)) {
    value = value?.[part];
  }
  return Object.fromEntries(Object.entries(value ?? {}).filter(([k]) => !/^\d+$/.test(k))); // a numeric enum's reverse mapping names no member
}

/**
 * The arguments of one call, checked against `params`: required ones present, each of its type, `null`
 * made `undefined` for optional ones and absent in structs. Throws the message of the first problem.
 */
export function checkArguments(where: Where, params: readonly ApiParam[], args: ArrayLike<unknown>): unknown[] {
  const out = Array.from(args);
  try {
    params.forEach((p, i) => {
      // A constructor's props are named by their fields alone (`capacity`, `vpcSubnets.subnets[1]`), as
      // the rules' messages name them; other parameters by their name, in their method's call.
      const name = where.method !== undefined ? `${where.method}(${p.name})` : where.isConstructor && p.name === 'props' ? '' : p.name;
      if (p.variadic) {
        for (let j = i; j < out.length; j++) {
          out[j] = required(p.type, out[j], `${name}[${j - i}]`);
        }
        return;
      }
      if ((out[i] === undefined || out[i] === null) && p.optional) {
        out[i] = undefined;
        return;
      }
      out[i] = name === '' && out[i] !== undefined && out[i] !== null && typeof p.type === 'string' && API_TYPES[p.type]?.kind === 'struct'
        ? struct(p.type, out[i], '')
        : required(p.type, out[i], name || p.name, p.doc);
      // A construct id is part of every logical id under it, which aws-cdk-lib makes at synthesis.
      if (p.name === 'id' && typeof out[i] === 'string' && Token.isUnresolved(out[i])) {
        throw new Problem(name || p.name, out[i], 'must be written out in the app, not a token: construct ids make the logical ids of the template', "Give a fixed id, such as 'Desktops'.");
      }
    });
  } catch (e) {
    if (e instanceof Problem) {
      const shown = e.value === undefined || e.value === null ? '' : ` ${showValue(e.value)}`;
      throw ours(new Error(`${where.prefix}${e.path}${shown} ${e.problem}. ${e.fix}`));
    }
    throw e;
  }
  return out;
}

/** The start of a message about a construct at `path`. */
function constructPrefix(kind: string, path: string): string {
  return `${kind} '${withTokensHidden(path)}': `;
}

/** Whether a value is a construct (it has a node with a path), without instanceof, which fails across copies of constructs. */
function isConstruct(x: any): x is IConstruct {
  return x !== null && typeof x === 'object' && typeof x.node === 'object' && x.node !== null && typeof x.node.path === 'string';
}

/**
 * Check the arguments of a constructor of `cls` (a class of the table) and return them, `null`s made
 * absent. The first statement of every public constructor: `checkConstructor(Fleet, arguments)`.
 * Errors name the construct as `scope path/id`.
 */
export function checkConstructor(cls: Function, args: ArrayLike<unknown>): Record<string, any> {
  const entry = API_TYPES[cls.name];
  if (entry?.kind !== 'class' || entry.init === undefined) {
    throw new Error(`${cls.name} has no public constructor in the API table: run the post-compile task (scripts/api-types.ts).`);
  }
  const [scope, id] = Array.from(args);
  const where: Where = isConstruct(scope) && typeof id === 'string'
    ? { prefix: constructPrefix(cls.name, scope.node.path ? `${scope.node.path}/${id}` : id), isConstructor: true }
    : { prefix: `The ${cls.name} constructor: `, isConstructor: true };
  try {
    const checked = checkArguments(where, entry.init, args);
    return Object.fromEntries(entry.init.map((p, i) => [p.name, checked[i]]));
  } catch (e) {
    throw isOurs(e) ? fromCallOf(e, cls) : e;
  }
}

/** Where a method call of `kind` on `self` happens: the construct's path when `self` is a construct. */
export function methodWhere(kind: string, self: unknown, method: string): Where {
  return isConstruct(self)
    ? { prefix: constructPrefix(kind, self.node.path), method }
    : { prefix: `${kind}.${method}(): `, method: undefined };
}

/** Where a static method call happens: the construct it defines (`scope`, `id`) when it has those, else the class and method. */
export function staticWhere(kind: string, method: string, params: readonly ApiParam[], args: ArrayLike<unknown>): Where {
  const [scope, id] = Array.from(args);
  if (params[0]?.name === 'scope' && params[1]?.name === 'id' && isConstruct(scope) && typeof id === 'string') {
    return { prefix: `${kind}.${method}() at '${withTokensHidden(scope.node.path ? `${scope.node.path}/${id}` : id)}': ` };
  }
  return { prefix: `${kind}.${method}(): ` };
}

