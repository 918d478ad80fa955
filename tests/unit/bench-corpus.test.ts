/**
 * The bench's synthetic texts are new texts: they carry none of their templates' corrections, whose
 * earlier wordings content/corrections.yaml keeps under the real texts' names only (a provenance
 * correction of the Lavrov text once made every synthetic copy of it fail the bench's build).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '../helpers/site.ts';
import { makeCorpus, parseArticle } from '../../scripts/bench/corpus.ts';

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
});
