/** Ranking, grouping and counting the lines of a search (src/lib/search-rank.ts). */
import { describe, expect, it } from 'vitest';
import { ALL_WORDS, PHRASE, SOME_WORDS, countLabel, groupLines, heldLabel, inQuotes, normaliseWord, phraseFirst, queryWords, stemOf, tierOf, wordMatches, type Rankable } from '../../../src/lib/search-rank.ts';

const words = (text: string) => text.split(' ');

describe('matching words', () => {
  it('compares words without case, accents or the punctuation around them', () => {
    expect(normaliseWord('“Tsikhanoúskaya’s,')).toBe("tsikhanouskaya's");
    expect(wordMatches('(Iskander-M)', 'iskander')).toBe(true);
    expect(wordMatches('Skies', stemOf('sky'))).toBe(false);
  });

  it('cuts English endings off query words, so that a plural answers the singular', () => {
    expect(stemOf('Treaties')).toBe('treat');
    expect(stemOf('exercises')).toBe('exercis');
    expect(stemOf('NATO')).toBe('nato');
    expect(queryWords('Open Skies "Treaty"')).toEqual(['open', 'skies', 'treat']);
  });
});

describe('tiers', () => {
  const stems = queryWords('Open Skies');
  it('ranks the whole phrase above every word apart, and every word above some', () => {
    expect(tierOf(words('Russia left the Open Skies Treaty'), stems)).toBe(PHRASE);
    expect(tierOf(words('the skies were open'), stems)).toBe(ALL_WORDS);
    expect(tierOf(words('an open letter'), stems)).toBe(SOME_WORDS);
    expect(tierOf(words('nothing here'), stems)).toBe(0);
  });

  it('looks only inside the stretch it is given', () => {
    const text = words('open door . Open Skies');
    expect(tierOf(text, stems, 0, 3)).toBe(SOME_WORDS);
    expect(tierOf(text, stems, 3)).toBe(PHRASE);
    // A phrase cut by the end of the stretch is not in it.
    expect(tierOf(text, stems, 0, 4)).toBe(SOME_WORDS);
  });
});

