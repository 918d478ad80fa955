/**
 * The checks that need the whole edition, run on the compiled model before any page is rendered
 * (by the content loader, so by `astro build` and `astro dev`, and by `npm run check`):
 * glossary cross-references and the anchor ledger. Problems have the shape of every content error
 * (src/compiler/problems.ts): file:line:column, what is wrong, the exact fix.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument, isMap, isScalar, type Node as YamlNode } from 'yaml';
import { checkLedger, droppedFrom, recut, successorOf, fingerprint, followChain, isNameOnly, isPlainLedger, LEDGER_FILE, LEDGER_SECTIONS, ledgerIn, parseLedger, readLedgerLine, resolveAlias, termFingerprint, type Ledger, type Published } from '../lib/ledger.ts';
import { committedCopy, droppedProblem } from '../lib/committed.ts';
import { quoteFix } from '../lib/yaml-message.ts';
import { didYouMean } from '../lib/suggest.ts';
import { findCollisions } from '../lib/mentions.ts';
import { PROVENANCE_ANCHOR, publishedOf } from './anchors.ts';
import type { CompiledEdition } from './index.ts';
import type { ArticleFacts, ClaimsFacts, TermFacts } from './model.ts';
import type { Problem } from './problems.ts';
import { CONTROL_CHARACTERS_RULE, ImportError, linesOf, parseRules, type RuleSet } from '../lib/importer/index.ts';
import { day, readCorrectionRecords } from './check-corrections.ts';
import { CORRECTIONS_FILE, type CorrectionRecord } from '../lib/corrections.ts';
import { isToday } from '../lib/dates.ts';
import { loadSourceCategories, noteSources, termSources, sourceLanguageProblems, unlabelledSources, unverifiedSources, type CitedSource } from '../lib/apparatus-report.ts';
import { readUtf8 } from './encoding.ts';
import { isEditorFile } from '../lib/files.ts';

/** The 1-based line of `needle` (a whole YAML key or list item) in `text`, after the line `after`. */
function lineOf(text: string, test: (line: string) => boolean, from = 0): number | undefined {
  const lines = text.split('\n');
  for (let index = from; index < lines.length; index++) if (test(lines[index]!)) return index + 1;
  return undefined;
}

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `related` in a glossary entry names entries that exist. */
export function checkGlossary(edition: Pick<CompiledEdition, 'terms'>): Problem[] {
  const ids = new Set(edition.terms.map((term) => term.id));
  const problems: Problem[] = [];
  for (const term of edition.terms) {
    const related = Array.isArray(term.frontmatter['related']) ? (term.frontmatter['related'] as unknown[]).map(String) : [];
    for (const id of related) {
      if (ids.has(id)) continue;
      const start = lineOf(term.source, (line) => /^related:/.test(line)) ?? 1;
      const line = lineOf(term.source, (text) => new RegExp(`(^|[\\s,\\[-])${escape(id)}($|[\\s,\\]])`).test(text), start - 1) ?? start;
      problems.push({ file: term.file, line, column: 1, ruleId: 'unknown-related-term', reason: `\`related\` names \`${id}\`, which is not a glossary entry`, fix: `use the id of an entry (its file name without .md).${didYouMean(id, ids)}` });
    }
  }
  // A name given to two entries: named once, at the entry that gives it second, with the first's line
  // (each text's pipeline had named it once per text, with no line).
  const byId = new Map(edition.terms.map((term) => [term.id, term]));
  const nameLine = (source: string, name: string) => lineOf(source, (line) => line.includes(name)) ?? 1;
  for (const { name, terms: [first, second] } of findCollisions(edition.terms.map(({ id, names }) => ({ id, names })))) {
    const a = byId.get(first)!;
    const b = byId.get(second)!;
    problems.push({
      file: b.file,
      line: nameLine(b.source, name),
      column: 1,
      ruleId: 'alias-collision',
      reason: `the name “${name}” is also the name of \`${first}\` (${a.file}:${nameLine(a.source, name)}), and a name in a text can lead to one entry only`,
      fix: `remove “${name}” from one of the two entries, or make it more specific.`,
    });
  }
  return problems;
}

/** The line of `key` under `section` → `parent` in the ledger file, for messages. */
function ledgerLine(text: string, section: string, parent: string | undefined, key: string): number | undefined {
  // Parsed once for all the problems that name a line of it (6 s for the ledger of 5,000 texts).
  if (ledgerDoc?.text !== text) {
    const counter = new LineCounter();
    ledgerDoc = { text, counter, doc: parseDocument(text, { lineCounter: counter }) };
  }
  const { counter, doc } = ledgerDoc;
  let node: unknown = doc.get(section, true);
  if (parent !== undefined && isMap(node)) node = node.get(parent, true);
  if (!isMap(node)) return undefined;
  const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
  const offset = (pair?.key as YamlNode | undefined)?.range?.[0];
  return offset === undefined ? undefined : counter.linePos(offset).line;
}


const FINGERPRINT_VALUE = { what: 'fingerprint', fix: 'restore it (`git diff content/anchors.yaml` shows what it was): a recorded line is never deleted' };

/** What a value of each section is, and how to write one, for a value that is missing or not text. */
const LEDGER_VALUES: Record<string, { what: string; fix: string }> = {
  articles: FINGERPRINT_VALUE,
  terms: FINGERPRINT_VALUE,
  claims: FINGERPRINT_VALUE,
  aliases: { what: 'successor', fix: 'write after the colon the one id on the page that old links should land on (a paragraph\'s id, or `note-<id>` for a note)' },
  redirects: { what: 'successor', fix: 'write after the colon the address of the one article that old links should land on (the name of its file in content/articles/ without .mdx)' },
};

/**
 * The ledger's shape, before anything follows it: only its five sections, each a map of maps down
 * to one id or fingerprint per line, and each fingerprint 8 hexadecimal digits. An alias left empty
 * while its successor is looked up, a number or a list where an id goes, a misspelt section
 * (`redirect:`, whose lines nothing would read and `npm run ledger` would drop), or a fingerprint
 * cut or mistyped by hand (which would be taken for a change of the words it stands for) is named
 * on its line, not met with a crash or taken in silence.
 */
export function ledgerShapeProblems(text: string, ledger: Ledger, committed?: string): Problem[] {
  const problems = yamlShapeProblems(text);
  // A section's or a text's key taken out by hand: one line to put back, not an error for every line
  // that then hangs under the key before it.
  const lostKey = problems.length > 0 ? lostKeyLine(text, committed) : undefined;
  if (lostKey !== undefined) return [{ ...problems[0]!, column: 1, reason: `the line \`${lostKey.trim()}\` is gone, which the last commit has: the lines under it now hang under the key before it`, fix: `put it back where it stood (\`git diff ${LEDGER_FILE}\` shows where).` }];
  return problems.length > 0 ? problems : fingerprintProblems(text, ledger);
}

/**
 * A key line of a section or a text (`terms:`, `  some-text:`) that the last commit's ledger has and
 * `text` does not: taken out by hand, it makes the lines under it part of the key before it.
 */
function lostKeyLine(text: string, committed: string | undefined): string | undefined {
  if (committed === undefined) return undefined;
  // Each key line with its section (a text's key is in `articles:` and perhaps in `aliases:` too),
  // read as the ledger's reader reads a line; `aliases: {}` and `aliases:` are the same key.
  const keyLines = (ledgerText: string) => {
    let section = '';
    return ledgerText.split('\n').flatMap((raw) => {
      const read = readLedgerLine(raw);
      if (read === 'blank' || read === undefined || read.indent.length > 2 || (read.writtenValue !== undefined && read.writtenValue !== '{}')) return [];
      const line = `${read.indent}${read.writtenKey}:`;
      if (read.indent === '') section = line;
      return [{ line, key: read.indent === '' ? line : `${section}\n${line}` }];
    });
  };
  const present = new Set(keyLines(text).map((item) => item.key));
  return keyLines(committed).find((item) => !present.has(item.key))?.line;
}

