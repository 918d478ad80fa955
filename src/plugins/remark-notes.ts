/**
 * remark-notes: the edition's notes, written in the article's MDX and checked at build time.
 *
 * A note marks an exact passage of the text and is written right after the paragraph it belongs to:
 *
 *     In 2000, Belarus and Russia established the <Passage note="union-state-date">Union State</Passage>, … ^2000-belarus-russia
 *
 *     <Note id="union-state-date" kind="discrepancy" added="2026-11-22">
 *     The treaty was signed on 8 December 1999; [text 002](passage:russia-new-steps-western-border#in-1999-russia) says 1999.
 *
 *     <Source title="…" url="https://…" date="1999-12-08" />
 *     </Note>
 *
 * The passage becomes a <mark> followed by a numbered reference; the note becomes an <aside>
 * after the paragraph, which the page's script lays out in the margin or folds under the paragraph.
 * Links in a note body may point at `passage:<slug>#<id>`, `article:<slug>`, `note:<id>` and
 * `term:<id>`; each is checked and rewritten to the page's URL. Anything wrong (an unknown kind, a
 * duplicate id, an empty passage, a passage across paragraphs, a note without a source, a link to
 * nothing) fails the build with the file, the line, the note id and a fix. No text is ever matched
 * fuzzily: the passage is exactly what the <Passage> element wraps.
 */
import type { Root } from 'mdast';
import type { Finding } from '../lib/findings.ts';
import type { Plugin } from 'unified';
import type { Position } from 'unist';
import type { NoteKind } from '../lib/notes.ts';
import { readCorpus, type Corpus } from '../lib/corpus.ts';
import { readLedgerAt } from '../lib/ledger.ts';
import { noteFingerprint } from '../lib/corrections.ts';
import { glossaryMatcher } from '../lib/mentions.ts';
import { failOnProblems, type ContentProblem } from './content-errors.ts';
import { isArticleFile, slugOfPath } from './kit.ts';
import { findPassages } from './notes/passages.ts';
import { readNotes, type FoundNote } from './notes/read-notes.ts';
import { checkIds, pairNotes } from './notes/pair.ts';
import { checkLinks } from './notes/links.ts';
import { bodyTextOf, markPassages, numberNotes, renderNotes } from './notes/render.ts';
import type {} from 'mdast-util-to-hast';
import type {} from 'mdast-util-mdx';

export { formatPartialDate } from './notes/render.ts';
export { resolveLink } from './notes/links.ts';

/** A source a note cites. */
export interface NoteSource {
  title: string;
  url: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date?: string;
  /** `YYYY-MM-DD`: the day an editor last opened the page and found it says what the note says. */
  verified?: string;
}

/** A link from a note's body to something in the edition. */
export interface NoteLink {
  kind: 'passage' | 'article' | 'term' | 'note';
  /** `slug#id`, `slug`, term id or note id. */
  target: string;
  /** The link's text. */
  text: string;
}

/** A note, as the plugin found it: what the notes index, the JSON-LD and search need. */
export interface NoteInfo {
  id: string;
  /** 1-based, in the order of the passages in the text. */
  number: number;
  kind: NoteKind;
  /** Passage id of the paragraph or heading that holds the marked passage. */
  passage: string;
  /** The W3C TextQuoteSelector of the passage within that paragraph's text. */
  exact: string;
  prefix: string;
  suffix: string;
  /** Date the note was written, `YYYY-MM-DD`. */
  added: string;
  /** Date of the last substantive change, if any. */
  updated?: string;
  /** What that change was, for readers. */
  change?: string;
  /** What a fact-check note found (src/lib/findings.ts). */
  finding?: Finding;
  sources: NoteSource[];
  /** The body as plain text. */
  bodyText: string;
  /**
   * The body as HTML, set by rehype-notes. Kept in the compiler's cache, not in the build's memory:
   * pages read it with `compiledEdition().noteBodies(slug)` (src/compiler/index.ts).
   */
  bodyHtml?: string;
  /**
   * The glossary terms whose names the body has (src/lib/mentions.ts): a term's page lists the
   * note among those that concern it. Found here, once per render of the text, not by every build.
   */
  bodyTerms: string[];
  links: NoteLink[];
  /** 1-based line of the <Note> in the MDX file. */
  line: number;
}

