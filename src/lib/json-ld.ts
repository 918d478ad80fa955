/**
 * schema.org JSON-LD the edition publishes about itself and its checks: the organisation with its
 * policies (on the home and About pages), and a `ClaimReview` for each claim page and each
 * fact-check note. Pure builders over absolute URLs; components only serialise them.
 *
 * The findings are not a truth scale (src/lib/findings.ts), so a review's `reviewRating` carries the
 * finding as `alternateName` and no numeric rating.
 */
import { SITE } from './site.ts';

type Json = Record<string, unknown>;

/** The About page's sections that state each policy (their ids are kept stable). */
export const POLICY_SECTIONS = {
  publishingPrinciples: 'standards',
  correctionsPolicy: 'corrections',
  verificationFactCheckingPolicy: 'method',
  actionableFeedbackPolicy: 'contact',
} as const;

/**
 * The edition as a `NewsMediaOrganization`, its policies pointing at the About page's sections.
 *
 * @example organizationJsonLd('https://example.org/') // { '@type': 'NewsMediaOrganization', correctionsPolicy: 'https://example.org/about/#corrections', … }
 */
export function organizationJsonLd(home: string): Json {
  const about = new URL('about/', home).href;
  const policies = Object.fromEntries(Object.entries(POLICY_SECTIONS).map(([property, id]) => [property, `${about}#${id}`]));
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsMediaOrganization',
    '@id': `${home}#organization`,
    name: SITE.title,
    url: home,
    ...policies,
  };
}

/** Where a claim is made: one passage of one text. */
export interface AppearanceLd {
  /** The passage on the edition's page (absolute). */
  url: string;
  /** The piece's title (the text's, or in a compilation the piece's heading). */
  headline: string;
  /** `YYYY-MM-DD`, the piece's date. */
  datePublished?: string | undefined;
  /** The outlet that published it. */
  outlet?: string | undefined;
  /** Where the original was published, when known. */
  original?: string | undefined;
}

/** What a review says. */
export interface ReviewLd {
  /** The review's own address: the claim page or the note's permalink (absolute). */
  url: string;
  /** The claim, in the edition's words (or the text's, quoted). */
  claimReviewed: string;
  appearances: readonly AppearanceLd[];
  /** The edition's home page (absolute), for the author. */
  home: string;
  /** `YYYY-MM-DD`: when the review was written, and last changed. */
  datePublished: string;
  dateModified?: string | undefined;
  /** The finding's name (src/lib/findings.ts), when a fact-check gave one. */
  finding?: string | undefined;
  /** The review in a sentence or a paragraph, plain text. */
  reviewBody?: string | undefined;
}

/** A schema.org `ClaimReview`: the claim, where and when it was made and by whom, and the finding. */
export function claimReviewJsonLd(review: ReviewLd): Json {
  const appearances = [...review.appearances].sort((a, b) => (a.datePublished ?? '9999').localeCompare(b.datePublished ?? '9999'));
  const work = (appearance: AppearanceLd): Json => ({
    '@type': 'CreativeWork',
    url: appearance.url,
    headline: appearance.headline,
    ...(appearance.datePublished ? { datePublished: appearance.datePublished } : {}),
    ...(appearance.outlet ? { author: { '@type': 'Organization', name: appearance.outlet }, publisher: { '@type': 'Organization', name: appearance.outlet } } : {}),
    ...(appearance.original ? { sameAs: appearance.original } : {}),
  });
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: review.url,
    claimReviewed: review.claimReviewed,
    itemReviewed: {
      '@type': 'Claim',
      ...(appearances[0] ? { firstAppearance: work(appearances[0]) } : {}),
      appearance: appearances.map(work),
      ...(appearances[0]?.datePublished ? { datePublished: appearances[0].datePublished } : {}),
      ...(appearances[0]?.outlet ? { author: { '@type': 'Organization', name: appearances[0].outlet } } : {}),
    },
    author: { '@type': 'Organization', '@id': `${review.home}#organization`, name: SITE.title, url: review.home },
    datePublished: review.datePublished,
    ...(review.dateModified ? { dateModified: review.dateModified } : {}),
    ...(review.finding ? { reviewRating: { '@type': 'Rating', alternateName: review.finding } } : {}),
    ...(review.reviewBody ? { reviewBody: review.reviewBody } : {}),
    inLanguage: SITE.lang,
  };
}

/**
 * JSON for a `<script type="application/ld+json">`: `<` escaped, so that no text in it can close
 * the script element.
 */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data).replace(/</g, '\\u003c');
}
