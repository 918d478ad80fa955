/**
 * Facts about the edition as a whole, used in page heads, the footer and the About page. What is
 * counted from the texts (how many, which years, what kinds of outlet) is in src/data/summary.ts.
 */
export const SITE = {
  title: 'Borderlines',
  /** Date the edition was first published; corrections are dated after it. */
  published: '2026-11-22',
  lang: 'en-GB',
  /**
   * How readers reach the editors, set here once: an email address (`name@host`) or the address of a
   * public issue tracker (`https://…`). The About page shows it and every note's "Report an error"
   * link writes to it (src/lib/report-error.ts). The `.example` address is a placeholder: set the
   * edition's real one before publishing.
   */
  contact: 'corrections@borderlines.example',
  /**
   * What every page says of the texts and the notes: in the footer on screen, and under the head of
   * a printed page's first sheet (a footer printed last often took a sheet of its own).
   */
  statement: 'the texts are reproduced as received, for study; several are partisan, and the edition endorses none of them. The notes are neutral, dated and sourced.',
} as const;
