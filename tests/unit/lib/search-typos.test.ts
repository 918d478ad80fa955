/** Typos forgiven (src/lib/search-typos.ts). */
import { describe, expect, it } from 'vitest';
import { distance, suggest, vocabularyOf, type Vocabulary } from '../../../src/lib/search-typos.ts';

const vocabulary: Vocabulary = {
  names: ['Iskander', 'Iskander-M', 'Open Skies', 'Open Skies Treaty', 'Alexander Lukashenko', 'Lukashenko', 'Kaliningrad', 'Sviatlana Tsikhanouskaya', 'NATO'],
  words: ['Belarus', 'Russia', 'missiles', 'Lukashenko', 'Stoltenberg', 'Kaliningrad', 'border', 'exercise', 'Zapad'],
};

describe('edit distance', () => {
  it('counts a swap of two letters as one slip, and stops early past the limit', () => {
    expect(distance('lukashneko', 'lukashenko', 2)).toBe(1);
    expect(distance('iskandar', 'iskander', 2)).toBe(1);
    expect(distance('kalinigrad', 'kaliningrad', 2)).toBe(1);
    expect(distance('abc', 'xyz', 1)).toBe(2);
    expect(distance('short', 'a much longer word', 2)).toBe(3);
  });
});

describe('suggestions', () => {
  it('finds a glossary name or alias one or two letters off', () => {
    expect(suggest('Iskandar', vocabulary)).toBe('Iskander');
    expect(suggest('Lukashneko', vocabulary)).toBe('Lukashenko');
    expect(suggest('Opn Skeis', vocabulary)).toBe('Open Skies');
    expect(suggest('kalinigrad', vocabulary)).toBe('Kaliningrad');
  });

  it('finds a word of the edition one or two letters off, word by word', () => {
    expect(suggest('Stoltenburg', vocabulary)).toBe('Stoltenberg');
    expect(suggest('Belarus bordr', vocabulary)).toBe('Belarus border');
  });

  it('leaves alone a query the edition already spells, a short word, a number and what nothing is near', () => {
    expect(suggest('Iskander', vocabulary)).toBeUndefined();
    expect(suggest('open skies', vocabulary)).toBeUndefined();
    expect(suggest('Belarus missiles', vocabulary)).toBeUndefined();
    expect(suggest('NAT', vocabulary)).toBeUndefined();
    expect(suggest('2021', vocabulary)).toBeUndefined();
    expect(suggest('xylophone', vocabulary)).toBeUndefined();
    expect(suggest('   ', vocabulary)).toBeUndefined();
  });
});

describe('the vocabulary', () => {
  it('keeps each word once, as most often written, the common ones first, each band in alphabetical order, and drops short words', () => {
    const built = vocabularyOf(['Zapad missiles. The zapad, an Zapad’s range', 'missiles and Iskander'], ['Iskander', 'Iskander']);
    expect(built).toEqual({ names: ['Iskander'], words: ['Zapad', 'Iskander', 'missiles', 'range'] });
  });
});
