/**
 * The language of a cited page, as its title says it: "Шойгу рассказал … (TVC, Russian state media;
 * in Russian)". The label in brackets at the end of a title names the outlet and, for a page not in
 * English, its language ("in <Language>"). From it the edition marks the title's own words with `lang`
 * (and `dir` for a right-to-left script), so that a screen reader reads them in their language
 * (WCAG 2.2, 3.1.2 Language of Parts), and the link with `hreflang`.
 *
 * A page with no usable title of its own is cited by a description in square brackets, the
 * bibliographic convention for a work without a title (APA 7, section 9.22): "[Report of 23 August
 * 2020 on …] (VRT NWS, in Dutch)". The description is the edition's English; only the link is marked.
 */
import { escapeHtml } from './inline-markdown.ts';
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

/** A letter of a script other than Latin (Cyrillic, Arabic, Greek, Han…); not ʼ or µ, which every script uses. */
const OTHER_SCRIPT = /(?![\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}])\p{L}/u;
const OTHER_SCRIPT_ALL = /(?![\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}])\p{L}/gu;

/** Whether `text` has a letter of a script other than Latin (Cyrillic, Arabic, Greek, …). */
export function hasOtherScript(text: string): boolean {
  return OTHER_SCRIPT.test(text);
}
const LATIN = /\p{Script=Latin}/u;
const LATIN_ALL = /\p{Script=Latin}/gu;
/**
 * "…; in Russian", "…, in Dutch", "…, in Russian, via Reuters" in a label: after its start, a comma
 * or a semicolon, and before its end, a colon, a semicolon, a comma or a bracket.
 */
const NAMED_LANGUAGE = /(?:^|[,;]\s*)in ([A-Za-z]+)(?=$|[;:,]|\s*\()/g;
/**
 * Places a label may name where a language would stand ("(AP, in Ukraine)"): not misspelt languages.
 * The countries of the languages above, and the region's others.
 */
const PLACES = new Set(['Armenia', 'Azerbaijan', 'Belarus', 'Bulgaria', 'China', 'Croatia', 'Czechia', 'Denmark', 'Estonia', 'Finland', 'France', 'Georgia', 'Germany', 'Greece', 'Hungary', 'Iran', 'Israel', 'Italy', 'Japan', 'Kazakhstan', 'Korea', 'Latvia', 'Lithuania', 'Moldova', 'Norway', 'Pakistan', 'Poland', 'Portugal', 'Romania', 'Russia', 'Serbia', 'Slovakia', 'Slovenia', 'Spain', 'Sweden', 'Syria', 'Turkey', 'Ukraine']);
/**
 * English words that two of, in the words of a title labelled as another Latin-script language,
 * show an English description given as the page's title ("Report of 23 August 2020 on …").
 * Words that are also words of the language itself are not counted for it (Dutch "of", French "on").
 */
const ENGLISH_MARKERS = ['the', 'of', 'on', 'and', 'with', 'from', 'about', 'report'];
const NOT_ENGLISH_IN: Readonly<Record<string, readonly string[]>> = { nl: ['of'], fr: ['on'] };

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
  // The first "in X" that is a language; failing that, the last one, which the check may find misspelt.
  const names = [...label.trim().slice(1, -1).trim().matchAll(NAMED_LANGUAGE)].map((match) => capitalised(match[1]!));
  const languageName = names.find((name) => LANGUAGES[name] !== undefined) ?? names.at(-1);
  const tag = languageName === undefined ? undefined : LANGUAGES[languageName];
  if (tag === undefined) return { words, label, languageName };
  const lang = suppliedTitle(words) || !inScriptOf(tag, words) ? undefined : tagFor(tag, words);
  return { words, label, hreflang: tag, lang, dir: lang !== undefined && RIGHT_TO_LEFT.has(tag) ? 'rtl' : undefined, languageName };
}

const capitalised = (name: string) => name.charAt(0).toUpperCase() + name.slice(1).toLowerCase();

