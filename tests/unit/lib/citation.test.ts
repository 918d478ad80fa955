import { describe, expect, it } from 'vitest';
import { apa, bibtex, chicago, chicagoDate, cslJson, ris, type Citable } from '../../../src/lib/citation.ts';
import { citableFromCsl, cslFileSchema, parseBibtex, parseRis } from '../../helpers/citation-formats.ts';

const edition = { title: 'Borderlines', editors: 'Borderlines editors' };
const url = 'https://example.org/articles/russian-bombers-fly-over-belarus/';

const text: Citable = {
  kind: 'text',
  key: 'borderlines:russian-bombers-fly-over-belarus',
  original: { authors: ['Vladimir Isachenkov'], outlets: ['Associated Press'], title: 'Russian bombers fly over Belarus', dates: ['2022-02-05'] },
  date: '2026-11-22',
  url,
};
const anonymous: Citable = {
  kind: 'text',
  key: 'borderlines:nato-ratchets',
  original: { authors: [], outlets: ['World Socialist Web Site'], title: 'NATO ratchets up anti-Russian offensive in Poland and Ukraine', dates: ['2021-11-13'] },
  date: '2026-11-22',
  url: 'https://example.org/articles/nato-ratchets/',
};
const passage: Citable = {
  kind: 'passage',
  key: 'borderlines:mock:kremlin-lashed-out-us-nato',
  original: { authors: ['Tyler Durden'], outlets: ['ZeroHedge'], title: 'Kremlin Says NATO Jets Engaged In “Mock Missile Strikes” Against Russia', dates: ['2020-09-08'] },
  date: '2026-12-03',
  url: 'https://example.org/articles/mock/#kremlin-lashed-out-us-nato',
};
const note: Citable = {
  kind: 'note',
  key: 'borderlines:russian-bombers-fly-over-belarus:note-belarus-nuclear-offer-2021',
  label: 'What happened next',
  exact: 'recently offered to host Russian nuclear weapons',
  textTitle: 'Russian bombers fly over Belarus',
  added: '2026-11-22',
  updated: '2026-12-03',
  url: `${url}#note-belarus-nuclear-offer-2021`,
};

