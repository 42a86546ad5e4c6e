import * as api from '../index';
import { API_TYPES, ApiEntry, ApiMethod, checkArguments, fromCallOf, isOurs, methodsOf, methodWhere, registerEnum, staticWhere } from './boundary';
import { kindOf } from './validation';

/**
 * Applies the boundary check (./boundary.ts) to the whole public API, once, when the package loads
 * (lib/index.ts imports this module last): every static method and every method of each exported class
 * is replaced by a wrapper that checks its arguments against the table, then calls the original. An
 * object a method returns as a type of this library (an import's private class, the private classes
 * behind `Image.fromName()` or `autoScaleCapacity()`) has its methods wrapped the same way, by the
 * declared type, the first time one is returned. Constructors cannot be replaced without replacing the
 * class (which breaks `instanceof`, subclassing and the jsii kernel's view of it): each public
 * constructor's first statement is `checkConstructor(TheClass, arguments)`, and
 * test/boundary.test.ts fails for a constructor without it.
 *
 * Errors of this library thrown inside a wrapped call have their stack cut to start at the user's call.
 */

const WRAPPED = Symbol.for('cdk-appstream.boundary');

type AnyFunction = ((...args: any[]) => any) & { [WRAPPED]?: true };

/**
 * A function that checks its arguments, then calls `original`. Each static is a class's own, wrapped
 * once as the package loads; wrapPrototype skips methods already wrapped.
 */
function wrap(original: AnyFunction, spec: ApiMethod, where: (self: unknown, args: unknown[]) => ReturnType<typeof methodWhere>): AnyFunction {
  const wrapper: AnyFunction = function (this: unknown, ...args: unknown[]) {
    let result: unknown;
    try {
      result = original.apply(this, checkArguments(where(this, args), spec.params, args));
    } catch (e) {
      throw isOurs(e) ? fromCallOf(e, wrapper) : e;
    }
    if (spec.returns !== undefined) {
      wrapReturned(spec.returns, result);
    }
    return result;
  };
  Object.defineProperty(wrapper, 'name', { value: original.name });
  Object.defineProperty(wrapper, 'length', { value: original.length });
  wrapper[WRAPPED] = true;
  return wrapper;
}

/** Wrap the methods `spec` names on the prototypes of `target` (a class's prototype, or an object's), where they are defined. */
function wrapPrototype(target: object, declared: string, methods: Record<string, ApiMethod>): void {
  for (const [name, spec] of Object.entries<ApiMethod>(methods)) {
    let owner: any = target;
    while (owner !== null && owner !== Object.prototype && !Object.prototype.hasOwnProperty.call(owner, name)) {
      owner = Object.getPrototypeOf(owner);
    }
    const descriptor = owner && owner !== Object.prototype ? Object.getOwnPropertyDescriptor(owner, name) : undefined;
    if (descriptor && typeof descriptor.value === 'function' && !descriptor.value[WRAPPED]) {
      const where = (self: unknown) => methodWhere(kindOf(self, declared), self, name);
      Object.defineProperty(owner, name, { ...descriptor, value: wrap(descriptor.value, spec, where) });
    }
  }
}

/** Wrap the methods of an object returned as the local type `declared`, on its own prototypes. */
function wrapReturned(declared: string, result: unknown): void {
  if (result !== null && typeof result === 'object') {
    const proto = Object.getPrototypeOf(result);
    if (proto !== null && proto !== Object.prototype) {
      wrapPrototype(proto, declared, methodsOf(declared));
    }
  }
}

const exported = api as unknown as Record<string, any>;
for (const [name, entry] of Object.entries<ApiEntry>(API_TYPES)) {
  // The table is made from the package's own assembly: each enum and class it lists is exported, each static a function.
  const value = exported[name];
  if (entry.kind === 'enum') {
    registerEnum(name, Object.values(value));
    continue;
  }
  if (entry.kind !== 'class') {
    continue; // structs and interfaces have no value at run time; aws-cdk-lib's types are its own
  }
  for (const [method, spec] of Object.entries<ApiMethod>(entry.statics)) {
    value[method] = wrap(value[method], spec, (_self, args) => staticWhere(name, method, spec.params, args));
  }
  wrapPrototype(value.prototype, name, entry.methods);
}
