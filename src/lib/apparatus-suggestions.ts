/**
 * What the apparatus of one text could still use, for `npm run suggest -- <slug>` and the draft
 * page in `npm run dev`. Pure: it reads a plain description of the text and of the rest of the
 * edition ({@link SuggestInput}, built from the compiled edition by src/data/suggestions.ts) and
 * returns suggestions of four kinds, each placed at `file:line:column` in a paragraph, with the edit
 * to make:
 *
 * - `near-name`: words close to a glossary name (a misspelling, another spelling, a case or hyphen
 *   variant, a name the entry lists under `alsoKnownAs`, the name's words in another order) that
 *   the glossary does not link; and a term mentioned in a section where no mention is linked;
 * - `missing-entry`: capitalised names, acronyms and weapon designations with no glossary entry
 *   that also occur in another text;
 * - `cross-link`: notes of other texts that cite a URL this text or its notes cite, or that quote
 *   words of this text;
 * - `unnoted`: paragraphs with figures, dates or quotations, no note and no claim of the text's
 *   inventory that covers them.
 *
 * @example
 * suggestApparatus(input).filter((s) => s.kind === 'near-name')
 * // [{ kind: 'near-name', file: 'content/articles/x.mdx', line: 12, column: 40, passage: 'p-1',
 * //    message: '“Lukashenka” is close to “Lukashenko” (term `lukashenko`) but not linked', fix: '…' }]
 */
import { editDistance } from './suggest.ts';
import { buildMatcher, findMentions, type Matcher } from './mentions.ts';

/** A stretch of a block's text that stands on one place in the file. */
export interface Segment {
  /** Offsets in the block's text. */
  start: number;
  end: number;
  /** Where `start` is in the file (1-based). */
  line: number;
  column: number;
  /** Words an editor has already dealt with: in a link, a `<Term>` or a `<NoTerm>`. */
  skip?: 'link' | 'term' | 'noterm';
}

/** A paragraph or heading of the named text. */
export interface TextBlock {
  /** Its passage id. */
  id: string;
  heading: boolean;
  /** Passage id of its section's `##` heading, '' before the first. */
  section: string;
  /** Its plain text (as the reader sees it, without the ` ^id`). */
  text: string;
  /** Where each stretch of the text is in the file; at least one. */
  segments: Segment[];
}

/** A note, as the suggestions need it. */
export interface SuggestNote {
  id: string;
  /** The paragraph that holds its passage. */
  passage: string;
  /** The marked words. */
  exact: string;
  bodyText: string;
  sources: { url: string; title: string }[];
  /** Ids of the notes its body links to (`note:<id>`). */
  links: string[];
  /** Line of its `<Note>` in the file. */
  line: number;
}

/** A glossary entry. */
export interface SuggestTerm {
  id: string;
  /** The names the text is searched for: `term` and `aliases`. */
  names: string[];
  /** Other names, listed on the entry's page but not linked in texts. */
  alsoKnownAs: string[];
  /** Its file, for the fix. */
  file: string;
}

/** Another text of the edition. */
export interface OtherText {
  slug: string;
  title: string;
  file: string;
  passages: { id: string; text: string }[];
  notes: SuggestNote[];
}

/** What {@link suggestApparatus} reads. */
export interface SuggestInput {
  slug: string;
  /** The text's MDX file, relative to the project. */
  file: string;
  blocks: TextBlock[];
  notes: SuggestNote[];
  /** URLs the front matter names (originalUrl, copy.url, outlets' url, links in copy.from), with their line. */
  urls: { url: string; field: string; line: number }[];
  /** The text's claims inventory: where it is and what it quotes. */
  claims: { id: string; passage: string; quote: string }[];
  claimsFile: string;
  terms: SuggestTerm[];
  others: OtherText[];
}

export type SuggestionKind = 'near-name' | 'missing-entry' | 'cross-link' | 'unnoted';

/** One thing to do. */
export interface Suggestion {
  kind: SuggestionKind;
  file: string;
  line: number;
  column: number;
  /** The paragraph's passage id ('' for the front matter). */
  passage: string;
  /** What was found, as a sentence fragment. */
  message: string;
  /** The edit to make. */
  fix: string;
}

/** The kinds in the order they are listed, with their headings. */
export const SUGGESTION_KINDS: readonly { kind: SuggestionKind; title: string }[] = [
  { kind: 'near-name', title: 'Names close to a glossary term, not linked' },
  { kind: 'missing-entry', title: 'Names with no glossary entry that other texts use too' },
  { kind: 'cross-link', title: 'Notes of other texts to link (same source or same words)' },
  { kind: 'unnoted', title: 'Paragraphs with figures, dates or quotations and no note' },
];

const STOPWORDS = new Set(['the', 'of', 'on', 'in', 'a', 'an', 'and', 'for', 'to', 'at', 'by', 'with', 'from', 'its', 'his', 'her', 'their']);

