import { describe, expect, it } from 'vitest';
import {
  checkCorrections,
  correctionListedPath,
  correctionPath,
  correctionsByYear,
  correctionsYearPagePath,
  correctionYearPages,
  correctionsFeed,
  diffHtml,
  diffParagraphs,
  paragraphDiff,
  shownParagraphs,
  listCorrections,
  noteWording,
  provenanceWording,
  termWording,
  parseItem,
  wordDiff,
  type CorrectableItem,
  type CorrectionRecord,
} from '../../../src/lib/corrections.ts';

describe('wordDiff', () => {
  it('marks a changed word as removed and inserted, keeping the words around it', () => {
    expect(wordDiff('the decree of 5 June 1995', 'the decree of 7 June 1995')).toEqual([
      { type: 'equal', text: 'the decree of ' },
      { type: 'delete', text: '5' },
      { type: 'insert', text: '7' },
      { type: 'equal', text: ' June 1995' },
    ]);
  });

  it('reads two changed words with a space between them as one replacement', () => {
    expect(wordDiff('a b c d', 'a x y d')).toEqual([
      { type: 'equal', text: 'a ' },
      { type: 'delete', text: 'b c' },
      { type: 'insert', text: 'x y' },
      { type: 'equal', text: ' d' },
    ]);
  });

  it('gives back both wordings exactly, the earlier from kept and removed parts, the later from kept and inserted', () => {
    const before = 'The note called the 35 states the signatories.\n\nSource: Old page';
    const after = 'The note says 27 states signed in 1992 and others acceded.\n\nSource: Arms Control Today';
    const parts = wordDiff(before, after);
    expect(parts.filter((p) => p.type !== 'insert').map((p) => p.text).join('')).toBe(before);
    expect(parts.filter((p) => p.type !== 'delete').map((p) => p.text).join('')).toBe(after);
  });

  it('returns one kept part when nothing changed, and one inserted part from nothing', () => {
    expect(wordDiff('same words', 'same words')).toEqual([{ type: 'equal', text: 'same words' }]);
    expect(wordDiff('', 'new')).toEqual([{ type: 'insert', text: 'new' }]);
  });

  it('places a change where it reads best: a source added after a bracket, not inside it', () => {
    const parts = wordDiff('Text.\n\nSource: Title (CNN)', 'Text. More.\n\nSource: Title (CNN)\n\nSource: Other (AFP)');
    expect(parts).toEqual([
      { type: 'equal', text: 'Text.' },
      { type: 'insert', text: ' More.' },
      { type: 'equal', text: '\n\nSource: Title (CNN)' },
      { type: 'insert', text: '\n\nSource: Other (AFP)' },
    ]);
  });
});

