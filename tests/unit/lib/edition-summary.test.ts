import { describe, expect, it } from 'vitest';
import { countWord, countWordCapitalised, listOf, monthSpan, outletKinds, yearSpan } from '../../../src/lib/edition-summary.ts';

describe('the edition described from its texts', () => {
  it('writes counts in words up to twelve and in figures beyond', () => {
    expect([countWord(0), countWord(5), countWord(6), countWord(12), countWord(13), countWord(5000)]).toEqual(['no', 'five', 'six', 'twelve', '13', '5,000']);
    expect(countWordCapitalised(6)).toBe('Six');
  });

  it('spans the years and months of the dates, in any order', () => {
    expect(yearSpan(['2022-12-21', '2020-05-22', '2021-01-01'])).toBe('2020–2022');
    expect(yearSpan(['2021-03-01'])).toBe('2021');
    expect(monthSpan(['2022-12-21', '2020-05-22'])).toEqual(['May 2020', 'December 2022']);
    expect(monthSpan([])).toBeUndefined();
  });

  it('names each kind of outlet once, singular or plural by the outlets of that kind', () => {
    expect(
      outletKinds([
        { name: 'Associated Press', kind: 'news-agency' },
        { name: 'ZeroHedge', kind: 'blog' },
        { name: 'European Union Reporter', kind: 'blog' },
        { name: 'ZeroHedge', kind: 'blog' },
        { name: 'US Peace Council', kind: 'advocacy-group' },
      ]),
    ).toBe('a news agency, blogs and an advocacy group');
    expect(outletKinds([{ name: 'A', kind: 'news-agency' }, { name: 'B', kind: 'news-agency' }])).toBe('news agencies');
    expect(listOf(['a'])).toBe('a');
  });
});
