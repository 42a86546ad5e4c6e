/**
 * The example app: `npm run example` synthesizes it into examples/cdk.out and prints where the
 * template is and which AppStream resources it holds.
 */
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import * as appstream from 'aws-cdk-lib/aws-appstream';
import { InstanceType } from '../lib';

const outdir = path.join(__dirname, 'cdk.out');
const app = new App({ outdir });
const stack = new Stack(app, 'AppStreamExample', { env: { account: '111111111111', region: 'us-east-1' } });

new appstream.CfnImageBuilder(stack, 'Builder', {
  name: 'example-builder',
  instanceType: InstanceType.STANDARD_MEDIUM.name,
  imageName: 'AppStream-WinServer2022-06-17-2024',
});

const assembly = app.synth();
for (const artifact of assembly.stacks) {
  const templatePath = path.join(assembly.directory, artifact.templateFile);
  const resources = Object.entries<{ Type: string }>(artifact.template.Resources ?? {});
  const appstreamResources = resources.filter(([, r]) => r.Type.startsWith('AWS::AppStream::'));
  console.log(`Stack ${artifact.stackName}: template written to ${path.relative(process.cwd(), templatePath)}`);
  console.log(`  ${resources.length} resources, ${appstreamResources.length} AppStream:`);
  for (const [logicalId, r] of appstreamResources) {
    console.log(`  - ${logicalId} (${r.Type})`);
  }
}