/** Fingerprints that are not 8 hexadecimal digits (src/lib/slug.ts shortHash), in the sections that hold them. */
function fingerprintProblems(text: string, ledger: Ledger): Problem[] {
  const problems: Problem[] = [];
  for (const [section, depth] of Object.entries(LEDGER_SECTIONS)) {
    if (LEDGER_VALUES[section] !== FINGERPRINT_VALUE) continue;
    const records = (ledger as unknown as Record<string, Record<string, unknown> | undefined>)[section] ?? {};
    const lines = depth === 2 ? Object.entries(records).flatMap(([parent, inner]) => Object.entries((inner ?? {}) as Record<string, unknown>).map(([key, value]) => [parent, key, value] as const)) : Object.entries(records).map(([key, value]) => [undefined, key, value] as const);
    for (const [parent, key, value] of lines) {
      if (/^[0-9a-f]{8}$/.test(String(value))) continue;
      const line = ledgerLine(text, section, parent, key);
      // Placed on the value, which is what was mistyped.
      const at = line === undefined ? -1 : (text.split('\n')[line - 1] ?? '').lastIndexOf(String(value));
      problems.push({ file: LEDGER_FILE, line, column: at >= 0 ? at + 1 : 1, ruleId: 'ledger-shape', reason: `${[section, parent, key].filter(Boolean).map((step) => `\`${step}\``).join(' › ')} has \`${String(value)}\`, which is not a fingerprint (8 hexadecimal digits, none of them a capital)`, fix: `write back the fingerprint it had (\`git diff ${LEDGER_FILE}\` shows it): fingerprints are written by \`npm run ledger\`, never by hand.` });
    }
  }
  return problems;
}

/** The shape YAML gives the ledger: sections, maps and one text value a line. */
function yamlShapeProblems(text: string): Problem[] {
  // A ledger written as `npm run ledger` writes it has this shape by construction: not parsed again.
  if (isPlainLedger(text)) return [];
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  // A file that is not YAML is the ledger-yaml problem, reported where the ledger is parsed.
  if (doc.errors.length > 0 || doc.contents === null) return [];
  const at = (node: unknown) => {
    const offset = (node as YamlNode | undefined)?.range?.[0];
    const pos = offset === undefined ? undefined : counter.linePos(offset);
    return { file: LEDGER_FILE, line: pos?.line, column: pos?.col };
  };
  if (!isMap(doc.contents)) return [{ ...at(doc.contents), ruleId: 'ledger-shape', reason: 'the ledger is not a map of sections', fix: `restore it (\`git diff ${LEDGER_FILE}\`): its sections are ${Object.keys(LEDGER_SECTIONS).map((key) => `\`${key}:\``).join(', ')}.` }];
  const problems: Problem[] = [];
  const walk = (node: unknown, depth: number, section: string, path: string[]) => {
    const named = path.map((key) => `\`${key}\``).join(' › ');
    if (depth === 0) {
      const value = isScalar(node) ? node.value : node;
      if (typeof value === 'string' && value.trim() !== '') return;
      const { what, fix } = LEDGER_VALUES[section]!;
      const kind = value === null || value === undefined || value === '' ? `has no ${what}` : !isScalar(node) ? `has a list or a map where its ${what} goes` : `has ${typeof value === 'number' ? `the number ${String(value)}` : `\`${String(value)}\``} where its ${what} goes, which is not text`;
      const written = isScalar(node) && typeof node.source === 'string' ? node.source : String(value);
      problems.push({ ...at(node ?? undefined), ruleId: 'ledger-shape', reason: `${named} ${kind}`, fix: typeof value === 'number' || typeof value === 'boolean' ? quoteFix(path.at(-1)!, written) : fix });
      return;
    }
    // An empty section (`aliases:` with nothing under it yet) is an empty map.
    if (node === null || node === undefined || (isScalar(node) && (node.value === null || node.value === ''))) return;
    if (!isMap(node)) {
      // A line of a text's list written a level too far out, beside the texts' keys (`  id: successor`): it belongs under its text.
      const stray = depth === 1 && (section === 'aliases' || section === 'articles') && isScalar(node) && typeof node.value === 'string';
      problems.push({
        ...at(node),
        ruleId: 'ledger-shape',
        reason: `${named} holds a single value where a list of \`<id>: <${LEDGER_VALUES[section]!.what}>\` lines goes`,
        fix: stray
          ? `if \`${path.at(-1)}: ${String(node.value)}\` is a line of a text's list, indent it four spaces, under that text's key (\`  <slug>:\`), as its other lines are; otherwise write one \`<id>: <${LEDGER_VALUES[section]!.what}>\` line a level further in under \`${path.at(-1)}\`.`
          : `write one \`<id>: <${LEDGER_VALUES[section]!.what}>\` line a level further in under it.`,
      });
      return;
    }
    for (const pair of node.items) {
      if (!isScalar(pair.key)) {
        problems.push({ ...at(pair.key), ruleId: 'ledger-shape', reason: `under ${named}, a key is not an id`, fix: 'write one id, then a colon.' });
        continue;
      }
      const key = String(pair.key.value);
      // A key with nothing after it (`{ old-a }`, `? old-a`): placed on the key, where the editor left it.
      if (pair.value === null || pair.value === undefined) {
        const { what, fix } = LEDGER_VALUES[section]!;
        if (depth === 1) problems.push({ ...at(pair.key), ruleId: 'ledger-shape', reason: `${[...path, key].map((step) => `\`${step}\``).join(' › ')} has no ${what}`, fix });
        continue;
      }
      walk(pair.value, depth - 1, section, [...path, key]);
    }
  };
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const depth = LEDGER_SECTIONS[key];
    if (depth === undefined) {
      problems.push({ ...at(pair.key), ruleId: 'ledger-shape', reason: `\`${key}:\` is not a section of the ledger, so nothing reads its lines`, fix: `write its lines under one of the sections: ${Object.keys(LEDGER_SECTIONS).map((name) => `\`${name}:\``).join(', ')}.${didYouMean(key, Object.keys(LEDGER_SECTIONS))}` });
      continue;
    }
    walk(pair.value, depth, key, [key]);
  }
  return problems;
}

/** The ledger's text as a YAML document with its line counter, for ledgerLine. */
let ledgerDoc: { text: string; counter: LineCounter; doc: ReturnType<typeof parseDocument> } | undefined;

/** The removal recorded in an article's front matter (`removed`) whose text has fingerprint `print`. */
function removedText(frontmatter: Record<string, unknown>, print: string): { rule: string; lines: string } | undefined {
  const removed = Array.isArray(frontmatter['removed']) ? (frontmatter['removed'] as { rule?: unknown; occurrences?: { lines?: unknown; text?: unknown }[] }[]) : [];
  for (const removal of removed) {
    for (const occurrence of removal.occurrences ?? []) {
      if (typeof occurrence.text === 'string' && fingerprint(occurrence.text) === print) return { rule: String(removal.rule), lines: String(occurrence.lines) };
    }
  }
  return undefined;
}

/** The nearest paragraph recorded before `id` (else after it) that is still published. */
function neighbourOf(recorded: readonly string[], id: string, current: Record<string, string>): string | undefined {
  const paragraphs = recorded.filter((other) => !other.startsWith('note-'));
  const at = paragraphs.indexOf(id);
  const order = [...paragraphs.slice(0, at).reverse(), ...paragraphs.slice(at + 1)];
  return order.find((other) => current[other] !== undefined);
}

/** The front-matter line that says `draft: true`. */
function draftLine(source: string): number | undefined {
  return lineOf(source, (line) => /^draft:\s*true\b/.test(line));
}

/** An article's address: lower-case words and digits joined by hyphens, as `npm run import` makes it. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * The ledger's `redirects:` and `aliases:` as readers follow them: each must lead, in a few steps and
 * without going round, to an article and an anchor published now. The ledger's own check reads them
 * only for what it recorded; a redirect or alias written for anything else would otherwise make a
 * page that refreshes forever, lands on nothing, or is never used.
 */
function redirectProblems(ledger: Ledger, text: string, published: Published): Problem[] {
  const problems: Problem[] = [];
  const place = (section: string, parent: string | undefined, key: string) => {
    const line = ledgerLine(text, section, parent, key);
    return { file: LEDGER_FILE, line, column: line === undefined ? undefined : parent === undefined ? 3 : 5 };
  };
  const articles = Object.keys(published.articles);
  for (const [old, target] of Object.entries(ledger.redirects)) {
    const at = place('redirects', undefined, old);
    if (!SLUG.test(old)) {
      problems.push({ ...at, ruleId: 'ledger-redirect', reason: `\`${old}\` under \`redirects:\` is no article's address`, fix: 'write the old address as the article had it: lower-case words joined by hyphens, the name of its file without .mdx.' });
      continue;
    }
    if (published.articles[old]) {
      problems.push({ ...at, ruleId: 'ledger-redirect', reason: `article \`${old}\` is published, so its redirect to \`${target}\` is never followed`, fix: `delete the line; a redirect keeps the address of an article that was renamed or withdrawn (content/articles/${old}.mdx is still there).` });
      continue;
    }
    // A recorded article's redirect is judged with its anchors, below (article-gone).
    if (ledger.articles[old]) continue;
    const { path, round } = followChain(old, (key) => ledger.redirects[key]);
    const end = path.at(-1)!;
    if (round) {
      problems.push({ ...at, ruleId: 'ledger-redirect', reason: `the redirects go round (${path.map((key) => `\`${key}\``).join(' → ')}): a reader's browser would be sent back and forth for ever`, fix: `point \`${old}\` at the article that is published now.${didYouMean(target, articles)}` });
    } else if (!published.articles[end]) {
      problems.push({ ...at, ruleId: 'ledger-redirect', reason: `\`${old}\` redirects ${path.length > 2 ? `(${path.slice(1).map((key) => `\`${key}\``).join(' → ')}) ` : ''}to \`${end}\`, which is not published`, fix: `point it at the article that is published now: the name of its file in content/articles/ without .mdx.${didYouMean(end, articles)}` });
    }
  }
  for (const [slug, aliases] of Object.entries(ledger.aliases)) {
    const page = published.articles[slug] ? slug : ledger.redirects[slug];
    const anchors = page === undefined ? undefined : published.articles[page];
    if (!anchors) {
      problems.push({ ...place('aliases', undefined, slug), ruleId: 'ledger-alias', reason: `\`${slug}\` under \`aliases:\` is not a published article${page ? `, and its redirect leads to \`${page}\`, which is not either` : ''}`, fix: `write the aliases under the article's address (the name of its file in content/articles/ without .mdx).${didYouMean(slug, articles)}` });
      continue;
    }
    for (const [id, target] of Object.entries(aliases ?? {})) {
      const at = place('aliases', slug, id);
      if (anchors[id] !== undefined) {
        problems.push({ ...at, ruleId: 'ledger-alias', reason: `\`#${id}\` is on the page of \`${slug}\`, so its alias to \`#${target}\` is never followed`, fix: 'delete the line; an alias keeps the address of an anchor that is gone from the page.' });
        continue;
      }
      // A recorded anchor's alias is judged with the anchor, below (anchor-gone).
      if (ledger.articles[slug]?.[id] !== undefined) continue;
      const { path, round } = followChain(id, (key) => (anchors[key] === undefined ? aliases[key] : undefined));
      const end = path.at(-1)!;
      if (round) {
        problems.push({ ...at, ruleId: 'ledger-alias', reason: `the aliases of \`${slug}\` go round (${path.map((key) => `\`#${key}\``).join(' → ')}): a link to \`#${id}\` would land nowhere`, fix: `point \`${id}\` at an id on the page.${didYouMean(target, Object.keys(anchors))}` });
      } else if (anchors[end] === undefined) {
        problems.push({ ...at, ruleId: 'ledger-alias', reason: `the alias of \`#${id}\` in \`${slug}\` leads to \`#${end}\`, which is not on the page`, fix: `point it at an id on the page (a paragraph's \`^id\`, or \`note-<id>\` for a note).${didYouMean(end, Object.keys(anchors))}` });
      }
    }
  }
  return problems;
}

