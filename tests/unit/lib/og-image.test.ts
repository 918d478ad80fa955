import { describe, expect, it } from 'vitest';
import { headlineText } from '../../../src/lib/og-image.ts';
import { leadsWithFinding } from '../../../src/lib/attribution.ts';

const card = { label: 'Borderlines', body: '', footer: '', date: '2020' };

describe('the headline of a share image', () => {
  it('quotes a source’s headline that is attributed, its inner quotation marks single', () => {
    expect(headlineText({ ...card, headline: 'NATO Stages “Mock Missile Attacks”', quote: false, by: 'ZeroHedge' })).toBe('“NATO Stages ‘Mock Missile Attacks’”');
  });

  it('quotes a passage, and leaves the edition’s own words (a finding, its title) unquoted', () => {
    expect(headlineText({ ...card, headline: 'an estimated 100,000 troops', quote: true })).toBe('“an estimated 100,000 troops”');
    expect(headlineText({ ...card, headline: 'The distance matches the US statement.', quote: false })).toBe('The distance matches the US statement.');
  });

  it('is shortened inside its quotation marks', () => {
    const text = headlineText({ ...card, headline: 'word '.repeat(60), quote: false, by: 'X' });
    expect(text).toMatch(/^“(word )+word…”$/);
  });
});

describe('which notes lead with their finding', () => {
  it('are fact-checks and corrections', () => {
    expect(['context', 'fact-check', 'correction', 'discrepancy', 'aftermath', 'copy'].filter(leadsWithFinding)).toEqual(['fact-check', 'correction']);
  });
});
