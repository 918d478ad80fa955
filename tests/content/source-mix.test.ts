/**
 * The About page's account of what the apparatus cites is the count of the sources the built
 * pages list: every note's sources on the article pages and every glossary entry's, each classed by
 * content/source-categories.yaml.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { builtArticleSlugs, builtPage, DIST, ROOT } from '../helpers/site.ts';
import { loadSourceCategories, sourceMixOf } from '../../src/lib/apparatus-report.ts';
import { mixInWords } from '../../src/lib/source-mix.ts';

/** The addresses linked from the lists that open with `open` in `html`. */
function listed(html: string, open: RegExp): string[] {
  const urls: string[] = [];
  for (const match of html.matchAll(new RegExp(`${open.source}[\\s\\S]*?</ul>`, 'g'))) {
    for (const link of match[0].matchAll(/<li><a href="([^"]+)"/g)) urls.push(link[1]!.replaceAll('&#x26;', '&').replaceAll('&amp;', '&'));
  }
  return urls;
}

describe('the About page states the mix of sources the pages cite', () => {
  it('counts every source of the notes and the glossary as the pages list them, by kind', () => {
    const notes = builtArticleSlugs().flatMap((slug) => listed(builtPage(`articles/${slug}/`), /<details class="note__sources"/));
    const terms = readdirSync(join(DIST, 'glossary'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .flatMap((entry) => listed(builtPage(`glossary/${entry.name}/`), /<ul class="term-sources">/));
    expect(notes.length).toBeGreaterThan(200);
    expect(terms.length).toBeGreaterThan(100);
    const { table, problems } = loadSourceCategories(ROOT);
    expect(problems).toEqual([]);
    const mix = sourceMixOf([...notes, ...terms], table);
    const about = builtPage('about/').match(/<p id="source-mix">([\s\S]*?)<\/p>/)?.[1] ?? '';
    expect(about).toContain(`its notes and glossary cite ${mix.total.toLocaleString('en-GB')} sources: ${mixInWords(mix)}.`);
  });
});
