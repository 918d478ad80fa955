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
import { readingMinutes } from './articles.ts';

/** A link from a note to a passage: where a passage is cited from. */
export interface Citation {
  /** The citing note. */
  note: string;
  /** The cited passage, `slug#id`. */
  target: string;
  /** The sentence of the note that holds the link, as plain text. */
  sentence: string;
}

/** An article as the corpus sees it. */
export interface CorpusArticle {
  slug: string;
  title: string;
  draft: boolean;
  /** Names of its outlets, and its dates (`YYYY-MM-DD`), for link previews. */
  outlets: string[];
  dates: string[];
  /** Passage ids, in document order, with the text of the block's last line (for messages). */
  passages: Map<string, string>;
  /** Ids of the notes written in the article. */
  notes: Set<string>;
  /** Links from its notes to passages (of any article). */
  citations: Citation[];
  /** The MDX file, relative to the project. */
  file: string;
  /**
   * Minutes to read it. Counted here, from the file, so that Astro's content store need not keep
   * every article's body (at 5,000 articles it made a 160 MB module the build held in memory).
   */
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

/** The minutes to read the article `slug`, which must be in `corpus`. */
export function minutesOf(corpus: Corpus, slug: string): number {
  const article = corpus.articles.get(slug);
  if (!article) throw new Error(`src/lib/corpus.ts: no article "${slug}" in content/articles/ (the content store and the corpus disagree; rebuild).`);
  return article.minutes;
}

/** The edition as a whole. */
export interface Corpus {
  articles: Map<string, CorpusArticle>;
  /** Which articles define each note id (more than one is an error the notes plugin reports). */
  noteArticles: Map<string, string[]>;
  /** The glossary's terms, by id. */
  terms: Map<string, CorpusTerm>;
}

const MARKER = /(?<!\\)[ \t]\^([a-z0-9]+(?:-[a-z0-9]+)*)[ \t]*$/;
const NOTE_ID = /<Note\b[^>]*?\bid="([^"]*)"/g;
const NOTE_BLOCK = /<Note\b[^>]*?\bid="([^"]*)"[^>]*>([\s\S]*?)<\/Note>/g;
const PASSAGE_LINK = /\[([^\]]+)\]\(passage:([a-z0-9-]+#[a-z0-9-]+)\)/g;

/** Markdown of a note body as plain text: links become their text, sources and emphasis go. */
function plain(markdown: string): string {
  return markdown
    .replace(/<Source\b[^>]*\/>/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The sentence of `text` that contains `needle`. */
function sentenceWith(text: string, needle: string): string {
  const sentences = text.split(/(?<=[.!?])\s+(?=[\p{Lu}\p{N}“"‘'])/u);
  return sentences.find((sentence) => sentence.includes(needle)) ?? text;
}

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
  let frontmatter: { title?: unknown; draft?: unknown; outlets?: unknown; dates?: unknown } = {};
  try {
    frontmatter = end > 0 ? ((parseYaml(source.slice(4, end)) ?? {}) as typeof frontmatter) : {};
  } catch {
    // A broken front matter is reported, with its line, by the articles collection's schema check.
  }
  const body = end > 0 ? source.slice(end + 5) : source;
  const passages = new Map<string, string>();
  for (const line of body.split('\n')) {
    const match = MARKER.exec(line);
    if (match) passages.set(match[1]!, line.slice(0, match.index).replace(/^#+\s*/, ''));
  }
  const notes = new Set([...body.matchAll(NOTE_ID)].map((match) => match[1]!));
  const citations: Citation[] = [];
  for (const [, note, noteBody] of body.matchAll(NOTE_BLOCK)) {
    const text = plain(noteBody!);
    for (const [, label, target] of noteBody!.matchAll(PASSAGE_LINK)) {
      citations.push({ note: note!, target: target!, sentence: sentenceWith(text, plain(label!)) });
    }
  }
  const outlets = Array.isArray(frontmatter.outlets)
    ? frontmatter.outlets.flatMap((outlet) => (outlet && typeof outlet === 'object' && 'name' in outlet && typeof outlet.name === 'string' ? [outlet.name] : []))
    : [];
  const dates = Array.isArray(frontmatter.dates)
    ? frontmatter.dates.map((date) => (date instanceof Date ? date.toISOString().slice(0, 10) : String(date)))
    : [];
  return {
    slug,
    title: typeof frontmatter.title === 'string' ? frontmatter.title : slug,
    draft: frontmatter.draft === true,
    outlets,
    dates,
    passages,
    notes,
    citations,
    file,
    minutes: readingMinutes(body),
  };
}

/** Reads one glossary entry's source into its corpus entry. */
export function readTerm(id: string, source: string, file: string): CorpusTerm {
  const end = source.startsWith('---\n') ? source.indexOf('\n---\n', 4) : -1;
  let data: { term?: unknown; aliases?: unknown; short?: unknown; category?: unknown } = {};
  try {
    data = (end > 0 ? parseYaml(source.slice(4, end)) ?? {} : {}) as typeof data;
  } catch {
    // A broken entry is reported, with its line, by the glossary collection's schema check.
  }
  const term = typeof data.term === 'string' ? data.term : id;
  const aliases = Array.isArray(data.aliases) ? data.aliases.filter((alias): alias is string => typeof alias === 'string') : [];
  return {
    id,
    term,
    names: [...new Set([term, ...aliases])],
    short: typeof data.short === 'string' ? data.short.trim() : '',
    category: typeof data.category === 'string' ? data.category : '',
    file,
    source,
  };
}

let cached: { root: string; signature: string; corpus: Corpus; checked: number } | undefined;

/** How long a read corpus is trusted before the files are looked at again. */
const RECHECK_MS = 1000;
/** A build reads the files once: they do not change under it, and at 5,000 articles a look costs 40 ms. */
const recheckMs = () => (process.env['NODE_ENV'] === 'production' ? Number.POSITIVE_INFINITY : RECHECK_MS);

/**
 * The corpus under `root` (the project folder). Cached: re-read only when a file's size or
 * modification time changed, which is looked at no more than once a second (a build compiles
 * hundreds of files a second, each asking for the corpus; an editor saves less often), and in a
 * production build not at all.
 */
export function readCorpus(root: string): Corpus {
  if (cached?.root === root && performance.now() - cached.checked < recheckMs()) return cached.corpus;
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
  if (cached?.root === root && cached.signature === signature) {
    cached.checked = performance.now();
    return cached.corpus;
  }

  const articles = new Map<string, CorpusArticle>();
  const noteArticles = new Map<string, string[]>();
  for (const name of articleFiles) {
    const slug = name.replace(/\.mdx$/, '');
    const article = readArticle(slug, readFileSync(join(articlesDir, name), 'utf8'), `content/articles/${name}`);
    articles.set(slug, article);
    for (const note of article.notes) {
      const owners = noteArticles.get(note);
      if (owners) owners.push(slug);
      else noteArticles.set(note, [slug]);
    }
  }
  const terms = new Map<string, CorpusTerm>();
  for (const name of termFiles) {
    const id = name.replace(/\.mdx?$/, '');
    terms.set(id, readTerm(id, readFileSync(join(glossaryDir, name), 'utf8'), `content/glossary/${name}`));
  }
  const corpus = { articles, noteArticles, terms };
  cached = { root, signature, corpus, checked: performance.now() };
  return corpus;
}

/** A citation of a passage, with the article it is made from. */
export type IncomingCitation = Citation & { from: string; title: string };

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
        const entry = { ...citation, from: article.slug, title: article.title };
        if (list) list.push(entry);
        else index.set(target, [entry]);
      }
    }
    incoming.set(corpus, index);
  }
  return index.get(slug) ?? [];
}

/**
 * A passage's MDX source line as plain text: JSX tags dropped, escapes and character references
 * resolved, the passage-id marker and heading marks removed.
 *
 * @example plainPassage('Costs \\{less} <Passage note="x">here</Passage> ^costs') // 'Costs {less} here'
 */
export function plainPassage(line: string): string {
  return line
    .replace(/[ \t]\^[a-z0-9-]+\s*$/u, '')
    .replace(/^#{1,6}\s+/u, '')
    .replace(/<\/?[A-Za-z][^>]*>/gu, '')
    .replace(/&#x([0-9a-f]+);/giu, (_all, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/gu, (_all, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/\\(.)/gu, '$1')
    .trim();
}