declare module 'vfile' {
  interface DataMap {
    /** The article's notes, in number order, from remark-notes. */
    notes: NoteInfo[];
  }
}

/** Options of {@link remarkNotes}. */
export interface Options {
  /** Which files hold articles. Default: files under a `content/articles/` folder. */
  include?: (path: string) => boolean;
  /** The site's base path, for the URLs of rewritten links. Default `/`. */
  base?: string;
  /** The site's origin, for the absolute permalink a "Report an error" link carries. Default `http://localhost:4321`. */
  site?: string;
  /** The project folder, where `content/` is. Default: the working directory. */
  root?: string;
  /** Reads the edition's corpus; tests pass their own. Default {@link readCorpus}. */
  corpus?: (root: string) => Corpus;
}

export const defaultOptions: Required<Options> = {
  include: isArticleFile,
  base: '/',
  site: 'http://localhost:4321',
  root: process.cwd(),
  corpus: readCorpus,
};

/**
 * Finds, checks and renders the notes of an article, one job at a time (src/plugins/notes/):
 *
 *   1. passages.ts   the passages, each in its paragraph
 *   2. read-notes.ts each <Note>: id, kind, dates, attributes, sources, body
 *   3. pair.ts       ids unique in the text and the edition
 *   4. pair.ts       each note with one passage, right after its paragraph
 *   5. links.ts      the edition's links in note bodies, checked and rewritten
 *   6. render.ts     numbered by passage order; <mark>, references and <aside>s
 *
 * Every problem of jobs 1–5 is reported together, with file, line, note id and fix, before anything
 * is rendered.
 *
 * @example
 * // <Passage note="x">Union State</Passage> … <Note id="x" kind="context" added="2026-11-22">…<Source …/></Note>
 * // → <mark class="note-mark note-mark--context" id="mark-x">Union State</mark><a class="note-ref" href="#note-x">…1</a>
 * //   <aside class="note note--context" id="note-x" …>…</aside>
 */
export const remarkNotes: Plugin<[Options?], Root> = (options) => {
  const settings = { ...defaultOptions, ...options };
  return (tree, file) => {
    if (!settings.include(file.history[0] ?? '')) return;
    const problems: ContentProblem[] = [];
    const problem = (ruleId: string, place: Position | undefined, reason: string, fix: string) => problems.push({ ruleId, place, reason, fix });
    const corpus = settings.corpus(settings.root);
    const here = slugOfPath(file.history[0] ?? '');

    const { passages, reported } = findPassages(tree, problem);
    const notes = readNotes(tree, problem);
    // A note's id copied from the note before, its own passage's id then unknown: one problem, not two.
    const adopted = new Set<string>();
    // The anchor ledger, read only if a problem asks what it records, and once.
    let ledger: ReturnType<typeof readLedgerAt> | null = null;
    const ledgerOnce = () => (ledger === null ? (ledger = readLedgerAt(settings.root)) : ledger);
    const printOf = (note: FoundNote) => noteFingerprint(bodyTextOf(note), note.sources.map((source) => source.title));
    const seen = checkIds(notes, corpus, here, problem, passages, adopted, (slug, id) => ledgerOnce()?.articles[slug]?.[`note-${id}`] !== undefined, (note) => ledgerOnce()?.articles[here]?.[`note-${note.id}`] === printOf(note));
    pairNotes(tree, passages, seen, reported, problem, adopted);
    const currentPassages = new Set((file.data.passages ?? []).map((p) => p.id));
    const linksOf = checkLinks(seen, { corpus, here, currentPassages, base: settings.base, ledger: ledgerOnce }, problem);
    failOnProblems(file, 'remark-notes', problems);

    const infos = numberNotes(passages, seen, linksOf, glossaryMatcher(corpus));
    const infoOf = new Map(infos.map((info) => [info.id, info]));
    markPassages(passages, infoOf);
    renderNotes(tree, infoOf, seen, { base: settings.base, site: settings.site, here, ...(corpus.noteClaims ? { claims: corpus.noteClaims } : {}) });
    file.data.notes = infos;
  };
};
