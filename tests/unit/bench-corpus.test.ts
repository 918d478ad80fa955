/**
 * The bench's synthetic texts are new texts: they carry none of their templates' corrections, whose
 * earlier wordings content/corrections.yaml keeps under the real texts' names only (a provenance
 * correction of the Lavrov text once made every synthetic copy of it fail the bench's build).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkImportRules } from '../../src/compiler/check.ts';
import type { ArticleFacts } from '../../src/compiler/model.ts';
import { parse } from 'yaml';
import { ROOT } from '../helpers/site.ts';
import { makeCorpus, parseArticle } from '../../scripts/bench/corpus.ts';
import { keepRules } from '../../scripts/bench/sites.ts';

describe('the bench corpus', () => {
  it('gives its texts no correction of their templates, neither of a note nor of the provenance', () => {
    const dir = join(ROOT, 'content/articles');
    const edition = readdirSync(dir).filter((name) => name.endsWith('.mdx')).map((name) => parseArticle(name.slice(0, -4), readFileSync(join(dir, name), 'utf8')));
    // The templates do carry corrections: what the corpus must leave out is there to leave.
    expect(edition.some((article) => 'updated' in article.frontmatter)).toBe(true);
    for (const text of makeCorpus(edition, 10)) {
      const front = parse(text.mdx.split(/^---$/m)[1]!) as Record<string, unknown>;
      expect(Object.keys(front), text.slug).not.toContain('updated');
      expect(Object.keys(front), text.slug).not.toContain('change');
      expect(text.mdx, text.slug).not.toMatch(/<Note [^>]*updated=/);
    }
  });

  const scratch = mkdtempSync(join(tmpdir(), 'borderlines-bench-corpus-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('keeps its template’s rules as each text’s own, so that the removals it copies name rules that exist', () => {
    const dir = join(ROOT, 'content/articles');
    const edition = readdirSync(dir).filter((name) => name.endsWith('.mdx')).map((name) => parseArticle(name.slice(0, -4), readFileSync(join(dir, name), 'utf8')));
    const corpus = makeCorpus(edition, 10);
    // As scripts/bench/sites.ts writes them: the shared rules, and each text's copy of its template's.
    mkdirSync(join(scratch, 'content/import-rules'), { recursive: true });
    copyFileSync(join(ROOT, 'content/import-rules/shared.yaml'), join(scratch, 'content/import-rules/shared.yaml'));
    for (const text of corpus) keepRules(scratch, text);
    const facts = corpus.map((text) => ({ file: `content/articles/${text.slug}.mdx`, frontmatter: parse(text.mdx.split(/^---$/m)[1]!) as Record<string, unknown> }) as unknown as ArticleFacts);
    expect(facts.some((article) => ((article.frontmatter as { removed?: unknown[] }).removed ?? []).length > 0)).toBe(true);
    expect(checkImportRules(scratch, facts, () => '').map((problem) => `${problem.file}: ${problem.reason}`)).toEqual([]);
  });
});