describe('paragraphDiff', () => {
  const sides = (parts: { type: string; text: string }[]) => [parts.filter((part) => part.type !== 'insert').map((part) => part.text).join(''), parts.filter((part) => part.type !== 'delete').map((part) => part.text).join('')];

  it('strikes out a source replaced by another whole, and adds the other whole, rather than interleaving their titles', () => {
    const before = 'Ukraine was invaded.\n\nSource: Ukrainian State Border Service says troops attacked from Belarus (The Hill, via The Hamden Journal)';
    const after = 'Ukraine was invaded.\n\nSource: Ukraine says troops attacked from Russia and Belarus (Reuters, via HeraldLIVE)';
    expect(paragraphDiff(before, after)).toEqual([
      { type: 'equal', text: 'Ukraine was invaded.\n\n' },
      { type: 'delete', text: 'Source: Ukrainian State Border Service says troops attacked from Belarus (The Hill, via The Hamden Journal)' },
      { type: 'equal', text: '\n\n' },
      { type: 'insert', text: 'Source: Ukraine says troops attacked from Russia and Belarus (Reuters, via HeraldLIVE)' },
    ]);
  });

  it('compares a source corrected in a word, and a paragraph edited, word by word', () => {
    const before = 'Police reported 3,000 people.\n\nSource: NATO condemns Belarus regime (Belsat)';
    const after = 'Police reported 4,000 people.\n\nSource: NATO condemns Belarus regime (Belsat, Polish government-funded)';
    expect(paragraphDiff(before, after)).toEqual([
      { type: 'equal', text: 'Police reported ' },
      { type: 'delete', text: '3,000' },
      { type: 'insert', text: '4,000' },
      { type: 'equal', text: ' people.\n\nSource: NATO condemns Belarus regime (Belsat' },
      { type: 'insert', text: ', Polish government-funded' },
      { type: 'equal', text: ')' },
    ]);
  });

  it('shows a paragraph added between two kept ones as added, and keeps the others whole', () => {
    const parts = paragraphDiff('One two three.\n\nFour five six.', 'One two three.\n\nA new paragraph here.\n\nFour five six.');
    expect(parts).toEqual([
      { type: 'equal', text: 'One two three.\n\n' },
      { type: 'insert', text: 'A new paragraph here.' },
      { type: 'equal', text: '\n\nFour five six.' },
    ]);
  });

  it('gives back both wordings, paragraph for paragraph, from its parts', () => {
    const wordings = [
      'A b c.\n\nSource: X (BBC)',
      'A b d.\n\nNew.\n\nSource: Y (AP)\n\nSource: X (BBC)',
      '',
      'Only one paragraph, 190,000 troops.',
      'Source: Z (Reuters)\n\nA b c.',
    ];
    for (const before of wordings) {
      for (const after of wordings) {
        const [earlier, later] = sides(paragraphDiff(before, after));
        expect(earlier!.split(/\n\s*\n/).filter(Boolean), `${before} → ${after}`).toEqual(before.split(/\n\s*\n/).filter(Boolean));
        expect(later!.split(/\n\s*\n/).filter(Boolean), `${before} → ${after}`).toEqual(after.split(/\n\s*\n/).filter(Boolean));
      }
    }
  });
});

describe('diffHtml', () => {
  it('wraps removed words in <del> and inserted words in <ins>, escaping the text', () => {
    expect(diffHtml(wordDiff('x < 5 km & more', 'x < 7 km & more'))).toBe('x &lt; <del>5</del><ins>7</ins> km &amp; more');
  });

  it('leaves the space after words added or removed outside their mark, which showed as a sliver at a line’s start', () => {
    expect(diffHtml(wordDiff('Sputnik reported', 'Interfax and Sputnik reported'))).toBe('<ins>Interfax and</ins> Sputnik reported');
    expect(diffHtml(wordDiff('Interfax and Sputnik reported', 'Sputnik reported'), { labels: true })).toBe('<del><span class="visually-hidden">[removed:\u00a0</span>Interfax and<span class="visually-hidden">]</span></del> Sputnik reported');
    // A no-break space put in for a plain one is the change itself, and stays marked.
    expect(diffHtml([{ type: 'equal', text: '5' }, { type: 'delete', text: ' ' }, { type: 'insert', text: '\u00a0' }, { type: 'equal', text: 'km' }])).toBe('5<del> </del><ins>\u00a0</ins>km');
  });
});

describe('diffParagraphs', () => {
  it('keeps the paragraphs of the wordings apart, a paragraph added as one of its own', () => {
    expect(diffParagraphs(wordDiff('One old.\n\nSource: X', 'One new.\n\nSource: X\n\nSource: Y'))).toEqual([
      [{ type: 'equal', text: 'One ' }, { type: 'delete', text: 'old' }, { type: 'insert', text: 'new' }, { type: 'equal', text: '.' }],
      [{ type: 'equal', text: 'Source: X' }],
      [{ type: 'insert', text: 'Source: Y' }],
    ]);
    expect(diffParagraphs(wordDiff('Tuesday\n\nReuters', 'Monday\n\nAFP'))).toEqual([
      [{ type: 'delete', text: 'Tuesday' }, { type: 'insert', text: 'Monday' }],
      [{ type: 'delete', text: 'Reuters' }, { type: 'insert', text: 'AFP' }],
    ]);
  });
});