/**
 * The anchor ledger against what the edition publishes now. A published anchor that is gone fails
 * with the alias or redirect to record; when a paragraph's text survives under a new id (same
 * fingerprint), the message names that id and gives the line to paste.
 */
export function checkAnchors(edition: Pick<CompiledEdition, 'root' | 'articles' | 'terms' | 'rendered'>, sources: (file: string) => string, { changedNotes = true }: { changedNotes?: boolean } = {}): { problems: Problem[]; warnings: string[]; published: Published; ledger?: Ledger } {
  const published = publishedOf(edition);
  const path = join(edition.root, LEDGER_FILE);
  const committed = committedCopy(edition.root, LEDGER_FILE);
  const keep = 'a published address is kept for good, and one whose anchor is gone keeps its line, with an alias or a redirect to what took its place; then `npm run ledger`.';
  const what = { ledger: 'the anchor ledger', one: 'address', many: 'addresses' };
  if (!existsSync(path)) {
    // Deleted by hand: `npm run ledger` would write a new one without the aliases and redirects.
    if (committed?.trim()) return { problems: [droppedProblem(LEDGER_FILE, what, undefined, keep)], warnings: [], published };
    return { problems: [], warnings: [`${LEDGER_FILE} does not exist: run \`npm run ledger\` to record the published anchors.`], published };
  }
  const text = readFileSync(path, 'utf8');
  let ledger: Ledger;
  try {
    ledger = parseLedger(text);
  } catch (error) {
    // issue 17: placed like every content error, and fixed in place (an alias pasted as a second
    // key of the same article is the usual cause), not by discarding the file.
    const at = (error as { linePos?: { line: number; col: number }[] }).linePos?.[0];
    const what = (error as Error).message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/u, '');
    const code = (error as { code?: string }).code;
    // The key written twice, by its indent: a text's (two spaces) or an anchor's (four).
    const read = code === 'DUPLICATE_KEY' && at ? readLedgerLine(text.split('\n')[at.line - 1] ?? '') : undefined;
    const twice = read !== undefined && read !== 'blank' ? read : undefined;
    const lostKey = lostKeyLine(text, committed);
    const fix = code === 'TAB_AS_INDENT'
      ? 'indent with spaces (two a level, as the lines around it): YAML does not allow tabs there.'
      : lostKey !== undefined
        ? `put back the line \`${lostKey.trim()}\`, which the last commit has and this file no longer does: without it, the lines under it joined the ones before (\`git diff ${LEDGER_FILE}\` shows where it stood).`
        : twice && twice.indent.length >= 4
        ? `\`${twice.writtenKey}\` is written twice under the same text: keep one of the two lines (\`git diff ${LEDGER_FILE}\` shows which was there before).`
        : twice
          ? `\`${twice.writtenKey}\` is written twice in the same section: a text named twice under \`aliases:\` or \`articles:\` keeps one key, with the lines of both under it; a line taken out above it (a text's key or a section's) may have joined two texts' lines into one (\`git diff ${LEDGER_FILE}\` shows what changed).`
          : `correct the YAML there (\`git diff ${LEDGER_FILE}\` shows what changed).`;
    return { problems: [{ file: LEDGER_FILE, line: at?.line, column: at?.col, ruleId: 'ledger-yaml', reason: `the ledger is not valid YAML: ${what}`, fix }], warnings: [], published };
  }
  // Everything below follows the ledger's ids: a value that is not one is named first, on its line.
  const shape = ledgerShapeProblems(text, ledger, committed);
  if (shape.length > 0) return { problems: shape, warnings: [], published };
  const result = checkLedger(ledger, published);
  const problems: Problem[] = redirectProblems(ledger, text, published);
  // Lines taken out of the ledger by hand since the last commit (the file emptied, an anchor's line
  // deleted with its paragraph's id renamed): each was a published address.
  let before: Ledger | undefined;
  if (committed !== undefined && committed !== text) {
    let dropped: string[] = [];
    try {
      before = ledgerIn(committed);
      dropped = droppedFrom(before, ledger, published);
    } catch {
      // A committed copy YAML cannot read compares with nothing.
    }
    if (dropped.length > 0) {
      // Placed where the first line taken out stood: under its text's key, or its section's.
      const [section, parent] = dropped[0]!.split(' › ');
      const line = (parent !== undefined && section === 'articles' ? ledgerLine(text, 'articles', undefined, parent) : undefined) ?? lineOf(text, (each) => each.startsWith(`${section}:`));
      problems.push(droppedProblem(LEDGER_FILE, what, dropped, keep, line ?? 1));
    }
  }
  // Lines of the ledger edited by hand since the last commit: a fingerprint changed where the words
  // it stands for have not (the last commit's is theirs), or an id that no commit recorded and no
  // page has (typed, or a key mistyped). Named on the ledger's line, not blamed on the content.
  const handEdited = new Set<string>();
  if (before) {
    const key = (section: string, parent: string | undefined, id: string) => [section, parent, id].filter(Boolean).map((step) => `\`${step}\``).join(' › ');
    for (const changed of result.changed) {
      const [section, parent, now, was, recorded] = changed.term
        ? (['terms', undefined, published.terms[changed.term], before.terms[changed.term], ledger.terms[changed.term]] as const)
        : (['articles', changed.article!, published.articles[changed.article!]?.[changed.id], before.articles[changed.article!]?.[changed.id], ledger.articles[changed.article!]?.[changed.id]] as const);
      const id = changed.term ?? changed.id;
      if (now === undefined || was !== now || recorded === was) continue;
      handEdited.add(`${parent ?? ''}#${id}`);
      problems.push({ file: LEDGER_FILE, line: ledgerLine(text, section, parent, id), column: 1, ruleId: 'ledger-edited', reason: `${key(section, parent, id)} has \`${recorded}\`, but the last commit had \`${was}\`, the fingerprint of its words as they are now: the line was changed by hand`, fix: `write \`${was}\` back (\`git diff ${LEDGER_FILE}\` shows the change): fingerprints are written by \`npm run ledger\`, never by hand.` });
    }
    for (const missing of result.missing) {
      if (!missing.article || !missing.id || before.articles[missing.article]?.[missing.id] !== undefined) continue;
      // An id no commit recorded, where a committed id of the same text has left the ledger: its key
      // was changed by hand (`Nato-…` for `nato-…`). An id `npm run ledger` recorded since the last
      // commit and then renamed in the text is the ordinary anchor-gone, with its alias.
      const left = Object.keys(before.articles[missing.article] ?? {}).filter((id) => ledger.articles[missing.article!]?.[id] === undefined);
      if (left.length === 0) continue;
      handEdited.add(`${missing.article}#${missing.id}`);
      problems.push({ file: LEDGER_FILE, line: ledgerLine(text, 'articles', missing.article, missing.id), column: 5, ruleId: 'ledger-edited', reason: `${key('articles', missing.article, missing.id)} is not in the last commit's ledger and no page has that anchor, while ${left.length === 1 ? `\`${left[0]}\`` : `${left.length} ids`} of the same text left the ledger: the id was changed by hand.${didYouMean(missing.id, left)}`, fix: `put back the id it had (\`git diff ${LEDGER_FILE}\` shows it): ids are recorded by \`npm run ledger\`, never typed.` });
    }
  }
  const bySlug = new Map(edition.articles.map((article) => [article.slug, article]));
  const gone = (slug: string) => result.missing.filter((m) => m.article === slug && m.id).length;
  for (const missing of result.missing) {
    if (missing.term) {
      problems.push({ file: LEDGER_FILE, line: ledgerLine(text, 'terms', undefined, missing.term), column: 1, ruleId: 'anchor-gone', reason: `glossary term \`${missing.term}\` was published, but ${missing.reason} (content/glossary/${missing.term}.md)`, fix: `restore content/glossary/${missing.term}.md; a term's page is linked from every text that mentions it.` });
      continue;
    }
    const slug = missing.article!;
    const article = bySlug.get(slug);
    if (missing.id && handEdited.has(`${slug}#${missing.id}`)) continue;
    if (!missing.id) {
      if (article?.draft) {
        const source = sources(article.file);
        problems.push({ file: article.file, line: draftLine(source), column: 1, ruleId: 'published-draft', reason: `article \`${slug}\` is a draft (\`draft: true\`), but it was published: its page and ${Object.keys(ledger.articles[slug] ?? {}).length} anchors would disappear`, fix: `delete \`draft: true\` to keep it published; to withdraw it for good, add \`${slug}: <slug of the text that replaces it>\` under redirects in ${LEDGER_FILE}.` });
      } else {
        // A renamed article: the unrecorded article that publishes most of its recorded anchors.
        const recorded = Object.entries(ledger.articles[slug] ?? {});
        const successor = successorOf(recorded, Object.keys(published.articles).filter((other) => ledger.articles[other] === undefined), (other, id, print) => published.articles[other]![id] === print);
        const kept = successor ? recorded.filter(([id, print]) => published.articles[successor]![id] === print).length : 0;
        problems.push({
          file: LEDGER_FILE,
          line: ledgerLine(text, 'articles', undefined, slug),
          column: 1,
          ruleId: 'article-gone',
          reason: `article \`${slug}\` was published, but ${missing.reason}${successor ? `; its text is now \`${successor}\` (${kept} of its ${recorded.length} anchors)` : ''}`,
          fix: successor
            ? `keep old links alive: add under \`redirects:\` in ${LEDGER_FILE} (replacing \`redirects: {}\`):\n  ${slug}: ${successor}`
            : `restore content/articles/${slug}.mdx, or, if it was renamed, add \`${slug}: <new slug>\` under \`redirects:\` in ${LEDGER_FILE}.${didYouMean(slug, bySlug.keys())}`,
        });
      }
      continue;
    }
    // An id that already has an alias, whose alias leads to an id now gone too: mending that id's
    // link (its own error says how) mends this one, which follows the alias; the alias is not added twice.
    const aliased = ledger.aliases[slug]?.[missing.id];
    if (aliased !== undefined) {
      const end = resolveAlias(ledger, slug, missing.id) ?? aliased;
      const at = ledgerLine(text, 'aliases', slug, missing.id);
      problems.push({
        file: LEDGER_FILE,
        line: at,
        column: at === undefined ? undefined : 5,
        ruleId: 'anchor-gone',
        reason: `${missing.id.startsWith('note-') ? `note \`${missing.id.slice(5)}\`` : `paragraph \`#${missing.id}\``} of \`${slug}\` was published, but ${missing.reason}`,
        fix: `keep \`${end}\`'s links alive (its own error says how): this id follows its alias there. Or change this line to \`${missing.id}: <an id on the page>\`.`,
      });
      continue;
    }
    const current = published.articles[ledger.redirects[slug] ?? slug] ?? published.articles[slug] ?? {};
    const recorded = ledger.articles[slug] ?? {};
    const print = recorded[missing.id];
    const unrecorded = Object.keys(current).filter((id) => recorded[id] === undefined);
    // (Not a published id now holding these words: that is the id moved, `anchor-moved`, and an alias to it would be wrong.)
    const successor = unrecorded.find((id) => current[id] === print) ?? Object.keys(current).find((id) => id !== missing.id && current[id] === print && (recorded[id] === undefined || recorded[id] === current[id]));
    const what = missing.id.startsWith('note-') ? `note \`${missing.id.slice(5)}\`` : `paragraph \`#${missing.id}\``;
    const passage = article?.passages.find((p) => p.id === successor);
    const file = article?.file ?? `content/articles/${slug}.mdx`;
    // A renamed note is placed on its <Note> line, as a renamed paragraph is on its own.
    const noteLine = !passage && successor?.startsWith('note-') && article ? article.notes.find((note) => note.id === successor.slice(5))?.line : undefined;
    // issue 17: a paragraph a furniture rule now removes (a re-import recorded its text under
    // `removed`): named with the rule, placed on it, and aliased to the paragraph before it.
    const removedBy = !successor && print && article ? removedText(article.frontmatter, print) : undefined;
    const before = removedBy ? neighbourOf(Object.keys(recorded), missing.id, current) : undefined;
    const ruleLine = removedBy ? lineOf(sources(file), (line) => line.trim() === `- rule: ${removedBy.rule}`) : undefined;
    // issue 17: an article with aliases already gets the one line to add under its key; a second
    // `slug:` key would make the ledger invalid YAML.
    const ownAliases = ledger.aliases[slug] !== undefined ? ledgerLine(text, 'aliases', undefined, slug) : undefined;
    // Where the ledger records it: the one place to name when the text no longer shows where it was.
    const recordedAt = passage || noteLine || ruleLine ? undefined : ledgerLine(text, 'articles', slug, missing.id);
    const target = successor ?? before ?? '<id of its successor>';
    const aliasLine = ownAliases ? `    ${missing.id}: ${target}` : `  ${slug}:\n    ${missing.id}: ${target}`;
    const whereAlias = ownAliases
      ? `add this line under \`  ${slug}:\` in \`aliases:\` (${LEDGER_FILE}:${ownAliases}, where the article has aliases already)`
      : `add under \`aliases:\` in ${LEDGER_FILE}${Object.keys(ledger.aliases).length === 0 ? ' (replacing `aliases: {}`)' : ''}${gone(slug) > 1 ? `, with one \`  ${slug}:\` line above the ${gone(slug)} aliases of this article` : ''}`;
    problems.push({
      file,
      line: passage?.line ?? noteLine ?? ruleLine,
      column: passage || noteLine ? 1 : ruleLine ? 5 : undefined,
      ruleId: 'anchor-gone',
      reason: `${what} was published${recordedAt ? ` (${LEDGER_FILE}:${recordedAt})` : ''}, but ${missing.reason}${successor ? `; its text is now \`#${successor}\`${passage ? ` (line ${passage.line})` : ''}, with the same fingerprint` : ''}${removedBy ? `; rule \`${removedBy.rule}\` removes its text (source line ${removedBy.lines})` : ''}`,
      fix: successor
        ? `keep old links alive: ${whereAlias}:\n${aliasLine}`
        : before
          ? `keep old links alive with an alias to the paragraph that stood before it: ${whereAlias}:\n${aliasLine}`
          : `${missing.id.startsWith('note-') ? `restore the note (\`<Note id="${missing.id.slice(5)}" …>\`, after the paragraph it followed: \`git diff ${file}\` shows it)` : `restore the id (\` ^${missing.id}\`)`}, or ${whereAlias}:\n${aliasLine}${didYouMean(missing.id, unrecorded)}`,
    });
  }
  // A published note whose words changed and that says nothing of it: a reader who quoted it finds
  // other words, and /corrections/ lists nothing. A correction says so (`updated`, `change`, and its
  // earlier wording recorded); a typo mended is recorded as the note's new wording in the ledger.
  // The wording each recorded correction replaced, read once and only if a corrected note changed.
  let replaced: Map<string, CorrectionRecord> | undefined;
  const recordOf = (item: string, date: string) => {
    replaced ??= new Map(readCorrectionRecords(edition.root).records.map((record) => [`${record.item}@${record.date}`, record]));
    return replaced.get(`${item}@${date}`);
  };
  // (A note's fingerprint is that of its words and its sources' titles, as its record keeps them; a glossary entry's, of all it says.)
  const replacedOf = (item: string, date: string, name?: string) => {
    const before = recordOf(item, date)?.before;
    if (before === undefined) return undefined;
    return name === undefined ? fingerprint(before) : termFingerprint(name, before);
  };
  const termById = new Map(edition.terms.map((term) => [term.id, term]));
  // Whether a text's provenance is being corrected (reworded, with an \`updated\` the corrections take):
  // what lets it, and the words of the text with it, be published otherwise.
  // (Asked for each changed paragraph of a text: worked out once a text.)
  const corrected = new Map<string, boolean>();
  const provenanceCorrected = (article: (typeof edition.articles)[number], ledgerSlug: string) => {
    const key = `${article.slug} ${ledgerSlug}`;
    if (!corrected.has(key)) corrected.set(key, isProvenanceCorrected(article, ledgerSlug));
    return corrected.get(key)!;
  };
  const isProvenanceCorrected = (article: (typeof edition.articles)[number], ledgerSlug: string) => {
    const recorded = ledger.articles[ledgerSlug]?.[PROVENANCE_ANCHOR];
    if (published.articles[article.slug]?.[PROVENANCE_ANCHOR] === recorded) return false;
    const updated = day(article.frontmatter['updated']);
    const was = updated ? replacedOf(`provenance:${article.slug}`, updated) ?? replacedOf(`provenance:${ledgerSlug}`, updated) : undefined;
    return recordedAsCorrection(updated, was, recorded);
  };
  for (const changed of result.changed) {
    if (handEdited.has(`${changed.term ? '' : changed.article}#${changed.term ?? changed.id}`)) continue;
    // Recording the ledger takes in a note, entry or provenance reworded (a typo mended), but never a
    // paragraph id moved onto other words, which it would record as the id's words from then on.
    if (!changedNotes && !(changed.article && !changed.id.startsWith('note-') && changed.id !== PROVENANCE_ANCHOR)) continue;
    if (changed.term) {
      // A published glossary entry in other words: the same rule as a note's.
      const term = termById.get(changed.term);
      // A ledger of before 7 December 2026 fingerprints the name alone: nothing to judge until `npm run ledger` rewrites it.
      if (!term || isNameOnly(ledger.terms[term.id], term.term)) continue;
      const updated = day(term.frontmatter['updated']);
      const was = updated ? replacedOf(`term:${term.id}`, updated, term.term) : undefined;
      if (recordedAsCorrection(updated, was, ledger.terms[term.id])) continue;
      problems.push(rewordedUnrecorded('term', `term:${term.id}`, `glossary entry \`${term.id}\``, term.file, lineOf(term.source, (text) => /^(updated|short):/.test(text)) ?? 1, updated));
      continue;
    }
    if (changed.article && changed.id === PROVENANCE_ANCHOR) {
      // A published text's provenance in other words: the same rule as a note's; a renamed text's is
      // judged under its new address, as its notes are, until the ledger records that address.
      if (!published.articles[changed.article] && ledger.articles[ledger.redirects[changed.article] ?? '']?.[changed.id] !== undefined) continue;
      const slug = published.articles[changed.article] ? changed.article : ledger.redirects[changed.article] ?? changed.article;
      const article = bySlug.get(slug);
      if (!article || !published.articles[slug]) continue;
      if (provenanceCorrected(article, changed.article)) continue;
      problems.push(rewordedUnrecorded('provenance', `provenance:${article.slug}`, `the provenance of \`${article.slug}\` (its summary, where the copy came from, or a defect)`, article.file, lineOf(sources(article.file), (text) => /^(summary|copy|defects):/.test(text)) ?? 1, day(article.frontmatter['updated'])));
      continue;
    }
    if (changed.article && !changed.id.startsWith('note-')) {
      // A published paragraph id that now holds the words another published id held (two ids swapped,
      // or one moved onto another paragraph), or other words altogether (the raw copy edited and the
      // text imported again from it): every link to it would land on other words.
      // A renamed text's old entry: judged under its new slug once the ledger records that (as notes are).
      if (!published.articles[changed.article] && ledger.articles[ledger.redirects[changed.article] ?? '']?.[changed.id] !== undefined) continue;
      const slug = published.articles[changed.article] ? changed.article : ledger.redirects[changed.article] ?? changed.article;
      const current = published.articles[slug] ?? {};
      const recorded = ledger.articles[changed.article] ?? {};
      // Words published under another id that no longer holds them (an id that still holds its own
      // words, the same as these, is a paragraph repeated, not one moved).
      const holds = Object.keys(recorded).find((other) => other !== changed.id && !other.startsWith('note-') && recorded[other] === current[changed.id] && current[other] !== recorded[other]);
      const article = bySlug.get(slug);
      if (!article) continue;
      const line = (id: string) => article.passages.find((passage) => passage.id === id)?.line;
      const block = article.passages.find((passage) => passage.id === changed.id)?.kind === 'heading' ? 'heading' : 'paragraph';
      if (!holds) {
        // Its own words changed: the raw copy was edited and the text imported again from it. A
        // published text keeps the words it was published with, unless a better copy replaced the
        // one received, which its provenance says as a correction (and the ledger then records).
        if (!published.articles[slug]) continue;
        // A paragraph split in two or two merged keeps its words, cut otherwise: not a change of the text.
        const merged = new Set(Object.entries(ledger.aliases[changed.article] ?? {}).filter(([, to]) => to === changed.id).map(([from]) => recorded[from]).filter((value) => value !== undefined));
        if (recut(article.passages, changed.id, recorded[changed.id], merged)) continue;
        // The record of the text's correction of its `updated` day, and the words it keeps of this paragraph.
        const updated = day(article.frontmatter['updated']);
        const record = updated ? recordOf(`provenance:${article.slug}`, updated) ?? recordOf(`provenance:${changed.article}`, updated) : undefined;
        const kept = record?.paragraphs?.[changed.id];
        const keepsPublished = kept !== undefined && fingerprint(kept) === recorded[changed.id];
        if (provenanceCorrected(article, changed.article)) {
          // A correction not yet in the ledger: it keeps the words this paragraph was published with,
          // for /corrections/ to show beside its words now. (No record yet: the corrections' check asks
          // for it, and the command that writes it keeps these words too.)
          if (!record || keepsPublished) continue;
          problems.push({
            file: article.file,
            line: line(changed.id),
            column: 1,
            ruleId: 'text-changed',
            reason: `${block} \`#${changed.id}\` of a published text is in other words, and the correction of its provenance on ${updated} ${kept === undefined ? `does not keep the words it was published with (${CORRECTIONS_FILE}:${record.line})` : `keeps other words for it than it was published with (${CORRECTIONS_FILE}:${record.paragraphLines?.[changed.id] ?? record.line})`}: /corrections/ would not show what changed`,
            fix:
              kept === undefined
                ? `run \`npm run correction -- provenance:${article.slug} --append\`: it adds the earlier words of each paragraph the better copy changed to the correction's record in ${CORRECTIONS_FILE}, read from the repository's history.`
                : `under \`paragraphs:\` in that record, give \`${changed.id}\` the words it was published with (\`git log -p -- ${article.file}\` shows them), or take the line out and run \`npm run correction -- provenance:${article.slug} --append\`, which writes them.`,
          });
          continue;
        }
        if (record) {
          // The correction recorded in the ledger already, and this paragraph changed since: the same
          // day's better copy (its published words kept), or a second edit of that day, which only
          // that day's `npm run ledger` takes in (one correction a day), never a later day's.
          const ofToday = isToday(updated!);
          if (keepsPublished || (kept !== undefined && !changedNotes && ofToday)) continue;
          problems.push({
            file: article.file,
            line: line(changed.id),
            column: 1,
            ruleId: 'text-changed',
            reason: `${block} \`#${changed.id}\` of a published text is in other words than the ledger records, and the correction of its provenance on ${updated}, recorded already, ${kept === undefined ? 'does not keep the words it was published with' : 'keeps its words from before that day'} (${CORRECTIONS_FILE}:${record.line})`,
            fix:
              kept === undefined
                ? `if the better copy of ${updated} changed it too, run \`npm run correction -- provenance:${article.slug} --append\`, which adds the words it was published with to that correction's record; if a better copy came on another day, set \`updated\` to that day, say in \`change\` what changed and run the same command.`
                : ofToday
                  ? `if you changed it again today, the day of that correction, make its \`change\` say what both edits changed and record the new words with \`npm run ledger\`; if the change was not meant, \`git diff -- ${article.file}\` shows it.`
                  : `that correction was made on ${updated}, and this change comes after it: if the change was not meant, \`git diff -- ${article.file}\` shows it and \`git restore\` undoes it; if a better copy came since, say so as a correction of today: set \`updated\` to today, say in \`change\` and in the provenance what changed, and run \`npm run correction -- provenance:${article.slug} --append\`.`,
          });
          continue;
        }
        const copy = (article.frontmatter['copy'] as { source?: unknown } | undefined)?.source;
        const raw = typeof copy === 'string' ? `content/sources/${copy}` : 'its raw copy in content/sources/';
        problems.push({
          file: article.file,
          line: line(changed.id),
          column: 1,
          ruleId: 'text-changed',
          reason: `${block} \`#${changed.id}\` of a published text was published in other words (its fingerprint in ${LEDGER_FILE}): a reader who quoted it, or a link made to it, would find other words, and nothing would say so`,
          fix: `a published text keeps the words of the copy received (its raw copy edited, or a removal rule that now takes a line out of it, changes them). If the change was not meant, \`git diff -- ${raw} ${article.file}\` shows it and \`git restore -- ${raw} ${article.file}\` undoes it. If a better copy replaced the one received, say so as a correction of the text's provenance: change \`copy.from\` or \`defects\`, add \`updated: YYYY-MM-DD\` and \`change: <what changed, in a sentence for readers>\` to the front matter and run \`npm run correction -- provenance:${slug} --append\`.`,
        });
        continue;
      }
      // Where the words published under this id are now, if they are still on the page.
      const ownWords = Object.keys(current).find((other) => other !== changed.id && current[other] === recorded[changed.id]);
      problems.push({
        file: article.file,
        line: line(changed.id),
        column: 1,
        ruleId: 'anchor-moved',
        reason: `${block} \`#${changed.id}\` now holds the words published as \`#${holds}\`: every link made to \`#${changed.id}\` would land on other words than the ones it was made for`,
        fix: `an id stays with its words: end this ${block} with \` ^${holds}\` again${ownWords ? `, and the one at line ${line(ownWords) ?? '?'} (the words published as \`#${changed.id}\`, now \`#${ownWords}\`) with \` ^${changed.id}\`` : ''}. A new paragraph takes a new id; \`git diff ${article.file}\` shows the ids as they were.`,
      });
      continue;
    }
    if (!changed.article || !changed.id.startsWith('note-')) continue;
    // A renamed article's old entry: its notes are judged under the new slug's, which the ledger records when it is run.
    if (!published.articles[changed.article] && ledger.articles[ledger.redirects[changed.article] ?? '']?.[changed.id] !== undefined) continue;
    const slug = published.articles[changed.article] ? changed.article : ledger.redirects[changed.article] ?? changed.article;
    const article = bySlug.get(slug);
    const note = edition.rendered.get(slug)?.notes.find((candidate) => candidate.id === changed.id.slice(5));
    const line = article?.notes.find((candidate) => candidate.id === note?.id)?.line;
    if (!article || !note) continue;
    // A correction not yet in the ledger: the ledger still has the wording the correction replaced. A
    // note corrected once and reworded again since is judged like any other.
    // (Without a record of it, the corrections' check asks for the earlier wording: one problem, not two.)
    const was = note.updated ? replacedOf(`note:${note.id}`, note.updated) : undefined;
    if (recordedAsCorrection(note.updated, was, ledger.articles[changed.article]?.[changed.id])) continue;
    problems.push(rewordedUnrecorded('note', `note:${note.id}`, `note \`${note.id}\``, article.file, line, note.updated));
  }
  const warnings: string[] = [];
  if (result.unrecorded.length > 0) {
    warnings.push(`${result.unrecorded.length} anchors are not in ${LEDGER_FILE} yet (e.g. ${result.unrecorded.slice(0, 3).map((a) => `${a.article ?? 'glossary'}#${a.id}`).join(', ')}); record them with \`npm run ledger\` when you publish.`);
  }
  // The parsed ledger goes back with the result: the claims and corrections checks follow it too,
  // and at thousands of texts it is the largest YAML file of the edition, read once.
  return { problems, warnings, published, ledger };
}

