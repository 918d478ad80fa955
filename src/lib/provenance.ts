/**
 * The short summary that stands above a text in place of its full provenance record, so that the
 * text starts on the first screen: outlet, date, one line of origin, and counts of what was removed
 * and of the copy's known defects. The full record stays one disclosure away.
 */
import { attributionOf } from './attribution.ts';

/** What the summary needs of an article's front matter. */
export interface ProvenanceInput {
  outlets: readonly { name: string; namedBy?: 'text' | 'editors' }[];
  originalUrl?: string | undefined;
  copy: { from: string; url?: string | undefined };
  removed: readonly { occurrences: readonly unknown[] }[];
  defects: readonly unknown[];
}

/** The summary's parts, each a short phrase. */
export interface ProvenanceSummary {
  /** "ZeroHedge, US Peace Council" (see attributionOf). */
  outlets: string;
  /** "copy from envirosagainstwar.org; outlets identified by the editors". */
  origin: string;
  /** "2 pieces of furniture removed" or "nothing removed". */
  removed: string;
  /** "4 known defects" or "no known defects". */
  defects: string;
}

/** The host of an address, without `www.`. @example hostOf('https://www.wsws.org/en/x') // 'wsws.org' */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/**
 * Where the copy came from, in one line: the site it was taken from (`copy.url`, else the first
 * link in `copy.from`, else `originalUrl`), and whether the editors, not the copy, named the outlets.
 *
 * @example originLine({ outlets: [{ name: 'AP', namedBy: 'editors' }], copy: { from: '', url: 'https://www.concordmonitor.com/x' }, removed: [], defects: [] })
 * // 'copy from concordmonitor.com; outlet identified by the editors'
 */
export function originLine(article: ProvenanceInput): string {
  const linked = /\]\((https?:\/\/[^)\s]+)\)/.exec(article.copy.from)?.[1];
  const url = article.copy.url ?? linked ?? article.originalUrl;
  const parts = [url ? `copy from ${hostOf(url)}` : 'copy of unrecorded origin'];
  const byEditors = article.outlets.filter((outlet) => outlet.namedBy === 'editors').length;
  if (byEditors > 0) {
    const all = byEditors === article.outlets.length;
    parts.push(
      all
        ? `${article.outlets.length === 1 ? 'outlet' : 'outlets'} identified by the editors`
        : `${byEditors} of ${article.outlets.length} outlets identified by the editors`,
    );
  }
  return parts.join('; ');
}

/**
 * The summary of an article's provenance.
 *
 * @example provenanceSummary(article).removed // '2 pieces of furniture removed'
 */
export function provenanceSummary(article: ProvenanceInput): ProvenanceSummary {
  const removed = article.removed.reduce((sum, removal) => sum + removal.occurrences.length, 0);
  const defects = article.defects.length;
  return {
    outlets: attributionOf(article.outlets),
    origin: originLine(article),
    removed: removed === 0 ? 'nothing removed' : `${removed} ${removed === 1 ? 'piece' : 'pieces'} of furniture removed`,
    defects: defects === 0 ? 'no known defects' : `${defects} known ${defects === 1 ? 'defect' : 'defects'}`,
  };
}
