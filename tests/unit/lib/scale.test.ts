/**
 * The pieces that keep pages small and builds linear as the edition grows: pagination of long
 * lists, and the inverted index behind "Related in this edition".
 */
import { describe, expect, it } from 'vitest';
import { movedPages, pageAddress, paginate, paginateByWeight, planSpans } from '../../../src/lib/paginate.ts';
import { pageOf, termLists } from '../../../src/data/term-page.ts';
import type { Edition } from '../../../src/data/edition.ts';
import { relatedIndex, type TermSet } from '../../../src/lib/related.ts';

describe('paginate', () => {
  it('splits a list into full pages and a last, shorter one, every item once and in order', () => {
    const items = Array.from({ length: 123 }, (_, index) => index);
    const pages = paginate(items, 50);
    expect(pages.map((page) => page.items.length)).toEqual([50, 50, 23]);
    expect(pages.flatMap((page) => page.items)).toEqual(items);
    expect(pages.map(({ number, count, start, total }) => ({ number, count, start, total }))).toEqual([
      { number: 1, count: 3, start: 0, total: 123 },
      { number: 2, count: 3, start: 50, total: 123 },
      { number: 3, count: 3, start: 100, total: 123 },
    ]);
  });

  it('gives an empty list one empty page, and an exact multiple no empty last page', () => {
    expect(paginate([], 50)).toEqual([{ number: 1, count: 1, items: [], start: 0, total: 0 }]);
    expect(paginate(Array.from({ length: 100 }), 50)).toHaveLength(2);
  });

  it('puts page 1 at the list’s own address and page n under it', () => {
    expect(pageAddress('/glossary/nato/', 1)).toBe('/glossary/nato/');
    expect(pageAddress('/glossary/nato/', 3)).toBe('/glossary/nato/3/');
  });

  it('keeps every page of a renamed text’s list at the old address, each sending readers to the same page at the new one', () => {
    const lists: Record<string, number[]> = { new: [1, 2, 3, 4, 5], other: [1] };
    expect(movedPages([['old', 'new'], ['gone', 'other']], (slug) => lists[slug]!, 2, (slug) => `/timeline/text/${slug}/`)).toEqual([
      { old: 'old', page: undefined, movedTo: '/timeline/text/new/' },
      { old: 'old', page: '2', movedTo: '/timeline/text/new/2/' },
      { old: 'old', page: '3', movedTo: '/timeline/text/new/3/' },
      { old: 'gone', page: undefined, movedTo: '/timeline/text/other/' },
    ]);
  });
});

describe('paginateByWeight', () => {
  const weighed = (weights: number[], budget: number, size = 50) => paginateByWeight(weights, (weight) => weight, budget, size);

  it('fills a page up to the budget, never splits an item, and keeps every item once and in order', () => {
    const weights = [3, 3, 5, 1, 2, 6, 4];
    const pages = weighed(weights, 6);
    expect(pages.map((page) => page.items)).toEqual([[3, 3], [5, 1], [2], [6], [4]]);
    expect(pages.flatMap((page) => page.items)).toEqual(weights);
    expect(pages.map(({ number, count, start, total }) => [number, count, start, total])).toEqual([
      [1, 5, 0, 7],
      [2, 5, 2, 7],
      [3, 5, 4, 7],
      [4, 5, 5, 7],
      [5, 5, 6, 7],
    ]);
  });

  it('gives an item heavier than the budget a page of its own, and caps the items of a page', () => {
    expect(weighed([1, 40, 1], 10).map((page) => page.items)).toEqual([[1], [40], [1]]);
    expect(weighed([1, 1, 1, 1, 1], 100, 2).map((page) => page.items)).toEqual([[1, 1], [1, 1], [1]]);
  });

  it('gives an empty list one empty page', () => {
    expect(weighed([], 10)).toEqual([{ number: 1, count: 1, items: [], start: 0, total: 0 }]);
  });
});

describe('termLists', () => {
  // A term that occurs in 60 texts, 10 times in each, and that 3 notes concern.
  const groups = Array.from({ length: 60 }, (_, index) => ({ article: { id: `t${index}` }, mentions: Array.from({ length: 10 }), passages: [] }));
  const notes = Array.from({ length: 3 }, (_, index) => ({ article: { id: `t${index}` }, note: { id: `n${index}` } }));
  const edition = { mentionsByTerm: new Map([['nato', groups]]), notesByTerm: new Map([['nato', notes]]) } as unknown as Edition;

  it('cuts the places by their number, a text whole, and counts the pages of the longer list', () => {
    const lists = termLists(edition, 'nato');
    // 250 places a page: 25 texts of 10.
    expect(lists.places.map((page) => page.items.length)).toEqual([25, 25, 10]);
    expect(lists.notes.map((page) => page.items.length)).toEqual([3]);
    expect(lists.count).toBe(3);
    expect(pageOf(lists.notes, 2)).toEqual({ number: 2, count: 1, items: [], start: 3, total: 3 });
    expect(termLists(edition, 'nato')).toBe(lists);
  });

  it('gives a term that occurs nowhere one page', () => {
    expect(termLists(edition, 'unknown').count).toBe(1);
  });
});

