/**
 * The cache key of a glossary term's page (page `number` of its lists): it changes when anything
 * the page shows changes, so that Astro's incremental build renders again only those pages. A page
 * shows the term's entry, its related terms, and its slice of the places it occurs and of
 * the notes that concern it, which come from the texts: each text on the page counts by its render
 * key, which changes with its file and with what its page takes from elsewhere
 * (src/compiler/index.ts). A text on another page of the term's lists does not count.
 */
import type { Edition, TermEntry } from './edition.ts';
import type { EditionSummary } from './summary.ts';
import { compiledEdition } from './compiled.ts';
import { digestOf } from '../compiler/cache.ts';
import { paginate } from '../lib/paginate.ts';

export function termPageKey(edition: Edition, summary: EditionSummary, term: TermEntry, number: number): string {
  const compiled = compiledEdition();
  const digests = new Map(compiled.terms.map((facts) => [facts.id, facts.digest]));
  const texts = (ids: Iterable<string>) => [...ids].map((id) => [id, compiled.renderKey.get(id)]);
  const allGroups = edition.mentionsByTerm.get(term.id) ?? [];
  const allNotes = edition.notesByTerm.get(term.id) ?? [];
  // The page shows its own slice of each list (as TermPage cuts them) and the lists' lengths.
  const groups = paginate(allGroups)[number - 1]?.items ?? [];
  const notes = paginate(allNotes)[number - 1]?.items ?? [];
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
