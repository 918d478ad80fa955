import { describe, expect, it } from 'vitest';
import { LETTERS, compareEntries, glossaryIndex, letterOf, mentionLabel, mentionSentences, sortKeyOf } from '../../../src/lib/glossary-index.ts';

const people = [
  { term: 'Alexander Lukashenko', sortKey: 'Lukashenko, Alexander' },
  { term: 'Vladimir Putin', sortKey: 'Putin, Vladimir' },
  { term: 'Sergei Shoigu', sortKey: 'Shoigu, Sergei' },
  { term: 'NATO' },
  { term: 'Open Skies Treaty' },
];

describe('the glossary index', () => {
  it('sorts people by surname through their sort key, and other entries by name', () => {
    expect([...people].sort(compareEntries).map((entry) => entry.term)).toEqual(['Alexander Lukashenko', 'NATO', 'Open Skies Treaty', 'Vladimir Putin', 'Sergei Shoigu']);
  });

  it('files an entry under the first letter of its key, without accents', () => {
    expect(sortKeyOf(people[1]!)).toBe('Putin, Vladimir');
    expect(letterOf('Putin, Vladimir')).toBe('P');
    expect(letterOf('Ťsikhanouskaya')).toBe('T');
    expect(letterOf('5G networks')).toBe('#');
  });

  it('has every letter A to Z, with or without entries', () => {
    const index = glossaryIndex(people);
    expect(index.map((letter) => letter.letter)).toEqual([...LETTERS]);
    expect(index.find((letter) => letter.letter === 'P')!.entries.map((entry) => entry.term)).toEqual(['Vladimir Putin']);
    expect(index.find((letter) => letter.letter === 'V')!.entries).toEqual([]);
    expect(index.find((letter) => letter.letter === 'A')!.entries).toEqual([]);
  });

  it('adds # after Z only for keys that start with no letter', () => {
    expect(glossaryIndex([...people, { term: '5G' }]).at(-1)).toEqual({ letter: '#', entries: [{ term: '5G' }] });
  });
});

describe('the count of a term', () => {
  it('is labelled, and says why a term no text names is there', () => {
    expect(mentionLabel(9, 2)).toBe('9 mentions');
    expect(mentionLabel(1, 0)).toBe('1 mention');
    expect(mentionLabel(1200, 0)).toBe('1,200 mentions');
    expect(mentionLabel(0, 1)).toBe('not named in the texts; in 1 note');
    expect(mentionLabel(0, 0)).toBe('not named in the texts');
  });
});

describe('the sort key in the glossary schema', () => {
  const person = {
    term: 'Vladimir Putin',
    category: 'person',
    short: 'President of Russia, in office since 2012 and before that from 2000 to 2008.',
    sources: [{ title: 'A profile', url: 'https://example.org/putin' }],
  };

  it('is required for a person, and the error suggests surname first', async () => {
    const { termSchema } = await import('../../../src/schemas/glossary.ts');
    const result = termSchema.safeParse(person);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual(['sortKey: a person is filed by surname: add `sortKey: Putin, Vladimir` (surname, then given names)']);
    expect(termSchema.safeParse({ ...person, sortKey: 'Putin, Vladimir' }).success).toBe(true);
  });

  it('is optional for other entries', async () => {
    const { termSchema } = await import('../../../src/schemas/glossary.ts');
    expect(termSchema.safeParse({ ...person, term: 'NATO', category: 'organisation' }).success).toBe(true);
  });
});

describe('mentionSentences', () => {
  it('lists a sentence that names a term twice once, with both names picked out', () => {
    const sentence = 'NATO said that NATO forces would stay.';
    expect(mentionSentences([
      { passage: 'p1', text: 'NATO', sentence },
      { passage: 'p1', text: 'NATO', sentence },
      { passage: 'p2', text: 'North Atlantic Treaty Organization', sentence: 'The North Atlantic Treaty Organization (NATO) met.' },
      { passage: 'p2', text: 'NATO', sentence: 'The North Atlantic Treaty Organization (NATO) met.' },
      { passage: 'p2', text: 'NATO', sentence: 'NATO again.' },
    ])).toEqual([
      { passage: 'p1', pieces: [{ text: 'NATO', strong: true }, { text: ' said that ', strong: false }, { text: 'NATO', strong: true }, { text: ' forces would stay.', strong: false }] },
      { passage: 'p2', pieces: [{ text: 'The ', strong: false }, { text: 'North Atlantic Treaty Organization', strong: true }, { text: ' (', strong: false }, { text: 'NATO', strong: true }, { text: ') met.', strong: false }] },
      { passage: 'p2', pieces: [{ text: 'NATO', strong: true }, { text: ' again.', strong: false }] },
    ]);
  });

  it('keeps the same sentence in two passages apart', () => {
    expect(mentionSentences([{ passage: 'p1', text: 'X', sentence: 'X.' }, { passage: 'p2', text: 'X', sentence: 'X.' }])).toHaveLength(2);
  });
});
