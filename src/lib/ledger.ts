/**
 * The anchor ledger: every anchor the edition has published (passages, notes, glossary terms, and
 * the article pages themselves), with a fingerprint of its text, kept in `content/anchors.yaml`.
 * A published anchor may never disappear: it is either still there, or the editor records an alias
 * to its successor (an old link then lands on the successor), and a renamed article keeps a
 * redirect from its old address.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
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
# New anchors are added by \`npm run ledger\` (after \`npm run build\`) when you publish.
`;

/** Reads a ledger file's text; missing sections are empty. */
export function parseLedger(text: string): Ledger {
  const data = (parse(text) ?? {}) as Partial<Ledger>;
  return {
    articles: data.articles ?? {},
    terms: data.terms ?? {},
    aliases: data.aliases ?? {},
    redirects: data.redirects ?? {},
    ...(data.claims ? { claims: data.claims } : {}),
  };
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

/**
 * The ledger file's `text` with the fingerprints of `ledger` written into it, for `npm run ledger`:
 * what an editor wrote there (comments, aliases, redirects) is kept as written, fingerprints that
 * changed are changed in place, and new articles, terms and claims go in in order. Writing the file
 * out anew from the data lost every comment an editor had put beside an alias.
 */
export function writeLedgerInto(text: string, ledger: Ledger): string {
  if (text.trim() === '') return serializeLedger(ledger);
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

/** Where a renamed article's slug leads: its redirect, one step, as the ledger's check allows; else the slug. */
export function redirectOf(ledger: Ledger | undefined, slug: string): string {
  return ledger?.redirects[slug] ?? slug;
}
