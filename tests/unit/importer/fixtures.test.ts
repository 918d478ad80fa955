/**
 * Importer fixtures: tests/fixtures/importer/<case>/{input.txt, rules.yaml?} → output.mdx.
 * Regenerate the expected outputs with `UPDATE=1 npx vitest run --project unit`, then read the diff.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText, parseRules } from '../../../src/lib/importer/index.ts';
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
      const expectedPath = join(dir, 'output.mdx');
      if (update || !existsSync(expectedPath)) writeFileSync(expectedPath, result.mdx);
      expect(result.mdx).toBe(readFileSync(expectedPath, 'utf8'));
    });
  }
});
