/**
 * The corrections of the edition as the pages and the feed see them: the compiled list (checked by
 * src/compiler/check-corrections.ts, newest first) and its years.
 */
import { compiledEdition } from './compiled.ts';
import { correctionListedPath, correctionsByYear, correctionYearPages, type Correction } from '../lib/corrections.ts';

/** Every correction, newest first. */
export function getCorrections(): Correction[] {
  return compiledEdition().corrections;
}

/** The years that have corrections, newest first, each with its corrections. */
export function getCorrectionYears(): { year: string; corrections: Correction[] }[] {
  return correctionsByYear(getCorrections());
}

/** A page of a year's corrections: its number, the year's count of pages, and its entries, newest first. */
export interface CorrectionsPage {
  year: string;
  number: number;
  count: number;
  corrections: Correction[];
}

const pagesOf = new WeakMap<Correction[], { pages: CorrectionsPage[]; pageOf: Map<Correction, number> }>();

/** The pages of the corrections, cut once per compiled list, and the page of each. */
function plan(): { pages: CorrectionsPage[]; pageOf: Map<Correction, number> } {
  const all = getCorrections();
  let planned = pagesOf.get(all);
  if (!planned) {
    const pages = correctionsByYear(all).flatMap(({ year, corrections }) => {
      const lists = correctionYearPages(corrections);
      return lists.map((list, index) => ({ year, number: index + 1, count: lists.length, corrections: list }));
    });
    const pageOf = new Map(pages.flatMap((page) => page.corrections.map((correction) => [correction, page.number] as const)));
    planned = { pages, pageOf };
    pagesOf.set(all, planned);
  }
  return planned;
}

/** Every page of every year's corrections (correctionYearPages), the newest year first. */
export function getCorrectionPages(): CorrectionsPage[] {
  return plan().pages;
}

/** Where `correction` is listed among its year's: the page that holds it, at its anchor. */
export function listedPathOf(correction: Correction): string {
  return correctionListedPath(correction.item, correction.date, plan().pageOf.get(correction) ?? 1);
}
