/**
 * Corrections keep their earlier wording (issue 19, "corrections in the open"): every item of the
 * edition that records a correction (`updated`/`change` on a note, a glossary entry or an article's
 * provenance) has its wording before the correction in `content/corrections.yaml`, and every record
 * there names an item corrected on that date. Checked on the compiled edition, as the other
 * cross-file checks are; the same pass gives the pages and the feed their list of corrections.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { toString } from 'mdast-util-to-string';
import { readFrontmatter } from './frontmatter.ts';
import { parseMarkdown, parseMdx } from './parse.ts';
import { attribute } from '../plugins/kit.ts';
import type { Problem } from './problems.ts';
import type { ArticleFacts, RenderedArticle, TermFacts } from './model.ts';
import { correctionsRecordSchema } from '../schemas/corrections.ts';
import { noteTitle } from '../lib/notes.ts';
import { attributedTitle, quoted } from '../lib/attribution.ts';
import { fingerprint, noteSuccessor, readLedgerAt, recut, redirectOf, resolveAlias, type Ledger } from '../lib/ledger.ts';
import {
  checkCorrections,
  CORRECTIONS_FILE,
  listCorrections,
  noteWording,
  provenanceWording,
  termWording,
  type CorrectableItem,
  type Correction,
  type CorrectionRecord,
} from '../lib/corrections.ts';
import { readUtf8 } from './encoding.ts';
import { committedCopy, droppedProblem } from '../lib/committed.ts';
import { PROVENANCE_ANCHOR } from '../lib/ids.ts';

/** A day as YAML or the facts' JSON cache give it: a Date, an ISO timestamp or `YYYY-MM-DD`. */
export function day(value: unknown): string | undefined {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === 'string' && value !== '' ? value.slice(0, 10) : undefined;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** The 1-based line of the first `name:` field of a file's front matter, else 1. */
function fieldLine(source: string, name: string): number {
  const index = source.split('\n').findIndex((line) => line.startsWith(`${name}:`));
  return index < 0 ? 1 : index + 1;
}

/** Every item that can be corrected, with its wording now, its name for readers and its address. */
export function correctableItems(articles: readonly ArticleFacts[], terms: readonly TermFacts[], rendered: ReadonlyMap<string, Pick<RenderedArticle, 'notes'>>, sourceOf: (file: string) => string, ledger?: Ledger): (CorrectableItem & { title: string; href: string })[] {
  const items: (CorrectableItem & { title: string; href: string })[] = [];
  for (const article of articles) {
    for (const note of rendered.get(article.slug)?.notes ?? []) {
      // Only an item with a record is compared or listed: a note's wording and name are worked out
      // when asked, not for every note of every text (100,000 notes of 5,000 texts took 2 s a build).
      let wording: string | undefined;
      let title: string | undefined;
      items.push({
        item: `note:${note.id}`,
        file: article.file,
        line: note.line,
        updated: note.updated,
        change: note.change,
        get wording() {
          return (wording ??= noteWording(note.bodyText, note.sources.map((source) => source.title)));
        },
        get title() {
          // A passage's closing full stop is left out before the comma: “… in Europe”, not “… in Europe.”,
          return (title ??= `${noteTitle(note.kind, quoted(note.exact.replace(/\.\s*$/, ''), 82))}, in ${attributedTitle(article.title, article.outlets)}`);
        },
        href: `articles/${article.slug}/#note-${note.id}`,
      });
    }
    const front = article.frontmatter;
    let wording: string | undefined;
    let paragraphs: Map<string, string> | undefined;
    let removed: Map<string, string> | undefined;
    items.push({
      item: `provenance:${article.slug}`,
      file: article.file,
      line: front['updated'] === undefined ? 1 : fieldLine(sourceOf(article.file), 'updated'),
      updated: day(front['updated']),
      change: text(front['change']) || undefined,
      get wording() {
        return (wording ??= provenanceWordingOf(front));
      },
      // A better copy of the text, said as a correction of its provenance, changes its paragraphs' words.
      get paragraphs() {
        return (paragraphs ??= new Map(article.passages.map((passage) => [passage.id, passage.text])));
      },
      get removed() {
        return (removed ??= removedParagraphs(ledger, article));
      },
      title: `Provenance of ${attributedTitle(article.title, article.outlets)}`,
      href: `articles/${article.slug}/#${PROVENANCE_ANCHOR}`,
    });
  }
  for (const term of terms) {
    const front = term.frontmatter;
    items.push({
      item: `term:${term.id}`,
      file: term.file,
      line: front['updated'] === undefined ? 1 : fieldLine(term.source, 'updated'),
      updated: day(front['updated']),
      change: text(front['change']) || undefined,
      wording: termWordingOf(term),
      title: `Glossary: ${term.term}`,
      href: `glossary/${term.id}/`,
    });
  }
  return items;
}

/**
 * The published paragraphs a text no longer has, each with the paragraph its address leads to now:
 * the ids the anchor ledger aliases (under the text's slug, or an old slug that redirects to it)
 * to one of its paragraphs, whose words are neither that paragraph's (renamed) nor part of them (merged).
 */
function removedParagraphs(ledger: Ledger | undefined, article: Pick<ArticleFacts, 'slug' | 'passages'>): Map<string, string> {
  const removed = new Map<string, string>();
  if (!ledger) return removed;
  const words = new Map<string, string>(article.passages.map((passage) => [passage.id, passage.text]));
  const slugs = [article.slug, ...Object.keys(ledger.redirects).filter((old) => ledger.redirects[old] === article.slug)];
  for (const slug of slugs) {
    for (const id of Object.keys(ledger.aliases[slug] ?? {})) {
      if (id.startsWith('note-') || words.has(id)) continue;
      const to = resolveAlias(ledger, slug, id);
      if (to === undefined || !words.has(to)) continue;
      // Not a paragraph renamed (its words those of the one it leads to), nor one merged into it.
      const published = ledger.articles[slug]?.[id];
      if (published === undefined || published === fingerprint(words.get(to)!)) continue;
      if (recut(article.passages, to, ledger.articles[slug]?.[to] ?? ledger.articles[article.slug]?.[to], new Set([published]))) continue;
      removed.set(id, to);
    }
  }
  return removed;
}

/**
 * The problem of a record of corrections that no longer has a record the last commit has (or is
 * gone): a correction once published stays listed, with the wording it replaced, and its page stays
 * at its address (the corrections policy). As the anchor ledgers are (src/lib/committed.ts).
 */
function droppedRecords(root: string, records: readonly CorrectionRecord[], ledger: Ledger | undefined): Problem | undefined {
  const committed = committedCopy(root, CORRECTIONS_FILE);
  if (!committed?.trim()) return undefined;
  const what = { ledger: CORRECTIONS_FILE, one: 'correction', many: 'corrections' };
  const keep = 'a correction once published stays listed on /corrections/ with the wording it replaced, and its page at its address.';
  if (!existsSync(join(root, CORRECTIONS_FILE))) return { ...droppedProblem(CORRECTIONS_FILE, what, undefined, keep), ruleId: 'corrections-dropped' };
  // The file as committed (every build but an editor's): nothing to compare, and no YAML read again.
  if (readFileSync(join(root, CORRECTIONS_FILE), 'utf8') === committed) return undefined;
  let before: unknown;
  try {
    before = parseDocument(committed).toJS();
  } catch {
    return undefined; // A committed copy YAML cannot read compares with nothing.
  }
  const now = new Set(records.map((record) => `${record.item} ${record.date}`));
  // A record renamed with its item (a text's redirect, a note's alias in the anchor ledger), as the check asks, is kept.
  const renamed = (item: string) => {
    if (item.startsWith('provenance:')) return `provenance:${redirectOf(ledger, item.slice('provenance:'.length))}`;
    const to = item.startsWith('note:') ? noteSuccessor(ledger, item.slice('note:'.length)) : undefined;
    return to === undefined ? item : `note:${to}`;
  };
  const dropped = (Array.isArray(before) ? (before as Record<string, unknown>[]) : [])
    .map((record) => [text(record?.['item']), day(record?.['date']) ?? ''] as const)
    .filter(([item, date]) => item !== '' && !now.has(`${item} ${date}`) && !now.has(`${renamed(item)} ${date}`))
    .map(([item, date]) => `${item} of ${date}`);
  return dropped.length > 0 ? { ...droppedProblem(CORRECTIONS_FILE, what, dropped, keep), ruleId: 'corrections-dropped' } : undefined;
}

/** The records of `content/corrections.yaml`, each with its line, or the problems that stop reading it. */
export function readCorrectionRecords(root: string): { records: CorrectionRecord[]; problems: Problem[] } {
  const path = join(root, CORRECTIONS_FILE);
  if (!existsSync(path)) return { records: [], problems: [] };
  const { text: source, problem } = readUtf8(root, CORRECTIONS_FILE);
  if (problem) return { records: [], problems: [problem] };
  const read = readFrontmatter(source, 1, correctionsRecordSchema, CORRECTIONS_FILE);
  if (read.problems.length > 0 || !read.data) {
    // The front-matter reader's words, said of a record: `3.before` is record 4's `before`.
    const problems = read.problems.map((problem) => ({
      ...problem,
      ruleId: problem.ruleId.replace(/^frontmatter/, 'corrections'),
      reason: problem.reason
        .replace(/`(\d+)\.([\w.-]+)`/, (_, index: string, field: string) => `\`${field}\` of record ${Number(index) + 1}`)
        // A field misspelt in a record: the record by its number from 1 and its item.
        .replace(/ in `(\d+)`$/, (_, index: string) => ` in record ${Number(index) + 1}${recordItem(source, Number(index))}`),
      fix: problem.fix
        .replace(/`(\d+)\.([\w.-]+)`/g, (_, index: string, field: string) => `\`${field}\` of record ${Number(index) + 1}`)
        .replace('to the front matter', 'to the record')
        .replace(/\(the fields are described in src\/schemas\/\)/, '(the fields are described in src/schemas/corrections.ts)'),
    }));
    return { records: [], problems };
  }
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter });
  const items = isSeq(doc.contents) ? doc.contents.items : [];
  const lines = items.map((item) => counter.linePos((item as { range?: readonly number[] | null }).range?.[0] ?? 0).line);
  // Each kept paragraph's own line, where a problem of it is placed.
  const paragraphLines = items.map((item) => {
    const paragraphs = isMap(item) ? item.get('paragraphs', true) : undefined;
    if (!isMap(paragraphs)) return undefined;
    return Object.fromEntries(paragraphs.items.flatMap((pair) => (isScalar(pair.key) && pair.key.range ? [[String(pair.key.value), counter.linePos(pair.key.range[0]).line]] : [])));
  });
  return { records: read.data.map((record, index) => ({ ...record, line: lines[index] ?? 1, ...(paragraphLines[index] ? { paragraphLines: paragraphLines[index] } : {}) })), problems: [] };
}

