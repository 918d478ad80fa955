/**
 * The edition compiler: every content file parsed once per digest into facts, the facts joined once
 * into cross-file maps, and each article rendered to HTML once per render key (its own text and what
 * it shows from other files). Pages, the loader, the checks and the integrations all read the one
 * compiled edition; nothing else reads `content/`.
 *
 *   content/articles/*.mdx ─ read (Sätteri, schema, guard, passage ids) ─▶ facts ─┐
 *   content/glossary/*.md  ─ read (Sätteri, schema, guard)             ─▶ facts ─┴─ join ─▶ corpus,
 *   citations ─ render (remark/rehype plugins, per render key) ─▶ HTML + notes + mentions
 *
 * @example
 * const edition = compileEdition({ root: process.cwd(), base: '/' });
 * edition.html('russia-new-steps-western-border'); // '<p id="er-editor-…">…'
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readUtf8 } from './encoding.ts';
import { basename, join, resolve } from 'node:path';
import { DiskCache, digestOf } from './cache.ts';
import { FactKeys } from './fact-keys.ts';
import { readArticle, readClaims, readTerm } from './read.ts';
import { dependencyDigest, joinCorpus } from './join.ts';
import { renderArticle } from './render.ts';
import { ContentErrors, type Problem } from './problems.ts';
import { checkAnchors, checkClaims, checkGlossary, checkImportRules, checkSourcesVerified, ledgerSuccessors } from './check.ts';
import { checkEditionCorrections } from './check-corrections.ts';
import type { Correction } from '../lib/corrections.ts';
import { holdMention, type ArticleFacts, type ClaimEntry, type ClaimsFacts, type HeldRender, type RenderedArticle, type TermFacts } from './model.ts';
import { citationsOf, type Corpus } from '../lib/corpus.ts';
import { checkCrossClaims, readCrossClaims, type CrossClaimEntry } from './claims-across.ts';
import { claimGroups, publishedClaims } from '../lib/claims.ts';
import type { Published } from '../lib/ledger.ts';
import { publishedOf } from './anchors.ts';
import { isArticleSlug } from '../lib/ids.ts';
import { slugOf } from '../lib/slug.ts';
import { isEditorFile } from '../lib/files.ts';

export type { ArticleFacts, TermFacts, RenderedArticle, IncomingCitation, ClaimEntry } from './model.ts';

/** Options of {@link compileEdition}. */
export interface CompileOptions {
  /** The project folder, where `content/` is. Default: the working directory. */
  root?: string;
  /** The site's base path, for the URLs in the HTML. Default `/`. */
  base?: string;
  /** The site's origin, for absolute links (a note's "Report an error"). Default `$SITE_URL` or `http://localhost:4321`. */
  site?: string;
  /**
   * Where the cache lives. Default `borderlines/` in Astro's cache folder: `$CACHE_DIR` if set (as
   * astro.config.mjs reads it), else `<root>/node_modules/.astro`.
   */
  cacheDir?: string;
  /**
   * Leave sources without a date of verification, or without the label the domain table asks of
   * their outlet, to the caller (`npm run check` reports the apparatus first, then fails on them
   * itself). Default false: the build fails on them.
   */
  deferUnverifiedSources?: boolean;
  /**
   * Checks of files the compile does not read but that name what it reads (the timeline's events
   * name notes and passages), run when the compile has found problems of its own, so that an
   * editor gets them all in one list rather than one round after another. Their problems are
   * added to the compile's. Without problems the edition is returned, and they run where they
   * always do (the timeline's pages, `npm run check`).
   */
  alsoCheck?: (edition: CompiledEdition) => Problem[];
  /**
   * The compile of `npm run ledger`, which records the anchors' fingerprints as they are now: a
   * published note whose words changed without a correction is what it records (a typo mended),
   * not a problem that would stop it.
   */
  recordingLedger?: boolean;
}

/**
 * A worker's share of a cold compile (src/compiler/workers.ts): at stage `read`, the files whose
 * place in the edition's list is `part` modulo `of`, parsed into facts; at stage `render`, the
 * articles of that share rendered. Each goes to the cache on disk, from which the build's own
 * compile then reads them.
 */
export interface Share {
  stage: 'read' | 'render';
  part: number;
  of: number;
}

/** What a compile did, for the build's log and the bench. */
export interface CompileStats {
  files: number;
  /** Files parsed (their digest was new) and files whose facts were reused. */
  parsed: number;
  /** Articles rendered (their render key was new) and articles whose HTML was reused. */
  rendered: number;
  reused: number;
  ms: number;
}

