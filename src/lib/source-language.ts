/**
 * The language of a cited page, as its title says it: "Шойгу рассказал … (TVC, Russian state media;
 * in Russian)". The label in brackets at the end of a title names the outlet and, for a page not in
 * English, ends with "in <Language>". From it the edition marks the title's own words with `lang`
 * (and `dir` for a right-to-left script), so that a screen reader reads them in their language
 * (WCAG 2.2, 3.1.2 Language of Parts), and the link with `hreflang`.
 *
 * A page with no usable title of its own is cited by a description in square brackets, the
 * bibliographic convention for a supplied title (APA 7, 9.4): "[Report of 23 August 2020 on …]
 * (VRT NWS, in Dutch)". The description is the edition's English; only the link is marked.
 */
import { nearest } from './suggest.ts';

/** A language an editor can name in a label, by its English name, as a BCP 47 tag. */
export const LANGUAGES: Readonly<Record<string, string>> = {
  Arabic: 'ar',
  Armenian: 'hy',
  Azerbaijani: 'az',
  Belarusian: 'be',
  Bulgarian: 'bg',
  Chinese: 'zh',
  Croatian: 'hr',
  Czech: 'cs',
  Danish: 'da',
  Dutch: 'nl',
  English: 'en',
  Estonian: 'et',
  Finnish: 'fi',
  French: 'fr',
  Georgian: 'ka',
  German: 'de',
  Greek: 'el',
  Hebrew: 'he',
  Hungarian: 'hu',
  Italian: 'it',
  Japanese: 'ja',
  Kazakh: 'kk',
  Korean: 'ko',
  Latvian: 'lv',
  Lithuanian: 'lt',
  Norwegian: 'no',
  Persian: 'fa',
  Polish: 'pl',
  Portuguese: 'pt',
  Romanian: 'ro',
  Russian: 'ru',
  Serbian: 'sr',
  Slovak: 'sk',
  Slovenian: 'sl',
  Spanish: 'es',
  Swedish: 'sv',
  Turkish: 'tr',
  Ukrainian: 'uk',
  Urdu: 'ur',
};

/** Languages written in a script other than Latin: a title in one of them has letters of it. */
const OTHER_SCRIPT_LANGUAGES = new Set(['ar', 'be', 'bg', 'el', 'fa', 'he', 'hy', 'ja', 'ka', 'kk', 'ko', 'ru', 'uk', 'ur', 'zh']);
/** Languages written right to left. */
const RIGHT_TO_LEFT = new Set(['ar', 'fa', 'he', 'ur']);
/** Languages written in more than one script, whose tag names the script the title is in. */
const TWO_SCRIPTS: Readonly<Record<string, readonly [latin: string, other: string]>> = { sr: ['sr-Latn', 'sr-Cyrl'] };

/** A letter of a script other than Latin (Cyrillic, Arabic, Greek, Han…). */
const OTHER_SCRIPT = /(?!\p{Script=Latin})\p{L}/u;
const LATIN = /\p{Script=Latin}/u;
/** "…; in Russian" or "…, in Dutch" in a label: at its end, or before a colon or semicolon. */
const NAMED_LANGUAGE = /(?:^|[,;]\s*)in ([A-Z][a-z]+)(?=$|[;:])/;

/** A cited page's title taken apart. */
export interface SourceTitle {
  /** The title's own words: the page's headline, or the edition's description in square brackets. */
  words: string;
  /** The label in brackets after them, with the space before it (" (TVC, …; in Russian)"), or "". */
  label: string;
  /** The language the label names, if any, as a BCP 47 tag. */
  hreflang?: string | undefined;
  /** The language of the words, where they are the page's own. */
  lang?: string | undefined;
  /** `rtl` for words in a right-to-left script. */
  dir?: 'rtl' | undefined;
  /** The language named in the label, as written (for the check). */
  languageName?: string | undefined;
}

/** Where the last top-level bracket of `title` opens, if the title ends with one. */
function labelStart(title: string): number {
  if (!title.endsWith(')')) return -1;
  let depth = 0;
  for (let index = title.length - 1; index >= 0; index--) {
    const char = title[index];
    if (char === ')') depth++;
    else if (char === '(' && --depth === 0) return index;
  }
  return -1;
}

/** Takes a source's title apart into its words and its label, with the languages they are in. */
export function sourceTitle(title: string): SourceTitle {
  const start = labelStart(title);
  // A bracket that opens the title is part of it ("(Un)natural…"), not a label.
  if (start <= 0) return { words: title, label: '' };
  const words = title.slice(0, start).trimEnd();
  const label = title.slice(words.length);
  const languageName = NAMED_LANGUAGE.exec(label.trim().slice(1, -1).trim())?.[1];
  const tag = languageName === undefined ? undefined : LANGUAGES[languageName];
  if (tag === undefined) return { words, label, languageName };
  const scripts = TWO_SCRIPTS[tag];
  const lang = suppliedTitle(words) || !inScriptOf(tag, words) ? undefined : scripts ? (OTHER_SCRIPT.test(words) && !LATIN.test(words) ? scripts[1] : scripts[0]) : tag;
  return { words, label, hreflang: tag, lang, dir: lang !== undefined && RIGHT_TO_LEFT.has(tag) ? 'rtl' : undefined, languageName };
}

/** Whether the words are the editors' description of a page, in square brackets. */
function suppliedTitle(words: string): boolean {
  return words.startsWith('[') && words.endsWith(']');
}

/** Whether `words` can be in the language `tag`: they have letters of its script. */
function inScriptOf(tag: string, words: string): boolean {
  return OTHER_SCRIPT_LANGUAGES.has(tag) ? OTHER_SCRIPT.test(words) : tag === 'sr' || LATIN.test(words);
}

/** Whether the language of a title's words is told by their script, not only by its label. */
export function scriptTellsLanguage(title: SourceTitle): boolean {
  return title.lang !== undefined && title.hreflang !== undefined && OTHER_SCRIPT_LANGUAGES.has(title.hreflang);
}

/** What is wrong with how a title gives its language, with the fix, or undefined. */
export function sourceLanguageProblem(title: string): { reason: string; fix: string } | undefined {
  const parts = sourceTitle(title);
  // "(AP, in Newsweek)" names a place of publication, not a language: only a near miss is a typo.
  const near = parts.languageName !== undefined && parts.hreflang === undefined ? nearest(parts.languageName, Object.keys(LANGUAGES)) : undefined;
  if (near !== undefined) {
    return {
      reason: `the title's label names a language the edition does not know, “${parts.languageName}”`,
      fix: `did you mean “in ${near}”? Write the language's English name; a language the edition has not cited before is added to LANGUAGES in src/lib/source-language.ts.`,
    };
  }
  if (parts.hreflang !== undefined && parts.lang === undefined && !suppliedTitle(parts.words)) {
    return {
      reason: `the title's label says the page is in ${parts.languageName}, but the title is not written in it`,
      fix: 'cite the page by its own title; where it has none that can be cited, put your description of it in square brackets, e.g. “[Report of 23 August 2020 on …] (VRT NWS, in Dutch)”.',
    };
  }
  if (parts.hreflang === undefined && OTHER_SCRIPT.test(parts.words)) {
    return {
      reason: 'the title is not in English, and its label does not say what language it is in',
      fix: 'end the label in brackets with the language, e.g. “(TASS, Russian state news agency; in Russian)”, so that the title is read out in its language.',
    };
  }
  return undefined;
}
