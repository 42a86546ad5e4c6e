/**
 * Templates for the cfn-lint step (`test:cfn-lint`): a bare CfnImageBuilder synthesized the two ways
 * tests do, and a check that test/setup/capture-templates.ts kept each template with its region.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as appstream from 'aws-cdk-lib/aws-appstream';
import { describe, expect, test } from 'vitest';
import { TEMPLATES_DIR, TemplateMeta } from '../setup/template-store';

function bareImageBuilder(stack: Stack): appstream.CfnImageBuilder {
  return new appstream.CfnImageBuilder(stack, 'Builder', {
    name: 'conformance-builder',
    instanceType: 'stream.standard.medium',
    imageName: 'AppStream-WinServer2022-06-17-2024',
  });
}

/** The sidecars of the kept templates, by stack name. */
function kept(): Map<string, TemplateMeta & { file: string }> {
  const found = new Map<string, TemplateMeta & { file: string }>();
  for (const name of fs.readdirSync(TEMPLATES_DIR).filter((n) => n.endsWith('.meta.json'))) {
    const meta: TemplateMeta = JSON.parse(fs.readFileSync(path.join(TEMPLATES_DIR, name), 'utf-8'));
    found.set(meta.stack, { ...meta, file: path.join(TEMPLATES_DIR, name.replace(/\.meta\.json$/, '.template.json')) });
  }
  return found;
}

describe('templates for cfn-lint', () => {
  test('Template.fromStack keeps a region-agnostic template', () => {
    const stack = new Stack(new App(), 'ConformanceAgnostic');
    bareImageBuilder(stack);
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::AppStream::ImageBuilder', 1);

    const meta = kept().get('ConformanceAgnostic');
    expect(meta).toBeDefined();
    expect(meta!.region).toBeUndefined();
    expect(meta!.test).toMatch(/^test\/conformance\/synth\.test\.ts > /);
    expect(JSON.parse(fs.readFileSync(meta!.file, 'utf-8'))).toEqual(template.toJSON());
  });

  test('app.synth() keeps a template with its concrete region', () => {
    const app = new App();
    bareImageBuilder(new Stack(app, 'ConformanceRegional', { env: { region: 'us-west-2' } }));
    app.synth();
    expect(kept().get('ConformanceRegional')?.region).toBe('us-west-2');
  });

  test('a template setting DisableIMDSV1 is kept as it is, for cfn-lint to lint where the property exists', () => {
    const stack = new Stack(new App(), 'ConformanceDisableImdsV1');
    // aws-cdk-lib's CfnImageBuilder has no disableImdsv1 yet: only some regions' schemas have it.
    bareImageBuilder(stack).addPropertyOverride('DisableIMDSV1', true);
    Template.fromStack(stack).hasResourceProperties('AWS::AppStream::ImageBuilder', { DisableIMDSV1: true });
    expect(kept().has('ConformanceDisableImdsV1')).toBe(true);
  });
});