/** The compiled edition. */
export interface CompiledEdition {
  root: string;
  base: string;
  site: string;
  /** The compiler's cache folder: pages may keep there what they work out from the whole edition. */
  cacheDir: string;
  /** The digest of the code that compiles and renders (src/compiler, src/plugins, src/lib, src/schemas): part of every key in the cache. */
  code: string;
  /** Every article (drafts included), in file-name order. */
  articles: ArticleFacts[];
  articleBySlug: Map<string, ArticleFacts>;
  terms: TermFacts[];
  /** Each text's claims inventory (content/claims/<slug>.yaml), by slug. */
  claims: Map<string, ClaimEntry[]>;
  /** The registry of cross-text claims (content/claims-across.yaml). */
  claimsAcross: CrossClaimEntry[];
  corpus: Corpus;
  /** Every correction of the apparatus with its earlier wording (content/corrections.yaml), newest first. */
  corrections: Correction[];
  /** What each article's pipeline recorded (headings, notes, mentions), by slug. */
  rendered: Map<string, HeldRender>;
  /** The render key of each article: changes when anything its page shows changes. */
  renderKey: Map<string, string>;
  /** The article's HTML, read from the cache when asked (the edition's HTML is never held at once). */
  html(slug: string): string;
  /**
   * The HTML of each note's body of an article, by note id, read from the cache when asked: the
   * notes in `rendered` do not keep it (4.6 MB of the 71 MB they held while the pages of the
   * bench's 1,000 texts were rendered, heap snapshot of 5 December 2026).
   */
  noteBodies(slug: string): Map<string, string>;
  /** Anchors published now (for `npm run ledger`), worked out when read. */
  readonly published: Published;
  /** What an editor should know but that does not stop the build. */
  warnings: string[];
  stats: CompileStats;
}

/** The compiler's own code: a change to it renders everything again. */
function codeDigest(root: string): string {
  const parts: string[] = [];
  for (const dir of ['src/compiler', 'src/plugins', 'src/lib', 'src/schemas']) {
    let names: string[] = [];
    try {
      names = readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts')).sort();
    } catch {
      continue;
    }
    for (const name of names) parts.push(`${dir}/${name}`, readFileSync(join(root, dir, name), 'utf8'));
  }
  return digestOf(parts.join('\0'));
}

const ARTICLES_DIR = 'content/articles';

/** What each folder the compile reads holds, for its files' names and the messages about them. */
const FOLDERS = {
  [ARTICLES_DIR]: { extension: '.mdx', what: 'articles', one: 'an article', that: 'that text', ruleId: 'article-file-name', elsewhere: 'a raw text is imported with `npm run import -- <file.txt>`, which keeps its copy in content/sources/.' },
  'content/glossary': { extension: '.md', what: 'glossary entries', one: 'a glossary entry', that: 'that entry', ruleId: 'glossary-file-name', elsewhere: 'notes on a term belong in its entry.' },
  'content/claims': { extension: '.yaml', what: 'claims inventories', one: 'a claims inventory', that: 'that inventory', ruleId: 'claims-file-name', elsewhere: 'a claim across texts goes in content/claims-across.yaml.' },
} as const;
type Folder = keyof typeof FOLDERS;

/** Other spellings of each folder's extension: a file so named is meant to be read, and is renamed. */
const SPELLINGS: Record<Folder, RegExp> = {
  [ARTICLES_DIR]: /^(.*)\.(?:mdx?|markdown)$/i,
  'content/glossary': /^(.*)\.(?:mdx?|markdown)$/i,
  'content/claims': /^(.*)\.ya?ml$/i,
};

/**
 * The files of one of the compile's folders, and a problem for every other entry there: a file the
 * compile passed over (`x.md` among articles, `x.yml` among inventories) would be a text, an entry
 * or an inventory that silently never appears; a name that is not a slug (`Baltic Test.mdx`) would
 * become an address; a folder or a link to nothing where a file is expected would stop the compile
 * with the system's error. Hidden files (`.DS_Store`, an editor's lock `.#x.md` or swap file) and
 * backups (`x.md~`, `#x.md#`) are the system's and the editors', not the edition's.
 */
