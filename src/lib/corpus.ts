/**
 * What the whole edition contains, read straight from `content/`: the articles with their passage
 * and note ids, and the glossary's term ids. Plugins that process one file need it to check links
 * to other files (a note linking to a passage of another article, a term that must exist). It is
 * read from disk, not from Astro's collections, because remark plugins run before collections are
 * complete; it is cached until a file of `content/` changes.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';

/** An article as the corpus sees it. */
export interface CorpusArticle {
  slug: string;
  title: string;
  draft: boolean;
  /** Passage ids, in document order, with the text of the block's last line (for messages). */
  passages: Map<string, string>;
  /** Ids of the notes written in the article. */
  notes: Set<string>;
  /** The MDX file, relative to the project. */
  file: string;
}

/** The edition as a whole. */
export interface Corpus {
  articles: Map<string, CorpusArticle>;
  /** Which articles define each note id (more than one is an error the notes plugin reports). */
  noteArticles: Map<string, string[]>;
  /** Ids of the glossary's terms. */
  terms: Set<string>;
}

const MARKER = /(?<!\\)[ \t]\^([a-z0-9]+(?:-[a-z0-9]+)*)[ \t]*$/;
const NOTE_ID = /<Note\b[^>]*?\bid="([^"]*)"/g;

function listFiles(dir: string, pattern: RegExp): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => pattern.test(name))
      .sort();
  } catch {
    return [];
  }
}

/** Reads one article's MDX source into its corpus entry. */
export function readArticle(slug: string, source: string, file: string): CorpusArticle {
  const end = source.startsWith('---\n') ? source.indexOf('\n---\n', 4) : -1;
  const frontmatter = end > 0 ? ((parseYaml(source.slice(4, end)) ?? {}) as { title?: unknown; draft?: unknown }) : {};
  const body = end > 0 ? source.slice(end + 5) : source;
  const passages = new Map<string, string>();
  for (const line of body.split('\n')) {
    const match = MARKER.exec(line);
    if (match) passages.set(match[1]!, line.slice(0, match.index).replace(/^#+\s*/, ''));
  }
  const notes = new Set([...body.matchAll(NOTE_ID)].map((match) => match[1]!));
  return {
    slug,
    title: typeof frontmatter.title === 'string' ? frontmatter.title : slug,
    draft: frontmatter.draft === true,
    passages,
    notes,
    file,
  };
}

let cached: { signature: string; corpus: Corpus } | undefined;

/**
 * The corpus under `root` (the project folder). Cached: re-read only when a file's size or
 * modification time changed.
 */
export function readCorpus(root: string): Corpus {
  const articlesDir = join(root, 'content/articles');
  const glossaryDir = join(root, 'content/glossary');
  const articleFiles = listFiles(articlesDir, /\.mdx$/);
  const termFiles = listFiles(glossaryDir, /\.mdx?$/);
  const signature = [
    ...articleFiles.map((name) => join(articlesDir, name)),
    ...termFiles.map((name) => join(glossaryDir, name)),
  ]
    .map((path) => {
      const info = statSync(path);
      return `${path}:${info.size}:${info.mtimeMs}`;
    })
    .join('|');
  if (cached?.signature === signature) return cached.corpus;

  const articles = new Map<string, CorpusArticle>();
  const noteArticles = new Map<string, string[]>();
  for (const name of articleFiles) {
    const slug = name.replace(/\.mdx$/, '');
    const article = readArticle(slug, readFileSync(join(articlesDir, name), 'utf8'), `content/articles/${name}`);
    articles.set(slug, article);
    for (const note of article.notes) noteArticles.set(note, [...(noteArticles.get(note) ?? []), slug]);
  }
  const terms = new Set(termFiles.map((name) => name.replace(/\.mdx?$/, '')));
  const corpus = { articles, noteArticles, terms };
  cached = { signature, corpus };
  return corpus;
}
