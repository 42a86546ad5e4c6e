/**
 * Where the unit tests leave the templates they synthesize (capture-templates.ts) for the cfn-lint step
 * (scripts/cfn-lint-templates.ts): `<hash>.template.json`, each with a sidecar `<hash>.meta.json`.
 */
import * as path from 'path';

export const TEMPLATES_DIR = path.join(__dirname, '..', '..', 'test-reports', 'templates');

/** What a sidecar holds. */
export interface TemplateMeta {
  /** The stack's display name. */
  readonly stack: string;
  /** The stack's region, when it names a concrete one. */
  readonly region?: string;
  /** The test that synthesized the template first. */
  readonly test?: string;
}