/**
 * The furniture rules in `content/import-rules/` parse and compile (the importer applies them), and
 * every removal an article records (`removed`) is one of those rules' and removed what that rule
 * removes: an entry naming a rule that does not exist, or text no rule matches, would be text taken
 * out by hand and listed to readers as furniture.
 */
export function checkImportRules(root: string, articles: readonly ArticleFacts[] = [], sources: (file: string) => string = () => ''): Problem[] {
  const dir = join(root, 'content/import-rules');
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((name) => /\.ya?ml$/.test(name) && !isEditorFile(name)).sort();
  } catch {
    names = [];
  }
  const problems: Problem[] = [];
  const sets = new Map<string, RuleSet>();
  for (const name of names) {
    const file = `content/import-rules/${name}`;
    const { text, problem } = readUtf8(root, file);
    if (problem) {
      problems.push(problem);
      continue;
    }
    try {
      sets.set(name.replace(/\.ya?ml$/, ''), parseRules(text, file, name !== 'shared.yaml'));
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      problems.push({ file, line: error.line, column: error.column, ruleId: 'import-rule', reason: error.message.split('\n')[0]!.replace(/^\S+: /, ''), fix: error.hint });
    }
  }
  // A rules file that does not parse has its own problem: the removals it would name are not judged.
  if (problems.length > 0) return problems;
  for (const article of articles) {
    const frontmatter = article.frontmatter as { removed?: { rule?: unknown; occurrences?: { text?: unknown; lines?: unknown }[] }[]; copy?: { source?: unknown } };
    const stem = typeof frontmatter.copy?.source === 'string' ? frontmatter.copy.source.replace(/\.txt$/, '') : undefined;
    const own = stem === undefined ? undefined : sets.get(stem);
    const rules = [...(sets.get('shared')?.rules ?? []), ...(own?.rules ?? [])];
    const ownFile = `content/import-rules/${stem ?? '<source>'}.yaml`;
    // The last raw line of every run the article records as removed: a run of a block that starts right after one was cut by another rule.
    const ends = new Set((frontmatter.removed ?? []).flatMap((removal) => (removal.occurrences ?? []).map((occurrence) => linesOf(String(occurrence.lines ?? '')).last)));
    for (const removal of frontmatter.removed ?? []) {
      if (typeof removal.rule !== 'string') continue;
      const id = removal.rule;
      // Placed on the entry's `- rule:` line, found only for a problem: a build of thousands of texts reads none of them here.
      const report = (ruleId: string, reason: string, fix: string) => {
        const line = lineOf(sources(article.file), (text) => text.trim() === `- rule: ${id}`);
        problems.push({ file: article.file, line, column: line === undefined ? undefined : 5, ruleId, reason, fix });
      };
      const reimport = `npm run import -- content/sources/${stem ?? '<source>'}.txt --force`;
      // The importer's own removal of characters that cannot be shown (`--strip-controls`) is no rule of a file.
      if (id === CONTROL_CHARACTERS_RULE) continue;
      const rule = rules.find((candidate) => candidate.rule.id === id);
      if (!rule) {
        report(
          'removal-rule-unknown',
          `\`removed\` lists text as taken out by rule \`${id}\`, which is in neither content/import-rules/shared.yaml nor ${ownFile}: the page would list it to readers as furniture a rule removed`,
          `if the text belongs to the article, put it back and delete this entry; if it is furniture, add the rule to ${ownFile} and re-import (${reimport}).${didYouMean(id, rules.map((candidate) => candidate.rule.id))}`,
        );
        continue;
      }
      // A rule removes whole lines: the first line of each run it recorded is one the rule matches. A
      // block (\`from\` … \`to\`) that another rule cut in two is recorded as two runs, the second
      // starting on the line after the other rule's: that run starts where a removal ended.
      const unmatched = (removal.occurrences ?? [])
        .filter((occurrence) => !(rule.until && ends.has(linesOf(String(occurrence.lines ?? '')).first - 1)))
        .map((occurrence) => (typeof occurrence.text === 'string' ? occurrence.text.split('\n')[0]!.trim() : ''))
        .find((first) => first !== '' && !rule.match(first));
      if (unmatched !== undefined) {
        report(
          'removal-rule-mismatch',
          `\`removed\` lists “${unmatched.length > 60 ? `${unmatched.slice(0, 60)}…` : unmatched}” as taken out by rule \`${id}\` (${rule.file}:${rule.line}), which does not match that line`,
          `if the text belongs to the article, put it back and delete it from this entry; if it is furniture, change the rule so that it matches, and re-import (${reimport}).`,
        );
      }
    }
  }
  return problems;
}

