/**
 * The notes index (`/annotations/`, `/annotations/2/` and on), computed once per build: the texts
 * that have notes, cut into pages, and the edition's counts of notes by kind, which every page of
 * it shows. Each page of the index computed these again from every note of the edition: at 5,000
 * texts, 100 pages each walking 100,000 notes, 13 s of a rebuild that changed nothing.
 */
import type { ArticleData, Edition } from './edition.ts';
import type { EditionSummary } from './summary.ts';
import { compiledEdition } from './compiled.ts';
import { digestOf } from '../compiler/cache.ts';
import { NOTE_KINDS, type NoteKind } from '../lib/notes.ts';
import { NOTES_PER_PAGE, paginateByWeight, type Page } from '../lib/paginate.ts';

export interface NotesIndex {
  /** Notes in the edition. */
  total: number;
  /** Texts with at least one note. */
  texts: number;
  /** Notes of each kind in the edition. */
  counts: Record<NoteKind, number>;
  /** The texts with notes, a page of them at a time: up to NOTES_PER_PAGE notes, a text's never split. */
  pages: Page<ArticleData>[];
}

const indexes = new WeakMap<Edition, NotesIndex>();

/** The notes index of `edition`, computed once. */
export function notesIndex(edition: Edition): NotesIndex {
  let index = indexes.get(edition);
  if (!index) {
    const counts = Object.fromEntries(NOTE_KINDS.map((kind) => [kind, 0])) as Record<NoteKind, number>;
    let total = 0;
    for (const { notes } of edition.articles) {
      for (const note of notes) counts[note.kind]++;
      total += notes.length;
    }
    const withNotes = edition.articles.filter(({ notes }) => notes.length > 0);
    index = { total, texts: withNotes.length, counts, pages: paginateByWeight(withNotes, ({ notes }) => notes.length, NOTES_PER_PAGE) };
    indexes.set(edition, index);
  }
  return index;
}

/**
 * A key that changes when anything page `number` of the notes index shows changes: the edition's
 * description in every page's head, the counts, the page's place in the list, and its texts (a
 * text's render key changes with its title, dates, outlets and notes).
 */
export function notesIndexKey(edition: Edition, summary: EditionSummary, number: number): string {
  const { renderKey } = compiledEdition();
  const { total, texts, counts, pages } = notesIndex(edition);
  const page = pages[number - 1];
  const shown = page && { ...page, items: page.items.map(({ entry }) => [entry.id, renderKey.get(entry.id)]) };
  return digestOf(JSON.stringify([summary, total, texts, counts, shown]));
}
