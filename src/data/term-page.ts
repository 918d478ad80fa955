/**
 * The cache key of a glossary term's page (page `number` of its lists): it changes when anything
 * the page shows changes, so that Astro's incremental build renders again only those pages. A page
 * shows the term's entry, its related terms, and its slice of the places it occurs and of
 * the notes that concern it, which come from the texts: each text on the page counts by its render
 * key, which changes with its file and with what its page takes from elsewhere
 * (src/compiler/index.ts). A text on another page of the term's lists does not count.
 */
import type { Edition, TermEntry, TermNote, TextMentions } from './edition.ts';
import type { EditionSummary } from './summary.ts';
import { compiledEdition } from './compiled.ts';
import { digestOf } from '../compiler/cache.ts';
import { paginate, paginateByWeight, PLACES_PER_PAGE, TEXTS_PER_PAGE, type Page } from '../lib/paginate.ts';

/**
 * A term's two lists as its pages cut them: the texts it occurs in, up to PLACES_PER_PAGE places
 * and TEXTS_PER_PAGE texts a page (a text's places are never split), and the notes that concern
 * it, TEXTS_PER_PAGE a page. The lists go on side by side; `count` is the longer's pages.
 */
export interface TermLists {
  count: number;
  places: Page<TextMentions>[];
  notes: Page<TermNote>[];
}

const listsOf = new WeakMap<Edition, Map<string, TermLists>>();

/** The lists of term `id` in `edition`, cut into pages once. */
export function termLists(edition: Edition, id: string): TermLists {
  let terms = listsOf.get(edition);
  if (!terms) listsOf.set(edition, (terms = new Map()));
  let lists = terms.get(id);
  if (!lists) {
    const places = paginateByWeight(edition.mentionsByTerm.get(id) ?? [], (group) => group.mentions.length, PLACES_PER_PAGE);
    const notes = paginate(edition.notesByTerm.get(id) ?? [], TEXTS_PER_PAGE);
    lists = { count: Math.max(places.length, notes.length), places, notes };
    terms.set(id, lists);
  }
  return lists;
}

/** Page `number` of a list, or an empty page past its end (the other list goes on). */
export function pageOf<T>(pages: Page<T>[], number: number): Page<T> {
  const last = pages.at(-1)!;
  return pages[number - 1] ?? { number, count: pages.length, items: [], start: last.total, total: last.total };
}

export function termPageKey(edition: Edition, summary: EditionSummary, term: TermEntry, number: number): string {
  const compiled = compiledEdition();
  const digests = new Map(compiled.terms.map((facts) => [facts.id, facts.digest]));
  const texts = (ids: Iterable<string>) => [...ids].map((id) => [id, compiled.renderKey.get(id)]);
  const allGroups = edition.mentionsByTerm.get(term.id) ?? [];
  const allNotes = edition.notesByTerm.get(term.id) ?? [];
  // The page shows its own slice of each list (as TermPage cuts them) and the lists' lengths.
  const lists = termLists(edition, term.id);
  const groups = pageOf(lists.places, number).items;
  const notes = pageOf(lists.notes, number).items;
  return digestOf(
    JSON.stringify([
      number,
      // Every page's head describes the edition (its count of texts, its years, its kinds of outlet).
      summary,
      digests.get(term.id),
      term.data.related.map((id) => digests.get(id)),
      edition.mentionCount.get(term.id) ?? 0,
      allGroups.length,
      allNotes.length,
      texts(groups.map((group) => group.article.id)),
      notes.map(({ article, note }) => [article.id, note.id]),
      texts(new Set(notes.map(({ article }) => article.id))),
    ]),
  );
}
