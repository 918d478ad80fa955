/**
 * Reading one file into its facts: parse (Sätteri), check the front matter against its schema, run
 * the checks that need only the file (remark-guard, remark-passage-anchors), and record the passages,
 * notes and citations. Done once per content digest; the result is cached (src/compiler/cache.ts).
 */
import type { Root, RootContent, Link } from 'mdast';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { toString } from 'mdast-util-to-string';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { ParseError, parseMdx, parseMarkdown, parseProblem, type Parsed } from './parse.ts';
import { readFrontmatter } from './frontmatter.ts';
import { fromRoot, problemsOf, type Problem } from './problems.ts';
import type { ArticleFacts, Citation, ClaimsFacts, TermFacts } from './model.ts';
import { claimsInventorySchema } from '../schemas/claims.ts';
import { LineCounter, parseDocument, isSeq, visit as visitYaml } from 'yaml';
import { remarkGuard } from '../plugins/remark-guard.ts';
import { remarkPassageAnchors } from '../plugins/remark-passage-anchors.ts';
import { recordedIn } from '../lib/ledger.ts';
import { articleSchema, SOURCES_DIR } from '../schemas/article.ts';
import { fidelityProblems } from './fidelity.ts';
import { termSchema } from '../schemas/glossary.ts';
import { readingMinutes } from '../lib/articles.ts';
import { headlineOutlets } from '../lib/attribution.ts';
import { attribute } from '../plugins/kit.ts';
import { isoDate } from '../lib/dates.ts';
import { fingerprint } from '../lib/ledger.ts';

