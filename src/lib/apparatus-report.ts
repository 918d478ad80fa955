/**
 * The apparatus report of `npm run check` (issue 18, point 6), as pure functions over the compiled
 * model: how densely each section of a text is annotated, which sections hold figures or quotations
 * and no note, which inventory claims still wait for an examination, what kinds of source the notes
 * and the glossary cite, and which sources carry no date of verification (those are errors).
 *
 * Only loadSourceCategories reads a file, the domain table, for the check and the About page alike;
 * for the rest scripts/check.ts and src/compiler/check.ts hand in the model and the texts, and the
 * functions return rows, problems and the report's text.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, isMap, isScalar, parseDocument } from 'yaml';
import { SOURCE_CATEGORIES, SOURCE_CATEGORY_LABELS, sourceCategoriesSchema, type SourceCategory, type SourceCategoryTable } from '../schemas/source-categories.ts';
import { sourceLanguageProblem } from './source-language.ts';
import { yamlMessage } from './yaml-message.ts';

/** The table of the cited domains' kinds, under the project's root. */
export const SOURCE_CATEGORIES_FILE = 'content/source-categories.yaml';

/** A paragraph or heading of a text, as the compiled model gives it. */
export interface ReportPassage {
  id: string;
  kind: 'paragraph' | 'heading';
  depth?: number | undefined;
  text: string;
  line: number;
}

/** A note, by the paragraph it marks. */
export interface ReportNote {
  id: string;
  passage: string;
  line: number;
  sources: readonly { url: string; title: string; verified?: string | undefined }[];
}

/** A claim of the text's inventory. */
export interface ReportClaim {
  id: string;
  line: number;
  /** The passage that makes the claim. */
  passage?: string | undefined;
  disposition?: { note: string } | { term: string } | { none: string } | undefined;
}

/** A problem of the shape every content error has (src/compiler/problems.ts). */
export interface ReportProblem {
  file: string;
  line?: number | undefined;
  column?: number | undefined;
  ruleId: string;
  reason: string;
  fix: string;
}

/** A section of a text: an h2 and what follows it, or the whole text when it has no h2. */
export interface Section {
  /** The heading's text; `(opening)` for what comes before the first h2; `(whole text)` without h2s. */
  title: string;
  line: number;
  words: number;
  notes: number;
  /** Notes per 1,000 words, one decimal. */
  density: number;
  /** It has a figure (a digit) or a quotation (quotation marks) in a paragraph. */
  checkable: boolean;
  /** Claims of the inventory made in it that a note (wherever it stands) or a glossary entry examines. */
  examined: number;
}

