import { describe, expect, it } from 'vitest';
import { checkable, formatSuggestions, samePage, suggestApparatus, type OtherText, type Segment, type SuggestInput, type SuggestNote, type TextBlock } from '../../../src/lib/apparatus-suggestions.ts';

const FILE = 'content/articles/draft.mdx';

/** A paragraph on line `line` of the draft, its text starting at column 1. */
function para(id: string, line: number, text: string, options: { section?: string; heading?: boolean; skip?: { words: string; skip: NonNullable<Segment['skip']> }[] } = {}): TextBlock {
  const segments: Segment[] = [{ start: 0, end: text.length, line, column: 1 }];
  for (const { words, skip } of options.skip ?? []) {
    const at = text.indexOf(words);
    segments.push({ start: at, end: at + words.length, line, column: at + 1, skip });
    segments.push({ start: at + words.length, end: text.length, line, column: at + words.length + 1 });
    segments.sort((a, b) => a.start - b.start);
  }
  return { id, heading: options.heading ?? false, section: options.section ?? '', text, segments };
}

function note(id: string, passage: string, fields: Partial<SuggestNote> = {}): SuggestNote {
  return { id, passage, exact: '', bodyText: 'What the record shows.', sources: [], links: [], line: 40, ...fields };
}

const TERMS: SuggestInput['terms'] = [
  { id: 'iskander', names: ['Iskander', 'Iskander-M'], alsoKnownAs: ['9K720 Iskander'], file: 'content/glossary/iskander.md' },
  { id: 'lukashenko', names: ['Alexander Lukashenko', 'Lukashenko'], alsoKnownAs: ['Aliaksandr Lukashenka'], file: 'content/glossary/lukashenko.md' },
  { id: 'open-skies', names: ['Open Skies Treaty', 'Open Skies'], alsoKnownAs: ['Treaty on Open Skies'], file: 'content/glossary/open-skies.md' },
  { id: 'belarus-2020-election', names: ['presidential election in Belarus'], alsoKnownAs: [], file: 'content/glossary/belarus-2020-election.md' },
  { id: 's-400', names: ['S-400'], alsoKnownAs: [], file: 'content/glossary/s-400.md' },
];

function other(slug: string, texts: string[], notes: SuggestNote[] = []): OtherText {
  return { slug, title: `The ${slug}`, file: `content/articles/${slug}.mdx`, passages: texts.map((text, i) => ({ id: `${slug}-${i}`, text })), notes };
}

function input(blocks: TextBlock[], fields: Partial<SuggestInput> = {}): SuggestInput {
  return { slug: 'draft', file: FILE, blocks, notes: [], urls: [], claims: [], claimsFile: 'content/claims/draft.yaml', terms: TERMS, others: [], ...fields };
}

const of = (kind: string, suggestions: ReturnType<typeof suggestApparatus>) => suggestions.filter((s) => s.kind === kind);

