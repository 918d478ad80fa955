/**
 * The edition as a whole, at build time: articles with their notes and mentions, the glossary, and
 * who cites what. Computed once per build and shared by the pages that need it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { AstroError } from 'astro/errors';
import type { NoteInfo } from '../plugins/remark-notes.ts';
import type { MentionInfo } from '../plugins/remark-glossary.ts';
import { getArticles, type ArticleEntry } from './articles.ts';
import { buildMatcher, findMentions } from '../lib/mentions.ts';
import { relatedTexts, type Related } from '../lib/related.ts';
import { didYouMean } from '../lib/suggest.ts';

export type TermEntry = CollectionEntry<'glossary'>;

/** An article with what its pipeline recorded. */
export interface ArticleData {
  entry: ArticleEntry;
  notes: NoteInfo[];
  mentions: MentionInfo[];
}

/** A note that concerns a term, with its article. */
export interface TermNote {
  article: ArticleEntry;
  note: NoteInfo;
}

export interface Edition {
  articles: ArticleData[];
  terms: TermEntry[];
  termById: Map<string, TermEntry>;
  /** Every mention of each term, by term id, in article order. */
  mentionsByTerm: Map<string, { article: ArticleEntry; mention: MentionInfo }[]>;
  /** The notes that concern each term: its name is in the note's passage or body, or the body links to it. */
  notesByTerm: Map<string, TermNote[]>;
  /** Related texts of each article. */
  relatedByArticle: Map<string, Related[]>;
  /** Notes by id, with their article. */
  noteById: Map<string, TermNote>;
}

let edition: Promise<Edition> | undefined;

/**
 * The 1-based line of `file` (relative to the project) that mentions `word` and passes `test`, for
 * errors found after the file was parsed.
 */
function lineOf(file: string, test: (line: string) => boolean, word: string): number | undefined {
  try {
    const lines = readFileSync(join(process.cwd(), file), 'utf8').split('\n');
    const index = lines.findIndex((line) => test(line) && new RegExp(`(^|[\\s,\\[])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[\\s,\\]])`).test(line));
    return index >= 0 ? index + 1 : undefined;
  } catch {
    return undefined;
  }
}

async function load(): Promise<Edition> {
  const entries = await getArticles();
  const articles = await Promise.all(
    entries.map(async (entry) => {
      const { remarkPluginFrontmatter } = await render(entry);
      return {
        entry,
        notes: [...((remarkPluginFrontmatter['notes'] ?? []) as NoteInfo[])].sort((a, b) => a.number - b.number),
        mentions: (remarkPluginFrontmatter['mentions'] ?? []) as MentionInfo[],
      };
    }),
  );
  const terms = (await getCollection('glossary')).sort((a, b) => a.data.term.localeCompare(b.data.term, 'en', { sensitivity: 'base' }));
  const termById = new Map(terms.map((term) => [term.id, term]));
  for (const term of terms) {
    for (const related of term.data.related) {
      if (!termById.has(related)) {
        const file = `content/glossary/${term.id}.md`;
        const line = lineOf(file, (text) => /^related:/.test(text) || /^\s*-\s/.test(text), related);
        throw new AstroError(
          `${file}${line ? `:${line}` : ''}: \`related\` names \`${related}\`, which is not a glossary entry.\n  Fix: use the id of an entry (its file name without .md).${didYouMean(related, termById.keys())}`,
        );
      }
    }
  }

  const mentionsByTerm = new Map<string, { article: ArticleEntry; mention: MentionInfo }[]>();
  for (const { entry, mentions } of articles) {
    for (const mention of mentions) mentionsByTerm.set(mention.term, [...(mentionsByTerm.get(mention.term) ?? []), { article: entry, mention }]);
  }

  const matcher = buildMatcher(terms.map((term) => ({ id: term.id, names: [...new Set([term.data.term, ...term.data.aliases])] })));
  const notesByTerm = new Map<string, TermNote[]>();
  const noteById = new Map<string, TermNote>();
  for (const { entry, notes, mentions } of articles) {
    for (const note of notes) {
      noteById.set(note.id, { article: entry, note });
      const concerned = new Set<string>();
      for (const mention of mentions) if (mention.passage === note.passage && note.exact.includes(mention.text)) concerned.add(mention.term);
      for (const mention of findMentions(note.bodyText, matcher)) concerned.add(mention.term);
      for (const link of note.links) if (link.kind === 'term') concerned.add(link.target);
      for (const term of concerned) notesByTerm.set(term, [...(notesByTerm.get(term) ?? []), { article: entry, note }]);
    }
  }

  const sets = articles.map(({ entry, mentions }) => ({ id: entry.id, terms: new Set(mentions.map((m) => m.term)) }));
  const relatedByArticle = new Map(articles.map(({ entry }) => [entry.id, relatedTexts(entry.id, sets)]));
  return { articles, terms, termById, mentionsByTerm, notesByTerm, relatedByArticle, noteById };
}

/** The edition, loaded once per build. */
export function getEdition(): Promise<Edition> {
  edition ??= load();
  return edition;
}