/** `(note:x)`, the item of record `index` (from 0) of the corrections file, if it names one. */
function recordItem(source: string, index: number): string {
  const doc = parseDocument(source);
  const record = isSeq(doc.contents) ? doc.contents.items[index] : undefined;
  const item = isMap(record) ? record.get('item') : undefined;
  return typeof item === 'string' && item !== '' ? ` (\`${item}\`)` : '';
}

/**
 * The corrections of the edition, and the problems of its record.
 *
 * @example checkEditionCorrections(root, articles, terms, rendered, sourceOf)
 * // { corrections: [{ item: 'note:x', date: '2026-12-03', before: '…', after: '…', … }], problems: [] }
 */
export function checkEditionCorrections(root: string, articles: readonly ArticleFacts[], terms: readonly TermFacts[], rendered: ReadonlyMap<string, Pick<RenderedArticle, 'notes'>>, sourceOf: (file: string) => string, ledger: Ledger | undefined = readLedgerAt(root)): { corrections: Correction[]; problems: Problem[] } {
  const read = readCorrectionRecords(root);
  if (read.problems.length > 0) return { corrections: [], problems: read.problems };
  const dropped = droppedRecords(root, read.records, ledger);
  if (dropped) return { corrections: [], problems: [dropped] };
  const items = correctableItems(articles, terms, rendered, sourceOf, ledger);
  // No file at all, where items say they were corrected: the file is gone (deleted or moved), not
  // each correction's record; one problem says so, rather than one for every corrected item.
  const corrected = items.filter((item) => item.updated !== undefined);
  if (corrected.length > 0 && !existsSync(join(root, CORRECTIONS_FILE))) {
    return {
      corrections: [],
      problems: [{
        file: CORRECTIONS_FILE,
        ruleId: 'corrections-file-missing',
        reason: `the file is missing, and ${corrected.length === 1 ? 'one item says it was' : `${corrected.length} items say they were`} corrected (${corrected.slice(0, 3).map((item) => `\`${item.item}\``).join(', ')}${corrected.length > 3 ? ', …' : ''}): it keeps the wording each correction replaced`,
        // (An edition's first correction has no file to restore: the command writes it.)
        fix: `if it was deleted or moved, restore it (\`git restore ${CORRECTIONS_FILE}\`, or \`git log --oneline -- ${CORRECTIONS_FILE}\` to find the last version); if the edition has none yet, \`npm run correction -- ${corrected[0]!.item} --append\` writes it with the first correction's record.`,
      }],
    };
  }
  const records = followRedirects(ledger, read.records, new Set(items.map((item) => item.item)));
  const problems = checkCorrections(items, records).map((problem): Problem => ({ ...problem, column: 1 }));
  // A draft's corrections are checked but not listed: the draft is not published.
  const drafts = new Set(articles.filter((article) => article.draft).map((article) => `articles/${article.slug}/`));
  const listed = items.filter((item) => ![...drafts].some((prefix) => item.href.startsWith(prefix)));
  return { corrections: listCorrections(listed, records), problems };
}