describe('shownParagraphs', () => {
  it('cuts a long unchanged paragraph to its opening words and shows changed and short ones whole', () => {
    const long = 'The treaty set up a regime of unarmed observation flights over the entire territory of the states party to it.';
    const shown = shownParagraphs(diffParagraphs(wordDiff(`${long}\n\nThirty-three remained.\n\nSource: OSCE`, `${long}\n\n32 of 34 remained.\n\nSource: OSCE`)));
    expect(shown).toEqual([
      { unchanged: true, opening: 'The treaty set up a regime of unarmed observation flights over the…', whole: long },
      { unchanged: false, parts: [{ type: 'delete', text: 'Thirty-three' }, { type: 'insert', text: '32 of 34' }, { type: 'equal', text: ' remained.' }] },
      { unchanged: false, parts: [{ type: 'equal', text: 'Source: OSCE' }] },
    ]);
    const title = 'Source: U.S. Extends New START Treaty with Russia for Five Years (American Society of International Law)';
    expect(shownParagraphs([[{ type: 'equal', text: title }]])).toEqual([{ unchanged: false, parts: [{ type: 'equal', text: title }] }]);
  });
});

describe('items and addresses', () => {
  it('reads an item key and refuses anything else', () => {
    expect(parseItem('term:open-skies')).toEqual({ kind: 'term', id: 'open-skies' });
    expect(parseItem('notes:open-skies')).toBeUndefined();
    expect(parseItem('note:Open Skies')).toBeUndefined();
  });

  it('gives each correction a page of its own in its year’s folder, and an entry on the year’s page, both named by its item and date', () => {
    expect(correctionPath('provenance:russia-new-steps-western-border', '2027-01-02')).toBe('corrections/2027/provenance-russia-new-steps-western-border-2027-01-02/');
    expect(correctionListedPath('provenance:russia-new-steps-western-border', '2027-01-02')).toBe('corrections/2027/#provenance-russia-new-steps-western-border-2027-01-02');
    expect(correctionListedPath('note:x', '2027-01-02', 3)).toBe('corrections/2027/page/3/#note-x-2027-01-02');
    expect(correctionsYearPagePath('2027', 1)).toBe('corrections/2027/');
    expect(correctionsYearPagePath('2027', 2)).toBe('corrections/2027/page/2/');
  });

  it('cuts a year’s corrections into pages in the order they were made, so that a later one never moves an entry', () => {
    // Listed newest first, as the pages list them.
    const year = ['e', 'd', 'c', 'b', 'a'];
    expect(correctionYearPages(year, 2)).toEqual([['b', 'a'], ['d', 'c'], ['e']]);
    const later = ['g', 'f', ...year];
    const before = correctionYearPages(year, 2);
    const after = correctionYearPages(later, 2);
    // Every page the year had keeps its entries; the new ones fill the last page and start the next.
    expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
    expect(after.slice(2)).toEqual([['f', 'e'], ['g']]);
    expect(correctionYearPages([], 2)).toEqual([[]]);
  });

  it('compares a note by its body and its sources’ titles', () => {
    expect(noteWording('Body.\n\nMore.', ['A', 'B'])).toBe('Body.\n\nMore.\n\nSource: A\n\nSource: B');
  });

  it('compares a provenance by its summary, the copy’s origin and its defects, links as their words', () => {
    expect(provenanceWording('A post.', 'A [repost](https://example.org/x) of it.', [{ title: 'Misspellings', detail: 'See [the original](https://example.org/).' }])).toBe(
      'A post.\n\nCopy: A repost of it.\n\nDefect: Misspellings. See the original.',
    );
  });

  it('keeps each paragraph on one line, so that re-wrapping a paragraph is no change', () => {
    expect(termWording('Short.', 'A long\nline,  wrapped.\n\n\nNext.', ['S'])).toBe('Short.\n\nA long line, wrapped.\n\nNext.\n\nSource: S');
    expect(wordDiff(termWording('', 'A b\nc.', []), termWording('', 'A\nb c.', []))).toEqual([{ type: 'equal', text: 'A b c.' }]);
  });
});

