/**
 * Text cut for a line with little room is cut at a word, never inside one: a note card's claim line
 * once read "…aired Sat… →" and "…the 2010 New ST… →", and a correction's heading "…leader of
 * Belar…"; a cut quotation keeps its closing mark.
 */
import { describe, expect, it } from 'vitest';
import { shorten, shortenQuoted } from '../../../src/lib/shorten.ts';

const words = (text: string) => new Set(text.split(/\s+/));

describe('shorten', () => {
  it('keeps text that fits as it is, its spaces made one', () => {
    expect(shorten('Tu-22M3  bombers', 40)).toBe('Tu-22M3 bombers');
    expect(shorten('In “Russian bombers fly over Belarus” —\u00a0Associated Press', 80)).toBe('In “Russian bombers fly over Belarus” —\u00a0Associated Press');
  });

  it('keeps a last word that ends where the room does, and cuts a first word longer than the room', () => {
    expect(shorten('NATO envoys will discuss', 11)).toBe('NATO envoys…');
    expect(shorten('Supercalifragilistic words', 10)).toBe('Supercalif…');
  });

  it('cuts at a word, with an ellipsis, and never leaves part of a word', () => {
    const text = 'In an interview with a Russian state TV host aired Saturday, Lukashenko said so';
    for (let max = 12; max < text.length; max++) {
      const cut = shorten(text, max);
      expect(cut.length, cut).toBeLessThanOrEqual(max + 1);
      expect(cut.endsWith('…')).toBe(true);
      const kept = cut.slice(0, -1).split(' ');
      for (const word of kept) expect(words(text).has(word) || words(text).has(`${word},`), `${max}: “${word}” in “${cut}”`).toBe(true);
    }
  });
});

describe('shortenQuoted', () => {
  it('cuts inside the quotation marks and keeps the closing one', () => {
    expect(shortenQuoted('“In an interview with a Russian state TV host aired Saturday”', 42)).toBe('“In an interview with a Russian state TV…”');
    expect(shortenQuoted('“in 1999”', 42)).toBe('“in 1999”');
  });

  it('keeps straight and single marks too, and closes a quotation inside that it cut open', () => {
    expect(shortenQuoted('"COVID-19 has changed our lives in ways we could barely imagine"', 40)).toBe('"COVID-19 has changed our lives in ways…"');
    expect(shortenQuoted('‘the Kremlin said’', 12)).toBe('‘the…’');
    expect(shortenQuoted('“Kremlin Says NATO Jets Engaged In “Mock Missile Attacks” Over Black Sea”', 56)).toBe('“Kremlin Says NATO Jets Engaged In “Mock Missile…””');
  });

  it('shortens an unquoted text as shorten does', () => {
    expect(shortenQuoted('In an interview with a Russian state TV host', 20)).toBe(shorten('In an interview with a Russian state TV host', 20));
  });
});