describe('Chicago and APA forms', () => {
  it('cite a text as the original reprinted in the edition, in Chicago', () => {
    expect(chicago(text, edition).text).toBe(
      `Isachenkov, Vladimir. “Russian bombers fly over Belarus.” In Borderlines, edited by Borderlines editors, November 22, 2026. ${url}. Originally published by Associated Press, February 5, 2022.`,
    );
  });

  it('cite a text as a republished work with the original year, in APA, the edition in italics', () => {
    const form = apa(text, edition);
    expect(form.text).toBe(`Isachenkov, V. (2026, November 22). Russian bombers fly over Belarus. In Borderlines editors (Eds.), Borderlines. ${url} (Original work published 2022)`);
    expect(form.html).toContain('(Eds.), <i>Borderlines</i>.');
  });

  it('give a double given name its two initials in APA, and pass over an empty part rather than fail', () => {
    const named = (name: string) => apa({ ...text, original: { ...text.original, authors: [name] } } as Citable, edition).text;
    expect(named('Jean-Paul Marie Isachenkov')).toMatch(/^Isachenkov, J\.-P\. M\. \(2026/);
    expect(named('Jean- Paul Isachenkov')).toMatch(/^Isachenkov, J\. P\. \(2026/);
  });

  it('begin with the title in Chicago and with the principal outlet as group author in APA when the text has no author', () => {
    expect(chicago(anonymous, edition).text).toMatch(/^“NATO ratchets up anti-Russian offensive in Poland and Ukraine\.” In Borderlines, .* Originally published by World Socialist Web Site, November 13, 2021\.$/);
    expect(apa({ ...anonymous, original: { ...anonymous.original, outlets: ['World Socialist Web Site', 'Reuters'] } } as Citable, edition).text).toMatch(/^World Socialist Web Site\. \(2026, November 22\)\. NATO ratchets up .* \(Original work published 2021\)$/);
  });

  it('turn a title’s own quotation marks single inside Chicago’s, the period inside both', () => {
    expect(chicago(passage, edition).text).toContain('“Kremlin Says NATO Jets Engaged In ‘Mock Missile Strikes’ Against Russia.” In Borderlines');
    expect(chicago(passage, edition).text).toContain('#kremlin-lashed-out-us-nato. Originally published by ZeroHedge, September 8, 2020.');
  });

  it('cite a note as the editors’ work on a passage of a text, with its correction date', () => {
    expect(chicago(note, edition).text).toBe(
      `Borderlines editors. “What happened next: ‘recently offered to host Russian nuclear weapons.’” Note to “Russian bombers fly over Belarus.” Borderlines, November 22, 2026, last modified December 3, 2026. ${url}#note-belarus-nuclear-offer-2021.`,
    );
    const form = apa(note, edition);
    expect(form.text).toBe(
      `Borderlines editors. (2026, December 3). What happened next: “recently offered to host Russian nuclear weapons” [Note on “Russian bombers fly over Belarus”]. Borderlines. ${url}#note-belarus-nuclear-offer-2021`,
    );
    expect(form.html).toContain('<i>What happened next: “recently offered to host Russian nuclear weapons”</i> [Note');
  });

  it('write a span of dates with an en dash, as short as it can be said', () => {
    expect(chicagoDate(['2020-09-08', '2020-09-01'])).toBe('September 1–8, 2020');
    expect(chicagoDate(['2020-05-14', '2020-07-13'])).toBe('May 14–July 13, 2020');
    expect(chicagoDate(['2021-12-30', '2022-01-02'])).toBe('December 30, 2021–January 2, 2022');
  });

  it('escape HTML in the shown form', () => {
    const hostile: Citable = { ...anonymous, original: { ...anonymous.original, title: 'A <b>bold</b> & “quoted” title' } } as Citable;
    expect(chicago(hostile, edition).html).toContain('A &lt;b&gt;bold&lt;/b&gt; &amp; ‘quoted’ title');
  });
});

describe('the citation files', () => {
  const items = [text, anonymous, passage, note];

  it('BibTeX parses, one entry per item, keys as given, braces in titles escaped', () => {
    const withBraces = { ...anonymous, key: 'borderlines:braces', original: { ...anonymous.original, title: 'Odd {title} 100% #1' } } as Citable;
    const entries = parseBibtex(bibtex([...items, withBraces], edition, '2026-12-03'));
    expect(entries.map((entry) => entry.key)).toEqual([...items.map((item) => item.key), 'borderlines:braces']);
    expect(entries[0]!.fields['author']).toBe('Isachenkov, Vladimir');
    expect(entries[0]!.fields['month']).toBe('nov');
    expect(entries[1]!.fields['author']).toBe('{World Socialist Web Site}');
    expect(entries[4]!.fields['title']).toBe('{Odd \\{title\\} 100\\% \\#1}');
    for (const entry of entries) for (const field of ['title', 'url', 'year', 'editor', 'urldate']) expect(entry.fields[field], `${entry.key} ${field}`).toBeTruthy();
  });

  it('RIS has one TY … ER record per item with its required tags', () => {
    const records = parseRis(ris(items, edition, '2026-12-03'));
    expect(records).toHaveLength(items.length);
    for (const record of records) {
      const tags = record.tags.map(([tag]) => tag);
      expect(tags[0]).toBe('TY');
      expect(tags.at(-1)).toBe('ER');
      for (const tag of ['ID', 'TI', 'T2', 'PY', 'DA', 'UR', 'Y2']) expect(tags, tag).toContain(tag);
    }
    expect(records[0]!.tags).toContainEqual(['AU', 'Isachenkov, Vladimir']);
    expect(records[3]!.tags).toContainEqual(['DA', '2026/12/03']);
  });

  it('CSL-JSON validates against the CSL input schema, with the original’s date and publisher', () => {
    const data = cslFileSchema.parse(JSON.parse(cslJson(items, edition, '2026-12-03')));
    expect(data[0]!['original-date']).toEqual({ 'date-parts': [[2022, 2, 5]] });
    expect(data[0]!['original-publisher']).toBe('Associated Press');
    expect(data[0]!.author).toEqual([{ family: 'Isachenkov', given: 'Vladimir' }]);
    expect(data[3]!.issued).toEqual({ 'date-parts': [[2026, 12, 3]] });
    expect(citableFromCsl(data[2]!)).toEqual({ ...passage, opening: undefined });
    expect(chicago(citableFromCsl(data[0]!), edition)).toEqual(chicago(text, edition));
  });
});
