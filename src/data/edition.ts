/**
 * The edition as a whole, at build time: articles with their notes and mentions, the glossary, and
 * who cites what. Computed once per build and shared by the pages that need it.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { compiledEdition } from './compiled.ts';
import type { HeldMention, HeldNote } from '../compiler/model.ts';
import type { PassageInfo } from '../plugins/remark-passage-anchors.ts';
import { getArticles, type ArticleEntry } from './articles.ts';
import type { Related } from '../lib/related.ts';
import { relatedOfAll } from './related.ts';

export type TermEntry = CollectionEntry<'glossary'>;

/** An article with what its pipeline recorded. */
export interface ArticleData {
  entry: ArticleEntry;
  notes: HeldNote[];
  mentions: HeldMention[];
}

/** A note that concerns a term, with its article. */
export interface TermNote {
  article: ArticleEntry;
  note: HeldNote;
}

/** The mentions of a term in one text, with the text's passages, from which their sentences are read (sentenceOf). */
export interface TextMentions {
  article: ArticleEntry;
  mentions: HeldMention[];
  passages: readonly PassageInfo[];
}

export interface Edition {
  articles: ArticleData[];
  /** Articles by slug. */
  articleById: Map<string, ArticleData>;
  terms: TermEntry[];
  termById: Map<string, TermEntry>;
  /** Every mention of each term, by term id: the texts that mention it, in article order. */
  mentionsByTerm: Map<string, TextMentions[]>;
  /** How many times each term is mentioned in all. */
  mentionCount: Map<string, number>;
  /** The notes that concern each term: its name is in the note's passage or body, or the body links to it. */
  notesByTerm: Map<string, TermNote[]>;
  /** The texts related to an article, best first, as many as an article shows. */
  relatedTo: (slug: string) => Related[];
  /** Notes by id, with their article. */
  noteById: Map<string, TermNote>;
}

/** Appends to the list of `key` in a map of lists. */
function add<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

let edition: Promise<Edition> | undefined;

async function load(): Promise<Edition> {
  const entries = await getArticles();
  const compiled = compiledEdition();
  const articles = entries.map((entry) => {
    const { notes, mentions } = compiled.rendered.get(entry.id)!;
    return { entry, notes, mentions };
  });
  const terms = (await getCollection('glossary')).sort((a, b) => a.data.term.localeCompare(b.data.term, 'en', { sensitivity: 'base' }));
  // `related` names entries that exist: checked by the compiler (src/compiler/check.ts).
  const termById = new Map(terms.map((term) => [term.id, term]));

  const mentionsByTerm = new Map<string, TextMentions[]>();
  const mentionCount = new Map<string, number>();
  for (const { entry, mentions } of articles) {
    const here = new Map<string, HeldMention[]>();
    for (const mention of mentions) {
      add(here, mention.term, mention);
      mentionCount.set(mention.term, (mentionCount.get(mention.term) ?? 0) + 1);
    }
    // The passages of the same compile as the mentions' places in them.
    const passages = compiled.articleBySlug.get(entry.id)?.passages ?? [];
    for (const [term, list] of here) add(mentionsByTerm, term, { article: entry, mentions: list, passages });
  }

  const notesByTerm = new Map<string, TermNote[]>();
  const noteById = new Map<string, TermNote>();
  for (const { entry, notes, mentions } of articles) {
    const mentionsByPassage = new Map<string, HeldMention[]>();
    for (const mention of mentions) add(mentionsByPassage, mention.passage, mention);
    for (const note of notes) {
      noteById.set(note.id, { article: entry, note });
      const concerned = new Set<string>();
      for (const mention of mentionsByPassage.get(note.passage) ?? []) if (note.exact.includes(mention.text)) concerned.add(mention.term);
      for (const term of note.bodyTerms) concerned.add(term);
      for (const link of note.links) if (link.kind === 'term') concerned.add(link.target);
      for (const term of concerned) add(notesByTerm, term, { article: entry, note });
    }
  }

  const related = relatedOfAll(
    articles.map(({ entry, mentions }) => ({ id: entry.id, terms: new Set(mentions.map((m) => m.term)) })),
    compiled,
  );
  const relatedTo = (slug: string) => related.get(slug) ?? [];
  const articleById = new Map(articles.map((article) => [article.entry.id, article]));
  return { articles, articleById, terms, termById, mentionsByTerm, mentionCount, notesByTerm, relatedTo, noteById };
}

/** The edition, loaded once per build. */
export function getEdition(): Promise<Edition> {
  edition ??= load();
  return edition;
}
