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
});