const squeeze = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Each claim of an inventory is where it says: its text exists, its paragraph is in it and holds the
 * quoted words, and its disposition names a note of that text or a glossary entry.
 */
export function checkClaims(inventories: readonly ClaimsFacts[], articles: ReadonlyMap<string, ArticleFacts>, terms: readonly TermFacts[], successorOf: Successors = () => undefined, published?: Published): Problem[] {
  const problems: Problem[] = [];
  const termIds = new Set(terms.map((term) => term.id));
  for (const inventory of inventories) {
    const article = articles.get(inventory.slug);
    if (!article) {
      problems.push({ file: inventory.file, line: 1, column: 1, ruleId: 'claims-unknown-text', reason: `the inventory is named for \`${inventory.slug}\`, which is not a text of the edition`, fix: `name it after its text, content/claims/<slug>.yaml (a renamed text takes its inventory along: git mv).${didYouMean(inventory.slug, articles.keys())}` });
      continue;
    }
    const passages = new Map(article.passages.map((passage) => [passage.id, passage.text]));
    const notes = new Set(article.notes.map((note) => note.id));
    for (const claim of inventory.claims) {
      const at = { file: inventory.file, line: claim.line, column: 3 };
      // A paragraph renamed with an alias in the anchor ledger is found under its new id.
      const text = passages.get(claim.passage) ?? passages.get((successorOf(article.slug, claim.passage) ?? '') as typeof claim.passage);
      if (text === undefined) {
        // A published paragraph renamed without an alias yet: its recorded words name its new id.
        const recorded = successorOf.fingerprint?.(article.slug, claim.passage);
        // (Not a published id that now holds these words instead of its own: that id was moved, `anchor-moved`.)
        const renamed = recorded === undefined ? undefined : Object.entries(article.fingerprints).find(([id, fingerprint]) => fingerprint === recorded && (successorOf.fingerprint?.(article.slug, id as typeof claim.passage) ?? fingerprint) === fingerprint)?.[0];
        problems.push(
          renamed
            ? { ...at, ruleId: 'claim-unknown-passage', reason: `claim \`${claim.id}\` names the paragraph \`${claim.passage}\`, which ${article.file} now calls \`${renamed}\` (the same words)`, fix: `record the alias the anchor ledger asks for (${article.slug}: ${claim.passage}: ${renamed}), which this inventory follows, or write passage: ${renamed} here.` }
            : { ...at, ruleId: 'claim-unknown-passage', reason: `claim \`${claim.id}\` names the paragraph \`${claim.passage}\`, which ${article.file} does not have`, fix: `use the id after the paragraph's caret in ${article.file}.${didYouMean(claim.passage, passages.keys())}` },
        );
      } else if (!squeeze(text).includes(squeeze(claim.quote))) {
        problems.push({ ...at, ruleId: 'claim-quote', reason: `claim \`${claim.id}\` quotes words that paragraph \`${claim.passage}\` does not hold: “${claim.quote.slice(0, 60)}${claim.quote.length > 60 ? '…' : ''}”`, fix: 'copy the words exactly as the text has them (the page shows them as the copy does, its misspellings included).' });
      }
      const disposition = claim.disposition;
      if ('note' in disposition && !notes.has(disposition.note)) {
        // A published note renamed: the ledger's alias, or its recorded words, name its new id.
        const anchor = `note-${disposition.note}`;
        const aliased = successorOf(article.slug, anchor);
        const recorded = successorOf.fingerprint?.(article.slug, anchor);
        const current = published?.articles[article.slug] ?? {};
        const renamed = (aliased?.startsWith('note-') ? aliased : undefined) ?? (recorded === undefined ? undefined : Object.entries(current).find(([id, fingerprint]) => id.startsWith('note-') && fingerprint === recorded)?.[0]);
        const successor = renamed && notes.has(renamed.slice(5)) ? renamed.slice(5) : undefined;
        problems.push(
          successor
            ? { ...at, ruleId: 'claim-unknown-note', reason: `claim \`${claim.id}\` is treated by note \`${disposition.note}\`, which ${article.file} now calls \`${successor}\``, fix: `write note: ${successor} here.` }
            : { ...at, ruleId: 'claim-unknown-note', reason: `claim \`${claim.id}\` is treated by note \`${disposition.note}\`, which ${article.file} does not have`, fix: `name a note of the text, or write it.${didYouMean(disposition.note, notes)}` },
        );
      }
      if ('term' in disposition && !termIds.has(disposition.term)) {
        problems.push({ ...at, ruleId: 'claim-unknown-term', reason: `claim \`${claim.id}\` is covered by the glossary entry \`${disposition.term}\`, which does not exist`, fix: `name an entry of content/glossary/.${didYouMean(disposition.term, termIds)}` });
      }
    }
  }
  return problems;
}

