/**
 * An in-memory corpus for plugin tests: articles and glossary entries given as source text.
 */
import { readArticle, readTerm, type Corpus } from '../../src/lib/corpus.ts';

export function makeCorpus({ articles = {}, terms = {} }: { articles?: Record<string, string>; terms?: Record<string, string> }): () => Corpus {
  const corpus: Corpus = { articles: new Map(), noteArticles: new Map(), terms: new Map() };
  for (const [slug, source] of Object.entries(articles)) {
    const article = readArticle(slug, source, `content/articles/${slug}.mdx`);
    corpus.articles.set(slug, article);
    for (const note of article.notes) corpus.noteArticles.set(note, [...(corpus.noteArticles.get(note) ?? []), slug]);
  }
  for (const [id, source] of Object.entries(terms)) corpus.terms.set(id, readTerm(id, source, `content/glossary/${id}.md`));
  return () => corpus;
}

/** A glossary entry's source with the given term and aliases. */
export function termSource(term: string, aliases: string[] = [], short = 'A short definition of the term for its preview, forty characters or more.'): string {
  return `---\nterm: ${term}\naliases: [${aliases.map((alias) => JSON.stringify(alias)).join(', ')}]\ncategory: concept\nshort: ${short}\nsources:\n  - { title: A source, url: https://example.com/ }\n---\nEntry.\n`;
}