/**
 * What an article's provenance says, as corrections keep it and the anchor ledger fingerprints it
 * (as `provenance-title`, the box's heading): the summary, where the copy came from, each known defect.
 */
export function provenanceWordingOf(front: Record<string, unknown>): string {
  const copy = (front['copy'] ?? {}) as Record<string, unknown>;
  const defects = Array.isArray(front['defects']) ? (front['defects'] as Record<string, unknown>[]) : [];
  return provenanceWording(text(front['summary']), text(copy['from']), defects.map((defect) => ({ title: text(defect['title']), detail: text(defect['detail']) })));
}

/**
 * What a glossary entry says, as corrections keep it and the anchor ledger fingerprints it: its
 * short definition, its body as plain text, and its sources' titles.
 */
export function termWordingOf(term: Pick<TermFacts, 'short' | 'source' | 'frontmatter'>): string {
  // Asked for by the ledger's fingerprints and by the corrections of the same compile: parsed once.
  const known = termWordings.get(term);
  if (known !== undefined) return known;
  const body = parseMarkdown(term.source).tree.children.map((node) => toString(node)).join('\n\n');
  const sources = Array.isArray(term.frontmatter['sources']) ? (term.frontmatter['sources'] as Record<string, unknown>[]) : [];
  const wording = termWording(term.short, body, sources.map((source) => text(source['title'])));
  termWordings.set(term, wording);
  return wording;
}

