import { getArticles } from './articles.ts';
import { isoDate } from '../lib/dates.ts';
import { countWord, countWordCapitalised, monthSpan, outletKinds, yearSpan } from '../lib/edition-summary.ts';
import { SITE } from '../lib/site.ts';

/** How the edition describes itself, from its published texts (src/lib/edition-summary.ts). */
export interface EditionSummary {
  texts: number;
  /** `five`, `Five`. */
  count: string;
  Count: string;
  /** `2020–2022`. */
  years: string;
  /** `May 2020`, `December 2022`. */
  from: string;
  to: string;
  /** `a news agency, a news site, blogs, an advocacy group and a forum`. */
  kinds: string;
  /** The edition in a sentence, for page descriptions and the feed. */
  description: string;
  /** The edition in a line, for share images' alternative text. */
  tagline: string;
}

let summary: Promise<EditionSummary> | undefined;

async function load(): Promise<EditionSummary> {
  const articles = await getArticles();
  const dates = articles.flatMap((entry) => entry.data.dates.map((date) => isoDate(date)));
  const [from = '', to = ''] = monthSpan(dates) ?? [];
  const years = yearSpan(dates);
  const count = countWord(articles.length);
  return {
    texts: articles.length,
    count,
    Count: countWordCapitalised(articles.length),
    years,
    from,
    to,
    kinds: outletKinds(articles.flatMap((entry) => entry.data.outlets)),
    description: `An annotated reading edition of ${count} texts about NATO, Russia and Belarus from ${years}, several of them partisan: the texts reproduced as received, with a neutral, dated and sourced apparatus.`,
    tagline: `${SITE.title}: ${count} texts on NATO, Russia and Belarus, ${years}, in an annotated edition`,
  };
}

/** The edition's description of itself, once per build. */
export function getSummary(): Promise<EditionSummary> {
  summary ??= load();
  return summary;
}
