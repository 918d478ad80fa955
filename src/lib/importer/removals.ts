/**
 * How the provenance box sums up what the importer removed: furniture (by rule) and stripped
 * characters are different things, and readers are told which.
 */

/** The rule id under which stripped control, bidi and invisible characters are recorded. */
export const CONTROL_CHARACTERS_RULE = 'control-characters';

/**
 * A sentence on what was removed from the raw text, for the provenance box.
 *
 * @example
 * removalSummary([{ rule: 'footer', occurrences: [{}, {}] }, { rule: 'control-characters', occurrences: [{}] }])
 * // '2 pieces of site furniture, by 1 recorded rule, and 1 invisible or control character that cannot be shown as text; no sentence of the text was removed or changed.'
 */
export function removalSummary(removed: readonly { rule: string; occurrences: readonly unknown[] }[]): string {
  const rules = removed.filter((r) => r.rule !== CONTROL_CHARACTERS_RULE);
  const pieces = rules.reduce((sum, r) => sum + r.occurrences.length, 0);
  const characters = removed.filter((r) => r.rule === CONTROL_CHARACTERS_RULE).reduce((sum, r) => sum + r.occurrences.length, 0);
  const parts = [
    ...(pieces > 0 ? [`${pieces} ${pieces === 1 ? 'piece' : 'pieces'} of site furniture, by ${rules.length} recorded ${rules.length === 1 ? 'rule' : 'rules'}`] : []),
    ...(characters > 0 ? [`${characters} invisible or control ${characters === 1 ? 'character' : 'characters'} that cannot be shown as text`] : []),
  ];
  return `${parts.join(', and ')}; no sentence of the text was removed or changed.`;
}
