/**
 * An in-memory corpus for plugin tests: articles and glossary entries given as source text, read by
 * the compiler's own parser and joined by its own join (front matter is taken as given, not checked
 * against the schemas, so that a test states only what it is about).
 */
import { unified } from 'unified';
import { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';
import { parseMarkdown, parseMdx } from '../../src/compiler/parse.ts';
import { notesOf } from '../../src/compiler/read.ts';
import { joinCorpus } from '../../src/compiler/join.ts';
import type { ArticleFacts, TermFacts } from '../../src/compiler/model.ts';
import { remarkPassageAnchors } from '../../src/plugins/remark-passage-anchors.ts';
import type { Corpus } from '../../src/lib/corpus.ts';

function articleFacts(slug: string, source: string): ArticleFacts {
  const { frontmatter, tree } = parseMdx(source);
  const data = (parseYaml(frontmatter || '{}') ?? {}) as { title?: string; draft?: boolean; outlets?: { name: string }[] };
  const file = new VFile({ path: `/content/articles/${slug}.mdx`, value: source });
  unified().use(remarkPassageAnchors).runSync(tree, file);
  return { slug, file: `content/articles/${slug}.mdx`, digest: '', frontmatter: data, title: data.title ?? slug, draft: data.draft === true, outlets: (data.outlets ?? []).map((outlet) => outlet.name), dates: [], passages: file.data.passages ?? [], fingerprints: {}, ...notesOf(tree), minutes: 1 };
}

function termFacts(id: string, source: string): TermFacts {
  const { frontmatter } = parseMarkdown(source);
  const data = (parseYaml(frontmatter || '{}') ?? {}) as { term?: string; aliases?: string[]; short?: string; category?: string };
  const term = data.term ?? id;
  return { id, term, names: [...new Set([term, ...(data.aliases ?? [])])], short: data.short ?? '', category: data.category ?? '', frontmatter: data, file: `content/glossary/${id}.md`, source, digest: '' };
}

export function makeCorpus({ articles = {}, terms = {} }: { articles?: Record<string, string>; terms?: Record<string, string> }): () => Corpus {
  const corpus = joinCorpus(
    Object.entries(articles).map(([slug, source]) => articleFacts(slug, source)),
    Object.entries(terms).map(([id, source]) => termFacts(id, source)),
  );
  return () => corpus;
}

/** A glossary entry's source with the given term and aliases. */
export function termSource(term: string, aliases: string[] = [], short = 'A short definition of the term for its preview, forty characters or more.'): string {
  return `---\nterm: ${term}\naliases: [${aliases.map((alias) => JSON.stringify(alias)).join(', ')}]\ncategory: concept\nshort: ${short}\nsources:\n  - { title: A source, url: https://example.com/ }\n---\nEntry.\n`;
}
