/**
 * The categories of the glossary and their labels, on their own so that the search's code can read
 * them without the schema's validator (src/schemas/glossary.ts re-exports them).
 */
export const TERM_CATEGORIES = ['treaty', 'weapon-system', 'organisation', 'person', 'place', 'event', 'concept'] as const;
export type TermCategory = (typeof TERM_CATEGORIES)[number];

export const TERM_CATEGORY_LABELS: Record<TermCategory, string> = {
  treaty: 'Treaties and laws',
  'weapon-system': 'Weapon systems',
  organisation: 'Organisations',
  person: 'People',
  place: 'Places',
  event: 'Events and exercises',
  concept: 'Concepts',
};