function filesOf(root: string, dir: Folder): { files: string[]; problems: Problem[] } {
  const folder = FOLDERS[dir];
  let names: string[];
  try {
    names = readdirSync(join(root, dir)).sort();
  } catch {
    return { files: [], problems: [] };
  }
  const files: string[] = [];
  const problems: Problem[] = [];
  for (const name of names) {
    if (isEditorFile(name)) continue;
    const file = `${dir}/${name}`;
    const info = statSync(join(root, file), { throwIfNoEntry: false });
    if (!info?.isFile()) {
      const found = !info ? 'a link to a file that does not exist' : info.isDirectory() ? 'a folder' : 'not a file';
      problems.push({ file, ruleId: 'content-file-kind', reason: `\`${name}\` is ${found}: ${dir}/ holds ${folder.what}, each a file ending in ${folder.extension}`, fix: `move it out of ${dir}/ (mv "${file}" <elsewhere>), or delete it if it is left over.` });
      continue;
    }
    const spelled = SPELLINGS[dir].exec(name);
    const stem = spelled?.[1] ?? '';
    if (name.endsWith(folder.extension) && isArticleSlug(stem)) {
      files.push(file);
      continue;
    }
    if (!spelled) {
      // A glossary entry written as YAML alone: an entry is Markdown, its fields its front matter.
      const yaml = dir === 'content/glossary' ? /^(.*)\.ya?ml$/i.exec(name) : null;
      const fix = yaml
        ? `if it is an entry, name it ${dir}/${slugOf(yaml[1]!) || '<id>'}.md (mv "${file}" "${dir}/${slugOf(yaml[1]!) || '<id>'}.md"), its fields between two \`---\` lines at its top and its text below them; else move it out of ${dir}/.`
        : `move it out of ${dir}/; ${folder.elsewhere}`;
      problems.push({ file, ruleId: folder.ruleId, reason: `the file is not read: ${dir}/ holds ${folder.what} only, each a file ending in ${folder.extension}`, fix });
      continue;
    }
    const slug = isArticleSlug(stem) ? stem : slugOf(stem);
    const target = `${dir}/${slug || '<slug>'}${folder.extension}`;
    const reason = name.endsWith(folder.extension)
      ? `the name \`${stem}\` is not a slug, which ${dir === 'content/glossary' ? 'the term’s id and address (/glossary/<id>/) are' : dir === 'content/claims' ? 'the inventory’s text (its article’s slug) is' : 'the text’s address (/articles/<slug>/) is'} made of: lowercase letters, digits and hyphens, at most 80 characters`
      : `the file is not read: ${folder.one} is a file ending in ${folder.extension}`;
    // The rename must not overwrite another file (`x.md` beside `x.mdx` is most likely a stray copy).
    const fix = slug && names.includes(`${slug}${folder.extension}`)
      ? `${target} exists already: delete ${file} if it is a copy of ${folder.that}, or rename it to a slug of its own: mv "${file}" "${dir}/<slug>${folder.extension}"`
      : `rename it${slug ? '' : ' to a few words in lowercase letters, digits and hyphens'}: mv "${file}" "${target}"`;
    problems.push({ file, ruleId: folder.ruleId, reason, fix });
  }
  return { files, problems };
}

/** The files of a folder, its problems left to the compile (which reports them once). */
function list(root: string, dir: Folder): string[] {
  return filesOf(root, dir).files;
}

/**
 * Compiles the edition under `root`. Throws {@link ContentErrors} listing every content problem.
 */
export function compileEdition(options: CompileOptions = {}): CompiledEdition {
  return compile(options)!;
}

/** Does a worker's share of a compile into the cache on disk (see {@link Share}); problems are left to the build's compile to report. */
export function compileShare(options: CompileOptions, share: Share): void {
  compile(options, share);
}

/** How many content files have no facts in the cache: what a compile would parse. */
export function filesToParse(options: CompileOptions = {}): number {
  const root = resolve(options.root ?? process.cwd());
  const cacheDir = cacheDirOf(root, options);
  const factsDir = join(cacheDir, 'facts');
  const keys = new FactKeys(root, cacheDir, codeDigest(root));
  let count = 0;
  for (const file of [...list(root, ARTICLES_DIR), ...list(root, 'content/glossary'), ...list(root, 'content/claims')]) {
    const key = keys.keyOf(file, () => readUtf8(root, file).text);
    if (!existsSync(join(factsDir, `${key}.json`))) count++;
  }
  return count;
}

function cacheDirOf(root: string, options: CompileOptions): string {
  return options.cacheDir ?? join(resolve(root, process.env['CACHE_DIR'] ?? 'node_modules/.astro'), 'borderlines');
}

