/**
 * Jobs 3 and 4 of remark-notes: note ids unique in the text and in the edition; each note paired
 * with exactly one passage, and standing right after the paragraph that holds it.
 */
import type { Root } from 'mdast';
import { didYouMean } from '../../lib/suggest.ts';
import type { Corpus } from '../../lib/corpus.ts';
import type { FoundPassage, Report } from './passages.ts';
import type { FoundNote } from './read-notes.ts';

/**
 * The notes by id, the first of each id; a second use of an id, here or in another text, is reported.
 * A second use right after a passage that names a note no <Note> has is most often that note's id
 * copied from the note before (the passage's id is then `adopted`, and not reported again as unknown).
 * `published` tells a note the anchor ledger records, which keeps its id when two texts share one;
 * `isPublished`, within this text, which of two notes with one id is the one published (its words).
 */
export function checkIds(
  notes: readonly FoundNote[],
  corpus: Corpus,
  here: string,
  problem: Report,
  passages: readonly FoundPassage[],
  adopted: Set<string>,
  published: (slug: string, id: string) => boolean,
  isPublished?: (note: FoundNote) => boolean,
): Map<string, FoundNote> {
  const seen = new Map<string, FoundNote>();
  const written = new Set(notes.map((note) => note.id));
  for (const note of notes) {
    const earlier = seen.get(note.id);
    if (earlier) {
      // The paragraph right before this note (only notes between them), and an id one of its passages names that no note has.
      const top = Math.max(-1, ...passages.filter((passage) => passage.top < note.top).map((passage) => passage.top));
      const onlyNotesBetween = notes.filter((other) => other.top > top && other.top < note.top).length === note.top - top - 1;
      const unwritten = (id: string) => !written.has(id) && !adopted.has(id);
      const before = onlyNotesBetween ? passages.find((passage) => passage.top === top && passage.ids.some(unwritten)) : undefined;
      const ownPassage = before?.ids.find(unwritten);
      if (before && ownPassage) {
        adopted.add(ownPassage);
        problem('duplicate-note-id', note.element.position, `note id \`${note.id}\` is already used at line ${earlier.element.position?.start.line}, and the passage before this note (line ${before.element.position?.start.line}) names note \`${ownPassage}\`, which no <Note> has`, `this is most likely that note: give it id="${ownPassage}".`);
        continue;
      }
      // The one published under the id (its words those the anchor ledger records) keeps it: the other, wherever it stands, is told to change.
      if (isPublished?.(note) && !isPublished(earlier)) {
        problem('duplicate-note-id', earlier.element.position, `note id \`${note.id}\` is also used at line ${note.element.position?.start.line}, by the note published under it (content/anchors.yaml records its words)`, 'give this note an id of its own: links to the published one must keep landing on it.');
        seen.set(note.id, note);
        continue;
      }
      problem('duplicate-note-id', note.element.position, `note id \`${note.id}\` is already used at line ${earlier.element.position?.start.line}${isPublished?.(earlier) ? ', by the note published under it (content/anchors.yaml records its words)' : ''}`, 'give each note its own id.');
      continue;
    }
    seen.set(note.id, note);
    const elsewhere = (corpus.noteArticles.get(note.id) ?? []).filter((slug) => slug !== here);
    if (elsewhere.length > 0) {
      // The one already published keeps its id: links to it are out there (the anchor ledger records it).
      const mine = published(here, note.id);
      const theirs = published(elsewhere[0]!, note.id);
      const fix =
        theirs && !mine
          ? `rename this one: the note in content/articles/${elsewhere[0]}.mdx is published under that id (content/anchors.yaml), and links to it must keep landing on it.`
          : mine && !theirs
            ? `rename the one in content/articles/${elsewhere[0]}.mdx: this one is published under that id (content/anchors.yaml), and links to it must keep landing on it.`
            : 'note ids are unique across the edition (each note has its own page); rename one.';
      problem('duplicate-note-id', note.element.position, `note id \`${note.id}\` is also used in content/articles/${elsewhere[0]}.mdx`, fix);
    }
  }

  return seen;
}

/** Each note's passage, by note id; a note without one, with two, or away from its paragraph is reported. */
export function pairNotes(tree: Root, passages: readonly FoundPassage[], seen: ReadonlyMap<string, FoundNote>, reported: ReadonlySet<string>, problem: Report, adopted: ReadonlySet<string>): Map<string, FoundPassage> {
  const passageOf = new Map<string, FoundPassage>();
  for (const passage of passages) {
    // An id cut in two by a line break in the attribute reads as two ids no note has: one problem, naming the note it cut.
    const cut = new Set<string>();
    for (const [index, id] of passage.ids.entries()) {
      const next = passage.ids[index + 1];
      if (next === undefined || seen.has(id) || seen.has(next)) continue;
      // (Not a note that has a passage of its own elsewhere: then these are two ids no note has.)
      const whole = [`${id}${next}`, `${id}-${next}`].find((joined) => seen.has(joined) && !passages.some((other) => other.ids.includes(joined)));
      if (!whole) continue;
      cut.add(id).add(next);
      passageOf.set(whole, passage);
      problem('passage-id-cut', passage.element.position, `the passage names \`${id}\` and \`${next}\`, no note's ids: its note="…" is cut by a space or a line break, and the note \`${whole}\` written after it has no passage`, `write the id whole, on one line: <Passage note="${whole}">.`);
    }
    for (const id of passage.ids) {
      if (cut.has(id)) continue;
      if (!seen.has(id)) {
        if (adopted.has(id)) continue;
        problem('passage-unknown-note', passage.element.position, `the passage names note \`${id}\`, which is not written in this article`, `write a <Note id="${id}" …> after this paragraph, or fix the id.${didYouMean(id, seen.keys())}`);
      } else if (passageOf.has(id)) {
        problem('note-two-passages', passage.element.position, `note \`${id}\` has a second passage (the first is at line ${passageOf.get(id)!.element.position?.start.line})`, 'a note has one passage; remove one <Passage>, or write a second note.');
      } else {
        passageOf.set(id, passage);
      }
    }
  }
  for (const note of seen.values()) {
    const passage = passageOf.get(note.id);
    if (!passage) {
      // A note with no id is named as such where it is read: no second problem about its passage.
      if (reported.has(note.id) || note.id === '') continue;
      problem('note-without-passage', note.element.position, `note \`${note.id}\` has no passage in the text`, `mark its passage in the paragraph before it: <Passage note="${note.id}">the words</Passage>.`);
      continue;
    }
    const between = tree.children.slice(passage.top + 1, note.top);
    const placedRight = note.top > passage.top && between.every((node) => node.type === 'mdxJsxFlowElement' && node.name === 'Note');
    if (!placedRight) {
      problem('note-misplaced', note.element.position, `note \`${note.id}\` is not right after the paragraph of its passage (line ${passage.block.position?.start.line})`, 'move the <Note> to just after that paragraph (other notes of the same paragraph may come between).');
    }
  }

  return passageOf;
}