/** Where an old paragraph id of a text leads, by the anchor ledger's aliases (none without a ledger). */
export function ledgerSuccessors(ledger: Ledger | undefined): Successors {
  const successor = (slug: string, id: string) => (ledger ? resolveAlias(ledger, slug, id) : undefined);
  return Object.assign(successor, { fingerprint: (slug: string, id: string) => ledger?.articles[slug]?.[id] });
}

/**
 * Where the anchor ledger says a published id has gone (its alias), and the fingerprint it recorded
 * for the id's words, by which a renamed paragraph not yet aliased is found.
 */
export type Successors = ((slug: string, id: string) => string | undefined) & { fingerprint?: (slug: string, id: string) => string | undefined };

/**
 * Every source the notes and the glossary cite, with its file and line (src/lib/apparatus-report.ts):
 * what the apparatus report counts and the verification check reads.
 */
export function citedSources(edition: Pick<CompiledEdition, 'articles' | 'terms' | 'rendered'>, sources: (file: string) => string): CitedSource[] {
  return [
    ...edition.articles.flatMap((article) => noteSources(article.file, article.slug, sources(article.file), edition.rendered.get(article.slug)?.notes ?? [])),
    ...edition.terms.flatMap((term) => termSources(term.file, term.source, term.frontmatter)),
  ];
}