describe('names close to a glossary term', () => {
  it('finds a misspelling of a name and of an alias, placed on its line and column, with the edit to make', () => {
    const found = of('near-name', suggestApparatus(input([para('p1', 12, 'Belarus put the Iskandar missiles on duty, Lukashenka said.')])));
    expect(found.map((s) => `${s.file}:${s.line}:${s.column} ${s.passage}: ${s.message}`)).toEqual([
      'content/articles/draft.mdx:12:17 p1: “Iskandar” is close to “Iskander” (term `iskander`) and is not linked',
      'content/articles/draft.mdx:12:44 p1: “Lukashenka” is close to “Lukashenko” (term `lukashenko`) and is not linked',
    ]);
    expect(found[0]!.fix).toBe(
      'write `<Term id="iskander">Iskandar</Term>` here, or add “Iskandar” to `aliases` in content/glossary/iskander.md so that every text links it (if it is a spelling the texts use); `<NoTerm>Iskandar</NoTerm>` if it is something else.',
    );
  });

  it('finds a name written with a hyphen or in another case, and a name the entry lists under alsoKnownAs', () => {
    const found = of('near-name', suggestApparatus(input([para('p1', 3, 'The Open-Skies precedent, said Aliaksandr Lukashenka, and the open skies.')])));
    expect(found.map((s) => s.message)).toEqual([
      '“Open-Skies” is written otherwise than “Open Skies” (term `open-skies`) and is not linked',
      '“Aliaksandr Lukashenka” is another name of “Aliaksandr Lukashenka” (term `lukashenko`) and is not linked',
      '“open skies” is written otherwise than “Open Skies” (term `open-skies`) and is not linked',
    ]);
    expect(found[1]!.fix).toContain('move “Aliaksandr Lukashenka” from `alsoKnownAs` to `aliases` in content/glossary/lukashenko.md');
  });

  it('finds the words of a name in another order, not a stretch of words around them', () => {
    const found = of('near-name', suggestApparatus(input([para('p1', 5, "After Belarus's presidential election, the elections in Belarus were presidential.")])));
    expect(found.map((s) => s.message)).toEqual(['“Belarus\'s presidential election” is the words of “presidential election in Belarus” (term `belarus-2020-election`) and is not linked']);
  });

  it('finds a dated name written as its year and head word ("a disputed 2020 reelection" of Belarus), not the same words about another country', () => {
    const terms = [{ id: 'belarus-2020-election', names: ['Belarusian presidential election (2020)', 'presidential election in Belarus'], alsoKnownAs: [], file: 'content/glossary/belarus-2020-election.md' }];
    const blocks = [
      para('p1', 44, 'Belarusian President Alexander Lukashenko, who has relied on Moscow’s support since a disputed 2020 reelection, said the drills were defensive.'),
      para('p2', 46, 'The 2020 election in the United States was close, and the election of 2020 in Poland too.'),
      para('p3', 48, 'In Belarus the election of 2020 was followed by protests.'),
    ];
    expect(of('near-name', suggestApparatus(input(blocks, { terms }))).map((s) => `${s.line}:${s.column} ${s.message}`)).toEqual([
      '44:96 “2020 reelection” is the year and the words of “Belarusian presidential election (2020)” (term `belarus-2020-election`) and is not linked',
      '48:16 “election of 2020” is the year and the words of “Belarusian presidential election (2020)” (term `belarus-2020-election`) and is not linked',
    ]);
  });

  it('leaves alone names the glossary links, words in a <Term>, a <NoTerm> or a link, and headings', () => {
    const blocks = [
      para('h', 1, 'The Iskandar question', { heading: true }),
      para('p1', 3, 'Iskander, Lukashenko and the S-400s.'),
      para('p2', 5, 'The Iskandar restaurant and Lukashenka’s site.', { skip: [{ words: 'Iskandar', skip: 'noterm' }, { words: 'Lukashenka', skip: 'link' }] }),
    ];
    expect(of('near-name', suggestApparatus(input(blocks)))).toEqual([]);
  });

  it('says once for each spelling, with how many more times the text uses it', () => {
    const found = of('near-name', suggestApparatus(input([para('p1', 3, 'Lukashenka spoke.'), para('p2', 5, 'Lukashenka spoke again, and Lukashenka left.')])));
    expect(found.map((s) => `${s.line}:${s.column} ${s.message}`)).toEqual(['3:1 “Lukashenka” is close to “Lukashenko” (term `lukashenko`) and is not linked (and 2 more times in this text)']);
  });

  it('reports a term that a section mentions only inside links, so that the section never links it', () => {
    const blocks = [
      para('intro', 1, 'Nothing here.'),
      para('s1', 3, 'One', { heading: true, section: 's1' }),
      para('p1', 5, 'See the Open Skies page.', { section: 's1', skip: [{ words: 'the Open Skies page', skip: 'link' }] }),
      para('s2', 7, 'Two', { heading: true, section: 's2' }),
      para('p2', 9, 'See the Open Skies page, then Open Skies again.', { section: 's2', skip: [{ words: 'the Open Skies page', skip: 'link' }] }),
    ];
    const found = of('near-name', suggestApparatus(input(blocks)));
    expect(found.map((s) => `${s.line}:${s.column} ${s.message}`)).toEqual(['5:9 “Open Skies” (term `open-skies`) is mentioned in section ^s1 only inside links, so the section never links the term']);
  });
});

