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
import { unified } from 'unified';
import { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';
import { parseMdx } from '../../../src/compiler/parse.ts';
import { fidelityProblems } from '../../../src/compiler/fidelity.ts';
import { remarkPassageAnchors } from '../../../src/plugins/remark-passage-anchors.ts';
import { formatProblem as formatContentProblem } from '../../../src/compiler/problems.ts';

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

  // What the importer writes is what the build's fidelity check accepts: the check refuses a hand
  // edit, never the importer's own escaping, rejoined lines or removed furniture.
  for (const name of readdirSync(FIXTURES).sort()) {
    it(`writes ${name} as the fidelity check reads its source`, () => {
      const dir = join(FIXTURES, name);
      const mdx = readFileSync(join(dir, 'output.mdx'), 'utf8');
      const { frontmatter, tree } = parseMdx(mdx);
      const data = parseYaml(frontmatter) as { copy: { source: string }; titleAsReceived?: string; headerAsReceived?: string[]; removed?: { rule: string; occurrences: { lines: string; text: string }[] }[] };
      const file = new VFile({ path: join(ROOT, `content/articles/${name}.mdx`), value: mdx });
      unified().use(remarkPassageAnchors).runSync(tree, file);
      const problems = fidelityProblems({
        file: `content/articles/${name}.mdx`,
        sourceFile: `content/sources/${data.copy.source}`,
        raw: readFileSync(join(dir, 'input.txt'), 'utf8'),
        removed: (data.removed ?? []).flatMap((removal) => removal.occurrences.map((occurrence) => ({ rule: removal.rule, ...occurrence }))),
        received: [data.titleAsReceived ?? '', ...(data.headerAsReceived ?? [])],
        passages: file.data.passages ?? [],
      });
      expect(problems.map(formatContentProblem)).toEqual([]);
      expect(file.data.passages?.length).toBeGreaterThan(0);
    });
  }
});
