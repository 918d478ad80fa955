/**
 * Joining the facts of every file into the cross-file maps, once: the `Corpus` view the plugins
 * check links against, who cites each article, and what each article's rendering depends on
 * outside its own file (its render key).
 */
import type { ArticleFacts, IncomingCitation, TermFacts } from './model.ts';
import type { Corpus, CorpusArticle } from '../lib/corpus.ts';
import { digestOf } from './cache.ts';

/** The corpus the plugins read, from the facts. */
export function joinCorpus(articles: readonly ArticleFacts[], terms: readonly TermFacts[]): Corpus {
  const byslug = new Map<string, CorpusArticle>();
  const noteArticles = new Map<string, string[]>();
  for (const facts of articles) {
    byslug.set(facts.slug, {
      slug: facts.slug,
      title: facts.title,
      draft: facts.draft,
      outlets: facts.outlets,
      dates: facts.dates,
      passages: new Map(facts.passages.map((passage) => [passage.id, passage.text])),
      notes: new Set(facts.notes.map((note) => note.id)),
      citations: facts.citations,
      file: facts.file,
      minutes: facts.minutes,
    });
    for (const note of facts.notes) {
      const owners = noteArticles.get(note.id);
      if (owners) owners.push(facts.slug);
      else noteArticles.set(note.id, [facts.slug]);
    }
  }
  return { articles: byslug, noteArticles, terms: new Map(terms.map((term) => [term.id, { id: term.id, term: term.term, names: term.names, short: term.short, category: term.category, file: term.file, source: term.source }])) };
}

/**
 * What an article's page shows that comes from outside its file, as one digest: the glossary's
 * names (terms are linked in the text), what each edition link of its notes resolves to, which other
 * articles use its note ids, and the notes of other texts that cite it. An article is rendered again
 * when this or its own text changes, and only then.
 */
export function dependencyDigest(article: ArticleFacts, corpus: Corpus, incoming: readonly IncomingCitation[], glossaryDigest: string): string {
  const targets = article.links.map((url) => {
    const [scheme, rest = ''] = url.split(/:(.*)/s) as [string, string?];
    if (scheme === 'term') return [url, corpus.terms.has(rest)];
    if (scheme === 'note') return [url, corpus.noteArticles.get(rest) ?? []];
    const [slug = '', id] = rest.split('#');
    const target = corpus.articles.get(slug);
    return [url, target ? { draft: target.draft, has: id ? target.passages.has(id) : true } : null];
  });
  const owners = article.notes.map((note) => [note.id, corpus.noteArticles.get(note.id) ?? []]);
  return digestOf(JSON.stringify([glossaryDigest, targets, owners, incoming]));
}
