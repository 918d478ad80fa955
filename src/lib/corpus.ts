/**
 * The edition as the plugins see it: every article's passages and notes, and the glossary's terms,
 * so that a plugin compiling one file can check links to the others. Built by the edition compiler
 * (src/compiler/join.ts) from the one parse of each file; this module only names its shape.
 */
import type { Citation, IncomingCitation } from '../compiler/model.ts';
import { getCompiledEdition } from '../compiler/index.ts';

export type { Citation, IncomingCitation };

/** An article as the corpus sees it. */
export interface CorpusArticle {
  slug: string;
  title: string;
  draft: boolean;
  /** Names of the outlets its headline is attributed to (src/lib/attribution.ts, `headlineOutlets`), and its dates (`YYYY-MM-DD`), for link previews. */
  outlets: string[];
  dates: string[];
  /** Passage ids, in document order, with the block's plain text. */
  passages: Map<string, string>;
  /** Ids of the notes written in the article. */
  notes: Set<string>;
  /** Links from its notes to passages (of any article). */
  citations: Citation[];
  /** The MDX file, relative to the project. */
  file: string;
  /** Minutes to read it. */
  minutes: number;
}

/** A glossary term as the corpus sees it. */
export interface CorpusTerm {
  id: string;
  term: string;
  /** Names it is found by in texts: the term and its aliases. */
  names: string[];
  short: string;
  category: string;
  /** The entry's file, relative to the project, and its source, for messages. */
  file: string;
  source: string;
}

/** The edition as a whole. */
export interface Corpus {
  articles: Map<string, CorpusArticle>;
  /** Which articles define each note id (more than one is an error the notes plugin reports). */
  noteArticles: Map<string, string[]>;
  /** The glossary's terms, by id. */
  terms: Map<string, CorpusTerm>;
  /**
   * The claim pages (`/claims/<id>/`) each note treats, by note id, for the link on its card
   * (src/compiler/join.ts). Absent when the corpus was joined without the claims.
   */
  noteClaims?: Map<string, NoteClaim[]>;
}

/** A claim page a note treats: its id and its words (the edition's neutral wording, or the text's own, quoted). */
export interface NoteClaim {
  id: string;
  words: string;
  /** Whether the claim is joined across passages (content/claims-across.yaml). */
  joined: boolean;
}

/** The corpus of the edition under `root`, from the compiled edition. */
export function readCorpus(root: string): Corpus {
  return getCompiledEdition({ root }).corpus;
}

const incoming = new WeakMap<Corpus, Map<string, IncomingCitation[]>>();

/**
 * The citations of passages of the article `slug` by notes of published articles, in corpus
 * order. Indexed once per corpus, so that asking for every article costs as much as asking for one.
 */
export function citationsOf(corpus: Corpus, slug: string): IncomingCitation[] {
  let index = incoming.get(corpus);
  if (!index) {
    index = new Map();
    for (const article of corpus.articles.values()) {
      if (article.draft) continue;
      for (const citation of article.citations) {
        const target = citation.target.split('#')[0]!;
        const list = index.get(target);
        const entry = { ...citation, from: article.slug, title: article.title, outlets: article.outlets };
        if (list) list.push(entry);
        else index.set(target, [entry]);
      }
    }
    incoming.set(corpus, index);
  }
  return index.get(slug) ?? [];
}