function compile(options: CompileOptions, share?: Share): CompiledEdition | undefined {
  const mine = (index: number) => !share || index % share.of === share.part;
  const started = performance.now();
  // `/x/` (a file URL's path, as Astro gives the root) and `/x` are the same folder.
  const root = resolve(options.root ?? process.cwd());
  const base = withSlash(options.base ?? '/');
  const site = options.site ?? process.env['SITE_URL'] ?? 'http://localhost:4321';
  const cacheDir = cacheDirOf(root, options);
  const code = codeDigest(root);
  // The build's compile records the keys for the next build; a worker's share only reads them.
  const keys = new FactKeys(root, cacheDir, code, { recording: !share });
  const factsCache = new DiskCache<ArticleFacts | TermFacts | ClaimsFacts>(join(cacheDir, 'facts'));
  const metaCache = new DiskCache<Omit<RenderedArticle, 'html'>>(join(cacheDir, 'meta'));
  const htmlCache = new DiskCache<string>(join(cacheDir, 'html'));
  const problems: Problem[] = [];
  let parsed = 0;

  const sources = new Map<string, string>();
  /** `keep`: the text is kept for the render and the checks; a worker keeps only its share's. */
  function read<T extends ArticleFacts | TermFacts | ClaimsFacts>(file: string, reader: (root: string, file: string, source: string, digest: string) => { facts?: T | undefined; problems: Problem[] }, keep = !share): T | undefined {
    let source: string | undefined;
    let unreadable: Problem | undefined;
    const text = () => {
      if (source === undefined) ({ text: source, problem: unreadable } = readUtf8(root, file));
      return source;
    };
    // The key first: it takes the file's time before its text is read (src/compiler/fact-keys.ts).
    const digest = keys.keyOf(file, text);
    const refused = () => unreadable && problems.push(unreadable);
    if (refused()) return undefined;
    if (keep) sources.set(file, text());
    if (refused()) return undefined;
    const cached = factsCache.get(digest) as T | undefined;
    if (cached) return cached;
    parsed++;
    const body = text();
    if (refused()) return undefined;
    const result = reader(root, file, body, digest);
    if (!result.facts) {
      problems.push(...result.problems);
      return undefined;
    }
    factsCache.set(digest, result.facts);
    return result.facts;
  }

  const { files: articleFiles, problems: misnamedArticles } = filesOf(root, ARTICLES_DIR);
  const { files: termFiles, problems: misnamedTerms } = filesOf(root, 'content/glossary');
  const { files: claimFiles, problems: misnamedClaims } = filesOf(root, 'content/claims');
  const misnamed = [...misnamedArticles, ...misnamedTerms, ...misnamedClaims];
  if (share?.stage === 'read') {
    articleFiles.forEach((file, index) => mine(index) && read(file, readArticle));
    termFiles.forEach((file, index) => mine(index) && read(file, readTerm));
    claimFiles.forEach((file, index) => mine(index) && read(file, readClaims));
    return undefined;
  }
  // A worker rendering its share keeps the texts of its share only (every text in each of two
  // workers was 0.43 GB more at the workers' peak, at 5,000 texts).
  const articles = articleFiles.flatMap((file, index) => read(file, readArticle, !share || mine(index)) ?? []);
  const terms = termFiles.flatMap((file) => read(file, readTerm) ?? []);
  const inventories = claimFiles.flatMap((file) => read(file, readClaims) ?? []);
  if (!share) keys.save();
  // An article that does not read stops here, and so does a file of content/articles/ that is not
  // read as one (what its absence causes, a link to its text unknown, would only follow from it).
  // A glossary entry or an inventory that does not read does not hide the articles' own errors:
  // they are rendered with the entries that did read, and what only the unread entry's absence
  // causes (its id unknown) is left out of the list.
  const unread = [...misnamed, ...problems.splice(0)];
  if (misnamed.length > 0 || unread.some((problem) => articleFiles.includes(problem.file))) throw new ContentErrors(unread);
  const unreadTerms = termFiles.filter((file) => unread.some((problem) => problem.file === file)).map((file) => basename(file, '.md'));
  const follows = (problem: Problem) => unreadTerms.some((id) => problem.reason.includes(`\`${id}\``) || problem.reason.includes(`"${id}"`));
  const stop = () => {
    if (unread.length > 0 || problems.length > 0) throw new ContentErrors([...unread, ...problems.filter((problem) => !follows(problem))]);
  };

  // Read before the render: a note's card links to the claim pages it treats (src/compiler/join.ts).
  const across = readCrossClaims(root);
  const corpus = joinCorpus(articles, terms, { inventories, registry: across.claims });
  const glossaryDigest = digestOf(JSON.stringify(terms.map((term) => [term.id, term.names, term.category])));
  const rendered = new Map<string, HeldRender>();
  /**
   * What a text's pipeline recorded, as the build keeps it: its notes' bodies as HTML stay on disk
   * (noteBodies), and its mentions' sentences are places in its passages' text (HeldMention).
   */
  const hold = (meta: Omit<RenderedArticle, 'html'>, facts: ArticleFacts): HeldRender => {
    const passageText = new Map(facts.passages.map((passage) => [passage.id, passage.text]));
    return { ...meta, notes: meta.notes.map(({ bodyHtml: _html, ...note }) => note), mentions: meta.mentions.map((mention) => holdMention(mention, passageText)) };
  };
  const renderKey = new Map<string, string>();
  let renders = 0;
  /** Takes an article's render from the cache, when both its parts are there. */
  const reuse = (facts: ArticleFacts, key: string): boolean => {
    const meta = metaCache.get(key);
    if (!meta || !htmlCache.has(key)) return false;
    rendered.set(facts.slug, hold(meta, facts));
    return true;
  };
  for (const [index, facts] of articles.entries()) {
    if (!mine(index)) continue;
    const key = digestOf(`${facts.digest}\0${base}\0${site}\0${dependencyDigest(facts, corpus, citationsOf(corpus, facts.slug), glossaryDigest)}`);
    renderKey.set(facts.slug, key);
    // A worker only fills the cache: what it rendered is the build's compile's to read (kept, it
    // was 0.52 GB more at the peak of two workers, at 5,000 texts).
    if (share ? metaCache.has(key) && htmlCache.has(key) : reuse(facts, key)) continue;
    renders++;
    const result = renderArticle(facts, sources.get(facts.file)!, { root, base, site, corpus });
    if (!result.rendered) {
      problems.push(...result.problems);
      continue;
    }
    const { html, ...rest } = result.rendered;
    htmlCache.set(key, html);
    metaCache.set(key, rest);
    // Kept as the cache gives it back, plain data: what the pipeline recorded can hold on to parts
    // of its trees, which at 5,000 texts kept 800 MB more in memory than a build from the cache.
    if (!share) rendered.set(facts.slug, hold(metaCache.get(key)!, facts));
  }
  if (share) return undefined;
  stop();
  const articleBySlug = new Map(articles.map((facts) => [facts.slug, facts]));
  // The anchors are read first: the claims check finds a renamed note by its published fingerprint.
  const anchors = checkAnchors({ root, articles, terms, rendered }, (file) => sources.get(file) ?? '', { changedNotes: !options.recordingLedger });
  problems.push(...checkGlossary({ terms }), ...checkImportRules(root, articles, (file) => sources.get(file) ?? ''), ...checkClaims(inventories, articleBySlug, terms, ledgerSuccessors(anchors.ledger), anchors.published));
  const corrections = checkEditionCorrections(root, articles, terms, rendered, (file) => sources.get(file) ?? '', anchors.ledger);
  problems.push(...corrections.problems);
  problems.push(...anchors.problems);
  if (!options.deferUnverifiedSources) problems.push(...checkSourcesVerified({ root, articles, terms, rendered }, (file) => sources.get(file) ?? ''));
  problems.push(...across.problems, ...(across.problems.length === 0 ? checkCrossClaims(across.claims, inventories, root, anchors.ledger) : []));
  const late = unread.length > 0 || problems.length > 0;
  if (!late) {
    stop();
    factsCache.prune();
    metaCache.prune();
    htmlCache.prune();
  }
  // The texts are not needed past this point; `html` below closes over this scope, which would
  // otherwise keep every text's source in memory for the whole build (150 MB at 5,000 texts).
  sources.clear();

  const edition: CompiledEdition = {
    root,
    base,
    site,
    cacheDir,
    code,
    articles,
    articleBySlug,
    claims: new Map(inventories.map((inventory) => [inventory.slug, inventory.claims])),
    claimsAcross: across.claims,
    terms,
    corpus,
    corrections: corrections.corrections,
    rendered,
    renderKey,
    html(slug) {
      const key = renderKey.get(slug);
      const html = key ? htmlCache.get(key) : undefined;
      if (html === undefined) throw new Error(`src/compiler: no rendered HTML for article "${slug}" (the cache in ${cacheDir} was removed during the build; build again).`);
      return html;
    },
    noteBodies(slug) {
      const key = renderKey.get(slug);
      const meta = key ? metaCache.get(key) : undefined;
      if (!meta) throw new Error(`src/compiler: no notes recorded for article "${slug}" (the cache in ${cacheDir} was removed during the build; build again).`);
      return new Map(meta.notes.flatMap((note) => (note.bodyHtml === undefined ? [] : [[note.id, note.bodyHtml]])));
    },
    // Worked out when asked (by `npm run ledger`), from what the edition holds anyway: the build
    // never asks (held, it was 2.7 MB of the 118.5 MB the bench's 1,000 texts kept).
    get published(): Published {
      return { ...publishedOf({ articles, terms, rendered }), claims: publishedClaims(claimGroups(new Map(inventories.map((inventory) => [inventory.slug, inventory.claims])), across.claims)) };
    },
    warnings: anchors.warnings,
    stats: { files: articleFiles.length + termFiles.length + claimFiles.length, parsed, rendered: renders, reused: articles.length - renders, ms: Math.round(performance.now() - started) },
  };
  if (late) {
    problems.push(...(options.alsoCheck?.(edition) ?? []));
    stop();
  }
  return edition;
}