const note = (over: Partial<CorrectableItem> = {}): CorrectableItem => ({ item: 'note:flag', file: 'content/articles/a.mdx', line: 12, updated: '2026-12-03', change: 'The date is 7 June.', wording: 'Decree of 7 June.', ...over });
const record = (over: Partial<CorrectionRecord> = {}): CorrectionRecord => ({ item: 'note:flag', date: '2026-12-03', before: 'Decree of 5 June.', line: 4, ...over });

describe('checkCorrections', () => {
  it('accepts a correction whose earlier wording is recorded under its date', () => {
    expect(checkCorrections([note()], [record()])).toEqual([]);
  });

  it('fails on a correction without its earlier wording, at the item, with the command that prints it', () => {
    expect(checkCorrections([note()], [])).toMatchInlineSnapshot(`
      [
        {
          "file": "content/articles/a.mdx",
          "fix": "run \`npm run correction -- note:flag --append\`: it appends to content/corrections.yaml the wording before the correction, read from the repository's history (or write the record by hand: item, date, before).",
          "line": 12,
          "reason": "\`note:flag\` is corrected on 2026-12-03, but content/corrections.yaml keeps no earlier wording for that correction",
          "ruleId": "correction-without-earlier-wording",
        },
      ]
    `);
  });

  it('fails on a record dated otherwise than the item’s correction', () => {
    const problems = checkCorrections([note()], [record({ date: '2026-12-04' })]);
    expect(problems.map((p) => [p.file, p.line, p.ruleId])).toEqual([
      ['content/corrections.yaml', 4, 'correction-date'],
      ['content/articles/a.mdx', 12, 'correction-without-earlier-wording'],
    ]);
    expect(problems[0]!.fix).toBe("date the record 2026-12-03, as the item's `updated`, or correct the item's `updated`.");
  });

  it('accepts an earlier correction of the same item when the record says what changed then', () => {
    expect(checkCorrections([note()], [record(), record({ date: '2026-11-30', before: 'Decree of 1 June.', change: 'The year is 1995.', line: 9 })])).toEqual([]);
    expect(checkCorrections([note()], [record(), record({ date: '2026-11-30', before: 'Decree of 1 June.', line: 9 })]).map((p) => p.ruleId)).toEqual(['correction-date']);
  });

  it('fails on a record of an unknown item, suggesting the nearest', () => {
    const [problem] = checkCorrections([note()], [record(), record({ item: 'note:flags', line: 20 })]);
    expect(problem).toMatchObject({ line: 20, ruleId: 'correction-unknown-item' });
    expect(problem!.fix).toContain('Did you mean `note:flag`?');
  });

  it('fails on a record of an item that records no correction', () => {
    expect(checkCorrections([note({ updated: undefined, change: undefined })], [record()]).map((p) => p.ruleId)).toEqual(['correction-not-declared']);
  });

  it('fails on an earlier wording that is the wording now, and on two records of one correction', () => {
    expect(checkCorrections([note()], [record({ before: 'Decree of  7 June.' })]).map((p) => p.ruleId)).toEqual(['correction-unchanged']);
    expect(checkCorrections([note()], [record(), record({ line: 8 })]).map((p) => p.ruleId)).toEqual(['correction-duplicate']);
  });
});

const items = [
  { ...note(), title: 'Note 3 on “flag”, in Text', href: 'articles/a/#note-flag' },
  { ...note({ item: 'term:open-skies', file: 'content/glossary/open-skies.md', updated: '2027-01-05', change: 'Parties: 34 & not 33.', wording: '34 parties.' }), title: 'Treaty on Open Skies', href: 'glossary/open-skies/' },
];
const records = [record(), record({ date: '2026-11-30', before: 'Decree of 1 June.', change: 'The day was wrong.' }), record({ item: 'term:open-skies', date: '2027-01-05', before: '33 parties.' })];

