/**
 * A text corrected with a better copy (issue 19, corrections in the open): its provenance says so,
 * and the correction's record keeps the words each changed paragraph was published with. The
 * correction's page, the year's list and the feed show them; the article links to the correction.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { select, selectAll } from 'hast-util-select';
import { createFixtureSite, type FixtureSite } from '../helpers/fixture-site.ts';
import { wordingInSource } from '../../src/compiler/check-corrections.ts';

const SLUG = 'russian-bombers-fly-over-belarus';
const ARTICLE = `content/articles/${SLUG}.mdx`;
const RAW = 'content/sources/004_46ac758a32718590.txt';
const ID = 'war-fears-mounted-ukrainian-authorities';

describe('a text corrected with a better copy', () => {
  let site: FixtureSite;
  let build: { code: number; output: string };
  let published: string;
  beforeAll(() => {
    site = createFixtureSite();
    const source = readFileSync(join(site.dir, ARTICLE), 'utf8');
    published = source.split('\n').find((line) => line.endsWith(` ^${ID}`))!.replace(` ^${ID}`, '');
    const earlier = wordingInSource(`provenance:${SLUG}`, source)!.wording;
    const reword = (text: string) => text.replace('As war fears mounted, Ukrainian', 'As war fears grew, Ukrainian');
    site.edit(RAW, reword);
    site.edit(ARTICLE, (text) =>
      reword(text)
        .replace(/^sections: \[\]$/m, 'sections: []\nupdated: 2026-12-07\nchange: A better copy of the report replaced the one received.')
        .replace('The order is kept as received.', 'The order is kept as received. The copy was replaced by a better one.'),
    );
    // The record `npm run correction -- provenance:<slug> --append` writes (its own test: correction-script.test.ts).
    site.edit('content/corrections.yaml', (text) => `${text}- item: provenance:${SLUG}\n  date: 2026-12-07\n  before: |\n${earlier.split('\n').map((line) => (line ? `    ${line}` : '')).join('\n')}\n  paragraphs:\n    ${ID}: |\n      ${published}\n`);
    build = site.astro('build');
  }, 300_000);
  afterAll(() => site?.remove());

  const page = (path: string) => fromHtml(readFileSync(join(site.dir, 'dist', path), 'utf8'));

  it('shows on the correction’s page the paragraph the copy changed, linked, its words before and after', () => {
    expect(build.code, build.output.slice(-3000)).toBe(0);
    const tree = page(`corrections/2026/provenance-${SLUG}-2026-12-07/index.html`);
    const text = select('figure.correction__text', tree);
    expect(text, 'the figure of the text’s changed paragraphs').toBeDefined();
    expect(selectAll('a', text!).map((link) => link.properties['href'])).toEqual([`/articles/${SLUG}/#${ID}`]);
    expect(toString(select('del', text!)!)).toContain('mounted');
    expect(toString(select('ins', text!)!)).toContain('grew');
    // The provenance's own difference is there too.
    expect(toString(select('figure.correction__diff:not(.correction__text)', tree)!)).toContain('The copy was replaced by a better one.');
  });

  it('says on the year’s list and in the feed that the text’s words changed', () => {
    // The year's pages, the first and any further ones (corrections/2026/page/2/, …).
    const further = join(site.dir, 'dist/corrections/2026/page');
    const year = ['', ...(existsSync(further) ? readdirSync(further).map((n) => `page/${n}/`) : [])].map((path) => readFileSync(join(site.dir, `dist/corrections/2026/${path}index.html`), 'utf8')).join('\n');
    expect(year).toContain('The wording before and after, and the paragraph of the text the better copy changed');
    const feed = readFileSync(join(site.dir, 'dist/corrections.xml'), 'utf8');
    expect(feed).toContain(`Paragraph #${ID}`);
    expect(feed).toContain('&lt;ins&gt;grew&lt;/ins&gt;');
  });

  it('links the article’s provenance to the correction', () => {
    const article = page(`articles/${SLUG}/index.html`);
    const links = selectAll('a', article).map((link) => String(link.properties['href']));
    expect(links.some((href) => href.includes(`provenance-${SLUG}-2026-12-07`))).toBe(true);
  });
});
