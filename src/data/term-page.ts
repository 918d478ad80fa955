/**
 * The cache key of a glossary term's page (page `number` of its lists): it changes when anything
 * the page shows changes, so that Astro's incremental build renders again only those pages. A page
 * shows the term's entry, its related terms' previews, and the places it occurs and the notes that
 * concern it, which come from the texts: each text counts by its render key, which changes with
 * its file and with what its page takes from elsewhere (src/compiler/index.ts).
 */
import { createHash } from 'node:crypto';
import type { Edition, TermEntry } from './edition.ts';
import type { EditionSummary } from './summary.ts';
import { compiledEdition } from './compiled.ts';

export function termPageKey(edition: Edition, summary: EditionSummary, term: TermEntry, number: number): string {
  const compiled = compiledEdition();
  const digests = new Map(compiled.terms.map((facts) => [facts.id, facts.digest]));
  const texts = (ids: Iterable<string>) => [...ids].map((id) => [id, compiled.renderKey.get(id)]);
  const groups = edition.mentionsByTerm.get(term.id) ?? [];
  const notes = edition.notesByTerm.get(term.id) ?? [];
  return createHash('sha256')
    .update(
      JSON.stringify([
        number,
        // Every page's head describes the edition (its count of texts, its years, its kinds of outlet).
        summary,
        digests.get(term.id),
        term.data.related.map((id) => digests.get(id)),
        edition.mentionCount.get(term.id) ?? 0,
        texts(groups.map((group) => group.article.id)),
        notes.map(({ article, note }) => [article.id, note.id]),
        texts(new Set(notes.map(({ article }) => article.id))),

      ]),
    )
    .digest('base64url')
    .slice(0, 22);
}