describe('listCorrections', () => {
  it('lists every correction newest first, each with the wording before and after it', () => {
    const list = listCorrections(items, records);
    expect(list.map((c) => [c.item, c.date, c.before, c.after, c.change])).toEqual([
      ['term:open-skies', '2027-01-05', '33 parties.', '34 parties.', 'Parties: 34 & not 33.'],
      ['note:flag', '2026-12-03', 'Decree of 5 June.', 'Decree of 7 June.', 'The date is 7 June.'],
      ['note:flag', '2026-11-30', 'Decree of 1 June.', 'Decree of 5 June.', 'The day was wrong.'],
    ]);
    expect(correctionsByYear(list).map((y) => [y.year, y.corrections.length])).toEqual([['2027', 1], ['2026', 2]]);
  });

  it('gives a text corrected with a better copy each changed paragraph, in the text’s order, with the words that replaced its earlier ones', () => {
    const text: CorrectableItem & { title: string; href: string } = { item: 'provenance:t', file: 'content/articles/t.mdx', line: 5, updated: '2026-12-07', change: 'A better copy.', wording: 'Copy B.', paragraphs: new Map([['one', 'First, now.'], ['two', 'Second, now.'], ['three', 'Third.']]), title: 'Provenance of “T”', href: 'articles/t/#provenance-title' };
    const earlier = record({ item: 'provenance:t', date: '2026-12-05', before: 'Copy 0.', change: 'A first better copy.', paragraphs: { two: 'Second, at first.' } });
    const latest = record({ item: 'provenance:t', date: '2026-12-07', before: 'Copy A.', paragraphs: { two: 'Second, then.', one: 'First, then.' } });
    // Between them, a correction of the provenance's words alone, which kept no paragraph.
    const between = record({ item: 'provenance:t', date: '2026-12-06', before: 'Copy 1.', change: 'The summary reworded.', paragraphs: undefined });
    const [last, , first] = listCorrections([text], [earlier, between, latest]);
    expect(last!.paragraphs).toEqual([{ id: 'one', href: 'articles/t/#one', before: 'First, then.', after: 'First, now.' }, { id: 'two', href: 'articles/t/#two', before: 'Second, then.', after: 'Second, now.' }]);
    // The earlier correction's paragraph was replaced by the words the next correction that changed it kept.
    expect(first!.paragraphs).toEqual([{ id: 'two', href: 'articles/t/#two', before: 'Second, at first.', after: 'Second, then.' }]);
    // An earlier correction is not judged against the text now: a later one may have put its paragraph back.
    expect(checkCorrections([text], [record({ item: 'provenance:t', date: '2026-12-05', before: 'Copy 0.', change: 'A first better copy.', paragraphs: { three: 'Third.', gone: 'A paragraph since removed.' } }), latest])).toEqual([]);
    const content = parseXml(correctionsFeed([last!], feedOptions)).find((e) => e.path === 'feed/entry/content')!.text;
    expect(content).toContain('<p><a href="https://example.org/articles/t/#one">Paragraph #one</a></p><p>First, <del>then</del><ins>now</ins>.</p>');
    // Kept words of a paragraph the text does not have, or the same as its words now, or on a note's record: named.
    expect(checkCorrections([text], [record({ item: 'provenance:t', date: '2026-12-07', before: 'Copy A.', paragraphs: { tw: 'Second.', three: 'Third.' } })]).map((p) => [p.ruleId, p.line])).toEqual([['correction-paragraphs', 4], ['correction-unchanged', 4]]);
    expect(checkCorrections([note()], [record({ paragraphs: { one: 'First.' } })]).map((p) => p.ruleId)).toEqual(['correction-paragraphs']);
  });

  it('keeps a paragraph a better copy left out, its address aliased: shown after the paragraph it leads to, all its words removed', () => {
    const text: CorrectableItem & { title: string; href: string } = { item: 'provenance:t', file: 'content/articles/t.mdx', line: 5, updated: '2026-12-07', change: 'A better copy.', wording: 'Copy B.', paragraphs: new Map([['one', 'First, now.'], ['two', 'Second.']]), removed: new Map([['gone', 'one']]), title: 'Provenance of “T”', href: 'articles/t/#provenance-title' };
    const latest = record({ item: 'provenance:t', date: '2026-12-07', before: 'Copy A.', paragraphs: { gone: 'A line the first copy had.', one: 'First, then.' } });
    expect(checkCorrections([text], [latest])).toEqual([]);
    const [correction] = listCorrections([text], [latest]);
    expect(correction!.paragraphs).toEqual([
      { id: 'one', href: 'articles/t/#one', before: 'First, then.', after: 'First, now.' },
      { id: 'gone', href: 'articles/t/#gone', before: 'A line the first copy had.', after: '', leadsTo: 'one' },
    ]);
    const content = parseXml(correctionsFeed([correction!], feedOptions)).find((e) => e.path === 'feed/entry/content')!.text;
    expect(content).toContain('<p><a href="https://example.org/articles/t/#gone">Paragraph #gone</a>, left out (its address now leads to #one)</p><p><del>A line the first copy had.</del></p>');
    // Without the alias the id names nothing of the text: refused, and the fix says how to keep it.
    const unaliased = checkCorrections([{ ...text, removed: new Map() }], [latest]);
    expect(unaliased.map((p) => p.ruleId)).toEqual(['correction-paragraphs']);
    expect(unaliased[0]!.fix).toContain('keep its address alive with an alias to the paragraph before it (`aliases:` in content/anchors.yaml)');
  });

  it('lists the corrections of one day last recorded first, whatever their items are called', () => {
    const sameDay = [record({ item: 'term:open-skies', date: '2026-12-03', before: '33 parties.' }), record()];
    const day = [{ ...items[0]! }, { ...items[1]!, updated: '2026-12-03' }];
    expect(listCorrections(day, sameDay).map((c) => c.item)).toEqual(['note:flag', 'term:open-skies']);
    expect(listCorrections(day, [...sameDay].reverse()).map((c) => c.item)).toEqual(['term:open-skies', 'note:flag']);
  });
});

