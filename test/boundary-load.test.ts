/**
 * The boundary as the package applies it when it loads (lib/private/boundary-apply.ts): the package is
 * loaded afresh here (`vi.resetModules()`), so that the code that runs at load (the wrapping of every
 * static method and method, the enum values, the words of messages) runs inside a test. That is what
 * lets `npm run mutation:boundary` test each change to that code; `npm run mutation` leaves this file
 * out (vitest.mutation.config.mts), because loading the whole package inside a test would give every
 * module-level mutant of lib/ these tests as its only cover, instead of leaving it static.
 */
import * as cdk from 'aws-cdk-lib';
import { describe, expect, test, vi } from 'vitest';
import * as lib from '../lib';
import { API_TYPES } from '../lib/private/api-types.generated';
import { ApiType, ours } from '../lib/private/boundary';

const AT = { prefix: 'P: ' };

describe('loading the package applies the boundary', () => {
  const WRAPPED = Symbol.for('cdk-appstream.boundary');

  /** The package loaded afresh, so that the code that wraps its methods runs again here. */
  async function freshPackage(): Promise<typeof lib> {
    vi.resetModules();
    return import('../lib' as string) as Promise<typeof lib>; // a path the type checker does not resolve: the module is the one imported above
  }

  test('every static method and method of the table is wrapped, keeping its name and its length', async () => {
    const fresh = await freshPackage() as unknown as Record<string, any>;
    const unwrapped: string[] = [];
    for (const [name, entry] of Object.entries(API_TYPES)) {
      if (entry.kind !== 'class' || typeof fresh[name] !== 'function') {
        continue;
      }
      for (const method of Object.keys(entry.statics)) {
        const fn = fresh[name][method];
        if (fn[WRAPPED] !== true || fn.name !== method) {
          unwrapped.push(`${name}.${method}`);
        }
      }
      for (const method of Object.keys(entry.methods)) {
        const fn = fresh[name].prototype[method];
        if (typeof fn === 'function' && (fn[WRAPPED] !== true || fn.name !== method)) {
          unwrapped.push(`${name}.prototype.${method}`);
        }
      }
    }
    expect(unwrapped).toEqual([]);
    expect(fresh.Image.fromName.length).toBe(1);
    expect(fresh.Fleet.prototype.grantStartStop.length).toBe(1);
    expect(fresh.Stack.prototype.grantCreateStreamingUrl.length).toBe(lib.Stack.prototype.grantCreateStreamingUrl.length);
  });

  test('a method of an object returned as an interface of the library is checked, its own and its bases\'', async () => {
    const fresh = await freshPackage();
    const stack = new cdk.Stack(new cdk.App(), 'S');
    const imported = fresh.ElasticFleet.fromElasticFleetName(stack, 'E', 'elastic');
    expect(() => imported.addApplication(undefined as any)).toThrow(/^ElasticFleet 'S\/E': addApplication\(application\) is required\. /);
    expect(() => imported.grantStartStop(undefined as any)).toThrow(/^(Elastic)?Fleet 'S\/E': grantStartStop\(grantee\) is required\. /);
    expect((Object.getPrototypeOf(imported).addApplication as any)[WRAPPED]).toBe(true);
  });

  test('an object returned a second time keeps the one wrapper of its methods', async () => {
    const fresh = await freshPackage();
    const stack = new cdk.Stack(new cdk.App(), 'S');
    const first = Object.getPrototypeOf(fresh.Fleet.fromFleetName(stack, 'A', 'a')).grantStartStop;
    const second = Object.getPrototypeOf(fresh.Fleet.fromFleetName(stack, 'B', 'b')).grantStartStop;
    expect(second).toBe(first);
    expect(first[WRAPPED]).toBe(true);
  });

  test('the package loaded afresh checks as the first load does: its types, words and enums', async () => {
    const fresh = await freshPackage();
    expect(fresh.Image).not.toBe(lib.Image);
    expect(() => fresh.Image.fromName(5 as any)).toThrow(/^Image\.fromName\(\): name 5 must be a string, not a number\. Give a string \(/);
    expect(() => fresh.UserSetting.disable('FILE_UPLOAD' as any)).toThrow(/must be a UserAction, not a string\. Use UserAction\.FILE_UPLOAD \(the action\)\.$/);
    const stack = new cdk.Stack(new cdk.App(), 'S');
    const fleet = (fleetType: unknown) => new fresh.Fleet(stack, `F${String(fleetType)}`, { image: fresh.Image.fromName('I'), instanceType: fresh.InstanceType.STANDARD_MEDIUM, fleetType: fleetType as any });
    expect(fleet(fresh.FleetType.ON_DEMAND).node.id).toBe('FON_DEMAND');
    expect(() => fleet('SOMETIMES')).toThrow(/fleetType "SOMETIMES" must be a member of FleetType \(ALWAYS_ON, ON_DEMAND\)/);
    expect(() => fleet(true)).toThrow(/fleetType true must be a member of FleetType/);
  });

  test('the checker loaded afresh names each primitive, one and many, and knows the errors of the first copy as its own', async () => {
    vi.resetModules();
    const fresh = await import('../lib/private/boundary' as string) as typeof import('../lib/private/boundary');
    const one = (type: ApiType, value: unknown) => {
      try {
        fresh.checkArguments(AT, [{ name: 'x', type }], [value]);
      } catch (e) {
        return (e as Error).message;
      }
      return 'passed';
    };
    expect(one('string', 5)).toBe('P: x 5 must be a string, not a number. Give a string.');
    expect(one('number', 'a')).toBe('P: x "a" must be a number, not a string. Give a number.');
    expect(one('date', 5)).toBe('P: x 5 must be a date, not a number. Give a date.');
    expect(one({ union: ['boolean', 'json'] }, undefined)).toBe('P: x is required. Give true or false or a JSON value.');
    expect(one({ array: 'string' }, 5)).toBe('P: x 5 must be a list of strings, not a number. Give a list of strings.');
    expect(one({ array: 'number' }, 5)).toBe('P: x 5 must be a list of numbers, not a number. Give a list of numbers.');
    expect(one({ array: 'boolean' }, 5)).toBe('P: x 5 must be a list of booleans, not a number. Give a list of booleans.');
    expect(one({ array: 'date' }, 5)).toBe('P: x 5 must be a list of dates, not a number. Give a list of dates.');
    expect(one({ array: 'json' }, 5)).toBe('P: x 5 must be a list of JSON values, not a number. Give a list of JSON values.');
    expect(fresh.isOurs(ours(new Error('from the first copy')))).toBe(true);
  });

  test('a method that returns nothing, or a value that is no object, returns it as it is', async () => {
    const fresh = await freshPackage();
    expect(String(fresh.InstanceType.of('stream.standard.small'))).toBe('stream.standard.small');
    expect(fresh.UserAction.of('FILE_UPLOAD').toString()).toBe('FILE_UPLOAD');
  });
});