const words = (text: string) => text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
const FIGURE = /\p{N}/u;
const QUOTATION = /["“”„«»]|(?:^|\s)‘|’(?=\s|[.,;:!?)]|$)/u;
const per1000 = (notes: number, count: number) => (count === 0 ? 0 : Math.round((notes / count) * 10000) / 10);

/**
 * The sections of a text with their words, notes and density.
 *
 * @example sectionsOf([{ id: 'h', kind: 'heading', depth: 2, text: 'One', line: 3 }, { id: 'p', kind: 'paragraph', text: 'It cost 5 dollars.', line: 5 }], [])
 * // [{ title: 'One', line: 3, words: 4, notes: 0, density: 0, checkable: true, examined: 0 }]
 */
export function sectionsOf(passages: readonly ReportPassage[], notes: readonly Pick<ReportNote, 'passage'>[], claims: readonly ReportClaim[] = []): Section[] {
  const hasH2 = passages.some((passage) => passage.kind === 'heading' && passage.depth === 2);
  const groups: { title: string; line: number; passages: ReportPassage[] }[] = [];
  for (const passage of passages) {
    if (passage.kind === 'heading' && passage.depth === 2) {
      groups.push({ title: passage.text, line: passage.line, passages: [passage] });
    } else {
      if (groups.length === 0) groups.push({ title: hasH2 ? '(opening)' : '(whole text)', line: passage.line, passages: [] });
      groups.at(-1)!.passages.push(passage);
    }
  }
  const noted = new Map<string, number>();
  for (const note of notes) noted.set(note.passage, (noted.get(note.passage) ?? 0) + 1);
  const examined = new Map<string, number>();
  for (const claim of claims) {
    if (claim.passage && claim.disposition && !('none' in claim.disposition)) examined.set(claim.passage, (examined.get(claim.passage) ?? 0) + 1);
  }
  return groups.map((group) => {
    const paragraphs = group.passages.filter((passage) => passage.kind === 'paragraph');
    const count = paragraphs.reduce((sum, passage) => sum + words(passage.text), 0);
    const inSection = group.passages.reduce((sum, passage) => sum + (noted.get(passage.id) ?? 0), 0);
    return {
      title: group.title,
      line: group.line,
      words: count,
      notes: inSection,
      density: per1000(inSection, count),
      checkable: paragraphs.some((passage) => FIGURE.test(passage.text) || QUOTATION.test(passage.text)),
      examined: group.passages.reduce((sum, passage) => sum + (examined.get(passage.id) ?? 0), 0),
    };
  });
}

/** What the inventory of one text says: claims by disposition, and those not yet examined. */
export interface InventorySummary {
  claims: number;
  note: number;
  term: number;
  none: number;
  /** Claims with no disposition, or whose `none` reason still begins "Not yet examined". */
  open: { id: string; line: number; why: 'no disposition' | 'not yet examined' }[];
}

/** Counts the dispositions of an inventory and lists the claims still open. */
export function inventoryOf(claims: readonly ReportClaim[]): InventorySummary {
  const summary: InventorySummary = { claims: claims.length, note: 0, term: 0, none: 0, open: [] };
  for (const claim of claims) {
    const disposition = claim.disposition;
    if (!disposition) summary.open.push({ id: claim.id, line: claim.line, why: 'no disposition' });
    else if ('note' in disposition) summary.note++;
    else if ('term' in disposition) summary.term++;
    else {
      summary.none++;
      if (/^\s*not yet examined\b/i.test(disposition.none)) summary.open.push({ id: claim.id, line: claim.line, why: 'not yet examined' });
    }
  }
  return summary;
}

/**
 * The domain a URL is filed under: its host in lower case without `www.` and port; for a Wayback
 * Machine copy, the domain of the page it copies.
 *
 * @example domainOf('https://www.Reuters.com:443/world/x') // 'reuters.com'
 * @example domainOf('https://web.archive.org/web/2020/https://www.nato.int/x') // 'nato.int'
 */
export function domainOf(url: string): string {
  let host: string;
  let path = '';
  try {
    const parsed = new URL(url);
    host = parsed.hostname;
    path = parsed.pathname + parsed.search;
  } catch {
    host = url.replace(/^[a-z]+:\/\//i, '').split(/[/:?#]/)[0] ?? url;
  }
  host = host.toLowerCase().replace(/^www\./, '');
  const archived = host === 'web.archive.org' ? /^\/web\/[^/]+\/(https?:\/\/?.+)$/.exec(path)?.[1] : undefined;
  // The URL parser folds `http://` inside a path to `http:/`; the archived page's URL needs both.
  return archived ? domainOf(archived.replace(/^(https?:)\/(?!\/)/, '$1//')) : host;
}

/** The table's entry for a URL's domain, or for its nearest parent domain; undefined if none. */
export function categoryOf(url: string, table: SourceCategoryTable): { domain: string; category: SourceCategory; label?: string | undefined } | undefined {
  const parts = domainOf(url).split('.');
  for (let index = 0; index < parts.length - 1; index++) {
    const domain = parts.slice(index).join('.');
    const entry = table[domain];
    if (entry) return { domain, category: entry.category, label: entry.label };
  }
  return undefined;
}

/** A source as cited in one place: a note of a text, or a glossary entry. */
export interface CitedSource {
  file: string;
  line: number;
  /** The text's slug, or `glossary`. */
  where: string;
  url: string;
  title: string;
  verified?: string | undefined;
}

/**
 * The line of each source's URL in its file (given as its text or, to split it once for many
 * notes, its lines): the `n`-th line from `from` (1-based) that holds the URL, so that a URL cited
 * twice in one note or entry is found twice.
 */
export function linesOfUrls(text: string | readonly string[], urls: readonly string[], from = 1): number[] {
  const lines = typeof text === 'string' ? text.split('\n') : text;
  const taken = new Set<number>();
  return urls.map((url) => {
    for (let index = Math.max(0, from - 1); index < lines.length; index++) {
      if (!taken.has(index) && lines[index]!.includes(url)) {
        taken.add(index);
        return index + 1;
      }
    }
    return from;
  });
}

/** The sources a text's notes cite, each with its line in the MDX file. */
export function noteSources(file: string, where: string, text: string, notes: readonly ReportNote[]): CitedSource[] {
  // A source's line is found when asked (for a problem, or a report): the build checks every
  // citation and finds a line for the few it reports (at 5,000 texts, finding all 300,000 lines
  // took 0.5 s of every build).
  let fileLines: string[] | undefined;
  return notes.flatMap((note) => {
    let lines: number[] | undefined;
    const lineOf = (index: number) => (lines ??= linesOfUrls((fileLines ??= text.split('\n')), note.sources.map((source) => source.url), note.line))[index]!;
    return note.sources.map((source, index) => ({
      file,
      where,
      get line() {
        return lineOf(index);
      },
      url: source.url,
      title: source.title,
      verified: source.verified,
    }));
  });
}

/** The sources of a glossary entry's front matter (as YAML gives it), each with its line. */
export function termSources(file: string, text: string, frontmatter: Record<string, unknown>): CitedSource[] {
  const sources = Array.isArray(frontmatter['sources']) ? (frontmatter['sources'] as Record<string, unknown>[]) : [];
  const items = sources.map((source) => ({
    url: String(source['url'] ?? ''),
    title: String(source['title'] ?? ''),
    verified: source['verified'] instanceof Date ? source['verified'].toISOString().slice(0, 10) : source['verified'] === undefined ? undefined : String(source['verified']),
  }));
  const lines = linesOfUrls(text, items.map((item) => item.url));
  return items.map((item, index) => ({ file, where: 'glossary', line: lines[index]!, ...item }));
}

/** A source as a problem names it: its URL and the start of its title. */
const named = (source: CitedSource) => `${source.url} (“${source.title.slice(0, 60)}${source.title.length > 60 ? '…' : ''}”)`;

/**
 * A problem for every source with no date of verification: the edition cites only pages an
 * editor has opened and found to say what the note or entry says.
 */
export function unverifiedSources(sources: readonly CitedSource[]): ReportProblem[] {
  return sources
    .filter((source) => !source.verified)
    .map((source) => {
      const glossary = source.where === 'glossary';
      return {
        file: source.file,
        line: source.line,
        column: 1,
        ruleId: 'source-unverified',
        reason: `the source ${named(source)} has no date of verification`,
        fix: glossary
          ? 'open the page; if it says what the entry says, give it its real title and add `verified: YYYY-MM-DD` (the day you opened it) under its url; if not, replace it with a page that does.'
          : 'open the page; if it says what the note says, give it its real title and add verified="YYYY-MM-DD" (the day you opened it) to the <Source>; if not, replace it with a page that does.',
      };
    });
}

/**
 * A problem for every citation whose title does not say who pays for or controls its outlet, where
 * the domain table says it must (its entry's `label`; `state` for state media): the same test for
 * every government's media (About, source policy).
 */
export function unlabelledSources(sources: readonly CitedSource[], table: SourceCategoryTable): ReportProblem[] {
  return sources.flatMap((source) => {
    const entry = categoryOf(source.url, table);
    const label = entry?.label ?? (entry?.category === 'state-media' ? 'state' : undefined);
    if (!entry || !label || source.title.toLowerCase().includes(label.toLowerCase())) return [];
    const glossary = source.where === 'glossary';
    return [
      {
        file: source.file,
        line: source.line,
        column: 1,
        ruleId: 'source-label',
        reason: `the source ${named(source)} does not say ${entry.label ? `“${label}”` : 'that its outlet is state media'}, as ${SOURCE_CATEGORIES_FILE} asks of ${entry.domain}`,
        fix: `add it to the outlet's name in the ${glossary ? 'entry' : '<Source>'}'s title, e.g. “(${entry.label ? `Outlet, ${label}` : `TASS, Russian state news agency`})”.`,
      },
    ];
  });
}

/**
 * A problem for every citation whose title is not in English and does not say its language, or
 * names one the edition does not know: the language marks the title for screen readers
 * (src/lib/source-language.ts).
 */
export function sourceLanguageProblems(sources: readonly CitedSource[]): ReportProblem[] {
  return sources.flatMap((source) => {
    const problem = sourceLanguageProblem(source.title);
    if (!problem) return [];
    return [{ file: source.file, line: source.line, column: 1, ruleId: 'source-language', reason: `the source ${named(source)}: ${problem.reason}`, fix: problem.fix }];
  });
}

/** Citations counted by the kind of their domain. */
export interface SourceMix {
  /** Every citation counted. */
  total: number;
  /** Citations by kind, in the order of SOURCE_CATEGORIES. */
  byCategory: Record<SourceCategory, number>;
  /** Citations of a domain the table does not class yet (the check names them). */
  unclassified: number;
}

function emptyMix(): SourceMix {
  return { total: 0, byCategory: Object.fromEntries(SOURCE_CATEGORIES.map((category) => [category, 0])) as Record<SourceCategory, number>, unclassified: 0 };
}

/** Counts `url` in `mix` by the kind of its domain; false when the table does not class it. */
function addToMix(mix: SourceMix, url: string, table: SourceCategoryTable): boolean {
  mix.total++;
  const found = categoryOf(url, table);
  if (found) mix.byCategory[found.category]++;
  else mix.unclassified++;
  return found !== undefined;
}

/** Counts `urls` by the kind of their domain in `table` (the About page's account, src/data/source-mix.ts). */
export function sourceMixOf(urls: readonly string[], table: SourceCategoryTable): SourceMix {
  const mix = emptyMix();
  for (const url of urls) addToMix(mix, url, table);
  return mix;
}

/** Citations by category for one text (or the glossary). */
export interface SourceCounts extends SourceMix {
  where: string;
  unverified: number;
}

/** Counts citations by category, per text and for the glossary, in the order first met, and the domains the table lacks. */
export function countSources(sources: readonly CitedSource[], table: SourceCategoryTable): { rows: SourceCounts[]; unknownDomains: Map<string, CitedSource> } {
  const rows = new Map<string, SourceCounts>();
  const unknownDomains = new Map<string, CitedSource>();
  for (const source of sources) {
    let row = rows.get(source.where);
    if (!row) {
      row = { where: source.where, ...emptyMix(), unverified: 0 };
      rows.set(source.where, row);
    }
    if (!source.verified) row.unverified++;
    if (!addToMix(row, source.url, table)) {
      const domain = domainOf(source.url);
      if (!unknownDomains.has(domain)) unknownDomains.set(domain, source);
    }
  }
  return { rows: [...rows.values()], unknownDomains };
}

/** One text's part of the report. */
export interface TextReport {
  slug: string;
  file: string;
  sections: Section[];
  inventory?: InventorySummary | undefined;
  inventoryFile?: string | undefined;
}

/** Column heads of the sources table, seven characters at most. */
const SHORT: Record<SourceCategory, string> = { primary: 'primary', press: 'press', specialist: 'special', 'state-media': 'state', reference: 'ref.', weak: 'weak' };

const pad = (value: string | number, width: number) => String(value).padStart(width);
const cut = (text: string, width: number) => (text.length > width ? `${text.slice(0, width - 1)}…` : text).padEnd(width);

/**
 * The report as `npm run check` prints it: three compact tables (density by section, inventory,
 * sources by category) and the lists an editor acts on.
 */
export function formatApparatusReport(texts: readonly TextReport[], counts: { rows: SourceCounts[]; unknownDomains: Map<string, CitedSource> } | undefined, tableFile: string): string {
  const out: string[] = ['apparatus: notes per 1,000 words, by section (✗ = figures or quotations, no note and no claim examined; → = no note of its own, some of its claims examined by notes of other sections or the glossary)'];
  for (const text of texts) {
    const totalWords = text.sections.reduce((sum, section) => sum + section.words, 0);
    const totalNotes = text.sections.reduce((sum, section) => sum + section.notes, 0);
    out.push(`  ${cut(text.slug, 44)} ${pad(totalWords, 6)} words ${pad(totalNotes, 3)} notes ${pad(per1000(totalNotes, totalWords).toFixed(1), 5)}`);
    if (text.sections.length > 1) {
      for (const section of text.sections) {
        const flag = section.notes > 0 ? ' ' : section.examined > 0 ? '→' : section.checkable ? '✗' : ' ';
        out.push(`   ${flag} ${cut(section.title, 42)} ${pad(section.words, 6)}       ${pad(section.notes, 3)}       ${pad(section.density.toFixed(1), 5)}  (line ${section.line})`);
      }
    } else if (text.sections[0]?.checkable && text.sections[0].notes === 0 && text.sections[0].examined === 0) {
      out.push('   ✗ the whole text has figures or quotations and no note');
    }
  }
  out.push('apparatus: claims inventory (content/claims/)');
  out.push(`  ${cut('text', 44)} ${pad('claims', 6)} ${pad('note', 5)} ${pad('term', 5)} ${pad('none', 5)} ${pad('open', 5)}`);
  const open: string[] = [];
  for (const text of texts) {
    const inventory = text.inventory;
    if (!inventory) {
      out.push(`  ${cut(text.slug, 44)} no inventory: add content/claims/${text.slug}.yaml`);
      continue;
    }
    out.push(`  ${cut(text.slug, 44)} ${pad(inventory.claims, 6)} ${pad(inventory.note, 5)} ${pad(inventory.term, 5)} ${pad(inventory.none, 5)} ${pad(inventory.open.length, 5)}`);
    for (const claim of inventory.open) open.push(`    ${text.inventoryFile}:${claim.line}: claim \`${claim.id}\`: ${claim.why}`);
  }
  if (open.length > 0) out.push(`  open claims (give each a note, a glossary entry or a reason):`, ...open);
  // A domain table that does not read classes nothing: its error is listed, not every domain again.
  if (!counts) {
    out.push(`apparatus: sources by category: not counted until ${tableFile} reads (its error is listed below)`);
    return out.join('\n');
  }
  out.push(`apparatus: sources by category, citations (${SOURCE_CATEGORIES.map((category) => `${SHORT[category]} = ${SOURCE_CATEGORY_LABELS[category]}`).join(', ')}; ? = domain not in the table)`);
  const heads = SOURCE_CATEGORIES.map((category) => SHORT[category]);
  out.push(`  ${cut('cited in', 44)} ${heads.map((head) => pad(head, 7)).join(' ')} ${pad('?', 3)} ${pad('total', 5)} ${pad('unverif.', 8)}`);
  const sum = { total: 0, unclassified: 0, unverified: 0, byCategory: Object.fromEntries(SOURCE_CATEGORIES.map((category) => [category, 0])) as Record<SourceCategory, number> };
  for (const row of counts.rows) {
    out.push(`  ${cut(row.where, 44)} ${SOURCE_CATEGORIES.map((category) => pad(row.byCategory[category], 7)).join(' ')} ${pad(row.unclassified, 3)} ${pad(row.total, 5)} ${pad(row.unverified, 8)}`);
    sum.total += row.total;
    sum.unclassified += row.unclassified;
    sum.unverified += row.unverified;
    for (const category of SOURCE_CATEGORIES) sum.byCategory[category] += row.byCategory[category];
  }
  const share = (value: number) => (sum.total === 0 ? '0%' : `${Math.round((value / sum.total) * 100)}%`);
  out.push(`  ${cut('all', 44)} ${SOURCE_CATEGORIES.map((category) => pad(sum.byCategory[category], 7)).join(' ')} ${pad(sum.unclassified, 3)} ${pad(sum.total, 5)} ${pad(sum.unverified, 8)}`);
  out.push(`  ${cut('share', 44)} ${SOURCE_CATEGORIES.map((category) => pad(share(sum.byCategory[category]), 7)).join(' ')} ${pad(share(sum.unclassified), 3)}`);
  for (const [domain, source] of counts.unknownDomains) {
    out.push(`  unclassified: ${domain} (${source.file}:${source.line})\n    Fix: add \`${domain}: { category: <${SOURCE_CATEGORIES.join('|')}>, reason: "<what the site is>" }\` to ${tableFile}.`);
  }
  return out.join('\n');
}

/**
 * The domain table under `root`, read and validated; a missing or invalid table is a problem (and
 * an empty table, in which every citation is unclassed).
 */
export function loadSourceCategories(root: string): { table: SourceCategoryTable; problems: ReportProblem[] } {
  const path = join(root, SOURCE_CATEGORIES_FILE);
  if (!existsSync(path)) return { table: {}, problems: [{ file: SOURCE_CATEGORIES_FILE, ruleId: 'source-categories', reason: 'the domain table does not exist', fix: `create ${SOURCE_CATEGORIES_FILE}: one \`domain: { category: …, reason: "…" }\` per cited domain.` }] };
  return parseSourceCategories(readFileSync(path, 'utf8'), SOURCE_CATEGORIES_FILE);
}

/**
 * Reads the domain table (`content/source-categories.yaml`) and validates it by its schema; a wrong
 * entry is a problem at its line.
 */
export function parseSourceCategories(text: string, file: string): { table: SourceCategoryTable; problems: ReportProblem[] } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  if (doc.errors.length > 0) {
    const error = doc.errors[0]!;
    return { table: {}, problems: [{ file, line: error.linePos?.[0]?.line, column: error.linePos?.[0]?.col, ruleId: 'source-categories-yaml', reason: `the domain table is not valid YAML (${yamlMessage(error.message)})`, fix: 'write one `domain: { category: …, reason: "…" }` per line.' }] };
  }
  const result = sourceCategoriesSchema.safeParse(doc.toJS() ?? {});
  if (result.success) return { table: result.data, problems: [] };
  const problems = result.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    const root = doc.contents;
    const pair = isMap(root) ? root.items.find((item) => isScalar(item.key) && String(item.key.value) === key) : undefined;
    const offset = (pair?.key as { range?: [number, number, number] } | undefined)?.range?.[0];
    return {
      file,
      line: offset === undefined ? 1 : counter.linePos(offset).line,
      column: 1,
      ruleId: 'source-categories',
      reason: `\`${key}\`: ${issue.message}`,
      fix: `write \`<domain>: { category: <${SOURCE_CATEGORIES.join('|')}>, reason: "<what the site is>" }\`.`,
    };
  });
  return { table: {}, problems };
}
