/**
 * Importer fixtures: tests/fixtures/importer/<case>/{input.txt, rules.yaml?} → output.mdx. A case
 * with an existing.mdx is a re-import: output.mdx is the fresh import merged into existing.mdx.
 * Regenerate the expected outputs with `UPDATE=1 npx vitest run --project unit`, then read the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, importText, mergeImport, parseRules } from '../../../src/lib/importer/index.ts';
import { ROOT } from '../../helpers/site.ts';

const FIXTURES = join(ROOT, 'tests/fixtures/importer');
const update = process.env['UPDATE'] === '1';

describe('importer fixtures', () => {
  for (const name of readdirSync(FIXTURES).sort()) {
    it(`imports ${name} as expected`, () => {
      const dir = join(FIXTURES, name);
      const rulesPath = join(dir, 'rules.yaml');
      const rules = existsSync(rulesPath) ? parseRules(readFileSync(rulesPath, 'utf8'), `fixtures/${name}/rules.yaml`, true) : undefined;
      const result = importText(readFileSync(join(dir, 'input.txt'), 'utf8'), {
        sourceFile: `${name}.txt`,
        ...(rules ? { rules } : {}),
      });
      let mdx = result.mdx;
      const existingPath = join(dir, 'existing.mdx');
      if (existsSync(existingPath)) {
        const merged = mergeImport(readFileSync(existingPath, 'utf8'), result, { file: `fixtures/${name}/existing.mdx` });
        if (!merged.ok) throw new Error(merged.problems.map(formatProblem).join('\n'));
        mdx = merged.mdx;
      }
      const expectedPath = join(dir, 'output.mdx');
      if (update || !existsSync(expectedPath)) writeFileSync(expectedPath, mdx);
      expect(mdx).toBe(readFileSync(expectedPath, 'utf8'));
    });
  }
});