/** `/x` and `/x/` are the same base. */
function withSlash(base: string): string {
  return base.endsWith('/') ? base : `${base}/`;
}

const GLOBAL = Symbol.for('borderlines.compiledEdition');
type Held = { edition: CompiledEdition; signature: string; checked: number };

/** The names, sizes and modification times of every file a compile reads: cheap to take, and changes when any of them does. */
function signature(root: string): string {
  const parts: string[] = [];
  for (const dir of ['content/articles', 'content/glossary', 'content/import-rules', 'content/claims']) {
    let names: string[] = [];
    try {
      names = readdirSync(join(root, dir)).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const info = statSync(join(root, dir, name), { throwIfNoEntry: false });
      if (info) parts.push(`${dir}/${name}:${info.size}:${info.mtimeMs}`);
    }
  }
  const across = statSync(join(root, 'content/claims-across.yaml'), { throwIfNoEntry: false });
  if (across) parts.push(`claims-across:${across.size}:${across.mtimeMs}`);
  for (const file of ['content/corrections.yaml']) {
    const info = statSync(join(root, file), { throwIfNoEntry: false });
    if (info) parts.push(`${file}:${info.size}:${info.mtimeMs}`);
  }
  const ledger = statSync(join(root, 'content/anchors.yaml'), { throwIfNoEntry: false });
  if (ledger) parts.push(`ledger:${ledger.size}:${ledger.mtimeMs}`);
  return parts.join('|');
}