describe('names with no glossary entry', () => {
  it('lists designations, acronyms and names that another text uses too, saying which, most used first', () => {
    const blocks = [para('p1', 7, 'In Minsk the EU counted Su-27s, Su-30SM jets, S-400s and a MiG-29 of the Kremlin.')];
    const others = [other('one', ['The Su-27 flew over Minsk; the EU said so.', 'A MiG-29 landed. The Kremlin spoke.']), other('two', ['Kremlin officials met in Warsaw.'])];
    const found = of('missing-entry', suggestApparatus(input(blocks, { others })));
    expect(found.map((s) => `${s.line}:${s.column} ${s.message}`)).toEqual([
      '7:74 the name “Kremlin” (1 time here) has no glossary entry and is also in 2 other texts: content/articles/one.mdx, content/articles/two.mdx',
      '7:4 the name “Minsk” (1 time here) has no glossary entry and is also in 1 other text: content/articles/one.mdx',
      '7:14 the acronym “EU” (1 time here) has no glossary entry and is also in 1 other text: content/articles/one.mdx',
      '7:25 the designation “Su-27” (1 time here) has no glossary entry and is also in 1 other text: content/articles/one.mdx',
      '7:60 the designation “MiG-29” (1 time here) has no glossary entry and is also in 1 other text: content/articles/one.mdx',
    ]);
    expect(found[3]!.fix).toBe('add content/glossary/su-27.md (term, aliases, category, short, sources), or add “Su-27” to the `aliases` of the entry it belongs to; then `npm run check`.');
  });

  it('does not take an ordinary word at the head of a sentence, a weekday or a title for a name', () => {
    const blocks = [para('p1', 1, 'The talks ended on Friday. Then French President Emmanuel Macron left. But the talks go on.')];
    const others = [other('one', ['The president spoke on Friday, and French President Emmanuel Macron too. But not the talks.'])];
    const found = of('missing-entry', suggestApparatus(input(blocks, { others })));
    expect(found.map((s) => s.message)).toEqual(['the name “Emmanuel Macron” (1 time here) has no glossary entry and is also in 1 other text: content/articles/one.mdx']);
  });

  it('reads a shouted dateline as the name it is, and U.S. as US', () => {
    const blocks = [para('p1', 1, 'MOSCOW (AP) -- U.S. officials said so.')];
    const others = [other('one', ['In Moscow, US diplomats met.'])];
    const found = of('missing-entry', suggestApparatus(input(blocks, { others })));
    expect(found.map((s) => s.message)).toEqual([
      'the name “Moscow” (1 time here) has no glossary entry and is also in 1 other text: content/articles/one.mdx',
      'the acronym “U.S.” (1 time here) has no glossary entry and is also in 1 other text: content/articles/one.mdx',
    ]);
  });
});

describe('notes of other texts to link', () => {
  const elsewhere = note('union-state-1999', 'x-0', { sources: [{ url: 'https://www.postkomsg.com/en/historysg/', title: 'History' }], bodyText: 'The treaty of 8 December 1999 created the Union State of Russia and Belarus, the text says.', line: 21 });

  it('links a note that cites the same page, however the URL is written, with the note: syntax', () => {
    const mine = note('my-note', 'p1', { sources: [{ url: 'http://postkomsg.com/en/historysg#top', title: 'History' }], line: 9 });
    const found = of('cross-link', suggestApparatus(input([para('p1', 5, 'Text.')], { notes: [mine], others: [other('x', ['Text.'], [elsewhere])] })));
    expect(found.map((s) => `${s.file}:${s.line}:${s.column} [^${s.passage}] ${s.message}\n${s.fix}`)).toEqual([
      'content/articles/draft.mdx:9:1 [^p1] note `my-note` cites http://postkomsg.com/en/historysg#top, as note `union-state-1999` of content/articles/x.mdx:21 does\n' +
        'if they speak of the same thing, link them: add `See also [the note on …](note:union-state-1999)` to note `my-note` (and `[…](note:my-note)` to `union-state-1999`).',
    ]);
  });

  it('does not suggest linking two notes that already link each other', () => {
    const mine = note('my-note', 'p1', { sources: [{ url: 'https://postkomsg.com/en/historysg', title: 'History' }], links: ['union-state-1999'] });
    expect(of('cross-link', suggestApparatus(input([para('p1', 5, 'Text.')], { notes: [mine], others: [other('x', ['Text.'], [elsewhere])] })))).toEqual([]);
    const back = { ...elsewhere, links: ['my-note'] };
    expect(of('cross-link', suggestApparatus(input([para('p1', 5, 'Text.')], { notes: [{ ...mine, links: [] }], others: [other('x', ['Text.'], [back])] })))).toEqual([]);
  });

  it('names a note of another text that cites this text itself', () => {
    const found = of('cross-link', suggestApparatus(input([para('p1', 20, 'Text.')], { urls: [{ url: 'https://postkomsg.com/en/historysg', field: 'originalUrl', line: 8 }], others: [other('x', ['Text.'], [elsewhere])] })));
    expect(found.map((s) => `${s.line} ${s.message}`)).toEqual(['8 note `union-state-1999` of content/articles/x.mdx:21 cites https://postkomsg.com/en/historysg, this text\'s `originalUrl`']);
    expect(found[0]!.fix).toContain('`[draft](article:draft)`');
  });

  it('finds a note of another text that quotes the same words as a paragraph, and not one already linked', () => {
    const blocks = [para('p1', 5, 'Officials said the Union State of Russia and Belarus was created in 1999, and more.')];
    const found = of('cross-link', suggestApparatus(input(blocks, { others: [other('x', ['Text.'], [elsewhere])] })));
    expect(found.map((s) => `${s.line}:${s.column} ${s.message}`)).toEqual(['5:20 note `union-state-1999` of content/articles/x.mdx:21 (The x) quotes the same words: “Union State of Russia and Belarus”']);
    expect(found[0]!.fix).toBe('mark the words with `<Passage note="…">`, and write a note after the paragraph that links `[the note on …](note:union-state-1999)`.');
    const linked = note('mine', 'p1', { links: ['union-state-1999'] });
    expect(of('cross-link', suggestApparatus(input(blocks, { notes: [linked], others: [other('x', ['Text.'], [elsewhere])] })))).toEqual([]);
  });

  it('takes pages that differ only in scheme, www., a trailing slash or a tracking query for the same page', () => {
    expect(samePage('https://www.Example.org/a/?utm_source=x')).toBe(samePage('http://example.org/a'));
    expect(samePage('https://example.org/a?id=2')).not.toBe(samePage('https://example.org/a?id=3'));
  });
});

