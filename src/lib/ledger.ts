/**
 * The anchor ledger: every anchor the edition has published (passages, notes, glossary terms, and
 * the article pages themselves), with a fingerprint of its text, kept in `content/anchors.yaml`.
 * A published anchor may never disappear: it is either still there, or the editor records an alias
 * to its successor (an old link then lands on the successor), and a renamed article keeps a
 * redirect from its old address.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isMap, isScalar, parse, parseDocument, stringify, YAMLMap } from 'yaml';
import { shortHash } from './slug.ts';

/** The ledger file, relative to the project. */
export const LEDGER_FILE = 'content/anchors.yaml';

/** Anchors of one article: fragment id → fingerprint. Notes are kept as `note-<id>`. */
export type AnchorMap = Record<string, string>;

export interface Ledger {
  /** Article slug → its anchors. */
  articles: Record<string, AnchorMap>;
  /** Glossary term id → fingerprint of its name. */
  terms: Record<string, string>;
  /** Article slug → old fragment id → successor fragment id. */
  aliases: Record<string, Record<string, string>>;
  /** Old article slug → new slug. */
  redirects: Record<string, string>;
  /** Claim page id (`/claims/<id>/`) → fingerprint of the claim's words (src/lib/claims.ts). */
  claims?: Record<string, string>;
}

/** What the built site publishes now, in the same shape. */
export interface Published {
  articles: Record<string, AnchorMap>;
  terms: Record<string, string>;
  /** Claim pages: id → fingerprint of the claim's words. */
  claims?: Record<string, string>;
}

export function emptyLedger(): Ledger {
  return { articles: {}, terms: {}, aliases: {}, redirects: {} };
}

/**
 * The fingerprint of an anchor's text: a short hash of its words, so that a change of spacing or
 * quotation marks is not a change.
 *
 * @example fingerprint('A “quoted”  text') === fingerprint('A "quoted" text') // true
 */
/**
 * A glossary entry's fingerprint: its name and what it says (short definition, body, sources), so
 * that a published entry renamed or reworded is seen. Ledgers written before 7 December 2026 hold the
 * fingerprint of the name alone; {@link isNameOnly} tells those, which `npm run ledger` rewrites.
 */
export function termFingerprint(name: string, wording: string): string {
  return fingerprint(`${name}\n\n${wording}`);
}

/** Whether a ledger's fingerprint of a term is the former one, of its name alone. */
export function isNameOnly(recorded: string | undefined, name: string): boolean {
  return recorded === fingerprint(name);
}

export function fingerprint(text: string): string {
  return shortHash(text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim());
}

const HEADER = `# The anchor ledger: every anchor the edition has published, with a fingerprint of its text.
# A published anchor must never disappear. If you remove, split or rename a paragraph, note, term or
# article, record where its old address should lead:
#   aliases:   { <article slug>: { <old id>: <successor id> } }   (notes as note-<id>)
#   redirects: { <old slug>: <new slug> }
# Claim pages (claims:) are kept alive by an alias in content/claims-across.yaml (aliases: of the claim
# that took the old one in).
# New anchors are added by \`npm run ledger\` (no build needed) when you publish.
`;

/** Reads a ledger file's text; missing sections are empty. */
export function parseLedger(text: string): Ledger {
  if (text === lastRead?.text) return lastRead.ledger;
  lastRead = { text, ...read(text) };
  return lastRead.ledger;
}

/** A ledger's text read: line by line when it is plain, else by YAML. */
function read(text: string): { ledger: Ledger; plain: boolean } {
  const plain = readPlainLedger(text);
  return { ledger: plain ?? ledgerOf((parse(text) ?? {}) as Partial<Ledger>), plain: plain !== undefined };
}

/** Reads a ledger's text as parseLedger does, without making it the last reading (for another copy of the file). */
export function ledgerIn(text: string): Ledger {
  return read(text).ledger;
}

/**
 * Whether the ledger's text is written as `npm run ledger` writes it (readPlainLedger), which gives
 * it its shape by construction; from the last reading of the same text when there is one.
 */