/**
 * Parses the XML a feed is made of, strictly: an XML declaration, elements with double-quoted
 * attributes, text with the five predefined entities or numeric ones. Anything else (an unclosed or
 * mismatched tag, a raw `<` or `&`, markup outside this subset) throws, so a feed that passes is
 * well-formed XML. Returns the elements in order with their text and path.
 */
function parseXml(xml: string): { name: string; attributes: Record<string, string>; text: string; path: string }[] {
  const elements: { name: string; attributes: Record<string, string>; text: string; path: string }[] = [];
  const stack: typeof elements = [];
  const token = /<\?xml[^?]*\?>|<\/([\w:-]+)\s*>|<([\w:-]+)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/y;
  const decode = (text: string) => {
    if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);)/i.test(text)) throw new Error(`a raw & in “${text.slice(0, 40)}”`);
    return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name]!);
  };
  let at = 0;
  while (at < xml.length) {
    token.lastIndex = at;
    const match = token.exec(xml);
    if (!match) throw new Error(`not well-formed at ${at}: “${xml.slice(at, at + 40)}”`);
    at = token.lastIndex;
    const [, close, open, attributes, selfClosing, text] = match;
    if (close) {
      if (stack.pop()?.name !== close) throw new Error(`</${close}> closes nothing open`);
    } else if (open) {
      const element = { name: open, attributes: Object.fromEntries([...attributes!.matchAll(/([\w:-]+)="([^"]*)"/g)].map((a) => [a[1]!, decode(a[2]!)])), text: '', path: [...stack.map((e) => e.name), open].join('/') };
      if (stack.length === 0 && elements.length > 0) throw new Error('a second root element');
      elements.push(element);
      if (!selfClosing) stack.push(element);
    } else if (text !== undefined) {
      if (stack.length === 0 && text.trim() !== '') throw new Error('text outside the root element');
      if (stack.length > 0) stack.at(-1)!.text += decode(text);
    }
  }
  if (stack.length > 0) throw new Error(`<${stack.at(-1)!.name}> is not closed`);
  return elements;
}

const feedOptions = {
  title: 'Borderlines: corrections',
  author: 'Borderlines editors',
  self: 'https://example.org/corrections.xml',
  page: 'https://example.org/corrections/',
  url: (path: string) => new URL(path, 'https://example.org/').href,
  tagAuthority: 'borderlines.example',
  tagDate: '2026-11-22',
  fallbackUpdated: '2026-11-22',
};

describe('correctionsFeed', () => {
  const options = feedOptions;
  const feed = correctionsFeed(listCorrections(items, records), options);

  it('is well-formed Atom with the elements a feed and each entry require', () => {
    const elements = parseXml(feed);
    expect(elements[0]).toMatchObject({ name: 'feed', attributes: { xmlns: 'http://www.w3.org/2005/Atom' } });
    for (const name of ['id', 'title', 'updated', 'author']) expect(elements.some((e) => e.path === `feed/${name}`)).toBe(true);
    expect(elements.find((e) => e.path === 'feed/updated')!.text).toBe('2027-01-05T00:00:00Z');
    const entries = elements.filter((e) => e.path === 'feed/entry');
    expect(entries).toHaveLength(3);
    for (const name of ['id', 'title', 'updated', 'link', 'summary', 'content']) expect(elements.filter((e) => e.path === `feed/entry/${name}`).length).toBeGreaterThanOrEqual(3);
  });

  it('links only to absolute addresses, and gives each entry an id made of its item and date', () => {
    const elements = parseXml(feed);
    for (const link of elements.filter((e) => e.name === 'link')) expect(link.attributes['href']).toMatch(/^https:\/\/example\.org\//);
    expect(elements.filter((e) => e.path === 'feed/entry/id').map((e) => e.text)).toEqual([
      'tag:borderlines.example,2026-11-22:corrections/term:open-skies/2027-01-05',
      'tag:borderlines.example,2026-11-22:corrections/note:flag/2026-12-03',
      'tag:borderlines.example,2026-11-22:corrections/note:flag/2026-11-30',
    ]);
    expect(correctionsFeed(listCorrections(items, records), options)).toBe(feed);
  });

  it('carries the change and the difference as escaped HTML', () => {
    const content = parseXml(feed).find((e) => e.path === 'feed/entry/content')!;
    expect(content.attributes['type']).toBe('html');
    expect(content.text).toContain('<del>33</del><ins>34</ins> parties.');
    expect(content.text).toContain('<a href="https://example.org/glossary/open-skies/">Treaty on Open Skies</a>');
  });

  it('marks a source title’s words with their language, and keeps a change across paragraphs in its paragraphs', () => {
    const note: CorrectableItem = { item: 'note:rus', file: 'content/articles/t.mdx', line: 4, updated: '2026-12-06', change: 'A source added.', wording: 'It was so.\n\nSource: Шойгу рассказал (TVC, in Russian)' };
    const record: CorrectionRecord = { item: 'note:rus', date: '2026-12-06', before: 'It was so', line: 1 };
    const content = parseXml(correctionsFeed(listCorrections([{ ...note, title: 'Note 1', href: 'articles/t/#note-rus' }], [record]), options)).find((e) => e.path === 'feed/entry/content')!.text;
    expect(content).toContain('<p>It was so<ins>.</ins></p><p><ins>Source: <span lang="ru">Шойгу рассказал</span> (TVC, in Russian)</ins></p>');
  });

  it('is refused by the parser when it is not well-formed, so that passing means something', () => {
    expect(() => parseXml('<feed><title>a & b</title></feed>')).toThrow(/raw &/);
    expect(() => parseXml('<feed><entry></feed>')).toThrow();
    expect(() => parseXml('<feed><p>x</p><br></feed>')).toThrow();
  });

  it('is still valid with no corrections, dated by the edition', () => {
    const empty = parseXml(correctionsFeed([], options));
    expect(empty.find((e) => e.path === 'feed/updated')!.text).toBe('2026-11-22T00:00:00Z');
  });
});