/** The sentence of `text` that contains `needle`. */
function sentenceWith(text: string, needle: string): string {
  const sentences = text.split(/(?<=[.!?])\s+(?=[\p{Lu}\p{N}“"‘'])/u);
  return sentences.find((sentence) => sentence.includes(needle)) ?? text;
}

const EDITION_LINK = /^(passage|article|term|note):/;

/** Notes, citations and edition links of a tree whose notes are still `<Note>` elements. */
export function notesOf(tree: Root): Pick<ArticleFacts, 'notes' | 'citations' | 'links'> {
  const notes: ArticleFacts['notes'] = [];
  const citations: Citation[] = [];
  const links: string[] = [];
  for (const top of tree.children) {
    if (top.type !== 'mdxJsxFlowElement' || top.name !== 'Note') continue;
    const id = attribute(top, 'id') ?? '';
    notes.push({ id, line: top.position?.start.line ?? 0 });
    const body = top.children.filter((child) => !(child.type === 'mdxJsxFlowElement' && child.name === 'Source')) as RootContent[];
    const text = body.map((node) => toString(node)).join(' ').replace(/\s+/g, ' ').trim();
    for (const node of body) {
      visit(node, 'link', (link: Link) => {
        if (!EDITION_LINK.test(link.url)) return;
        links.push(link.url);
        if (link.url.startsWith('passage:')) citations.push({ note: id, target: link.url.slice('passage:'.length), sentence: sentenceWith(text, toString(link).replace(/\s+/g, ' ')) });
      });
    }
  }
  return { notes, citations, links };
}

/** The result of reading a file: its facts, or the problems that stop it. */
export type Read<T> = { facts: T; problems: [] } | { facts?: undefined; problems: Problem[] };

/** Runs plugins that check one file on its tree, collecting their problems. */
function check(tree: Root, root: string, path: string, source: string, plugins: 'article' | 'term'): { file: VFile; problems: Problem[] } {
  const file = new VFile({ path: join(root, path), value: source });
  const processor = plugins === 'article' ? unified().use(remarkGuard).use(remarkPassageAnchors, { recorded: recordedIn(root) }) : unified().use(remarkGuard);
  try {
    processor.runSync(tree, file);
    return { file, problems: [] };
  } catch (error) {
    const problems = problemsOf(error);
    if (!problems) throw error;
    return { file, problems: problems.map((problem) => fromRoot(problem, root)) };
  }
}

/**
 * The words of each paragraph and heading of one version of an article (`source`, as a commit of
 * `file` held it), by id, read as the compile reads them; undefined when that version does not read.
 * `npm run correction` compares two versions with it: a better copy of a text changes these words.
 */
export function passageWordsIn(root: string, file: string, source: string): Map<string, string> | undefined {
  const parsed = parse(parseMdx, source, file);
  if ('ruleId' in parsed) return undefined;
  const checked = check(parsed.tree, root, file, source, 'article');
  if (checked.problems.length > 0) return undefined;
  return new Map((checked.file.data.passages ?? []).map((passage) => [passage.id, passage.text]));
}

/** A file parsed, or the problem that stops it, placed in the file. */
function parse(parser: (source: string) => Parsed, source: string, file: string): Parsed | Problem {
  try {
    return parser(source);
  } catch (error) {
    if (error instanceof ParseError) return parseProblem(error, file);
    throw error;
  }
}

/**
 * The problem of a file that opens its front matter with `---` and never closes it: the parser
 * then reads the fields as text (a paragraph "title: …" with no passage id, every field missing).
 * Placed after the last line that reads as YAML, where the closing `---` belongs.
 */
function unclosedFrontmatter(parsed: Parsed, source: string, file: string): Problem | undefined {
  if (parsed.frontmatter !== '' || !/^---[ \t]*\r?\n/.test(source)) return undefined;
  const lines = source.split(/\r?\n/);
  let last = 1;
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!;
    if (/^---[ \t]*$/.test(line)) return undefined;
    if (line.trim() === '' || /^([\w-]+:(\s|$)|[ \t]|- |#)/.test(line)) {
      if (line.trim() !== '') last = index + 1;
      continue;
    }
    break;
  }
  return { file, line: 1, column: 1, ruleId: 'frontmatter-unclosed', reason: 'the front matter opened by `---` on line 1 is never closed', fix: `add a line \`---\` after line ${last}, the front matter's last field, so that the fields are read as fields and not as text.` };
}

/**
 * A content file with nothing in it: most often emptied by mistake (a failed save, a stray
 * redirect), so the fix is to get it back, not to write front matter into it.
 */
function emptyFile(file: string, source: string): Problem | undefined {
  if (source.trim() !== '') return undefined;
  return {
    file,
    line: 1,
    column: 1,
    ruleId: 'file-empty',
    reason: 'the file is empty',
    fix: `if it was emptied by mistake, get it back: your editor's undo, or, if it was committed, \`git diff ${file}\` to see what it held and \`git restore ${file}\` to restore the last commit (edits since then are lost that way). ${file.endsWith('.md') ? 'An entry the texts link to stays published: delete the file only once nothing names it' : 'To withdraw a published text, delete the file and record where its address leads under `redirects:` in content/anchors.yaml; a new text is made with `npm run import`'}.`,
  };
}

/** Reads an article file (`file` relative to `root`). */
export function readArticle(root: string, file: string, source: string, digest: string): Read<ArticleFacts> {
  const slug = file.replace(/^.*[\\/]/, '').replace(/\.mdx$/, '');
  const empty = emptyFile(file, source);
  if (empty) return { problems: [empty] };
  const parsed = parse(parseMdx, source, file);
  if ('ruleId' in parsed) return { problems: [parsed] };
  const unclosed = unclosedFrontmatter(parsed, source, file);
  if (unclosed) return { problems: [unclosed] };
  const { frontmatter, frontmatterLine, tree } = parsed;
  const front = readFrontmatter(frontmatter, frontmatterLine, articleSchema, file);
  const checked = check(tree, root, file, source, 'article');
  const problems = [...front.problems, ...checked.problems];
  if (problems.length > 0 || !front.data) return { problems };
  const data = front.data;
  const sourceFile = `${SOURCES_DIR}/${data.copy.source}`;
  let raw: string;
  try {
    raw = readFileSync(join(root, sourceFile), 'utf8');
  } catch {
    return { problems: [{ file, ruleId: 'frontmatter-invalid', reason: `\`copy.source\`: ${sourceFile} does not exist`, fix: `import the text with \`npm run import -- <file>\`, which keeps its raw copy in ${SOURCES_DIR}/, or correct the name.` }] };
  }
  const unfaithful = fidelityProblems({
    file,
    sourceFile,
    raw,
    removed: data.removed.flatMap((removal) => removal.occurrences.map((occurrence) => ({ rule: removal.rule, ...occurrence }))),
    received: [data.titleAsReceived, ...data.headerAsReceived],
    passages: checked.file.data.passages ?? [],
  });
  if (unfaithful.length > 0) return { problems: unfaithful };
  const body = source.slice(source.indexOf('\n---\n', 4) + 5);
  return {
    facts: {
      slug,
      file,
      digest,
      frontmatter: front.raw,
      title: data.title,
      draft: data.draft,
      // What other pages attribute its headline to (previews, cited-in boxes, corrections, timelines).
      outlets: headlineOutlets(data.outlets).map((outlet) => outlet.name),
      dates: data.dates.map((date) => isoDate(date)),
      passages: checked.file.data.passages ?? [],
      fingerprints: Object.fromEntries((checked.file.data.passages ?? []).map((passage) => [passage.id, fingerprint(passage.text)])),
      ...notesOf(tree),
      minutes: readingMinutes(body),
    },
    problems: [],
  };
}

/** Reads a glossary file. */
export function readTerm(root: string, file: string, source: string, digest: string): Read<TermFacts> {
  const id = file.replace(/^.*[\\/]/, '').replace(/\.md$/, '');
  const empty = emptyFile(file, source);
  if (empty) return { problems: [empty] };
  const parsed = parse(parseMarkdown, source, file);
  if ('ruleId' in parsed) return { problems: [parsed] };
  const unclosed = unclosedFrontmatter(parsed, source, file);
  if (unclosed) return { problems: [unclosed] };
  const { frontmatter, frontmatterLine, tree } = parsed;
  const front = readFrontmatter(frontmatter, frontmatterLine, termSchema, file);
  const checked = check(tree, root, file, source, 'term');
  const problems = [...front.problems, ...checked.problems];
  // The entry's page shows its text; the short definition alone is what previews show.
  if (!tree.children.some((node) => node.type !== 'yaml' && node.type !== 'toml')) {
    const closing = source.split('\n').findIndex((line, index) => index > 0 && /^---\s*$/.test(line));
    problems.push({
      file,
      line: closing + 2,
      column: 1,
      ruleId: 'empty-entry',
      reason: 'the entry has no text below its front matter: its page would show the short definition and nothing else',
      fix: 'write what the term is, what the record shows and what happened later, dated and drawn from the sources the front matter lists (the glossary entries of content/glossary/ show the form).',
    });
  }
  if (problems.length > 0 || !front.data) return { problems };
  const data = front.data;
  return {
    facts: { id, term: data.term, names: [...new Set([data.term, ...data.aliases])], short: data.short.trim(), category: data.category, frontmatter: front.raw, file, source, digest },
    problems: [],
  };
}

/** Reads a claims inventory: a YAML list of claims, each placed on its line. */
export function readClaims(_root: string, file: string, source: string, digest: string): Read<ClaimsFacts> {
  const slug = file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, '');
  const read = readFrontmatter(source, 1, claimsInventorySchema, file);
  if (read.problems.length > 0 || !read.data) return { problems: read.problems };
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter });
  // In YAML ` #` starts a comment, even in the middle of an unquoted quote: "Launching his
  // #NATO2030 reflection" silently became "Launching his". A comment on a claim's value is refused.
  const cut: Problem[] = [];
  visitYaml(doc, {
    Scalar(_key, node) {
      if (node.comment && node.type === 'PLAIN' && node.range) {
        const { line, col } = counter.linePos(node.range[0]);
        cut.push({ file, line, column: col, ruleId: 'claims-yaml-comment', reason: `the value \`${String(node.value)}\` is followed by \`#${node.comment}\`, which YAML reads as a comment, not as part of the value`, fix: 'put the whole value in double quotes, e.g. quote: "… #NATO2030 …".' });
      }
    },
  });
  if (cut.length > 0) return { problems: cut };
  const items = doc.contents;
  const lines = isSeq(items) ? items.items.map((item) => counter.linePos(item.range?.[0] ?? 0).line) : [];
  return { facts: { slug, file, digest, claims: read.data.map((claim, index) => ({ ...claim, line: lines[index] ?? 1 })) }, problems: [] };
}
