/**
 * Finding mentions of glossary terms in text: every name of every term, as a whole word, in the case
 * it is written, with possessive and plural endings ("NATO's", "NATO’s", "Iskanders", "B-52s").
 * Where names overlap, the longest wins ("Treaty on Open Skies" over "Open Skies").
 */
import { endsNoSentence } from './sentences.ts';

/** A term and the names it is found by. */
export interface TermNames {
  id: string;
  /** The term and its aliases, exactly as they are written in texts. */
  names: string[];
}

/** A mention found in a text. */
export interface Mention {
  term: string;
  /** The name that matched, as written in the glossary. */
  name: string;
  /** Offsets of the mention in the text, ending included. */
  start: number;
  end: number;
  /** The words as they stand in the text, ending included. */
  text: string;
}

/** A name claimed by two terms. */
export interface NameCollision {
  name: string;
  terms: [string, string];
}

/** A compiled matcher. */
export interface Matcher {
  regex: RegExp;
  termOf: Map<string, string>;
}

const ENDING = String.raw`(?:['’]s|s['’]|['’]|es|s)?`;
const WORD = String.raw`[\p{L}\p{N}_]`;

function escape(name: string): string {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, String.raw`\s+`);
}

/** Names claimed by more than one term. */
export function findCollisions(terms: readonly TermNames[]): NameCollision[] {
  const owner = new Map<string, string>();
  const collisions: NameCollision[] = [];
  for (const term of terms) {
    for (const name of new Set(term.names)) {
      const other = owner.get(name);
      if (other !== undefined && other !== term.id) collisions.push({ name, terms: [other, term.id] });
      else owner.set(name, term.id);
    }
  }
  return collisions;
}

/**
 * Compiles the names of all terms into one matcher.
 *
 * @throws {Error} when two terms claim the same name (check with {@link findCollisions} first for a better message).
 */
export function buildMatcher(terms: readonly TermNames[]): Matcher {
  const collisions = findCollisions(terms);
  if (collisions.length > 0) {
    throw new Error(`glossary names claimed twice: ${collisions.map((c) => `“${c.name}” (${c.terms.join(', ')})`).join('; ')}`);
  }
  const termOf = new Map<string, string>();
  for (const term of terms) for (const name of term.names) termOf.set(name, term.id);
  // Longest first, so that an alternation tried at one position prefers the longer name.
  const names = [...termOf.keys()].sort((a, b) => b.length - a.length || a.localeCompare(b));
  const alternation = names.map(escape).join('|') || '(?!)';
  const regex = new RegExp(String.raw`(?<!${WORD})(${alternation})${ENDING}(?!${WORD})`, 'gu');
  return { regex, termOf };
}

const glossaryMatchers = new WeakMap<object, Matcher | null>();

/**
 * The matcher of a glossary (the terms of the corpus a compile reads), built once per glossary,
 * not per text; `null` while two entries claim the same name, which the compiler's check names
 * once (checkGlossary): until it is mended, no text's names are matched.
 */
export function glossaryMatcher(glossary: { terms: ReadonlyMap<string, TermNames> }): Matcher | null {
  let matcher = glossaryMatchers.get(glossary);
  if (matcher === undefined) {
    const entries = [...glossary.terms.values()].map(({ id, names }) => ({ id, names }));
    matcher = findCollisions(entries).length > 0 ? null : buildMatcher(entries);
    glossaryMatchers.set(glossary, matcher);
  }
  return matcher;
}

/**
 * The terms whose names `text` has, each once, in the order of their first mention.
 *
 * @example termsIn('NATO’s jets, NATO’s pact and Open Skies', matcher) // ['nato', 'open-skies']
 */
export function termsIn(text: string, matcher: Matcher): string[] {
  return [...new Set(findMentions(text, matcher).map((mention) => mention.term))];
}

/** The glossary name a matched string stands for (the matched text may span flexible white space). */
function nameOf(matched: string, matcher: Matcher): string {
  const direct = matcher.termOf.get(matched);
  if (direct !== undefined) return matched;
  const squeezed = matched.replace(/\s+/g, ' ');
  for (const name of matcher.termOf.keys()) if (name.replace(/\s+/g, ' ') === squeezed) return name;
  return matched;
}

/**
 * Every mention in `text`, left to right, never overlapping.
 *
 * @example findMentions('NATO’s jets and the Open Skies pact', matcher)
 * // [{ term: 'nato', text: 'NATO’s', … }, { term: 'open-skies', text: 'Open Skies pact', … }]
 */
export function findMentions(text: string, matcher: Matcher): Mention[] {
  const mentions: Mention[] = [];
  matcher.regex.lastIndex = 0;
  for (const match of text.matchAll(matcher.regex)) {
    const name = nameOf(match[1]!, matcher);
    mentions.push({
      term: matcher.termOf.get(name)!,
      name,
      start: match.index,
      end: match.index + match[0].length,
      text: match[0],
    });
  }
  return mentions;
}

/**
 * The sentence of `text` around the offset range (for "In the texts" lists): from after the last
 * sentence end before it to the next sentence end after it.
 *
 * @example sentenceAround('One. Two NATO three. Four.', 9, 13) // 'Two NATO three.'
 */
export function sentenceAround(text: string, start: number, end: number): string {
  const boundary = /[.!?…]["'”’)\]]?\s+(?=["'“‘(\[]?[\p{Lu}\p{N}])/gu;
  let from = 0;
  let to = text.length;
  for (const match of text.matchAll(boundary)) {
    if (endsNoSentence(text, match.index)) continue;
    const after = match.index + match[0].length;
    if (after <= start) from = after;
    else if (match.index >= end) {
      to = match.index + match[0].trimEnd().length;
      break;
    }
  }
  return text.slice(from, to).trim();
}
