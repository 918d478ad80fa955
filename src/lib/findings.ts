/**
 * The edition's finding vocabulary: what a fact-check note found when it set a text's statement
 * beside the record. The set is closed (a fact-check note with another finding fails the build) and
 * it is not a truth scale: the findings say how statement and record compare, not how true or how
 * honest a text is, and they are not ordered.
 */

export const FINDINGS = ['accurate', 'imprecise', 'misattributed', 'inaccurate', 'disputed', 'unsupported', 'needs-context'] as const;
export type Finding = (typeof FINDINGS)[number];

export function isFinding(value: string): value is Finding {
  return (FINDINGS as readonly string[]).includes(value);
}

/** What readers see as the finding's name. */
export const FINDING_LABELS: Record<Finding, string> = {
  accurate: 'Matches the record',
  imprecise: 'Imprecise',
  misattributed: 'Misattributed',
  inaccurate: 'Contradicted by the record',
  disputed: 'Disputed',
  unsupported: 'No record found',
  'needs-context': 'Needs context',
};

/** One line defining each finding, on the About page and on the claims index. */
export const FINDING_DEFINITIONS: Record<Finding, string> = {
  accurate: 'The sources the note cites say what the text says, figures, dates and names included.',
  imprecise: 'Right in substance, but a figure, date, name or title differs from the record, or is rounded or stretched beyond it.',
  misattributed: 'The words or the act are given to someone other than the person or body the record names.',
  inaccurate: 'The record says otherwise, and the note gives what it says.',
  disputed: 'The parties or the sources give different accounts, and the record does not settle between them; the note gives each.',
  unsupported: 'No source the editors could find supports or tests the statement.',
  'needs-context': 'Correct as far as it goes, but the record holds something the statement leaves out that changes how it reads.',
};