export function isPlainLedger(text: string): boolean {
  return text === lastRead?.text ? lastRead.plain : readPlainLedger(text) !== undefined;
}

/**
 * The last ledger read, by its text: the compile, the timeline and the pages each ask for it.
 * Callers share it and must not change it (none does: recordPublished makes a new one).
 */
let lastRead: { text: string; ledger: Ledger; plain: boolean } | undefined;

function ledgerOf(data: Partial<Ledger>): Ledger {
  return {
    articles: data.articles ?? {},
    terms: data.terms ?? {},
    aliases: data.aliases ?? {},
    redirects: data.redirects ?? {},
    ...(data.claims ? { claims: data.claims } : {}),
  };
}

/** The ledger's sections, each with how many maps deep its values are (read here and by the shape check). */
export const LEDGER_SECTIONS: Readonly<Record<string, 1 | 2>> = { articles: 2, terms: 1, aliases: 2, redirects: 1, claims: 1 };

/** A key or value YAML reads as a plain string: an id or fingerprint, not a number, a yes/no or null. */
const PLAIN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const NOT_A_STRING = /^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|true|True|TRUE|false|False|FALSE|null|Null|NULL)$/;

/** A scalar as written on a ledger line, if YAML reads it as this plain string; else undefined. */
function plainScalar(written: string): string | undefined {
  if (written.startsWith('"')) return /^"[^"\\]*"$/.test(written) ? written.slice(1, -1) : undefined;
  if (written.startsWith("'")) return /^'[^']*'$/.test(written) ? written.slice(1, -1) : undefined;
  return PLAIN.test(written) && !NOT_A_STRING.test(written) ? written : undefined;
}

/** A line of a plain ledger: blank (or only a comment), or a key with its indent and value as written; undefined if neither. */
export type LedgerLine = 'blank' | { indent: string; writtenKey: string; writtenValue: string | undefined } | undefined;

/**
 * One line of the ledger as readPlainLedger and writePlainLedgerInto read it (and the check, for a
 * key line taken out), its comment and a CR at its end left out.
 */
