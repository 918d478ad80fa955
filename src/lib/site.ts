/** Facts about the edition as a whole, used in page heads, the footer and the About page. */
export const SITE = {
  title: 'Borderlines',
  tagline: 'Five texts on NATO, Russia and Belarus, 2020–2022, in an annotated edition',
  description:
    'An annotated reading edition of five partisan texts about NATO, Russia and Belarus from 2020 to 2022: ' +
    'the texts reproduced as received, with a neutral, dated and sourced apparatus.',
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
} as const;