/** How long a compiled edition is trusted before the files are looked at again (an editor saves less often). */
const RECHECK_MS = 1000;

/**
 * The edition compiled for this process, compiled again only when a content file changed: the
 * content loaders, the pages, the checks and the plugins' tests all read the same one. In a
 * production build the files do not change under it, so they are looked at once. Held on
 * `globalThis` because Astro loads the config's copy of this module and the pages' bundled copy
 * apart; where pages are rendered in another realm, they compile again from the cache on disk.
 * `recheck` looks at the files now, within the second that a compiled edition is otherwise trusted:
 * the dev server's watcher asks so when a file was saved.
 */
export function getCompiledEdition(options: CompileOptions = {}, { recheck = false }: { recheck?: boolean } = {}): CompiledEdition {
  const root = resolve(options.root ?? process.cwd());
  const store = globalThis as Record<symbol, Held | undefined>;
  const held = store[GLOBAL];
  // A caller that does not name a base (a plugin asking for the corpus) takes the edition as held.
  const same = held && held.edition.root === root && (options.base === undefined || held.edition.base === withSlash(options.base)) && (options.site === undefined || held.edition.site === options.site);
  if (same && (process.env['NODE_ENV'] === 'production' || (!recheck && performance.now() - held.checked < RECHECK_MS))) return held.edition;
  const current = signature(root);
  if (same && held.signature === current) {
    held.checked = performance.now();
    return held.edition;
  }
  const edition = compileEdition(options);
  store[GLOBAL] = { edition, signature: current, checked: performance.now() };
  return edition;
}
