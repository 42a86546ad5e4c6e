import { awscdk } from 'projen';

/**
 * The image agent (agent/, Go): `test:agent` builds it for windows/amd64 and linux/amd64 and runs its
 * tests against moto_server on loopback. It needs Go, so it stays out of `npm run build` (CI runs it
 * after test:languages); the binaries are build output, not committed, and not in the npm package.
 */
export function configureAgent(project: awscdk.AwsCdkConstructLibrary): void {
  project.addTask('test:agent', {
    description: 'Build the image agent for Windows and Linux (agent/bin/) and run its Go tests against moto_server on 127.0.0.1',
    exec: 'bash scripts/test-agent.sh',
    receiveArgs: true,
  });
  project.gitignore.exclude('/agent/bin/');
  project.npmignore?.exclude('/agent/');
}