/** Lowercase, without accents, hyphens and dots as spaces, curly apostrophes straight. */
export function normalizeName(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[’‘]/g, "'")
    .replace(/[-‐‑–—_./]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** A name without a possessive or plural ending: `NATO’s` → `NATO`, `S-400s` → `S-400`. */
function bare(word: string): string {
  return word.replace(/['’]s$|s['’]$|['’]$/u, '').replace(/(?<=\d)s$/u, '');
}

interface Word {
  text: string;
  start: number;
  end: number;
}

/** The words of a text with their offsets (hyphenated words and `U.S.` kept whole). */
function wordsOf(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:[-.'’][\p{L}\p{N}]+)*\.?/gu)) {
    let word = match[0];
    // A dot ends a sentence unless the word is an initialism (`U.S.`).
    if (word.endsWith('.') && !/^(?:\p{L}\.){2,}$/u.test(word)) word = word.slice(0, -1);
    words.push({ text: word, start: match.index, end: match.index + word.length });
  }
  return words;
}

/** Whether the word at `start` begins a sentence (or the block). */
function startsSentence(text: string, start: number): boolean {
  const before = text.slice(0, start).replace(/[\s"“‘'(\[]+$/u, '');
  return before === '' || /[.!?:…]$/u.test(before);
}

/** Where offset `at` of a block is in the file. */
function place(block: TextBlock, at: number): { line: number; column: number } {
  const segment = block.segments.findLast((s) => s.start <= at) ?? block.segments[0]!;
  const inside = block.text.slice(segment.start, Math.max(segment.start, at));
  const breaks = inside.split('\n');
  return breaks.length > 1 ? { line: segment.line + breaks.length - 1, column: breaks.at(-1)!.length + 1 } : { line: segment.line, column: segment.column + inside.length };
}

/** The skip flag of the stretch at `at`, if any. */
function skipAt(block: TextBlock, start: number, end: number): Segment['skip'] {
  return block.segments.find((s) => s.skip && s.start < end && s.end > start)?.skip;
}

function overlaps(ranges: readonly { start: number; end: number }[], start: number, end: number): boolean {
  return ranges.some((range) => range.start < end && range.end > start);
}

const quote = (text: string) => `“${text}”`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * Every suggestion for the text, grouped by kind in {@link SUGGESTION_KINDS} order; within a kind in
 * text order, except names without an entry, which come most widely used first.
 */
export function suggestApparatus(input: SuggestInput): Suggestion[] {
  const matcher = buildMatcher(input.terms.map(({ id, names }) => ({ id, names })));
  const mentionsOf = new Map(input.blocks.map((block) => [block, findMentions(block.text, matcher)]));
  const near = nearNames(input, mentionsOf);
  const nearRanges = new Map<TextBlock, { start: number; end: number }[]>();
  for (const found of near.ranges) {
    const list = nearRanges.get(found.block) ?? [];
    list.push(found);
    nearRanges.set(found.block, list);
  }
  return [...near.suggestions, ...unlinkedSections(input, mentionsOf), ...missingEntries(input, matcher, mentionsOf, nearRanges), ...crossLinks(input), ...unnoted(input)];
}

// ─── 1. Names close to a glossary term ───────────────────────────────────────────────────────────

interface NameIndex {
  term: SuggestTerm;
  name: string;
  normalized: string;
  words: string[];
  /** Words that carry the name (not `the`, `of`…). */
  content: string[];
  known: boolean;
}

/** How far a spelling may be from a name to be taken for it: none under 5 letters, 1 up to 9, 2 beyond. */
function allowedDistance(length: number): number {
  return length < 5 ? 0 : length < 10 ? 1 : 2;
}

/** Whether two words are the same word give or take an ending or a prefix (`election`, `reelection`). */
function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 5 && (long.endsWith(short) || long.startsWith(short)) && long.length - short.length <= 3;
}

function nearNames(input: SuggestInput, mentionsOf: Map<TextBlock, ReturnType<typeof findMentions>>): { suggestions: Suggestion[]; ranges: { block: TextBlock; start: number; end: number }[] } {
  const index: NameIndex[] = [];
  for (const term of input.terms) {
    for (const [name, known] of [...term.names.map((n) => [n, false] as const), ...term.alsoKnownAs.map((n) => [n, true] as const)]) {
      const normalized = normalizeName(name);
      const words = normalized.split(' ');
      index.push({ term, name, normalized, words, content: words.filter((w) => !STOPWORDS.has(w)), known });
    }
  }
  const maxWords = Math.max(1, ...index.map((entry) => entry.words.length));
  // Maps, so that each stretch of words is compared with the few names it could be.
  const exact = new Map<string, NameIndex>();
  const nearBy = new Map<string, NameIndex[]>();
  for (const entry of index) {
    if (!exact.has(entry.normalized)) exact.set(entry.normalized, entry);
    if (entry.known) continue;
    const key = `${entry.words.length}:${entry.normalized[0]}`;
    nearBy.set(key, [...(nearBy.get(key) ?? []), entry]);
  }
  const ordered = index.filter((entry) => entry.content.length >= 2 && !entry.known);
  const sharing = new Map<string, NameIndex[]>();
  const entriesSharing = (word: string): NameIndex[] => {
    let list = sharing.get(word);
    if (!list) {
      list = ordered.filter((entry) => entry.content.some((c) => sameWord(c, word)));
      sharing.set(word, list);
    }
    return list;
  };
  // Dated names ("Belarusian presidential election (2020)"), which texts write as the year and the
  // head word ("a disputed 2020 reelection", "the election of 2020"): taken for the term only in a
  // paragraph that also names the name's proper word ("Belarusian", "Belarus"), since other
  // countries held elections that year too.
  const dated = index.flatMap((entry) => {
    if (entry.known) return [];
    const words = entry.normalized.replace(/[()]/gu, '').split(' ').filter((word) => word !== '' && !STOPWORDS.has(word));
    const year = words.find((word) => /^\d{4}$/u.test(word));
    const rest = words.filter((word) => word !== year);
    const proper = entry.name.split(/[\s()]+/u).filter((word) => /^\p{Lu}/u.test(word)).map((word) => normalizeName(word));
    return year && rest.length >= 2 && proper.length > 0 ? [{ entry, year, head: rest.at(-1)!, proper }] : [];
  });
  const years = new Set(dated.map((d) => d.year));
  const firstTokens = new Set([...index.map((entry) => entry.words[0]!), ...years, ...dated.map((d) => d.head)]);
  // One line per spelling: the first place, and how many more.
  const found = new Map<string, { suggestion: Suggestion; more: number }>();
  const ranges: { block: TextBlock; start: number; end: number }[] = [];

  for (const block of input.blocks) {
    if (block.heading) continue;
    const mentions = mentionsOf.get(block) ?? [];
    const words = wordsOf(block.text);
    const tokens = words.map((word) => normalizeName(word.text));
    const bareTokens = words.map((word) => normalizeName(bare(word.text)));
    const capitals = words.map((word) => /\p{Lu}/u.test(word.text));
    // Whether the words k and k + 1 are joined by space or a hyphen only (no comma, no quotation mark).
    const joined = words.map((word, k) => k + 1 < words.length && /^[\s\-‐‑–—_./]*$/u.test(block.text.slice(word.end, words[k + 1]!.start)));
    const taken: { start: number; end: number }[] = [];
    for (let i = 0; i < words.length; i++) {
      // A stretch worth comparing starts with a capital, or with a word a name starts with or shares.
      if (!capitals[i] && !firstTokens.has(bareTokens[i]!.split(' ')[0]!) && entriesSharing(bareTokens[i]!.split(' ')[0]!).length === 0) continue;
      let reach = 1;
      while (reach < maxWords + 2 && i + reach < words.length && joined[i + reach - 1]) reach++;
      // Longest span first, so that "Treaty on Open-Skies" wins over "Open-Skies".
      for (let n = reach; n >= 1; n--) {
        const first = words[i]!;
        const last = words[i + n - 1]!;
        const start = first.start;
        const end = last.end;
        if (overlaps(taken, start, end) || overlaps(mentions, start, end) || skipAt(block, start, end)) continue;
        const raw = block.text.slice(start, end);
        const capital = capitals.slice(i, i + n).some(Boolean);
        const spelled = [...tokens.slice(i, i + n - 1), bareTokens[i + n - 1]!].join(' ');
        const spanWords = spelled.split(' ');
        let best: { entry: NameIndex; how: string } | undefined;
        const same = exact.get(spelled);
        // Any case for the very name written otherwise ("open skies"); a capital for a near spelling.
        if (same && (capital || same.normalized.length >= 5)) best = { entry: same, how: same.known ? 'another name of' : 'written otherwise than' };
        if (!best && capital) {
          for (const entry of nearBy.get(`${spanWords.length}:${spelled[0]}`) ?? []) {
            if (Math.abs(spelled.length - entry.normalized.length) > 2) continue;
            const distance = editDistance(spelled, entry.normalized);
            if (distance > 0 && distance <= allowedDistance(entry.normalized.length)) {
              best = { entry, how: 'close to' };
              break;
            }
          }
        }
        if (!best && capital && n >= 2 && !STOPWORDS.has(spanWords[0]!) && !STOPWORDS.has(spanWords.at(-1)!)) {
          // The name's words, in another order or with an ending ("Belarus's presidential
          // election"), with nothing between them but small words.
          for (const entry of entriesSharing(spanWords[0]!)) {
            if (n > entry.content.length + 1) continue;
            const left = [...spanWords];
            const matched = entry.content.every((word) => {
              const at = left.findIndex((candidate) => sameWord(candidate, word));
              if (at < 0) return false;
              left.splice(at, 1);
              return true;
            });
            if (matched && left.every((word) => STOPWORDS.has(word) || word === 's')) {
              best = { entry, how: 'the words of' };
              break;
            }
          }
        }
        if (!best && (n === 2 || n === 3)) {
          for (const d of dated) {
            const yearFirst = n === 2 && spanWords[0] === d.year && sameWord(spanWords[1]!, d.head);
            const yearLast = n === 3 && sameWord(spanWords[0]!, d.head) && (spanWords[1] === 'of' || spanWords[1] === 'in') && spanWords[2] === d.year;
            if ((yearFirst || yearLast) && bareTokens.some((token, k) => capitals[k] && d.proper.some((word) => sameWord(token, word)))) {
              best = { entry: d.entry, how: 'the year and the words of' };
              break;
            }
          }
        }
        if (!best) continue;
        taken.push({ start, end });
        ranges.push({ block, start, end });
        const key = `${bare(raw)}\0${best.entry.term.id}`;
        const seen = found.get(key);
        if (seen) {
          seen.more++;
          break;
        }
        const { line, column } = place(block, start);
        const { entry, how } = best;
        const alias = entry.known ? `move “${entry.name}” from \`alsoKnownAs\` to \`aliases\` in ${entry.term.file}` : `add “${bare(raw)}” to \`aliases\` in ${entry.term.file}`;
        found.set(key, {
          suggestion: {
            kind: 'near-name',
            file: input.file,
            line,
            column,
            passage: block.id,
            message: `${quote(raw)} is ${how} ${quote(entry.name)} (term \`${entry.term.id}\`) and is not linked`,
            fix: `write \`<Term id="${entry.term.id}">${raw}</Term>\` here, or ${alias} so that every text links it${entry.known ? '' : ' (if it is a spelling the texts use)'}; \`<NoTerm>${raw}</NoTerm>\` if it is something else.`,
          },
          more: 0,
        });
        break;
      }
    }
  }
  const suggestions = [...found.values()].map(({ suggestion, more }) => (more > 0 ? { ...suggestion, message: `${suggestion.message} (and ${plural(more, 'more time')} in this text)` } : suggestion));
  return { suggestions, ranges };
}

/**
 * A term mentioned in a section's paragraphs only inside links: the house rule links the first
 * mention in each section, and a mention inside a link is not linked again, so the section never
 * links the term. (Mentions an editor suppressed with `<NoTerm>` are left alone.)
 */
function unlinkedSections(input: SuggestInput, mentionsOf: Map<TextBlock, ReturnType<typeof findMentions>>): Suggestion[] {
  const sections = new Map<string, { block: TextBlock; mention: ReturnType<typeof findMentions>[number]; skip: Segment['skip'] }[]>();
  for (const block of input.blocks) {
    if (block.heading) continue;
    for (const mention of mentionsOf.get(block) ?? []) {
      const key = `${block.section}\0${mention.term}`;
      const list = sections.get(key) ?? [];
      list.push({ block, mention, skip: skipAt(block, mention.start, mention.end) });
      sections.set(key, list);
    }
  }
  const suggestions: Suggestion[] = [];
  for (const list of sections.values()) {
    if (!list.every((item) => item.skip === 'link' || item.skip === 'noterm') || !list.some((item) => item.skip === 'link')) continue;
    const { block, mention } = list.find((item) => item.skip === 'link')!;
    const { line, column } = place(block, mention.start);
    suggestions.push({
      kind: 'near-name',
      file: input.file,
      line,
      column,
      passage: block.id,
      message: `${quote(mention.text)} (term \`${mention.term}\`) is mentioned in ${block.section ? `section ^${block.section}` : 'the opening section'} only inside links, so the section never links the term`,
      fix: `link one mention outside the link with \`<Term id="${mention.term}">${mention.text}</Term>\`, or leave it if the link already explains it.`,
    });
  }
  return suggestions;
}

// ─── 2. Names with no entry ──────────────────────────────────────────────────────────────────────

/** A weapon or aircraft designation: `S-400`, `Su-30SM`, `MiG-29`, `Tu-22M3`, `RC-135`. */
const DESIGNATION = /^\p{Lu}[\p{L}]{0,3}-\d+[\p{L}\d]*$/u;
/** An acronym: `EU`, `OSCE`, `U.S.`; not a Roman numeral, not a shouted word. */
const ACRONYM = /^(?:\p{Lu}{2,6}|(?:\p{Lu}\.){2,4})$/u;
const ROMAN = /^[IVXLCDM]+$/;
const CONNECTORS = new Set(['of', 'on', 'the', 'for', 'de', 'von', 'al']);
/** Capitalised words that are not names an entry could explain. */
const CALENDAR = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']);
/** Titles before a person's name: "French President Emmanuel Macron" is "Emmanuel Macron". */
const TITLES = new Set(['president', 'prime', 'minister', 'secretary', 'general', 'chancellor', 'ambassador', 'chairman', 'spokesman', 'spokeswoman', 'spokesperson', 'leader', 'senator', 'sen', 'rep', 'gen', 'mr', 'mrs', 'ms', 'dr', 'king', 'queen', 'envoy', 'commander', 'chief']);

interface NameOccurrence {
  key: string;
  /** How it is written, the first time. */
  text: string;
  what: 'designation' | 'acronym' | 'name';
  start: number;
  end: number;
}

/**
 * Candidate names of a text: designations, acronyms, and runs of capitalised words (with `of`,
 * `the` between them) whose words are not ordinary words capitalised at the start of a sentence.
 * `lowercase` holds every word the edition writes in lower case: a capitalised word that is also
 * written in lower case ("The", "President") is not a name by itself. `midCaps` holds the words the
 * edition capitalises inside a sentence: a capitalised word that opens a sentence and is never
 * capitalised inside one ("But", "In") is not a name.
 */
function namesIn(text: string, lowercase: ReadonlySet<string>, titlecase: ReadonlySet<string>, midCaps: ReadonlySet<string>): NameOccurrence[] {
  const words = wordsOf(text);
  const found: NameOccurrence[] = [];
  const capitalised = (word: Word) => /^\p{Lu}\p{Ll}/u.test(word.text) && !DESIGNATION.test(word.text);
  const nameLike = (word: Word) => capitalised(word) && !lowercase.has(bare(word.text).toLowerCase());
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const plain = bare(word.text);
    if (DESIGNATION.test(plain)) {
      found.push({ key: plain.toLowerCase(), text: plain, what: 'designation', start: word.start, end: word.end });
      continue;
    }
    if (ACRONYM.test(plain) && !ROMAN.test(plain)) {
      // A dateline's "MOSCOW" is Moscow.
      const titled = `${plain[0]}${plain.slice(1).toLowerCase()}`;
      if (plain.length > 3 && titlecase.has(titled)) {
        if (!CALENDAR.has(plain.toLowerCase())) found.push({ key: normalizeName(titled), text: titled, what: 'name', start: word.start, end: word.end });
        continue;
      }
      found.push({ key: plain.replace(/\./g, '').toLowerCase(), text: plain, what: 'acronym', start: word.start, end: word.end });
      continue;
    }
    if (!capitalised(word)) continue;
    // A run of capitalised words, joined by connectors, one space apart.
    let j = i;
    const spaced = (a: Word, b: Word) => text.slice(a.end, b.start) === ' ';
    while (j + 1 < words.length && spaced(words[j]!, words[j + 1]!)) {
      const next = words[j + 1]!;
      if (capitalised(next)) {
        j++;
        continue;
      }
      const after = words[j + 2];
      if (CONNECTORS.has(next.text) && after && spaced(next, after) && capitalised(after)) {
        j += 2;
        continue;
      }
      break;
    }
    let run = words.slice(i, j + 1);
    const title = run.findLastIndex((w) => TITLES.has(w.text.toLowerCase()));
    if (title >= 0 && title < run.length - 1) run = run.slice(title + 1);
    run = run.filter((w, k) => !(CALENDAR.has(w.text.toLowerCase()) && (k === 0 || k === run.length - 1)));
    // Ordinary words capitalised at the head of a sentence or a title ("The", "But", "President") go.
    const opener = (w: Word) => startsSentence(text, w.start) && !midCaps.has(bare(w.text));
    while (run.length > 0 && (opener(run[0]!) || (!nameLike(run[0]!) && (run.length === 1 || lowercase.has(run[0]!.text.toLowerCase()))))) run = run.slice(1);
    while (run.length > 0 && (CONNECTORS.has(run[0]!.text) || CONNECTORS.has(run.at(-1)!.text))) run = CONNECTORS.has(run[0]!.text) ? run.slice(1) : run.slice(0, -1);
    i = j;
    if (run.length === 0) continue;
    if (run.length === 1 && (!nameLike(run[0]!) || CALENDAR.has(run[0]!.text.toLowerCase()))) continue;
    const start = run[0]!.start;
    const end = run.at(-1)!.end;
    const written = bare(text.slice(start, end));
    found.push({ key: normalizeName(written), text: written, what: 'name', start, end });
  }
  return found;
}

function missingEntries(input: SuggestInput, matcher: Matcher, mentionsOf: Map<TextBlock, ReturnType<typeof findMentions>>, nearRanges: Map<TextBlock, { start: number; end: number }[]>): Suggestion[] {
  const lowercase = new Set<string>();
  const allTexts = [...input.blocks.map((block) => block.text), ...input.others.flatMap((other) => other.passages.map((passage) => passage.text))];
  const titlecase = new Set<string>();
  const midCaps = new Set<string>();
  for (const text of allTexts) {
    for (const word of wordsOf(text)) {
      if (/^\p{Ll}/u.test(word.text)) lowercase.add(bare(word.text));
      else if (/^\p{Lu}\p{Ll}/u.test(word.text)) {
        titlecase.add(bare(word.text));
        if (!startsSentence(text, word.start)) midCaps.add(bare(word.text));
      }
    }
  }
  const known = new Set(input.terms.flatMap((term) => [...term.names, ...term.alsoKnownAs].map((name) => normalizeName(name))));
  const knownWords = new Set(input.terms.flatMap((term) => [...term.names, ...term.alsoKnownAs].flatMap((name) => normalizeName(name).split(' '))));

  // Which other texts use each name, and how often.
  const elsewhere = new Map<string, Set<string>>();
  for (const other of input.others) {
    for (const passage of other.passages) {
      const mentions = findMentions(passage.text, matcher);
      for (const name of namesIn(passage.text, lowercase, titlecase, midCaps)) {
        if (overlaps(mentions, name.start, name.end)) continue;
        const texts = elsewhere.get(name.key) ?? new Set<string>();
        texts.add(other.slug);
        elsewhere.set(name.key, texts);
      }
    }
  }
  const titles = new Map(input.others.map((other) => [other.slug, other.file]));
  const found = new Map<string, { block: TextBlock; name: NameOccurrence; count: number }>();
  for (const block of input.blocks) {
    const mentions = mentionsOf.get(block) ?? [];
    const near = nearRanges.get(block) ?? [];
    for (const name of namesIn(block.text, lowercase, titlecase, midCaps)) {
      if (overlaps(mentions, name.start, name.end) || overlaps(near, name.start, name.end) || skipAt(block, name.start, name.end)) continue;
      if (known.has(name.key) || (name.what === 'name' && name.key.split(' ').every((word) => knownWords.has(word)))) continue;
      if (!elsewhere.has(name.key)) continue;
      const seen = found.get(name.key);
      if (seen) seen.count++;
      else found.set(name.key, { block, name, count: 1 });
    }
  }
  return [...found.values()]
    .sort((a, b) => elsewhere.get(b.name.key)!.size - elsewhere.get(a.name.key)!.size || input.blocks.indexOf(a.block) - input.blocks.indexOf(b.block) || a.name.start - b.name.start)
    .map(({ block, name, count }) => {
      const others = [...elsewhere.get(name.key)!].sort();
      const { line, column } = place(block, name.start);
      const id = normalizeName(name.text).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      return {
        kind: 'missing-entry' as const,
        file: input.file,
        line,
        column,
        passage: block.id,
        message: `the ${name.what} ${quote(name.text)} (${plural(count, 'time')} here) has no glossary entry and is also in ${plural(others.length, 'other text')}: ${others.map((slug) => titles.get(slug)).join(', ')}`,
        fix: `add content/glossary/${id || 'entry'}.md (term, aliases, category, short, sources), or add “${name.text}” to the \`aliases\` of the entry it belongs to; then \`npm run check\`.`,
      };
    });
}

// ─── 3. Notes of other texts to link ─────────────────────────────────────────────────────────────

/** A URL as the same page: no scheme, no `www.`, no fragment, no tracking query, no trailing slash. */
export function samePage(url: string): string {
  try {
    const parsed = new URL(url);
    for (const key of [...parsed.searchParams.keys()]) if (/^utm_|^fbclid$/.test(key)) parsed.searchParams.delete(key);
    const query = parsed.searchParams.toString();
    return `${parsed.hostname.replace(/^www\./, '').toLowerCase()}${parsed.pathname.replace(/\/+$/, '')}${query ? `?${query}` : ''}`;
  } catch {
    return url.trim().replace(/\/+$/, '');
  }
}

/** Runs of this many words in common make two passages "the same words". */
const SHARED_WORDS = 6;

function plainWords(text: string): { word: string; start: number }[] {
  return wordsOf(text).map((word) => ({ word: normalizeName(word.text).replace(/'/g, ''), start: word.start }));
}

function crossLinks(input: SuggestInput): Suggestion[] {
  const suggestions: Suggestion[] = [];
  const otherNotes = input.others.flatMap((other) => other.notes.map((note) => ({ note, other })));
  const citing = new Map<string, { note: SuggestNote; other: OtherText }[]>();
  for (const item of otherNotes) {
    for (const source of item.note.sources) {
      const key = samePage(source.url);
      const list = citing.get(key) ?? [];
      if (!list.includes(item)) list.push(item);
      citing.set(key, list);
    }
  }
  const where = (item: { note: SuggestNote; other: OtherText }) => `note \`${item.note.id}\` of ${item.other.file}:${item.note.line}`;

  for (const { url, field, line } of input.urls) {
    for (const item of citing.get(samePage(url)) ?? []) {
      suggestions.push({
        kind: 'cross-link',
        file: input.file,
        line,
        column: 1,
        passage: '',
        message: `${where(item)} cites ${url}, this text's \`${field}\``,
        fix: `in that note, link this text: \`[${input.slug}](article:${input.slug})\`; where this text discusses the same point, a note here can link \`[…](note:${item.note.id})\`.`,
      });
    }
  }
  for (const note of input.notes) {
    const done = new Set<string>();
    for (const source of note.sources) {
      for (const item of citing.get(samePage(source.url)) ?? []) {
        if (done.has(item.note.id) || note.links.includes(item.note.id) || item.note.links.includes(note.id)) continue;
        done.add(item.note.id);
        const block = input.blocks.find((b) => b.id === note.passage);
        suggestions.push({
          kind: 'cross-link',
          file: input.file,
          line: note.line,
          column: 1,
          passage: block?.id ?? note.passage,
          message: `note \`${note.id}\` cites ${source.url}, as ${where(item)} does`,
          fix: `if they speak of the same thing, link them: add \`See also [the note on …](note:${item.note.id})\` to note \`${note.id}\` (and \`[…](note:${note.id})\` to \`${item.note.id}\`).`,
        });
      }
    }
  }

  // Words of this text that a note of another text quotes or marks.
  const shingles = new Map<string, { note: SuggestNote; other: OtherText }[]>();
  for (const item of otherNotes) {
    for (const text of [item.note.exact, item.note.bodyText]) {
      const words = plainWords(text).map((w) => w.word);
      for (let i = 0; i + SHARED_WORDS <= words.length; i++) {
        const key = words.slice(i, i + SHARED_WORDS).join(' ');
        const list = shingles.get(key) ?? [];
        if (!list.includes(item)) list.push(item);
        shingles.set(key, list);
      }
    }
  }
  const linkedFrom = new Map(input.notes.map((note) => [note.passage, note]));
  for (const block of input.blocks) {
    if (block.heading) continue;
    const words = plainWords(block.text);
    const reported = new Set<string>();
    for (let i = 0; i + SHARED_WORDS <= words.length; i++) {
      const key = words.slice(i, i + SHARED_WORDS).map((w) => w.word).join(' ');
      for (const item of shingles.get(key) ?? []) {
        const own = linkedFrom.get(block.id);
        if (reported.has(item.note.id) || own?.links.includes(item.note.id) || (own && item.note.links.includes(own.id))) continue;
        reported.add(item.note.id);
        // The whole run of shared words, for the message.
        let j = i + SHARED_WORDS;
        const body = ` ${plainWords(`${item.note.exact} ${item.note.bodyText}`).map((w) => w.word).join(' ')} `;
        while (j < words.length && body.includes(` ${words.slice(i, j + 1).map((w) => w.word).join(' ')} `)) j++;
        let from = i;
        while (from < j - 1 && STOPWORDS.has(words[from]!.word)) from++;
        let to = j;
        while (to > from + 1 && STOPWORDS.has(words[to - 1]!.word)) to--;
        const shared = block.text.slice(words[from]!.start, to < words.length ? words[to]!.start : block.text.length).replace(/[\s,;:.]+$/u, '');
        const { line, column } = place(block, words[from]!.start);
        suggestions.push({
          kind: 'cross-link',
          file: input.file,
          line,
          column,
          passage: block.id,
          message: `${where(item)} (${item.other.title}) quotes the same words: ${quote(shared)}`,
          fix: own
            ? `add \`See also [the note on …](note:${item.note.id})\` to note \`${own.id}\` of this paragraph.`
            : `mark the words with \`<Passage note="…">\`, and write a note after the paragraph that links \`[the note on …](note:${item.note.id})\`.`,
        });
      }
    }
  }
  return suggestions;
}

// ─── 4. Paragraphs with figures, dates or quotations and no note ─────────────────────────────────

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec';

/** Figures, dates and quotations in a paragraph, in text order. */
export function checkable(text: string): { what: 'figure' | 'date' | 'quotation'; text: string; start: number; end: number }[] {
  const found: { what: 'figure' | 'date' | 'quotation'; text: string; start: number; end: number }[] = [];
  const add = (what: 'figure' | 'date' | 'quotation', match: RegExpMatchArray) => {
    const start = match.index!;
    const written = what === 'quotation' ? match[0] : match[0].replace(/[,.]+$/, '');
    const end = start + written.length;
    if (!overlaps(found, start, end)) found.push({ what, text: what === 'quotation' ? written.slice(1, -1) : written, start, end });
  };
  for (const match of text.matchAll(/[“"]([^”"]+)[”"]/gu)) if (match[1]!.trim().split(/\s+/).length >= 3) add('quotation', match);
  for (const match of text.matchAll(new RegExp(String.raw`(?<![\p{L}\p{N}])(?:(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:${MONTHS})\.?(?:\s*\d{1,2}(?:st|nd|rd|th)?)?(?:,?\s+(?:1[89]|20)\d{2})?|(?:in|since|until|by|of|from)\s+(?:1[89]|20)\d{2}s?)(?![\p{L}\p{N}])`, 'gu'))) {
    // A month name alone ("May") is too often a verb; a date has a day or a year.
    if (/\d/.test(match[0])) add('date', match);
  }
  for (const match of text.matchAll(/(?<![\p{L}\p{N}-])(?:1[89]|20)\d{2}s?(?![\p{L}\p{N}-])/gu)) add('date', match);
  for (const match of text.matchAll(/(?<![\p{L}\p{N}-])\d[\d,.]*(?:\s*(?:%|percent|per cent|million|billion|thousand|km|kilometers?|kilometres?|miles))?(?![\p{L}\p{N}-])/gu)) {
    add('figure', match);
  }
  return found.sort((a, b) => a.start - b.start);
}

function unnoted(input: SuggestInput): Suggestion[] {
  const noted = new Set(input.notes.map((note) => note.passage));
  const suggestions: Suggestion[] = [];
  for (const block of input.blocks) {
    if (block.heading || noted.has(block.id)) continue;
    const items = checkable(block.text);
    if (items.length === 0) continue;
    const flat = block.text.replace(/\s+/g, ' ');
    const claims = input.claims.filter((claim) => claim.passage === block.id);
    const covered = claims.flatMap((claim) => {
      const at = flat.indexOf(claim.quote.replace(/\s+/g, ' '));
      return at < 0 ? [] : [{ start: at, end: at + claim.quote.length }];
    });
    const left = items.filter((item) => !overlaps(covered, item.start, item.end));
    if (left.length === 0) continue;
    const { line, column } = place(block, left[0]!.start);
    const kinds = (['figure', 'date', 'quotation'] as const)
      .map((what) => {
        const these = left.filter((item) => item.what === what);
        if (these.length === 0) return '';
        const shown = these.slice(0, 3).map((item) => quote(item.text.length > 60 ? `${item.text.slice(0, 57)}…` : item.text)).join(', ');
        return `${what === 'quotation' ? plural(these.length, 'quotation') : plural(these.length, what)} (${shown}${these.length > 3 ? ', …' : ''})`;
      })
      .filter(Boolean);
    suggestions.push({
      kind: 'unnoted',
      file: input.file,
      line,
      column,
      passage: block.id,
      message: `paragraph ^${block.id} has ${kinds.join(', ')}, no note${claims.length > 0 ? `, and ${claims.length === 1 ? 'the claim' : `the ${claims.length} claims`} of ${input.claimsFile} on it ${claims.length === 1 ? 'does' : 'do'} not cover them` : ''}`,
      fix: `check them against a source: mark a claim with \`<Passage note="…">…</Passage>\` and write its \`<Note>\` after the paragraph, or list it in ${input.claimsFile} (\`passage: ${block.id}\`, its \`quote\`, and a disposition: a note, a term, or \`none: "why"\`).`,
    });
  }
  return suggestions;
}

// ─── Output ──────────────────────────────────────────────────────────────────────────────────────

/** The suggestions under their kinds, in {@link SUGGESTION_KINDS} order, empty kinds included. */
export function groupSuggestions(suggestions: readonly Suggestion[]): { kind: SuggestionKind; title: string; items: Suggestion[] }[] {
  return SUGGESTION_KINDS.map(({ kind, title }) => ({ kind, title, items: suggestions.filter((s) => s.kind === kind) }));
}

/**
 * The suggestions as the terminal shows them: a heading per kind with its count, one line per
 * suggestion (`file:line:column [^passage] what`) and its `Fix:`.
 */
export function formatSuggestions(slug: string, file: string, suggestions: readonly Suggestion[]): string {
  const lines = [`${plural(suggestions.length, 'suggestion')} for ${slug} (${file}):`];
  for (const { title, items } of groupSuggestions(suggestions)) {
    lines.push('', `${title}: ${items.length}`);
    for (const s of items) {
      lines.push(`  ${s.file}:${s.line}:${s.column}${s.passage ? ` [^${s.passage}]` : ''}: ${s.message}`, `      Fix: ${s.fix}`);
    }
  }
  return lines.join('\n');
}
