/**
 * The schema.org JSON-LD builders: the organisation with its four policies, and a ClaimReview with
 * the claim, its appearances and the finding as a name, never as a number.
 */
import { describe, expect, it } from 'vitest';
import { claimReviewJsonLd, jsonLdScript, organizationJsonLd } from '../../../src/lib/json-ld.ts';

describe('the organisation', () => {
  it('is a NewsMediaOrganization whose four policies are sections of the About page', () => {
    const data = organizationJsonLd('https://example.org/edition/');
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsMediaOrganization',
      url: 'https://example.org/edition/',
      publishingPrinciples: 'https://example.org/edition/about/#standards',
      correctionsPolicy: 'https://example.org/edition/about/#corrections',
      verificationFactCheckingPolicy: 'https://example.org/edition/about/#method',
      actionableFeedbackPolicy: 'https://example.org/edition/about/#contact',
    });
  });
});

describe('a ClaimReview', () => {
  const review = claimReviewJsonLd({
    url: 'https://example.org/claims/x/',
    claimReviewed: 'The claim, in neutral words.',
    appearances: [
      { url: 'https://example.org/articles/b/#p', headline: 'B', datePublished: '2022-02-05', outlet: 'Associated Press' },
      { url: 'https://example.org/articles/a/#p', headline: 'A', datePublished: '2021-11-13', outlet: 'World Socialist Web Site', original: 'https://www.wsws.org/a' },
    ],
    home: 'https://example.org/',
    datePublished: '2026-11-22',
    dateModified: '2026-12-03',
    finding: 'Imprecise',
  });

  it('reviews a Claim with every appearance, earliest first, each dated and attributed to its outlet', () => {
    expect(review['@type']).toBe('ClaimReview');
    const claim = review['itemReviewed'] as { '@type': string; appearance: { url: string; datePublished: string; author: { '@type': string; name: string }; sameAs?: string }[]; firstAppearance: { url: string } };
    expect(claim['@type']).toBe('Claim');
    expect(claim.appearance.map((a) => [a.datePublished, a.author.name])).toEqual([['2021-11-13', 'World Socialist Web Site'], ['2022-02-05', 'Associated Press']]);
    expect(claim.firstAppearance.url).toBe('https://example.org/articles/a/#p');
    expect(claim.appearance[0]!.sameAs).toBe('https://www.wsws.org/a');
  });

  it('gives the finding as the rating\'s name, with no numeric rating, and the edition as author', () => {
    expect(review['reviewRating']).toEqual({ '@type': 'Rating', alternateName: 'Imprecise' });
    expect(JSON.stringify(review)).not.toMatch(/ratingValue|bestRating|worstRating/);
    expect(review['author']).toMatchObject({ '@type': 'Organization', name: 'Borderlines', url: 'https://example.org/' });
    expect(review).toMatchObject({ datePublished: '2026-11-22', dateModified: '2026-12-03', url: 'https://example.org/claims/x/' });
  });

  it('has no rating at all when no fact-check gave a finding', () => {
    const unrated = claimReviewJsonLd({ url: 'https://example.org/claims/y/', claimReviewed: 'A claim.', appearances: [], home: 'https://example.org/', datePublished: '2026-11-22' });
    expect(unrated).not.toHaveProperty('reviewRating');
  });
});

describe('JSON-LD in a script element', () => {
  it('cannot close its element, whatever the text holds', () => {
    const json = jsonLdScript({ claimReviewed: 'a </script><script>alert(1)</script>' });
    expect(json).not.toContain('</');
    expect(JSON.parse(json)).toEqual({ claimReviewed: 'a </script><script>alert(1)</script>' });
  });
});
