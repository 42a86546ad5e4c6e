/**
 * Writes scripts/cdk-oldest-members.json: for each aws-cdk-lib and constructs class or interface that
 * the boundary's table lists (kind `external`), the members the OLDEST versions the peer dependencies
 * allow (package.json's `^2.247.0` → aws-cdk-lib 2.247.0) give it, its bases' too. scripts/api-types.ts
 * keeps of the current assembly's members only those, so that the boundary asks a value for every
 * member a type has had since the oldest supported version, and for none added later (an older
 * aws-cdk-lib's objects lack those).
 *
 * Needs the network (`npm pack` of the two packages, into a temporary folder) and `.jsii` (run after
 * compile); the file is committed, so the build does not. Run it when a peer minimum changes or the
 * table names a new external type: the `api-types` task and test/api-types-oldest.test.ts say so.
 *
 * Usage: ts-node scripts/cdk-oldest-members.ts [.jsii]   (the projen task `cdk-oldest-members`)
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { apiTable, externalMembers, OLDEST_FILE, OldestMembers, peerMinimums, readAssembly } from './api-types';

/* eslint-disable @typescript-eslint/no-explicit-any */

/** The assembly of `name@version`, from its npm tarball (its `.jsii`, and the gzip file that one may redirect to). */
function packedAssembly(name: string, version: string, dir: string): any {
  const out = execFileSync('npm', ['pack', `${name}@${version}`, '--pack-destination', dir, '--json', '--loglevel=error'], { encoding: 'utf8' });
  const tarball = path.join(dir, JSON.parse(out)[0].filename);
  const into = path.join(dir, name);
  fs.mkdirSync(into);
  execFileSync('tar', ['-xzf', tarball, '-C', into, '--strip-components=1', '--wildcards', 'package/.jsii*']);
  return readAssembly(path.join(into, '.jsii'));
}

/** The file's text: one line a type, so that a diff shows which types changed. */
function render(file: OldestMembers): string {
  const types = Object.keys(file.members).sort().map((fqn) => `    ${JSON.stringify(fqn)}: ${JSON.stringify(file.members[fqn])}`);
  return `{\n  "versions": ${JSON.stringify(file.versions)},\n  "members": {\n${types.join(',\n')}\n  }\n}\n`;
}

if (require.main === module) {
  const [jsiiFile = '.jsii'] = process.argv.slice(2);
  const versions = peerMinimums(JSON.parse(fs.readFileSync('package.json', 'utf8')));
  // The external types the table lists, from this assembly and the current (dev) aws-cdk-lib and constructs.
  const current = (name: string) => readAssembly(path.join(path.dirname(require.resolve(`${name}/package.json`)), '.jsii'));
  const table = apiTable(readAssembly(jsiiFile), { types: { ...current('constructs').types, ...current('aws-cdk-lib').types } });
  const externals = Object.entries<any>(table).filter(([, e]) => e.kind === 'external' && e.members !== undefined).map(([fqn]) => fqn);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-oldest-'));
  try {
    const types = Object.assign({}, ...Object.entries(versions).map(([name, version]) => packedAssembly(name, version, dir).types));
    const members: Record<string, string[]> = {};
    for (const fqn of externals) {
      const found = externalMembers(fqn, types);
      if (found === undefined) {
        throw new Error(`${fqn} is not in ${Object.entries(versions).map(([n, v]) => `${n} ${v}`).join(' or ')}, the peer minimums: the library needs a newer one (raise the minimum in .projenrc.ts).`);
      }
      members[fqn] = found;
    }
    const file: OldestMembers = { versions, members };
    fs.writeFileSync(OLDEST_FILE, render(file));
    console.log(`wrote ${OLDEST_FILE}: ${externals.length} types of ${Object.entries(versions).map(([n, v]) => `${n} ${v}`).join(' and ')}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