describe('planSpans', () => {
  it('plans the same pages as paginating the groups laid end to end, from their sizes alone', () => {
    const groups = [['a', 3], ['b', 5], ['c', 0], ['d', 4]] as const;
    const laid = groups.flatMap(([group, length]) => Array.from({ length }, (_, index) => `${group}${index}`));
    const planned = planSpans(groups, 4);
    const expected = paginate(laid, 4);
    expect(planned.map(({ items, ...page }) => page)).toEqual(expected.map(({ items, ...page }) => page));
    const made = planned.map((page) => page.items.flatMap(({ group, from, to }) => Array.from({ length: to - from }, (_, index) => `${group}${from + index}`)));
    expect(made).toEqual(expected.map((page) => page.items));
    expect(planned.map((page) => page.items)).toEqual([
      [{ group: 'a', from: 0, to: 3 }, { group: 'b', from: 0, to: 1 }],
      [{ group: 'b', from: 1, to: 5 }],
      [{ group: 'd', from: 0, to: 4 }],
    ]);
  });

  it('gives one empty page when there is nothing', () => {
    expect(planSpans([['a', 0]], 4)).toEqual([{ number: 1, count: 1, items: [], start: 0, total: 0 }]);
  });
});

describe('relatedIndex', () => {
  const set = (id: string, ...terms: string[]): TermSet => ({ id, terms: new Set(terms) });

  it('ranks by shared rare terms, ignores terms every text has, and never lists the text itself', () => {
    const related = relatedIndex([set('a', 'nato', 'iskander', 'open-skies'), set('b', 'nato', 'iskander'), set('c', 'nato', 'open-skies', 'iskander'), set('d', 'nato')]);
    expect(related('a').map((r) => r.id)).toEqual(['c', 'b']);
    // Shared terms, rarest first; NATO, which every text mentions, is listed but weighs nothing.
    expect(related('a')[0]!.shared).toEqual(['open-skies', 'iskander', 'nato']);
    expect(related('d')).toEqual([]);
    expect(related('unknown')).toEqual([]);
  });

  it('breaks ties by the number of shared terms, then by id, and honours the limit', () => {
    const related = relatedIndex([set('a', 'x', 'y'), set('c', 'x'), set('b', 'x'), set('z', 'q')]);
    expect(related('a').map((r) => r.id)).toEqual(['b', 'c']);
    expect(related('a', 1).map((r) => r.id)).toEqual(['b']);
  });

  it('gives the same ranking as comparing every pair, on a large random edition', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const terms = Array.from({ length: 40 }, (_, index) => `t${index}`);
    const sets = Array.from({ length: 300 }, (_, index) => set(`s${index}`, ...terms.filter(() => random() < 0.1)));
    const weight = (term: string) => Math.log(sets.length / sets.filter((s) => s.terms.has(term)).length);
    const brute = (id: string) =>
      sets
        .filter((s) => s.id !== id)
        .map((s) => {
          const shared = [...s.terms].filter((term) => sets.find((o) => o.id === id)!.terms.has(term));
          return { id: s.id, score: shared.reduce((sum, term) => sum + weight(term), 0), n: shared.length };
        })
        .filter((r) => r.score > 0)
        .sort((a, b) => b.score - a.score || b.n - a.n || a.id.localeCompare(b.id))
        .slice(0, 5)
        .map((r) => r.id);
    const related = relatedIndex(sets);
    for (const id of ['s0', 's17', 's150', 's299']) expect(related(id, 5).map((r) => r.id)).toEqual(brute(id));
  });

  it('lists what a text shares and its score as comparing every pair does, among many texts alike', () => {
    // An edition where texts come in copies (many tied scores), with terms of equal weight.
    let seed = 11;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const terms = ['nato', ...Array.from({ length: 12 }, (_, index) => `t${index}`)];
    const models = Array.from({ length: 6 }, () => terms.filter((term) => term === 'nato' || random() < 0.4));
    const sets = Array.from({ length: 240 }, (_, index) => set(`text-${String(239 - index).padStart(3, '0')}`, ...models[index % models.length]!));
    const weight = (term: string) => Math.log(sets.length / sets.filter((s) => s.terms.has(term)).length);
    const order = (a: string, b: string) => weight(b) - weight(a) || a.localeCompare(b);
    const brute = (id: string, limit: number) => {
      const own = sets.find((s) => s.id === id)!.terms;
      return sets
        .filter((s) => s.id !== id)
        .map((s) => {
          const shared = [...s.terms].filter((term) => own.has(term)).sort(order);
          return { id: s.id, shared, score: shared.reduce((sum, term) => sum + weight(term), 0) };
        })
        .filter((r) => r.score > 0)
        .sort((a, b) => b.score - a.score || b.shared.length - a.shared.length || a.id.localeCompare(b.id))
        .slice(0, limit);
    };
    const related = relatedIndex(sets);
    for (const id of ['text-000', 'text-117', 'text-239']) {
      for (const limit of [1, 5, 60]) expect(related(id, limit)).toEqual(brute(id, limit));
      expect(related(id)).toEqual(brute(id, Infinity));
      expect(related(id, 0)).toEqual([]);
    }
  });
});
