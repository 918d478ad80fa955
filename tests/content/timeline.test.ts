/**
 * The timeline as built: no page of it grows with the edition. The axis's pages list at most
 * TIMELINE_PAGE_EVENTS events (a longer year is cut into months, a longer month into pages), the
 * lists by text and by term at most TIMELINE_PER_PAGE; every event is listed on exactly one page of
 * the axis; and every id the timeline published on a year page is still an anchor there.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { DIST, ROOT, requireDist } from '../helpers/site.ts';
import { TIMELINE_PAGE_EVENTS, TIMELINE_PER_PAGE } from '../../src/lib/timeline.ts';

/** Every built page under timeline/, as its path (`timeline/2020-05/`). */
function timelinePages(): string[] {
  requireDist();
  return readdirSync(join(DIST, 'timeline'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('index.html'))
    .map((file) => `timeline/${file.replace(/index\.html$/, '')}`)
    .sort();
}

/** The events a page lists (not the pointers it keeps for events listed elsewhere). */
function listed(path: string): string[] {
  const tree = fromHtml(readFileSync(join(DIST, path, 'index.html'), 'utf8'));
  return selectAll('li.tl-event:not(.tl-event--moved)', tree).map((li) => String(li.properties['id'] ?? ''));
}

describe('the timeline as built', () => {
  const pages = timelinePages();
  const axis = pages.filter((path) => /^timeline\/\d{4}[^/]*\/$/.test(path));

  it('lists at most a fixed number of events on any page', () => {
    expect(axis.length).toBeGreaterThan(20);
    const over = pages.flatMap((path) => {
      const most = axis.includes(path) ? TIMELINE_PAGE_EVENTS : TIMELINE_PER_PAGE;
      const count = listed(path).length;
      return count > most ? [`${path}: ${count} events, more than ${most}`] : [];
    });
    expect(over).toEqual([]);
    // Nor more than a page's worth of texts or terms as filters (the overview shows the few with the most events).
    const filters = pages.flatMap((path) => {
      const count = selectAll('ul.tl-filter-list > li', fromHtml(readFileSync(join(DIST, path, 'index.html'), 'utf8'))).length;
      return count > 100 ? [`${path}: ${count} filters`] : [];
    });
    expect(filters).toEqual([]);
  });

  it('lists every event on exactly one page of the axis, and keeps every published id an anchor of the page it was published on', () => {
    const homes = new Map<string, string[]>();
    for (const path of axis) for (const id of listed(path)) homes.set(id, [...(homes.get(id) ?? []), path]);
    expect([...homes].filter(([, at]) => at.length !== 1)).toEqual([]);
    const ledger = readFileSync(join(ROOT, 'content/timeline/published.yaml'), 'utf8');
    const missing: string[] = [];
    const recorded = [...ledger.matchAll(/^([a-z0-9-]+): (\d{4}[a-z0-9-]*)$/gm)];
    expect(recorded.length).toBeGreaterThan(100);
    for (const [, id, page] of recorded) {
      const html = readFileSync(join(DIST, 'timeline', page!, 'index.html'), 'utf8');
      if (!html.includes(`id="${id}"`)) missing.push(`${page}#${id}`);
    }
    expect(missing).toEqual([]);
    // The year cut into months lists nothing itself: it is an index of months with the published anchors.
    expect(listed('timeline/2020/')).toEqual([]);
    expect(homes.get('courbet-incident')).toEqual(['timeline/2020-06/']);
  });

  it('keeps one pointer for an event, however many ids published on the page now lead to it', () => {
    // Two glossary dates joined into one event were two identical lines among the pointers.
    for (const path of axis) {
      const tree = fromHtml(readFileSync(join(DIST, path, 'index.html'), 'utf8'));
      const targets = selectAll('li.tl-event--moved a', tree).map((a) => String(a.properties['href'] ?? '')).filter((href) => href.includes('#'));
      expect(targets.filter((href, index) => targets.indexOf(href) !== index), path).toEqual([]);
    }
    const year = readFileSync(join(DIST, 'timeline/2020/index.html'), 'utf8');
    for (const id of ['term-belarus-2020-election-2020-08-14', 'term-tsikhanouskaya-2020-08-14']) expect(year).toContain(`id="${id}"`);
  });

  it('quotes a piece of a compilation under its own outlet, then the text that reposts it, and indexes both, as search shows the line', () => {
    const tree = fromHtml(readFileSync(join(DIST, 'timeline/2020-07/index.html'), 'utf8'));
    const piece = selectAll('li.tl-event--text', tree).find((li) => String(li.properties['id']).includes('nato-puts-defence-plan-poland'))!;
    const label = selectAll('.tl-event__label', piece)[0]!;
    const text = (node: typeof label): string => ('value' in node ? String(node.value) : 'children' in node ? (node.children as (typeof label)[]).map(text).join('') : '');
    expect(text(label).replace(/\s+/g, ' ').trim()).toBe('“NATO puts defence plan for Poland, Baltics into action, officials say” — Reuters in “Lavrov speaks out against NATO at UN” — Cassiopaea forum (dateline “July 2, 2020 -”)');
    // Nothing of the label is kept out of the index: search shows the line as it reads it.
    expect(selectAll('[data-pagefind-ignore]', label)).toEqual([]);
    // A text whose first heading is its title is not said to be “in” itself.
    const year = fromHtml(readFileSync(join(DIST, 'timeline/2022/index.html'), 'utf8'));
    const own = selectAll('li.tl-event--text', year).find((li) => String(li.properties['id']).startsWith('text-russia-new-steps-western-border-'))!;
    expect(text(selectAll('.tl-event__label', own)[0]!).replace(/\s+/g, ' ').trim()).toBe('“Russia Takes New Steps To Secures Its Western Border” — Moon of Alabama');
  });
});
