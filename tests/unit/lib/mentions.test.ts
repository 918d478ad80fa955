import { describe, expect, it } from 'vitest';
import { buildMatcher, findCollisions, findMentions, sentenceAround } from '../../../src/lib/mentions.ts';

const matcher = buildMatcher([
  { id: 'nato', names: ['NATO', 'Nato', 'North Atlantic Treaty Organization'] },
  { id: 'open-skies', names: ['Open Skies Treaty', 'Open Skies', 'Open Skies treaty', 'Open Skies pact', 'Treaty on Open Skies'] },
  { id: 'iskander', names: ['Iskander'] },
  { id: 'b-52', names: ['B-52'] },
  { id: 'tsikhanouskaya', names: ['Sviatlana Tsikhanouskaya', 'Tsikhanouskaya', 'Tikhanovskaya', 'Svetlana Tikhanovskaya'] },
]);
const terms = (text: string) => findMentions(text, matcher).map((m) => `${m.term}:${m.text}`);

describe('finding mentions', () => {
  it('links the first mention of an alias to its term, in the case it is written', () => {
    expect(terms('NATO and Nato, but not nato')).toEqual(['nato:NATO', 'nato:Nato']);
  });

  it('takes possessives and plurals, with straight or curly apostrophes', () => {
    expect(terms('NATO’s jets, NATO\'s tanks, NATOs flank, two Iskanders and B-52s')).toEqual([
      'nato:NATO’s', "nato:NATO's", 'nato:NATOs', 'iskander:Iskanders', 'b-52:B-52s',
    ]);
  });

  it('matches whole words only', () => {
    expect(terms('#NATO2030 and NATOland and anti-NATO')).toEqual(['nato:NATO']);
  });

  it('prefers the longest name where names overlap', () => {
    expect(terms('the Treaty on Open Skies, the Open Skies pact and Open Skies')).toEqual([
      'open-skies:Treaty on Open Skies', 'open-skies:Open Skies pact', 'open-skies:Open Skies',
    ]);
  });

  it('finds both transliterations of one name as one term', () => {
    expect(terms('Svetlana Tikhanovskaya … Svetlana Tsikhanouskaya … Tsikhanouskaya left')).toEqual([
      'tsikhanouskaya:Svetlana Tikhanovskaya', 'tsikhanouskaya:Tsikhanouskaya', 'tsikhanouskaya:Tsikhanouskaya',
    ]);
  });

  it('matches a name broken across a line break', () => {
    expect(terms('the North Atlantic\nTreaty Organization')).toEqual(['nato:North Atlantic\nTreaty Organization']);
  });

  it('reports a name claimed by two terms', () => {
    expect(findCollisions([{ id: 'a', names: ['Council'] }, { id: 'b', names: ['Council', 'Other'] }])).toEqual([{ name: 'Council', terms: ['a', 'b'] }]);
    expect(() => buildMatcher([{ id: 'a', names: ['X'] }, { id: 'b', names: ['X'] }])).toThrowErrorMatchingInlineSnapshot(`[Error: glossary names claimed twice: “X” (a, b)]`);
  });

  it('gives the sentence around a mention', () => {
    expect(sentenceAround('First one. Then NATO acted. Last.', 16, 20)).toBe('Then NATO acted.');
    expect(sentenceAround('No end NATO here', 7, 11)).toBe('No end NATO here');
    // A name's initial and an abbreviation end no sentence.
    const text = 'It met. Antony J. Blinken met Dmytro Kuleba on 10 Nov. 2021 in the U.S. capital. Then it ended.';
    expect(sentenceAround(text, text.indexOf('Kuleba'), text.indexOf('Kuleba') + 6)).toBe('Antony J. Blinken met Dmytro Kuleba on 10 Nov. 2021 in the U.S. capital.');
    expect(sentenceAround('A U.S. move. NATO met.', 13, 17)).toBe('NATO met.');
  });
});
