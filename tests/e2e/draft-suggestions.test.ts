/**
 * The suggestions panel of a draft (src/components/DraftSuggestions.astro), where it lives: on the
 * draft's page in `npm run dev`, and nowhere else. Unlike the other browser tests this one drives
 * the dev server, since the panel exists only there (ArticlePage renders it when
 * `import.meta.env.DEV` and the article is a draft). One `astro dev` on a throw-away copy of the
 * site with the suggest fixture's draft (tests/fixtures/suggest/draft.mdx); about 12 s cold.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from '../helpers/dev-server.ts';
import { createFixtureSite, type FixtureSite } from '../helpers/fixture-site.ts';
import { ROOT } from '../helpers/site.ts';

const SLUG = 'missiles-for-minsk';

let site: FixtureSite;
let dev: DevServer;

/** The page at `path`, once the dev server answers (it compiles the edition on the first request). */
async function page(path: string): Promise<{ status: number; tree: Root }> {
  const { status, html } = await dev.page(path);
  return { status, tree: fromHtml(html) };
}

beforeAll(async () => {
  site = createFixtureSite();
  copyFileSync(join(ROOT, 'tests/fixtures/suggest/draft.mdx'), join(site.dir, `content/articles/${SLUG}.mdx`));
  copyFileSync(join(ROOT, 'tests/fixtures/suggest/missiles-for-minsk.txt'), join(site.dir, 'content/sources/missiles-for-minsk.txt'));
  dev = await startDevServer(site);
}, 120_000);

afterAll(() => {
  dev?.stop();
  site?.remove();
});

describe('the suggestions panel in npm run dev', () => {
  it('shows a draft the suggestions of npm run suggest, grouped with their counts, each with its place, a link to its paragraph and its fix', async () => {
    const { status, tree } = await page(`/articles/${SLUG}/`);
    expect(status, dev.log()).toBe(200);
    const panel = select('section.draft-suggestions', tree);
    expect(panel, 'no suggestions panel on the draft').toBeDefined();
    expect(toString(select('h2', panel!)!)).toBe('Suggestions for this draft');
    const groups = selectAll('.draft-suggestions__group > h3', panel!).map((h3) => toString(h3));
    expect(groups).toEqual([
      'Names close to a glossary term, not linked: 4',
      expect.stringMatching(/^Names with no glossary entry that other texts use too: \d+$/),
      expect.stringMatching(/^Notes of other texts to link \(same source or same words\): [1-9]\d*$/),
      'Paragraphs with figures, dates or quotations and no note: 1',
    ]);
    const items = selectAll('li', panel!);
    expect(toString(select('.draft-suggestions__counts', panel!)!)).toContain(`${items.length} in all`);

    // A real suggestion, as `npm run suggest -- missiles-for-minsk` prints it (tests/unit/suggest/cli.test.ts).
    const iskandar = items.find((li) => toString(li).includes('“Iskandar”'));
    expect(iskandar, 'the Iskandar suggestion').toBeDefined();
    expect(toString(select('.draft-suggestions__place', iskandar!)!)).toBe(`content/articles/${SLUG}.mdx:18:38`);
    expect(toString(select('p', iskandar!)!)).toBe('“Iskandar” is close to “Iskander” (term iskander) and is not linked.');
    expect(toString(select('.draft-suggestions__fix', iskandar!)!)).toMatch(/^Fix: write <Term id="iskander">Iskandar<\/Term> here/u);

    // Each link leads to its paragraph on the page.
    const ids = new Set(selectAll('[id]', tree).map((element) => String((element as Element).properties['id'])));
    const targets = selectAll('a[href^="#"]', panel!).map((a) => String(a.properties['href']).slice(1));
    expect(targets.length).toBeGreaterThanOrEqual(items.length - 2);
    expect(targets.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('shows no panel on a published text', async () => {
    const { status, tree } = await page('/articles/russian-bombers-fly-over-belarus/');
    expect(status).toBe(200);
    expect(select('section.draft-suggestions', tree)).toBeUndefined();
  });
});
