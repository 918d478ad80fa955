/**
 * Claims in search: a claim's page is a result of its own type, one line titled by the claim,
 * grouped under "Claims across the texts" and counted apart from the texts' passages and notes.
 */
import { describe, expect, it } from 'vitest';
import { hitsOf, shownBy, type PagefindData } from '../../src/client/search/hits.ts';
import { countLabel, groupLines } from '../../src/lib/search-rank.ts';

const claimPage: PagefindData = {
  url: '/claims/union-state-founding-year/',
  content: 'The Union State of Russia and Belarus was founded in 1999 or in 2000. In 2000, Belarus and Russia established the Union State',
  excerpt: '',
  meta: { title: 'The Union State of Russia and Belarus was founded in 1999 or in 2000.', type: 'Claim', summary: '2 passages in 2 texts' },
  anchors: [],
  locations: [19],
};

describe('a claim in search', () => {
  it('is one line of type Claim, titled by the claim, that lands on its page', () => {
    const hits = hitsOf(claimPage, ['established'], shownBy({}));
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ type: 'Claim', pageTitle: claimPage.meta['title'], meta: '2 passages in 2 texts', url: '/claims/union-state-founding-year/' });
    expect(hits[0]!.excerpt).toContain('<mark>established</mark>');
  });

  it('is grouped with the other claims and counted as a claim, not as a text', () => {
    const lines = [
      { type: 'Claim' as const, page: '/claims/a/', tier: 2, location: 0 },
      { type: 'Claim' as const, page: '/claims/b/', tier: 3, location: 0 },
      { type: 'Text' as const, page: '/articles/x/', tier: 3, location: 4 },
    ];
    expect(new Map(groupLines(lines, () => 0).map((group) => [group.key, group.lines.length]))).toEqual(new Map([['claims', 2], ['/articles/x/', 1]]));
    expect(countLabel(lines)).toBe('1 passage in 1 text, 2 claims');
  });
});