export function readLedgerLine(raw: string): LedgerLine {
  const line = raw.replace(/\r$/, '').replace(/(^|\s)#.*$/, '').trimEnd();
  if (line === '') return 'blank';
  const match = /^( *)([^:\s][^:]*?):(?: +(.*))?$/.exec(line);
  return match ? { indent: match[1]!, writtenKey: match[2]!, writtenValue: match[3] } : undefined;
}

/** A key as YAML reads it, when it is an id (quoted or plain; a plain whole number is an article's paragraph number); else undefined. */
function ledgerKey(written: string): string | undefined {
  if (written.startsWith('"') || written.startsWith("'")) return plainScalar(written);
  return PLAIN.test(written) && (!NOT_A_STRING.test(written) || /^(?:0|[1-9][0-9]*)$/.test(written)) ? written : undefined;
}

/**
 * The ledger read line by line, when it is written as `npm run ledger` writes it (two-space indents,
 * one plain or quoted id and fingerprint a line, comments anywhere): at 5,000 texts the file has some
 * 350,000 lines, which the YAML parser took 6 s to read, and the build reads it in more than one
 * process. Anything else (flow maps, escapes, a key written twice, a value that is not a string)
 * gives undefined, and the YAML parser reads it, with its errors and the shape check's.
 */
export function readPlainLedger(text: string): Ledger | undefined {
  const data: Record<string, Record<string, unknown>> = {};
  let section: Record<string, unknown> | undefined;
  let depth: 1 | 2 = 1;
  let inner: Record<string, string> | undefined;
  for (const raw of text.split('\n')) {
    const line = readLedgerLine(raw);
    if (line === 'blank') continue;
    if (line === undefined) return undefined;
    const { indent, writtenValue } = line;
    const key = ledgerKey(line.writtenKey);
    if (key === undefined) return undefined;
    if (indent === '') {
      const sectionDepth = LEDGER_SECTIONS[key];
      if (sectionDepth === undefined || key in data || (writtenValue !== undefined && writtenValue !== '{}')) return undefined;
      section = data[key] = {};
      depth = sectionDepth;
      inner = undefined;
    } else if (indent === '  ' && section) {
      if (key in section) return undefined;
      if (depth === 2) {
        if (writtenValue !== undefined && writtenValue !== '{}') return undefined;
        section[key] = inner = {};
      } else {
        const value = writtenValue === undefined ? undefined : plainScalar(writtenValue);
        if (value === undefined) return undefined;
        section[key] = value;
      }
    } else if (indent === '    ' && inner) {
      const value = writtenValue === undefined ? undefined : plainScalar(writtenValue);
      if (value === undefined || key in inner) return undefined;
      inner[key] = value;
    } else {
      return undefined;
    }
  }
  return ledgerOf(data as Partial<Ledger>);
}

export function serializeLedger(ledger: Ledger): string {
  const sorted = <T>(record: Record<string, T>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
  return `${HEADER}${stringify(
    {
      articles: sorted(ledger.articles),
      terms: sorted(ledger.terms),
      aliases: ledger.aliases,
      redirects: ledger.redirects,
      ...(ledger.claims && Object.keys(ledger.claims).length > 0 ? { claims: sorted(ledger.claims) } : {}),
    },
    { lineWidth: 0 },
  )}`;
}

/** A key or value as YAML writes a new one: plain if YAML reads it back as that string, else double-quoted. */
function written(scalar: string): string | undefined {
  if (PLAIN.test(scalar)) return NOT_A_STRING.test(scalar) ? `"${scalar}"` : scalar;
  return undefined;
}

/** One `key: value` line of a plain ledger, with the comment and blank lines written before it. */
interface PlainLine {
  lead: string[];
  /** The line as it stands. */
  line: string;
  /** The key as YAML reads it. */
  key: string;
}
/** A key with a map under it (a section, or an article in `articles` and `aliases`). */
interface PlainMap extends PlainLine {
  /** Its lines at the next depth, in the file's order. */
  items: (PlainLine | PlainMap)[];
}

/**
 * `writeLedgerInto` for a ledger written as `npm run ledger` writes it (readPlainLedger reads it),
 * line by line: at 5,000 texts YAML's document model took 8.0 s to read and write the file's 346,000
 * lines, this 0.6 s; it keeps every line it does not change as it was. Gives undefined where it would have
 * to guess what YAML does (a section missing, a map written inline with a comment, an id that YAML
 * would not write plain), and the document model writes it.
 */
export function writePlainLedgerInto(text: string, ledger: Ledger): string | undefined {
  if (text.includes('\r') || !isPlainLedger(text)) return undefined;
  const sections: PlainMap[] = [];
  let lead: string[] = [];
  let section: PlainMap | undefined;
  let inner: PlainMap | undefined;
  for (const line of text.split('\n')) {
    const read = readLedgerLine(line);
    if (read === 'blank') {
      lead.push(line);
      continue;
    }
    // readPlainLedger has read this line: an indent of 0, 2 or 4 and a key it reads.
    const { indent, writtenKey } = read!;
    const key = ledgerKey(writtenKey)!;
    const entry: PlainMap = { lead, line, key, items: [] };
    lead = [];
    if (indent === '') (section = entry), (inner = undefined), sections.push(entry);
    else if (indent === '  ') (inner = entry), section!.items.push(entry);
    else inner!.items.push(entry);
  }
  const tail = lead;
  // Each map's lines by key, made when first asked (a section has thousands).
  const indexes = new Map<PlainMap, Map<string, PlainMap>>();
  const find = (map: PlainMap, key: string): PlainMap | undefined => {
    let index = indexes.get(map);
    if (!index) indexes.set(map, (index = new Map(map.items.map((item) => [item.key, item as PlainMap]))));
    return index.get(key);
  };
  const append = (map: PlainMap, item: PlainMap) => {
    map.items.push(item);
    indexes.get(map)?.set(item.key, item);
  };
  /** `map` ready to take lines: `key: {}` written as `key:`, as YAML does; false if it cannot be. */
  const opened = (map: PlainMap): boolean => {
    if (!/:\s*\{\}\s*(?:#.*)?$/.test(map.line)) return true;
    if (map.line.includes('#')) return false;
    map.line = map.line.replace(/:\s*\{\}\s*$/, ':');
    return true;
  };
  /** Sets `key` to `value` in `map` (lines indented by `indent`); whether it added a line, or undefined if it cannot. */
  const put = (map: PlainMap, indent: string, key: string, value: string): boolean | undefined => {
    const item = find(map, key);
    if (item) {
      const match = /^( *[^:\s][^:]*?:\s+)("[^"]*"|'[^']*'|\S+)(.*)$/.exec(item.line);
      if (!match) return undefined;
      const [, before, old, after] = match;
      if (plainScalar(old!) === value) return false;
      // A quoted value stays quoted the same way, as YAML keeps a scalar's style.
      const next = old!.startsWith('"') ? `"${value}"` : old!.startsWith("'") ? `'${value}'` : written(value);
      if (next === undefined || !/^[A-Za-z0-9._-]+$/.test(value)) return undefined;
      item.line = `${before}${next}${after}`;
      return false;
    }
    const [writtenKey, writtenValue] = [written(key), written(value)];
    if (writtenKey === undefined || writtenValue === undefined || !opened(map)) return undefined;
    append(map, { lead: [], line: `${indent}${writtenKey}: ${writtenValue}`, key, items: [] });
    return true;
  };
  const inOrder = (map: PlainMap) => map.items.sort((a, b) => a.key.localeCompare(b.key));
  const sectionOf = (key: string) => sections.find((candidate) => candidate.key === key);

  const articles = sectionOf('articles');
  if (!articles) return undefined;
  let added = false;
  for (const [slug, anchors] of Object.entries(ledger.articles)) {
    let article = find(articles, slug);
    if (!article) {
      const writtenSlug = written(slug);
      if (writtenSlug === undefined || !opened(articles)) return undefined;
      article = { lead: [], line: `  ${writtenSlug}: {}`, key: slug, items: [] };
      append(articles, article);
      added = true;
    }
    for (const [id, print] of Object.entries(anchors)) if (put(article, '    ', id, print) === undefined) return undefined;
  }
  if (added) inOrder(articles);
  for (const name of ['terms', 'claims'] as const) {
    const records = ledger[name] ?? {};
    const map = sectionOf(name);
    if (Object.keys(records).length === 0) continue;
    if (!map) return undefined;
    let grew = false;
    for (const [key, print] of Object.entries(records)) {
      const result = put(map, '  ', key, print);
      if (result === undefined) return undefined;
      grew = result || grew;
    }
    if (grew) inOrder(map);
  }
  const out: string[] = [];
  const emit = (item: PlainLine | PlainMap) => {
    out.push(...item.lead, item.line);
    if ('items' in item) for (const child of item.items) emit(child);
  };
  for (const each of sections) emit(each);
  out.push(...tail);
  return out.join('\n');
}

/**
 * The ledger file's `text` with the fingerprints of `ledger` written into it, for `npm run ledger`:
 * what an editor wrote there (comments, aliases, redirects) is kept as written, fingerprints that
 * changed are changed in place, and new articles, terms and claims go in in order. Writing the file
 * out anew from the data lost every comment an editor had put beside an alias.
 */
export function writeLedgerInto(text: string, ledger: Ledger): string {
  if (text.trim() === '') return serializeLedger(ledger);
  return writePlainLedgerInto(text, ledger) ?? writeLedgerByDocument(text, ledger);
}

/** writeLedgerInto through YAML's document model, for a ledger written by hand in any YAML. */
export function writeLedgerByDocument(text: string, ledger: Ledger): string {
  const doc = parseDocument(text);
  // Keys are found by their text: a hand-written `2014:` is the id "2014", not a second key.
  const keyOf = (pair: { key: unknown }) => String(isScalar(pair.key) ? pair.key.value : pair.key);
  const pairIn = (map: YAMLMap, key: string) => map.items.find((pair) => keyOf(pair) === key);
  /** The map under `key` of `parent`, made (written out in block style) if there is none. */
  const mapIn = (parent: YAMLMap, key: string): YAMLMap => {
    const pair = pairIn(parent, key);
    if (pair && isMap(pair.value)) return pair.value;
    const map = new YAMLMap();
    parent.flow = false;
    if (pair) pair.value = map;
    else parent.items.push(doc.createPair(key, map));
    return map;
  };
  /** Sets `key` to `value`; whether `map` has a key it did not have. */
  const put = (map: YAMLMap, key: string, value: string): boolean => {
    const pair = pairIn(map, key);
    if (pair && isScalar(pair.value)) {
      if (String(pair.value.value) !== value) pair.value.value = value;
      return false;
    }
    map.flow = false;
    if (pair) pair.value = doc.createNode(value);
    else map.items.push(doc.createPair(key, value));
    return !pair;
  };
  const inOrder = (map: YAMLMap) => map.items.sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  if (!isMap(doc.contents)) doc.contents = new YAMLMap() as never;
  const root = doc.contents as YAMLMap;
  const articles = mapIn(root, 'articles');
  let added = false;
  for (const [slug, anchors] of Object.entries(ledger.articles)) {
    if (!isMap(pairIn(articles, slug)?.value)) added = true;
    const map = mapIn(articles, slug);
    for (const [id, print] of Object.entries(anchors)) put(map, id, print);
  }
  if (added) inOrder(articles);
  for (const section of ['terms', 'claims'] as const) {
    const records = ledger[section] ?? {};
    if (Object.keys(records).length === 0 && !pairIn(root, section)) continue;
    const map = mapIn(root, section);
    let grew = false;
    for (const [key, print] of Object.entries(records)) grew = put(map, key, print) || grew;
    if (grew) inOrder(map);
  }
  return doc.toString({ lineWidth: 0 });
}

/**
 * The ledger file's text with what the edition publishes now recorded in it, as `npm run ledger`
 * writes it (the bench records its corpora's ledgers the same way).
 */
export function recordedLedgerText(text: string, published: Published): string {
  return writeLedgerInto(text, recordPublished(text === '' ? emptyLedger() : parseLedger(text), published));
}

/** A published anchor that is gone, and what the check found about it. */
export interface Missing {
  article?: string;
  term?: string;
  id: string;
  /** Why it is a problem: no alias, or an alias to something that is not there either. */
  reason: string;
}

export interface LedgerCheck {
  /** Published anchors that are gone without a working alias or redirect: the build fails. */
  missing: Missing[];
  /** Anchors published now but not yet in the ledger. */
  unrecorded: { article?: string; term?: string; id: string }[];
  /** Anchors whose text changed since they were recorded (allowed: corrections). */
  changed: { article?: string; term?: string; id: string }[];
}

/**
 * The steps from `start` along `next` (a redirect's or an alias's), up to the first key with no
 * next step, and whether they go round: the chain's path with the repeated key at its end.
 *
 * @example followChain('a', (key) => ({ a: 'b', b: 'c' })[key]) // { path: ['a', 'b', 'c'], round: false }
 */
export function followChain(start: string, next: (key: string) => string | undefined): { path: string[]; round: boolean } {
  const path = [start];
  for (let key = next(start); key !== undefined; key = next(key)) {
    if (path.includes(key)) return { path: [...path, key], round: true };
    path.push(key);
  }
  return { path, round: false };
}

/** Where an old fragment of `slug` leads now, following aliases (at most a few steps). */
export function resolveAlias(ledger: Ledger, slug: string, id: string): string | undefined {
  let current = id;
  for (let step = 0; step < 8; step++) {
    const next = ledger.aliases[slug]?.[current];
    if (next === undefined) return step === 0 ? undefined : current;
    current = next;
  }
  return undefined;
}

/** Where a note's old id leads now: the note an alias of `note-<id>` under any text resolves to, if any. */
export function noteSuccessor(ledger: Ledger | undefined, id: string): string | undefined {
  for (const slug of Object.keys(ledger?.aliases ?? {})) {
    if (ledger!.aliases[slug]?.[`note-${id}`] === undefined) continue;
    const to = resolveAlias(ledger!, slug, `note-${id}`);
    if (to?.startsWith('note-')) return to.slice('note-'.length);
  }
  return undefined;
}

/** Compares the ledger with what the site publishes now. */
export function checkLedger(ledger: Ledger, published: Published): LedgerCheck {
  const missing: Missing[] = [];
  const unrecorded: LedgerCheck['unrecorded'] = [];
  const changed: LedgerCheck['changed'] = [];

  for (const [slug, anchors] of Object.entries(ledger.articles)) {
    let target = slug;
    let current = published.articles[slug];
    if (!current) {
      const renamed = ledger.redirects[slug];
      if (!renamed || !published.articles[renamed]) {
        missing.push({
          article: slug,
          id: '',
          reason: renamed ? `it redirects to \`${renamed}\`, which is not published` : 'the article is no longer published and has no redirect',
        });
        continue;
      }
      target = renamed;
      current = published.articles[renamed]!;
    }
    for (const [id, print] of Object.entries(anchors)) {
      if (current[id] !== undefined) {
        if (current[id] !== print) changed.push({ article: slug, id });
        continue;
      }
      const successor = resolveAlias(ledger, slug, id) ?? (target !== slug ? resolveAlias(ledger, target, id) : undefined);
      if (successor === undefined) missing.push({ article: slug, id, reason: 'it is no longer on the page and has no alias' });
      else if (current[successor] === undefined) missing.push({ article: slug, id, reason: `its alias leads to \`${successor}\`, which is not on the page either` });
    }
  }
  for (const [id, print] of Object.entries(ledger.terms)) {
    if (published.terms[id] === undefined) missing.push({ term: id, id, reason: 'the glossary entry is gone' });
    else if (published.terms[id] !== print) changed.push({ term: id, id });
  }

  for (const [slug, anchors] of Object.entries(published.articles)) {
    const recorded = ledger.articles[slug] ?? {};
    for (const id of Object.keys(anchors)) if (recorded[id] === undefined) unrecorded.push({ article: slug, id });
  }
  for (const id of Object.keys(published.terms)) if (ledger.terms[id] === undefined) unrecorded.push({ term: id, id });
  return { missing, unrecorded, changed };
}

/** The ledger with everything published now recorded (nothing is ever removed). */
export function recordPublished(ledger: Ledger, published: Published): Ledger {
  const articles: Record<string, AnchorMap> = structuredClone(ledger.articles);
  for (const [slug, anchors] of Object.entries(published.articles)) articles[slug] = { ...articles[slug], ...anchors };
  const claims = { ...ledger.claims, ...published.claims };
  return { ...ledger, articles, terms: { ...ledger.terms, ...published.terms }, ...(Object.keys(claims).length > 0 ? { claims } : {}) };
}

/**
 * The ledger of the project at `root`, or undefined when it has none or it cannot be read (the
 * anchors' check reports a broken ledger, at its line): what the compiler's other readers follow.
 */
export function readLedgerAt(root: string): Ledger | undefined {
  const path = join(root, LEDGER_FILE);
  try {
    return existsSync(path) ? parseLedger(readFileSync(path, 'utf8')) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What `committed` (the ledger as last committed) records that `now` no longer does, as
 * `section › key` paths: a published anchor, alias or redirect is never taken out. An alias or a
 * redirect whose old address is published again (the id or slug restored) may go.
 *
 * @example droppedFrom({ ...emptyLedger(), terms: { nato: 'a' } }, emptyLedger(), { articles: {}, terms: {} }) // ['terms › nato']
 */
export function droppedFrom(committed: Ledger, now: Ledger, published: Published): string[] {
  const dropped: string[] = [];
  // A section or article written with nothing under it reads as null: nothing recorded there.
  for (const [slug, anchors] of Object.entries(committed.articles ?? {})) for (const id of Object.keys(anchors ?? {})) if (now.articles[slug]?.[id] === undefined) dropped.push(`articles › ${slug} › ${id}`);
  for (const id of Object.keys(committed.terms ?? {})) if (now.terms[id] === undefined) dropped.push(`terms › ${id}`);
  for (const id of Object.keys(committed.claims ?? {})) if (now.claims?.[id] === undefined) dropped.push(`claims › ${id}`);
  for (const [slug, map] of Object.entries(committed.aliases ?? {})) for (const id of Object.keys(map ?? {})) if (now.aliases[slug]?.[id] === undefined && published.articles[slug]?.[id] === undefined) dropped.push(`aliases › ${slug} › ${id}`);
  for (const slug of Object.keys(committed.redirects ?? {})) if (now.redirects[slug] === undefined && published.articles[slug] === undefined) dropped.push(`redirects › ${slug}`);
  return dropped;
}

/**
 * A renamed text's new slug: of the texts the ledger does not record yet, the one that holds most of
 * the `recorded` anchors (`holds(slug, id, print)`), if it holds at least one and half of them.
 * The check of a published text gone and a note's link to it both ask it.
 *
 * @example successorOf([['p1', 'a'], ['p2', 'b']], ['new'], (slug, id) => id === 'p1') // 'new'
 */
export function successorOf(recorded: readonly (readonly [string, string])[], candidates: Iterable<string>, holds: (slug: string, id: string, print: string) => boolean): string | undefined {
  let best: { slug: string; count: number } | undefined;
  for (const slug of candidates) {
    const count = recorded.filter(([id, print]) => holds(slug, id, print)).length;
    if (!best || count > best.count) best = { slug, count };
  }
  return best && best.count > 0 && best.count * 2 >= recorded.length ? best.slug : undefined;
}

/**
 * The fingerprint the anchor ledger in `root` recorded for a paragraph of an article, by the
 * article's file: read only when asked (two paragraphs given one id).
 */
export const recordedIn = (root: string) => (path: string, id: string): string | undefined => readLedgerAt(root)?.articles[basename(path, '.mdx')]?.[id];

/** Where a renamed article's slug leads: its redirect, one step, as the ledger's check allows; else the slug. */
export function redirectOf(ledger: Ledger | undefined, slug: string): string {
  return ledger?.redirects[slug] ?? slug;
}

/**
 * Whether a published paragraph's recorded words are its words now cut otherwise: itself with the
 * paragraphs after it (it was split), or its words up to or from a sentence's end (others were
 * merged into it). Judged by fingerprints, the ledger keeping no words.
 */
export function recut(passages: readonly { id: string; text: string }[], id: string, recorded: string | undefined, merged: ReadonlySet<string>): boolean {
  const at = passages.findIndex((passage) => passage.id === id);
  if (at < 0 || recorded === undefined) return false;
  // Split: the words it had are its own with those of the paragraphs after it, or before it (the
  // id kept by the second part, where it stood at the end of the paragraph).
  for (const step of [1, -1]) {
    let joined = passages[at]!.text;
    for (let other = at + step; other >= 0 && other < passages.length && Math.abs(other - at) <= 8; other += step) {
      joined = step > 0 ? `${joined} ${passages[other]!.text}` : `${passages[other]!.text} ${joined}`;
      if (fingerprint(joined) === recorded) return true;
    }
  }
  // Merged: its words up to or from a sentence's end, the rest the words of a paragraph whose id the
  // ledger now leads here (\`merged\`: their fingerprints).
  const text = passages[at]!.text;
  for (const end of text.matchAll(/[.!?…]["”’)\]]*\s+/g)) {
    const [head, tail] = [fingerprint(text.slice(0, end.index + end[0].length)), fingerprint(text.slice(end.index + end[0].length))];
    if ((head === recorded && merged.has(tail)) || (tail === recorded && merged.has(head))) return true;
  }
  return false;
}
