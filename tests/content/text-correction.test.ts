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
/** A paragraph the better copy leaves out, its address aliased to the one before it. */
const LEFT = 'want-show-people-kharkiv-ready';
const LEADS_TO = 'russian-troop-deployment-belarus-raised';

describe('a text corrected with a better copy', () => {
  let site: FixtureSite;
  let build: { code: number; output: string };
  let published: string;
  let leftOut: string;
  beforeAll(() => {
    site = createFixtureSite();
    const source = readFileSync(join(site.dir, ARTICLE), 'utf8');
    const wordsOf = (id: string) => source.split('\n').find((line) => line.endsWith(` ^${id}`))!.replace(` ^${id}`, '');
    published = wordsOf(ID);
    leftOut = wordsOf(LEFT);
    const earlier = wordingInSource(`provenance:${SLUG}`, source)!.wording;
    const reword = (text: string) => text.replace('As war fears mounted, Ukrainian', 'As war fears grew, Ukrainian');
    site.edit(RAW, (text) => reword(text).replace(`${leftOut}\n`, ''));
    // The paragraph left out: its claim goes with it, its address leads on.
    site.edit(`content/claims/${SLUG}.yaml`, (text) => text.replace(/- id: galashko-quotation\n(?: {2}.*\n)+/, ''));
    site.edit('content/anchors.yaml', (text) => text.replace(`aliases:\n  ${SLUG}:\n`, `aliases:\n  ${SLUG}:\n    ${LEFT}: ${LEADS_TO}\n`));
    site.edit(ARTICLE, (text) =>
      reword(text)
        .replace(`${leftOut} ^${LEFT}\n\n`, '')
        .replace(/^sections: \[\]$/m, 'sections: []\nupdated: 2026-12-07\nchange: A better copy of the report replaced the one received.')
        .replace('The order is kept as received.', 'The order is kept as received. The copy was replaced by a better one.'),
    );
    // The record `npm run correction -- provenance:<slug> --append` writes (its own test: correction-script.test.ts).
    site.edit('content/corrections.yaml', (text) => `${text}- item: provenance:${SLUG}\n  date: 2026-12-07\n  before: |\n${earlier.split('\n').map((line) => (line ? `    ${line}` : '')).join('\n')}\n  paragraphs:\n    ${ID}: |\n      ${published}\n    ${LEFT}: |\n      ${leftOut}\n`);
    build = site.astro('build');
  }, 300_000);
  afterAll(() => site?.remove());

  const page = (path: string) => fromHtml(readFileSync(join(site.dir, 'dist', path), 'utf8'));

  it('shows on the correction’s page the paragraph the copy changed, linked, its words before and after', () => {
    expect(build.code, build.output.slice(-3000)).toBe(0);
    const tree = page(`corrections/2026/provenance-${SLUG}-2026-12-07/index.html`);
    const text = select('figure.correction__text', tree);
    expect(text, 'the figure of the text’s changed paragraphs').toBeDefined();
    expect(selectAll('a', text!).map((link) => link.properties['href'])).toEqual([`/articles/${SLUG}/#${ID}`, `/articles/${SLUG}/#${LEFT}`]);
    expect(toString(select('del', text!)!)).toContain('mounted');
    expect(toString(select('ins', text!)!)).toContain('grew');
    // The paragraph left out: named so, where its address leads, its words all struck through.
    const [, left] = selectAll('div.diff', text!);
    expect(toString(select('.correction__paragraph', left!)!)).toBe(`Paragraph #${LEFT}, left out (its address now leads to #${LEADS_TO})`);
    expect(selectAll('del', left!).map((del) => toString(del)).join('')).toContain(leftOut);
    expect(select('ins', left!)).toBeUndefined();
    expect(toString(select('figcaption', text!)!)).toBe("The text's words the better copy changed or left out");
    // The provenance's own difference is there too.
    expect(toString(select('figure.correction__diff:not(.correction__text)', tree)!)).toContain('The copy was replaced by a better one.');
  });

  it('says on the year’s list and in the feed that the text’s words changed', () => {
    // The year's pages, the first and any further ones (corrections/2026/page/2/, …).
    const further = join(site.dir, 'dist/corrections/2026/page');
    const year = ['', ...(existsSync(further) ? readdirSync(further).map((n) => `page/${n}/`) : [])].map((path) => readFileSync(join(site.dir, `dist/corrections/2026/${path}index.html`), 'utf8')).join('\n');
    expect(year).toContain('The wording before and after, and the 2 paragraphs of the text the better copy changed or left out');
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
