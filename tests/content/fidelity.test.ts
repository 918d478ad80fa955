/**
 * Fidelity: each built article page says every sentence of its raw source, but for the furniture its
 * front matter records as removed, and says nothing that is not in the source.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT, builtPage, requireDist } from '../helpers/site.ts';
import { normalise, sentences, sourceBlocks } from '../helpers/article-text.ts';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';

interface Frontmatter {
  draft?: boolean;
  copy: { source: string };
  removed?: { rule: string; occurrences: { lines: string; text: string }[] }[];
}

const articles = readdirSync(join(ROOT, 'content/articles'))
  .filter((name) => name.endsWith('.mdx'))
  .map((name) => {
    const mdx = readFileSync(join(ROOT, 'content/articles', name), 'utf8');
    const frontmatter = parseYaml(mdx.slice(4, mdx.indexOf('\n---\n', 4))) as Frontmatter;
    return { slug: name.replace(/\.mdx$/, ''), frontmatter };
  })
  .filter(({ frontmatter }) => !frontmatter.draft);

describe('fidelity of the built articles to their raw sources', () => {
  requireDist();

  it('publishes the five texts', () => {
    expect(articles).toHaveLength(5);
  });

  for (const { slug, frontmatter } of articles) {
    describe(slug, () => {
      const raw = readFileSync(join(ROOT, 'content/sources', frontmatter.copy.source), 'utf8').replace(/\r\n?/g, '\n');
      const occurrences = (frontmatter.removed ?? []).flatMap((removal) => removal.occurrences.map((o) => ({ rule: removal.rule, ...o })));
      const blocks = sourceBlocks(builtPage(`articles/${slug}/`)).map(normalise);
      const page = blocks.join('\n');

      let kept = raw;
      for (const occurrence of occurrences) {
        kept = kept.replace(occurrence.text, '\n');
      }
      const keptNormalised = normalise(kept);

      it('records removals that are really in the raw text', () => {
        for (const occurrence of occurrences) expect(raw, `removal ${occurrence.rule} (lines ${occurrence.lines})`).toContain(occurrence.text);
      });

      it('shows every sentence of the raw text that was not removed', () => {
        // Line by line, then sentence by sentence: a line of a hard-wrapped text is a piece of a
        // sentence, and a piece must be in the page as much as a whole sentence.
        const missing = kept
          .replace(/(\p{L})-[ \t]*\n\s*(?=\p{L})/gu, '$1-')
          .split('\n')
          .flatMap((line) => sentences(normalise(line)))
          .filter((sentence) => !page.includes(sentence));
        expect(missing).toEqual([]);
      });

      it('shows none of the removed furniture', () => {
        const shown = occurrences
          .flatMap((o) => o.text.split('\n').map(normalise).filter(Boolean))
          .filter((line) => blocks.some((block) => block.includes(line)));
        expect(shown).toEqual([]);
      });

      it('adds no words to the text: each block is in the raw text', () => {
        expect(blocks.length).toBeGreaterThan(5);
        expect(blocks.filter((block) => !keptNormalised.includes(block))).toEqual([]);
      });
    });
  }
});

describe('passage anchors on the built pages', () => {
  for (const { slug } of articles) {
    it(`gives every paragraph and heading of ${slug} a unique id with a link to it`, () => {
      const tree = fromHtml(builtPage(`articles/${slug}/`));
      const text = select('[data-article-text]', tree)!;
      // Blocks of source text: paragraphs and headings, but not the apparatus among them (notes, citations, section lines).
      const apparatus = new Set(selectAll('aside *, [data-apparatus], [data-apparatus] *, .preview *', text));
      const blocks = selectAll('p, h2, h3', text).filter((block) => !apparatus.has(block));
      const ids = blocks.map((block) => block.properties['id']);
      expect(ids.length).toBeGreaterThan(10);
      expect(ids.filter((id) => typeof id !== 'string')).toEqual([]);
      expect(new Set(ids).size).toBe(ids.length);
      const links = new Set(selectAll('a.passage-link', text).map((a) => a.properties['href']));
      for (const id of ids) expect(links.has(`#${id}`), String(id)).toBe(true);
    });
  }
});
