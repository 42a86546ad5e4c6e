import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Size, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import { describe, expect, test } from 'vitest';
import { AccessEndpoint, AgentVersion, DirectoryConfig, Image, ImageBuilder, ImageBuilderProps, InstanceType } from '../../lib';

/** An app with a VPC and two builders, one of them with everything on (and a role, through a grant); `extra` changes props that should not replace anything. */
function buildApp(outdir: string, extra: Partial<ImageBuilderProps> = {}): App {
  const app = new App({ outdir });
  const stack = new Stack(app, 'Determinism', { env: { account: '111111111111', region: 'eu-west-2' } });
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2 });
  new ImageBuilder(stack, 'Minimal', { image: Image.fromName('Base'), instanceType: InstanceType.STANDARD_SMALL, ...extra });
  const full = new ImageBuilder(stack, 'Full', {
    image: Image.fromArn('arn:aws:appstream:eu-west-2::image/Base'),
    instanceType: InstanceType.COMPUTE_LARGE,
    vpc,
    domainJoin: { directory: DirectoryConfig.fromDirectoryName(stack, 'Dir', 'corp.example.com'), organizationalUnitDistinguishedName: 'OU=A,DC=corp,DC=example,DC=com' },
    accessEndpoints: [AccessEndpoint.fromVpceId('vpce-0123456789abcdef0')],
    rootVolumeSize: Size.gibibytes(256),
    tags: { b: '2', a: '1' },
    ...extra,
  });
  full.role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonS3ReadOnlyAccess'));
  return app;
}

function templatesOf(dir: string): Map<string, Buffer> {
  return new Map(fs.readdirSync(dir).filter((f) => f.endsWith('.template.json')).map((f) => [f, fs.readFileSync(path.join(dir, f))]));
}

function logicalIds(app: App): Record<string, string> {
  const template = app.synth().getStackByName('Determinism').template;
  const out: Record<string, string> = {};
  for (const [id, r] of Object.entries<any>(template.Resources)) {
    if (['AWS::AppStream::ImageBuilder', 'AWS::IAM::Role', 'AWS::EC2::SecurityGroup'].includes(r.Type)) {
      out[id] = r.Type === 'AWS::AppStream::ImageBuilder' ? `${r.Type} ${r.Properties.Name}` : r.Type;
    }
  }
  return out;
}

describe('determinism', () => {
  test('the same app synthesized twice gives byte-identical templates', () => {
    const [a, b] = [0, 1].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-appstream-det-')));
    buildApp(a).synth();
    buildApp(b).synth();
    const first = templatesOf(a);
    const second = templatesOf(b);
    expect([...first.keys()]).toEqual(['Determinism.template.json']);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [name, bytes] of first) {
      expect(second.get(name)!.equals(bytes)).toBe(true);
    }
  });

  test('unrelated props leave the logical ids and names of builders, roles and security groups alone', () => {
    const before = logicalIds(buildApp(fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-appstream-det-'))));
    const after = logicalIds(buildApp(fs.mkdtempSync(path.join(os.tmpdir(), 'cdk-appstream-det-')), {
      displayName: 'Renamed for display',
      description: 'A new description',
      agentVersion: AgentVersion.LATEST,
      tags: { owner: 'someone-else' },
      requireImdsv2: true,
    }));
    expect(Object.keys(before).length).toBe(4); // 2 builders, 1 role (of the builder granted something), 1 security group
    expect(after).toEqual(before);
  });
});