/** Each glossary entry's wording, by the entry's facts (a new compile has new facts). */
const termWordings = new WeakMap<object, string>();

/**
 * The records, a renamed text's provenance under its new slug and a renamed note's under its new
 * id: the anchor ledger's redirects and aliases (content/anchors.yaml, which a rename must record for
 * the old links) say where each went, so its corrections follow it without their records being
 * rewritten. A note's record follows its alias only when no note has the old id now, and the note
 * it leads to has no corrections of its own (a merge, not a rename).
 */
function followRedirects(ledger: Ledger | undefined, records: readonly CorrectionRecord[], present: ReadonlySet<string>): CorrectionRecord[] {
  // A note merged into another that has corrections of its own is not a rename: its records would be
  // read as the other note's earlier wordings. Those stay under the old id (the check names them).
  const recorded = new Set(records.map((record) => record.item));
  return records.map((record) => {
    if (record.item.startsWith('provenance:')) return { ...record, item: `provenance:${redirectOf(ledger, record.item.slice('provenance:'.length))}` };
    if (!record.item.startsWith('note:') || present.has(record.item) || !ledger) return record;
    const now = noteSuccessor(ledger, record.item.slice('note:'.length));
    const item = `note:${now}`;
    return now !== undefined && present.has(item) && !recorded.has(item) ? { ...record, item } : record;
  });
}

/**
 * The wording of an item in one version of its file, read as the compiler reads it (the same
 * parser, the same plain text), or undefined when that version does not have the item. The
 * `updated` it records, if any, comes with it. Used by `npm run correction` on the repository's
 * history: the wording a file had before a correction is the earlier wording to keep.
 */
export function wordingInSource(item: string, source: string): { wording: string; updated?: string | undefined; change?: string | undefined; added?: string | undefined } | undefined {
  const [kind, id] = item.split(':') as [string, string];
  if (kind === 'note') {
    const { tree } = parseMdx(source);
    for (const top of tree.children) {
      if (top.type !== 'mdxJsxFlowElement' || top.name !== 'Note' || attribute(top, 'id') !== id) continue;
      const isSource = (child: (typeof top.children)[number]) => child.type === 'mdxJsxFlowElement' && child.name === 'Source';
      const body = top.children.filter((child) => !isSource(child)).map((node) => toString(node)).join('\n\n').trim();
      const titles = top.children.filter(isSource).map((child) => attribute(child as typeof top, 'title')?.trim() ?? '');
      return { wording: noteWording(body, titles), updated: attribute(top, 'updated'), change: attribute(top, 'change'), added: attribute(top, 'added') };
    }
    return undefined;
  }
  const parsed = kind === 'term' ? parseMarkdown(source) : parseMdx(source);
  let front: Record<string, unknown>;
  try {
    front = (parseDocument(parsed.frontmatter).toJS() ?? {}) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (kind === 'term') {
    const sources = Array.isArray(front['sources']) ? (front['sources'] as Record<string, unknown>[]) : [];
    const body = parsed.tree.children.map((node) => toString(node)).join('\n\n');
    return { wording: termWording(text(front['short']), body, sources.map((source) => text(source['title']))), updated: day(front['updated']), change: text(front['change']) || undefined };
  }
  const copy = (front['copy'] ?? {}) as Record<string, unknown>;
  const defects = Array.isArray(front['defects']) ? (front['defects'] as Record<string, unknown>[]) : [];
  return { wording: provenanceWording(text(front['summary']), text(copy['from']), defects.map((defect) => ({ title: text(defect['title']), detail: text(defect['detail']) }))), updated: day(front['updated']), change: text(front['change']) || undefined };
}
