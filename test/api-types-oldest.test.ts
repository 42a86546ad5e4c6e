/**
 * The members the boundary asks of a value of an aws-cdk-lib or constructs type are those the oldest
 * supported versions (the peer minimums) give it: scripts/cdk-oldest-members.json holds them, read from
 * those versions' assemblies, and scripts/api-types.ts keeps of the current assembly's members only
 * those. Here: the file fits package.json, the committed table is narrowed by it, and the generator
 * narrows as it should (on assemblies written for the test).
 */
import * as fs from 'fs';
import * as path from 'path';
import { describe, expect, test } from 'vitest';
import { API_TYPES } from '../lib/private/api-types.generated';
import { apiTable, OldestMembers, peerMinimums, staleOldest } from '../scripts/api-types';

const ROOT = path.join(__dirname, '..');
const PACKAGE = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const OLDEST: OldestMembers = JSON.parse(fs.readFileSync(path.join(ROOT, 'scripts', 'cdk-oldest-members.json'), 'utf8'));

describe('scripts/cdk-oldest-members.json', () => {
  test('was read from the peer minimums of package.json (else: the command that regenerates it)', () => {
    expect(staleOldest(OLDEST, PACKAGE)).toBeUndefined();
    expect(OLDEST.versions['aws-cdk-lib']).toBe(String(PACKAGE.peerDependencies['aws-cdk-lib']).replace(/^\^/, ''));
  });

  test('a file of another version is refused, naming both versions and the command', () => {
    const raised = { ...PACKAGE, peerDependencies: { ...PACKAGE.peerDependencies, 'aws-cdk-lib': '^2.250.0' } };
    expect(staleOldest(OLDEST, raised)).toBe(
      `scripts/cdk-oldest-members.json holds the members of aws-cdk-lib ${OLDEST.versions['aws-cdk-lib']}, but package.json's peer minimum is aws-cdk-lib 2.250.0: `
      + 'run `npx projen cdk-oldest-members` (it needs the network) and commit the file.');
    expect(staleOldest({ ...OLDEST, versions: { 'aws-cdk-lib': OLDEST.versions['aws-cdk-lib'] } }, PACKAGE)).toMatch(/^scripts\/cdk-oldest-members.json holds the members of constructs \(none\), but package.json's peer minimum is constructs 10\./);
    expect(peerMinimums({ peerDependencies: { 'aws-cdk-lib': '>=2.1.0', 'constructs': '~10.5.0' } })).toEqual({ 'aws-cdk-lib': '2.1.0', 'constructs': '10.5.0' });
  });

  test('lists every external class and interface of the table, and the table asks for none of their members the file lacks', () => {
    const externals = Object.entries(API_TYPES).flatMap(([fqn, e]) => (e.kind === 'external' && e.members !== undefined ? [[fqn, e.members] as const] : []));
    expect(externals.map(([fqn]) => fqn).sort()).toEqual(Object.keys(OLDEST.members).sort());
    for (const [fqn, members] of externals) {
      expect(members.filter((m) => !OLDEST.members[fqn].includes(m)), fqn).toEqual([]);
      expect(members.length, fqn).toBeGreaterThan(0);
    }
  });
});

describe('the generator (scripts/api-types.ts)', () => {
  // A library whose one class takes a cdk.IThing, which extends cdk.IBase; the current cdk.IThing has a
  // member the oldest lacks (`newer`), and a required property the oldest had optional (`once`: not among
  // its members); the oldest had a member since gone (`gone`).
  const library = {
    types: {
      'cdk-appstream.Widget': {
        kind: 'class',
        fqn: 'cdk-appstream.Widget',
        initializer: { parameters: [{ name: 'thing', type: { fqn: 'cdk.IThing' } }] },
      },
    },
  };
  const cdk = {
    types: {
      'cdk.IBase': { kind: 'interface', methods: [{ name: 'base' }] },
      'cdk.IThing': {
        kind: 'interface',
        interfaces: ['cdk.IBase'],
        properties: [{ name: 'old' }, { name: 'newer' }, { name: 'once' }, { name: 'maybe', optional: true }],
        methods: [{ name: 'act' }, { name: 'actStatic', static: true }],
      },
    },
  };

  test('without the oldest members: every member of the type and its bases that a value must carry', () => {
    expect(apiTable(library, cdk)['cdk.IThing']).toEqual({ kind: 'external', members: ['act', 'base', 'newer', 'old', 'once'] });
  });

  test('with them: only the members the oldest version gives the type too', () => {
    const oldest: OldestMembers = { versions: {}, members: { 'cdk.IThing': ['act', 'base', 'old', 'gone'] } };
    expect(apiTable(library, cdk, oldest)['cdk.IThing']).toEqual({ kind: 'external', members: ['act', 'base', 'old'] });
  });

  test('a type the file does not list: the command that regenerates it', () => {
    const oldest: OldestMembers = { versions: { 'aws-cdk-lib': '2.0.0' }, members: {} };
    expect(() => apiTable(library, cdk, oldest))
      .toThrow('cdk.IThing is not in scripts/cdk-oldest-members.json (aws-cdk-lib 2.0.0): run `npx projen cdk-oldest-members` (it needs the network) and commit the file.');
  });
});
