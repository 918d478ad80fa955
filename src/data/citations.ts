/**
 * The edition's citable things, per text: the text, each passage and each note, made once per
 * build from the compiled edition (src/lib/citation.ts formats them). The page's date is the latest
 * of the edition's publication and its notes' dates (added or corrected): the day the page last
 * changed in substance.
 */
import { headlineOutlets } from '../lib/attribution.ts';
import { getEdition } from './edition.ts';
import { getArticles } from './articles.ts';
import { digestOf } from '../compiler/cache.ts';
import { compiledEdition } from './compiled.ts';
import { absoluteFor } from './annotations.ts';
import { paths } from '../lib/urls.ts';
import { SITE } from '../lib/site.ts';
import { isoDate } from '../lib/dates.ts';
import { NOTE_KIND_LABELS } from '../lib/notes.ts';
import { pieceStart } from '../lib/claims.ts';
import { EDITION, shortQuote, noteKey, pageCiteData, passageKey, textKey, type Citable, type CitableText, type Original, type PageCiteData, type CiteLine } from '../lib/citation.ts';

export type { CiteLine };

export { EDITION as CITED_EDITION };

/** Where a text's citation files are, relative to the base. */
export const citePaths = {
  bib: (slug: string) => `cite/${slug}.bib`,
  ris: (slug: string) => `cite/${slug}.ris`,
  json: (slug: string) => `cite/${slug}.json`,
} as const;

export interface TextCitations {
  /** The text, then its passages in order, then its notes in number order. */
  items: Citable[];
  text: CitableText;
  /** What the page carries for its passages' and notes' Cite. */
  page: PageCiteData;
}

/**
 * The citations of the text `slug`. Made anew for its page and for the data its three files are
 * written from (src/pages/cite-data/[part].jsonl.ts), not kept: keeping them would hold every
 * text's citations at once; an unchanged text's are not made for its files at all (see citeParts).
 */
export async function textCitations(site: URL | undefined, slug: string): Promise<TextCitations> {
  const absolute = absoluteFor(site);
  const edition = await getEdition();
  const { entry, notes } = edition.articleById.get(slug)!;
  const article = entry.data;
  const facts = compiledEdition().articleBySlug.get(slug)!;
  const url = absolute(paths.article(slug));
  const date = [SITE.published, ...notes.flatMap((note) => [note.added, note.updated ?? ''])].filter(Boolean).sort().at(-1)!;
  const original: Original = {
    authors: article.authors,
    // The outlets whose work the text is as a whole, as its headline is attributed (a compilation's
    // page, a forum thread), not every outlet quoted in it: a piece cites its own outlet below.
    outlets: headlineOutlets(article.outlets).map((outlet) => outlet.name),
    title: article.title,
    dates: article.dates.map((value) => isoDate(value)),
  };
  const text: CitableText = { kind: 'text', key: textKey(slug), original, date, url };
  const headings = new Map(facts.passages.filter((passage) => passage.kind === 'heading').map((passage) => [passage.id as string, passage.text]));
  const pieces = new Map<string, Original>(
    // Keyed by where the piece begins (its heading, or its lead above it).
    article.sections.map((section) => [
      pieceStart(section),
      {
        authors: section.author ? [section.author] : [],
        outlets: section.outlet ? [section.outlet] : [],
        title: headings.get(section.heading) ?? article.title,
        dates: [isoDate(section.date)],
      },
    ]),
  );
  const items: Citable[] = [text];
  let piece: Original | undefined;
  for (const passage of facts.passages) {
    piece = pieces.get(passage.id) ?? piece;
    items.push({ kind: 'passage', key: passageKey(slug, passage.id), original: piece ?? original, date, url: `${url}#${passage.id}`, opening: shortQuote(passage.text) });
  }
  for (const note of notes) {
    items.push({
      kind: 'note',
      key: noteKey(slug, note.id),
      label: NOTE_KIND_LABELS[note.kind],
      exact: note.exact,
      textTitle: article.title,
      added: note.added,
      ...(note.updated ? { updated: note.updated } : {}),
      url: `${url}#note-${note.id}`,
    });
  }
  return { items, text, page: pageCiteData(text) };
}

/** The day the citation files are made, their `accessed` date. */
export const BUILT_ON = new Date().toISOString().slice(0, 10);

/** Texts to a data file of the citation files (`cite-data/<n>.jsonl`): a few MB each. */
export const CITE_TEXTS_PER_PART = 50;


/** A data file's texts, their keys, and its own key. */
interface CitePart {
  slugs: string[];
  keys: string[];
  key: string;
}

let parts: Promise<CitePart[]> | undefined;

/**
 * The texts in the edition's order, CITE_TEXTS_PER_PART to a data file, each with the key of each
 * of its texts and of the file, so that an incremental build makes again only the data files that
 * hold a changed text, and the integration writes only that text's files.
 */
export function citeParts(): Promise<CitePart[]> {
  parts ??= getArticles().then((entries) => {
    const compiled = compiledEdition();
    const result: CitePart[] = [];
    for (let start = 0; start < entries.length || start === 0; start += CITE_TEXTS_PER_PART) {
      const slugs = entries.slice(start, start + CITE_TEXTS_PER_PART).map((entry) => entry.id);
      const keys = slugs.map((slug) => digestOf(`${compiled.renderKey.get(slug)}\0${BUILT_ON}`));
      result.push({ slugs, keys, key: digestOf(keys.join('\0')) });
    }
    return result;
  });
  return parts;
}
