/**
 * The corrections of the edition as the pages and the feed see them: the compiled list (checked by
 * src/compiler/check-corrections.ts, newest first) and its years.
 */
import { compiledEdition } from './compiled.ts';
import { correctionsByYear, type Correction } from '../lib/corrections.ts';

/** Every correction, newest first. */
export function getCorrections(): Correction[] {
  return compiledEdition().corrections;
}

/** The years that have corrections, newest first, each with its corrections. */
export function getCorrectionYears(): { year: string; corrections: Correction[] }[] {
  return correctionsByYear(getCorrections());
}