/**
 * A source with no `verified` date fails (issue 18): the edition cites only pages an editor has
 * opened; so does one whose title does not say what the domain table asks of its outlet (state
 * media, a government's funding), in the build as in `npm run check`. A table that does not read is
 * reported on its own (src/data/source-mix.ts), not as every citation unlabelled.
 */
export function checkSourcesVerified(edition: Pick<CompiledEdition, 'root' | 'articles' | 'terms' | 'rendered'>, sources: (file: string) => string): Problem[] {
  const cited = citedSources(edition, sources);
  const table = loadSourceCategories(edition.root);
  return [...unverifiedSources(cited), ...(table.problems.length === 0 ? unlabelledSources(cited, table.table) : []), ...sourceLanguageProblems(cited)];
}

/**
 * A published item in other words is let through only as a correction not yet in the ledger: it
 * has an `updated` date, and either no record of that correction yet (the corrections' check asks
 * for one: one problem, not two) or a record whose earlier wording is the one the ledger holds.
 */
function recordedAsCorrection(updated: string | undefined, was: string | undefined, recorded: string | undefined): boolean {
  return updated !== undefined && (was === undefined || was === recorded);
}

/** What the problem of an item in other words says of each kind of item. */
const REWORDED = {
  note: { says: 'its text and its sources\' titles now', silent: 'it says nothing of the change', fields: '`updated="YYYY-MM-DD" change="<what changed, in a sentence for readers>"` to its <Note>' },
  term: { says: 'what it says now', silent: 'it says nothing of the change', fields: '`updated: YYYY-MM-DD` and `change: <what changed, in a sentence for readers>` to its front matter' },
  provenance: { says: 'what it says now', silent: 'the article says nothing of the change', fields: '`updated: YYYY-MM-DD` and `change: <what changed, in a sentence for readers>` to the front matter' },
} as const;
const REWORDED_ITEM = { note: 'the note', term: 'the entry', provenance: 'the provenance' } as const;

