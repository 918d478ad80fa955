import { describe, expect, it } from 'vitest';
import { headlineText, shareImageSvg } from '../../../src/lib/og-image.ts';
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

describe('the letters of a share image', () => {
  /** The outlines a headline of one character is drawn with. */
  const outline = async (character: string) => {
    const svg = await shareImageSvg({ label: '', headline: character, quote: false, body: '', footer: '', date: '' });
    return [...svg.matchAll(/<path[^>]* d="([^"]+)"/g)].map((match) => match[1]).join(' ');
  };

  it('draws the letters of the names in the apparatus, not the empty box of a missing one', async () => {
    // A character no font of the card has is drawn as the font's empty box (.notdef).
    const box = await outline('\u4e2d');
    for (const letter of ['ł', 'ė', 'č', 'Ш', 'ў', 'є', 'λ']) {
      const drawn = await outline(letter);
      expect(drawn, letter).not.toBe('');
      expect(drawn, letter).not.toBe(box);
    }
  });
});