describe('paragraphs with figures, dates or quotations and no note', () => {
  it('finds figures, dates and quotations, not the digits of a designation', () => {
    expect(checkable('On 9 August 2020 about 1,000 people, 12% of them, saw S-400s; he said “we will not leave”.').map((item) => `${item.what}:${item.text}`)).toEqual([
      'date:9 August 2020',
      'figure:1,000',
      'figure:12%',
      'quotation:we will not leave',
    ]);
  });

  it('lists a paragraph with no note and no claim that covers it, at its first figure', () => {
    const blocks = [
      para('p1', 3, 'On 9 August 2020 about 1,000 people marched.'),
      para('p2', 5, 'In 1999 a treaty was signed.'),
      para('p3', 7, 'The population of 9.5 million is educated, it says.'),
      para('p4', 9, 'Nothing to check here.'),
    ];
    const claims = [{ id: 'population', passage: 'p3', quote: 'The population of 9.5 million is educated' }];
    const found = of('unnoted', suggestApparatus(input(blocks, { notes: [note('treaty', 'p2')], claims })));
    expect(found.map((s) => `${s.line}:${s.column} ${s.message}`)).toEqual(['3:4 paragraph ^p1 has 1 figure (“1,000”), 1 date (“9 August 2020”), no note']);
    expect(found[0]!.fix).toContain('or list it in content/claims/draft.yaml (`passage: p1`');
  });

  it('lists a paragraph whose claims leave a figure uncovered, and says so', () => {
    const blocks = [para('p1', 3, 'The population of 9.5 million is educated; 500 km across.')];
    const claims = [{ id: 'population', passage: 'p1', quote: 'The population of 9.5 million is educated' }];
    const found = of('unnoted', suggestApparatus(input(blocks, { claims })));
    expect(found.map((s) => `${s.line}:${s.column} ${s.message}`)).toEqual(['3:44 paragraph ^p1 has 1 figure (“500 km”), no note, and the claim of content/claims/draft.yaml on it does not cover them']);
  });
});

describe('the list as printed', () => {
  it('groups the suggestions by kind, each with its count, one line and one Fix: each', () => {
    const suggestions = suggestApparatus(input([para('p1', 3, 'Lukashenka said 1,000 would come.')]));
    expect(formatSuggestions('draft', FILE, suggestions)).toMatchInlineSnapshot(`
      "2 suggestions for draft (content/articles/draft.mdx):

      Names close to a glossary term, not linked: 1
        content/articles/draft.mdx:3:1 [^p1]: “Lukashenka” is close to “Lukashenko” (term \`lukashenko\`) and is not linked
            Fix: write \`<Term id="lukashenko">Lukashenka</Term>\` here, or add “Lukashenka” to \`aliases\` in content/glossary/lukashenko.md so that every text links it (if it is a spelling the texts use); \`<NoTerm>Lukashenka</NoTerm>\` if it is something else.

      Names with no glossary entry that other texts use too: 0

      Notes of other texts to link (same source or same words): 0

      Paragraphs with figures, dates or quotations and no note: 1
        content/articles/draft.mdx:3:17 [^p1]: paragraph ^p1 has 1 figure (“1,000”), no note
            Fix: check them against a source: mark a claim with \`<Passage note="…">…</Passage>\` and write its \`<Note>\` after the paragraph, or list it in content/claims/draft.yaml (\`passage: p1\`, its \`quote\`, and a disposition: a note, a term, or \`none: "why"\`)."
    `);
  });
});