/**
 * The one problem of a note, glossary entry or provenance published in other words with nothing
 * said of it: `item` is its name for `npm run correction` ("note:x"), `what` names it for the editor.
 */
function rewordedUnrecorded(kind: keyof typeof REWORDED, item: string, what: string, file: string, line: number | undefined, updated: string | undefined): Problem {
  const { says, silent, fields } = REWORDED[kind];
  return {
    file,
    line,
    column: 1,
    ruleId: `${kind}-changed-unrecorded`,
    reason: `${what} was published in other words (its fingerprint in ${LEDGER_FILE} is not that of ${says}), and ${updated ? `its \`updated\` (${updated}) is that of an earlier correction` : silent}`,
    // A correction already recorded: the same day's second edit is part of it (one correction a day),
    // which only the editor knows; a later one is a correction of its own.
    fix: updated
      ? `if you changed it again on ${updated}, the day of that correction, make its \`change\` say what both edits changed and record the new wording with \`npm run ledger\`; if this corrects it on another day, set \`updated\` to that day, say in \`change\` what changed and run \`npm run correction -- ${item} --append\`; if it only mends a typo or a link, record the new wording with \`npm run ledger\`.`
      : `if the change corrects what ${REWORDED_ITEM[kind]} said, add ${fields} and run \`npm run correction -- ${item} --append\`; if it only mends a typo or a link, record the new wording with \`npm run ledger\`.`,
  };
}
