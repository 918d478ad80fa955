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
} as const;
