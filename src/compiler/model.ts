/**
 * The edition's model: what each file says, read once from its tree (src/compiler/read.ts), and the
 * cross-file maps joined from it once (src/compiler/join.ts). Every stage reads this model: the
 * plugins (through the `Corpus` view), the pages, the ledger, search and the checks.
 */
import type { PassageInfo } from '../plugins/remark-passage-anchors.ts';
import type { NoteInfo } from '../plugins/remark-notes.ts';
import type { MentionInfo } from '../plugins/remark-glossary.ts';
import type { Claim } from '../schemas/claims.ts';

/** A link from a note to a passage: where a passage is cited from. */
export interface Citation {
  /** The citing note. */
  note: string;
  /** The cited passage, `slug#id`. */
  target: string;
  /** The sentence of the note that holds the link, as plain text. */
  sentence: string;
}

/** What one article file says, before anything is joined. JSON, so that it can be cached. */
export interface ArticleFacts {
  slug: string;
  /** The MDX file, relative to the project. */
  file: string;
  /** Digest of the file's text. */
  digest: string;
  /** The front matter as YAML gives it (dates as written); the collection schema parses it. */
  frontmatter: Record<string, unknown>;
  title: string;
  draft: boolean;
  /** Names of the outlets its headline is attributed to (src/lib/attribution.ts, `headlineOutlets`), and its dates (`YYYY-MM-DD`), for link previews. */
  outlets: string[];
  dates: string[];
  /** Paragraphs and headings with their ids, in document order. */
  passages: PassageInfo[];
  /** The fingerprint of each passage's text, by id, for the anchor ledger (src/lib/ledger.ts). */
  fingerprints: Record<string, string>;
  /** The notes written in the article, with the line of each `<Note>`. */
  notes: { id: string; line: number }[];
  /** Links from its notes to passages (of any article). */
  citations: Citation[];
  /** Every edition link (`passage:`, `article:`, `note:`, `term:`) in its notes, as written. */
  links: string[];
  /** Minutes to read it. */
  minutes: number;
}

/** What one glossary file says. */
export interface TermFacts {
  id: string;
  term: string;
  /** Names it is found by in texts: the term and its aliases. */
  names: string[];
  short: string;
  category: string;
  /** The front matter as YAML gives it; the collection schema parses it. */
  frontmatter: Record<string, unknown>;
  /** The entry's file, relative to the project, and its text, for messages. */
  file: string;
  source: string;
  digest: string;
}

/** A claim of a text's inventory (content/claims/<slug>.yaml), with the line it starts on. */
export type ClaimEntry = Claim & { line: number };

/** What one claims inventory says. */
export interface ClaimsFacts {
  /** The article it inventories: the file's name without `.yaml`. */
  slug: string;
  file: string;
  digest: string;
  claims: ClaimEntry[];
}

/** A heading of an article, for its contents. */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

/** An article as rendered: what the page shows and what its pipeline recorded. */
export interface RenderedArticle {
  html: string;
  headings: Heading[];
  notes: NoteInfo[];
  mentions: MentionInfo[];
  /** The fingerprint of each note's words and sources' titles, by `note-<id>`, for the anchor ledger. */
  fingerprints: Record<string, string>;
}

/**
 * A note as the build holds it while pages are made: its body's HTML stays in the compiler's cache,
 * read a text at a time with `compiledEdition().noteBodies(slug)` (src/compiler/index.ts).
 */
export type HeldNote = Omit<NoteInfo, 'bodyHtml'>;

/**
 * A term's mention as the build holds it: its sentence is not a string of its own but where it
 * stands in its passage's text (`from`, `to`, in the text's `passages`), read with
 * {@link sentenceOf}. The sentences were 28 MB of the 334 MB that the process rendering the bench's
 * 1,000 texts held (heap snapshot of 5 December 2026), each a copy of part of a passage it also held.
 * `sentence` is kept only for a mention whose sentence is not found in its passage's text.
 */
export type HeldMention = Omit<MentionInfo, 'sentence'> & { from: number; to: number; sentence?: string };

/** The sentence around a mention, from its passage's text (`passages` of its article's facts). */
export function sentenceOf(mention: HeldMention, passages: readonly PassageInfo[]): string {
  if (mention.sentence !== undefined) return mention.sentence;
  return passages.find((passage) => passage.id === mention.passage)?.text.slice(mention.from, mention.to) ?? '';
}

/** A mention as held, from the mention its text's pipeline recorded, with that text's passages by id. */
export function holdMention({ sentence, ...mention }: MentionInfo, passageText: ReadonlyMap<string, string>): HeldMention {
  const from = passageText.get(mention.passage)?.indexOf(sentence) ?? -1;
  return from < 0 ? { ...mention, from: 0, to: 0, sentence } : { ...mention, from, to: from + sentence.length };
}

/** What an article's pipeline recorded, as the build holds it (its HTML and its notes' HTML on disk). */
export type HeldRender = Omit<RenderedArticle, 'html' | 'notes' | 'mentions'> & { notes: HeldNote[]; mentions: HeldMention[] };

/** A citation of a passage, with the article it is made from. */
export type IncomingCitation = Citation & { from: string; title: string; outlets: string[] };
