/**
 * vitest global setup: empties test-reports/templates before the run, so that `test:cfn-lint` lints the
 * templates of this run only (see capture-templates.ts).
 */
import * as fs from 'fs';
import { TEMPLATES_DIR } from './template-store';

export default function cleanTemplates(): void {
  fs.rmSync(TEMPLATES_DIR, { recursive: true, force: true });
}