/** The language's tag, with the script where the language is written in two: the one most of the words' letters are in. */
function tagFor(tag: string, words: string): string {
  const scripts = TWO_SCRIPTS[tag];
  if (!scripts) return tag;
  return (words.match(OTHER_SCRIPT_ALL)?.length ?? 0) > (words.match(LATIN_ALL)?.length ?? 0) ? scripts[1] : scripts[0];
}

/**
 * A description of a page written where its title would stand: "Report of 20 January 2022 on …",
 * "AP report of 13 October 2019 on …", "US Sixth Fleet press release of …": a report or release and
 * its date, after nothing but names. A headline or a document's title rarely opens so ("Kremlin
 * denies report of May summit" has a verb before it), so these are read as the editors' words, which
 * go in square brackets. A partial test: a description of another shape ("Profile of …") is the
 * editor's to bracket.
 */
const DATED_REPORT = /^(?:(?:[A-Z][\p{L}.’'-]*|[Pp]ress) ){0,4}(?:[Rr]eport|[Rr]elease) of (?:\d{1,2} )?(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/u;

/** Whether the words are the editors' description of a page, in square brackets. */
function suppliedTitle(words: string): boolean {
  return words.startsWith('[') && words.endsWith(']');
}

/** Whether `words` can be in the language `tag`: they have letters of its script. */
function inScriptOf(tag: string, words: string): boolean {
  return OTHER_SCRIPT_LANGUAGES.has(tag) ? OTHER_SCRIPT.test(words) : tag === 'sr' || LATIN.test(words);
}

/** What is wrong with how a title gives its language, with the fix, or undefined. */
export function sourceLanguageProblem(title: string): { reason: string; fix: string } | undefined {
  const parts = sourceTitle(title);
  // "(AP, in Newsweek)" or "(AP, in Ukraine)" names where, not a language: only a near miss is a typo.
  const near = parts.languageName !== undefined && parts.hreflang === undefined && !PLACES.has(parts.languageName) ? nearest(parts.languageName, Object.keys(LANGUAGES)) : undefined;
  if (near !== undefined) {
    return {
      reason: `the title's label names a language the edition does not know, “${parts.languageName}”`,
      fix: `did you mean “in ${near}”? Write the language's English name; a language the edition has not cited before is added to LANGUAGES in src/lib/source-language.ts.`,
    };
  }
  if (parts.hreflang !== undefined && !suppliedTitle(parts.words) && (parts.lang === undefined || looksEnglish(parts.words, parts.hreflang))) {
    return {
      reason: `the title's label says the page is in ${parts.languageName}, but the title is not written in it`,
      fix: 'cite the page by its own title; where it has none that can be cited, put your description of it in square brackets, e.g. “[Report of 23 August 2020 on …] (VRT NWS, in Dutch)”.',
    };
  }
  if (!suppliedTitle(parts.words) && DATED_REPORT.test(parts.words)) {
    return {
      reason: 'the title reads as the editors’ description of the page (“… report of <date> …”), but it is not in square brackets, so the page shows it as the outlet’s own title',
      fix: 'cite the page by its own title; where it has none that can be cited, put your description of it in square brackets, e.g. “[Report of 20 January 2022 on the naval drills] (KESQ, Associated Press)”.',
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

/** Whether the words of a title labelled as the Latin-script language `tag` read as English (two markers). */
function looksEnglish(words: string, tag: string): boolean {
  if (tag === 'en' || OTHER_SCRIPT_LANGUAGES.has(tag)) return false;
  const own = NOT_ENGLISH_IN[tag] ?? [];
  const found = new Set(words.toLowerCase().match(/\p{L}+/gu) ?? []);
  return ENGLISH_MARKERS.filter((marker) => !own.includes(marker) && found.has(marker)).length >= 2;
}

/** `words` as HTML, in a `<span lang>` (and `dir`) where they are in another language than the page's. */
export function languageHtml(words: string, language: Pick<SourceTitle, 'lang' | 'dir'>): string {
  const text = escapeHtml(words);
  return language.lang ? `<span lang="${language.lang}"${language.dir ? ` dir="${language.dir}"` : ''}>${text}</span>` : text;
}
