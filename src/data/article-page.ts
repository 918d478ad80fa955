/**
 * What an article page shows besides its text, computed once per page from the edition: whether
 * its links have previews (src/data/previews.ts), its related texts, the notes that cite it, the
 * anchor aliases, and a cache key that changes when any of it, or the text, changes (Astro's
 * incremental build then reuses the page when the key and the page's code are unchanged).
 */
import type { ArticleEntry } from './articles.ts';
import type { Edition } from './edition.ts';
import { aliasesFor } from './ledger.ts';
import { articlePreviewsKey } from './previews.ts';
import { compiledEdition } from './compiled.ts';
import { digestOf } from '../compiler/cache.ts';
import type { Related } from '../lib/related.ts';
import type { ClaimEntry, Heading } from '../compiler/model.ts';
import type { EditionSummary } from './summary.ts';

export interface ArticlePageData {
  headings: Heading[];
  minutes: number;
  /** Whether its links have previews, which its previews file holds. */
  hasPreviews: boolean;
  related: Related[];
  aliases: Record<string, string>;
  /** The text's claims inventory (content/claims/<slug>.yaml), empty when it has none. */
  claims: ClaimEntry[];
  /** Changes when anything the page shows changes. */
  cacheKey: string;
}

/**
 * The page data of `entry`, which sits between `previous` and `next` in the list of texts.
 * `summary` is how the edition describes itself, which every page's head shows (its count of
 * texts, its years, its kinds of outlet): it is part of the key.
 */
export function articlePageData(edition: Edition, summary: EditionSummary, entry: ArticleEntry, previous: ArticleEntry | undefined, next: ArticleEntry | undefined): ArticlePageData {
  const compiled = compiledEdition();
  // The page shows only where its previews are (src/pages/articles/[slug]/previews.json.ts).
  const hasPreviews = articlePreviewsKey(edition, entry.id) !== '';
  const related = edition.relatedTo(entry.id);
  const aliases = aliasesFor(entry.id);
  const { headings } = compiled.rendered.get(entry.id)!;
  const minutes = compiled.articleBySlug.get(entry.id)!.minutes;
  const claims = compiled.claims.get(entry.id) ?? [];
  const summaryOf = (other: ArticleEntry | undefined) => other && [other.id, other.data.title, other.data.outlets.map((o) => o.name), String(other.data.dates[0] ?? '')];
  const relatedShown = related.map((item) => [item, summaryOf(edition.articleById.get(item.id)?.entry)]);
  const cacheKey = digestOf(JSON.stringify([compiled.renderKey.get(entry.id), edition.articles.length, summary, summaryOf(previous), summaryOf(next), relatedShown, hasPreviews, aliases, claims, compiled.claimsAcross]));
  return { headings, minutes, hasPreviews, related, aliases, claims, cacheKey };
}