describe('groups and counts', () => {
  it('says what a group holds back, by kind, in its text or on its page of the timeline', () => {
    expect(heldLabel([{ type: 'Text' }, { type: 'Text' }, { type: 'Note' }])).toBe('Show 2 more passages and 1 more note in this text');
    expect(heldLabel([{ type: 'Note' }, { type: 'Note' }])).toBe('Show 2 more notes in this text');
    expect(heldLabel([{ type: 'Text' }])).toBe('Show 1 more passage in this text');
    expect(heldLabel([{ type: 'Event' }, { type: 'Event' }])).toBe('Show 2 more events on this page');
    // The provenance box's line is not a passage of the text.
    expect(heldLabel([{ type: 'Text' }, { type: 'Note' }, { type: 'Text', source: false }])).toBe('Show 1 more passage, 1 more note and the provenance record in this text');
  });

  const line = (type: Rankable['type'], page: string, tier: number, location: number) => ({ type, page, tier, location });
  const rank = new Map([['/a/', 0], ['/t/iskander/', 1], ['/b/', 2], ['/t/other/', 3]]);

  it('groups lines under their text, terms together, the named term first, then by the best line', () => {
    const lines = [line('Text', '/a/', 1, 10), line('Term', '/t/iskander/', 3, 0), line('Note', '/b/', 3, 40), line('Text', '/b/', 1, 5), line('Term', '/t/other/', 1, 0)];
    const groups = groupLines(lines, (l) => rank.get(l.page)!, (l) => l.page === '/t/iskander/');
    expect(groups.map((group) => [group.key, group.lines.map((l) => `${l.page}@${l.location}`)])).toEqual([
      ['glossary', ['/t/iskander/@0', '/t/other/@0']],
      ['/b/', ['/b/@40', '/b/@5']],
      ['/a/', ['/a/@10']],
    ]);
  });

  it('keeps Pagefind’s order between groups of the same tier, and the text’s order inside one', () => {
    const lines = [line('Text', '/b/', 1, 9), line('Text', '/a/', 1, 30), line('Text', '/a/', 1, 3)];
    expect(groupLines(lines, (l) => rank.get(l.page)!).map((group) => [group.key, group.lines.map((l) => l.location)])).toEqual([
      ['/a/', [3, 30]],
      ['/b/', [9]],
    ]);
  });

  it('puts the text’s own words before a note of the same tier, even a note earlier in the page', () => {
    const provenance = { ...line('Text', '/a/', 3, 99) };
    const lines = [line('Note', '/a/', 3, 3), provenance, { ...line('Text', '/a/', 3, 30), source: true }, line('Note', '/a/', 1, 2)];
    // The provenance is the edition's words, as a note is: it keeps its place in the text's order.
    expect(groupLines(lines, (l) => rank.get(l.page)!).map((group) => group.lines.map((l) => `${l.type}@${l.location}`))).toEqual([['Text@30', 'Note@3', 'Text@99', 'Note@2']]);
  });

  it('puts a group of timeline events after the texts of the same tier, whatever Pagefind’s order', () => {
    const rank = new Map([['/timeline/2022/', 0], ['/a/', 1]]);
    const lines = [line('Event', '/timeline/2022/', 3, 4), line('Note', '/a/', 3, 8)];
    expect(groupLines(lines, (l) => rank.get(l.page)!).map((group) => group.key)).toEqual(['/a/', '/timeline/2022/']);
    // A better tier still comes first.
    expect(groupLines([line('Event', '/timeline/2022/', 4, 4), line('Note', '/a/', 3, 8)], (l) => rank.get(l.page)!).map((group) => group.key)).toEqual(['/timeline/2022/', '/a/']);
  });

  it('counts what is listed: passages and notes, the texts they are in, and terms', () => {
    expect(countLabel([line('Text', '/a/', 1, 0), line('Note', '/a/', 1, 0), line('Text', '/b/', 1, 0), line('Term', '/t/', 1, 0)])).toBe('3 passages and notes in 2 texts, 1 term');
    expect(countLabel([line('Text', '/a/', 1, 0)])).toBe('1 passage in 1 text');
    expect(countLabel([line('Text', '/a/', 1, 0), { ...line('Text', '/a/', 1, 0), source: false }, line('Note', '/b/', 1, 0)])).toBe('2 passages and notes in 2 texts, 1 provenance record');
    // A text whose only line is its provenance record is not counted among the texts of the passages.
    expect(countLabel([line('Text', '/a/', 1, 0), { ...line('Text', '/b/', 1, 0), source: false }])).toBe('1 passage in 1 text, 1 provenance record');
    expect(countLabel([line('Note', '/a/', 1, 0), line('Note', '/b/', 1, 0)])).toBe('2 notes in 2 texts');
    expect(countLabel([line('Term', '/t/', 1, 0), line('Term', '/u/', 1, 0)])).toBe('2 terms');
    expect(countLabel([])).toBe('');
    expect(countLabel([line('Text', '/a/', 1, 0), line('Event', '/timeline/2020/', 1, 0), line('Event', '/timeline/2021/', 1, 0)])).toBe('1 passage in 1 text, 2 timeline events');
  });

  it('puts the pages a quoted search found first, each part in Pagefind’s order', () => {
    const results = ['a', 'b', 'c', 'd'].map((id) => ({ id }));
    expect(phraseFirst(results, new Set(['c', 'a'])).map((r) => r.id)).toEqual(['a', 'c', 'b', 'd']);
  });

  it('quotes what was searched with one pair of quotation marks, a query typed in quotes too', () => {
    expect(inQuotes('Open Skies')).toBe('“Open Skies”');
    expect(inQuotes('"Open Skies"')).toBe('“Open Skies”');
    expect(inQuotes('“Open Skies”')).toBe('“Open Skies”');
    expect(inQuotes('"Open Skies" treaty')).toBe('“‘Open Skies’ treaty”');
  });
});
