import { describe, expect, it } from 'vitest';
import { sourceMixOf } from '../../../src/lib/apparatus-report.ts';
import { mixInWords } from '../../../src/lib/source-mix.ts';

const table = {
  'nato.int': { category: 'primary', reason: 'NATO' },
  'reuters.com': { category: 'press', reason: 'news agency' },
  'tass.com': { category: 'state-media', reason: 'Russian state news agency' },
} as const;

describe('the mix of sources the About page states', () => {
  it('classes each citation by its domain, a subdomain or a Wayback copy by the page it files under', () => {
    const mix = sourceMixOf(
      ['https://www.nato.int/cps/en/natohq/news_1.htm', 'https://uk.reuters.com/article/x', 'https://web.archive.org/web/2020/https://www.reuters.com/y', 'https://tass.com/politics/1', 'https://example.org/blog'],
      table,
    );
    expect(mix).toEqual({ total: 5, byCategory: { primary: 1, press: 2, specialist: 0, 'state-media': 1, reference: 0, weak: 0 }, unclassified: 1 });
  });

  it('says the counts in words, in the table’s order, leaving out the kinds not cited', () => {
    expect(mixInWords(sourceMixOf(['https://nato.int/a', 'https://reuters.com/a', 'https://reuters.com/b'], table))).toBe('1 primary text and 2 wire and press reports');
    expect(mixInWords(sourceMixOf(['https://tass.com/a', 'https://nato.int/a', 'https://nato.int/b', 'https://example.org/x'], table))).toBe('2 primary texts, 1 report of state media and 1 not yet classed');
    expect(mixInWords(sourceMixOf([], table))).toBe('none');
  });
});
