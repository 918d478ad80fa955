import { describe, expect, it } from 'vitest';
import {
  categoryOf,
  countSources,
  domainOf,
  formatApparatusReport,
  inventoryOf,
  linesOfUrls,
  noteSources,
  parseSourceCategories,
  sectionsOf,
  termSources,
  unlabelledSources,
  unverifiedSources,
  type ReportPassage,
} from '../../../src/lib/apparatus-report.ts';

const p = (id: string, text: string, line: number): ReportPassage => ({ id, kind: 'paragraph', text, line });
const h = (id: string, text: string, line: number, depth = 2): ReportPassage => ({ id, kind: 'heading', depth, text, line });

describe('the apparatus report', () => {
  it('splits a text into its h2 sections and counts notes per 1,000 words in each', () => {
    const passages = [p('intro', 'One two three four five.', 1), h('a', 'First piece', 3), p('a1', 'Six seven eight nine ten.', 5), h('a-sub', 'A subheading', 6, 3), p('a2', 'Eleven twelve thirteen fourteen fifteen.', 7), h('b', 'Second piece', 9), p('b1', 'It cost 5 dollars, he said.', 11)];
    const sections = sectionsOf(passages, [{ passage: 'a1' }, { passage: 'a2' }]);
    expect(sections.map((s) => [s.title, s.words, s.notes, s.density, s.checkable])).toEqual([
      ['(opening)', 5, 0, 0, false],
      ['First piece', 10, 2, 200, false],
      ['Second piece', 6, 0, 0, true],
    ]);
  });

  it('treats a text without h2 headings as one section', () => {
    const sections = sectionsOf([p('a', 'He said “no” to 3 of them.', 1), p('b', 'Then more words here.', 3)], [{ passage: 'b' }]);
    expect(sections).toEqual([{ title: '(whole text)', line: 1, words: 11, notes: 1, density: 90.9, checkable: true, examined: 0 }]);
  });

  it('flags a section with figures and no note only when no claim of it is examined elsewhere', () => {
    const passages = [h('a', 'First piece', 1), p('a1', 'In 2020 it had 35 members.', 3), p('a2', 'He noted it.', 4), h('b', 'Second piece', 6), p('b1', 'It cost 5 dollars.', 8)];
    const claims = [
      { id: 'members', line: 2, passage: 'a1', disposition: { note: 'members-note' } },
      { id: 'cost', line: 7, passage: 'b1', disposition: { none: 'the text’s own figure, not checkable' } },
    ];
    const sections = sectionsOf(passages, [{ passage: 'a2' }], claims);
    expect(sections.map((s) => [s.title, s.notes, s.examined])).toEqual([['First piece', 1, 1], ['Second piece', 0, 0]]);
    const report = formatApparatusReport([{ slug: 't', file: 'content/articles/t.mdx', sections: sectionsOf(passages, [{ passage: 'b1' }], claims) }], undefined, 'content/source-categories.yaml');
    expect(report).toMatch(/\n   → First piece +\d+ +0 /);
    expect(report).not.toMatch(/\n   ✗/);
    const unexamined = formatApparatusReport([{ slug: 't', file: 'content/articles/t.mdx', sections: sectionsOf(passages, [{ passage: 'a2' }], claims) }], undefined, 'content/source-categories.yaml');
    expect(unexamined).toMatch(/\n   ✗ Second piece /);
  });

  it('finds quotations by their marks, not by apostrophes', () => {
    expect(sectionsOf([p('a', 'Russia’s army and NATO’s plans.', 1)], [])[0]!.checkable).toBe(false);
    expect(sectionsOf([p('a', 'He called it ‘mock strikes’ then.', 1)], [])[0]!.checkable).toBe(true);
  });

  it('lists inventory claims not yet examined or without a disposition', () => {
    const summary = inventoryOf([
      { id: 'a', line: 4, disposition: { note: 'n' } },
      { id: 'b', line: 9, disposition: { term: 't' } },
      { id: 'c', line: 14, disposition: { none: 'Not yet examined: the figure should be sourced.' } },
      { id: 'd', line: 19, disposition: { none: 'A quotation the text attributes correctly.' } },
      { id: 'e', line: 24 },
    ]);
    expect(summary).toEqual({ claims: 5, note: 1, term: 1, none: 2, open: [{ id: 'c', line: 14, why: 'not yet examined' }, { id: 'e', line: 24, why: 'no disposition' }] });
  });

  it('files a URL under its domain, its parent domain, or the page a Wayback copy keeps', () => {
    expect(domainOf('https://www.Reuters.com:443/world/x')).toBe('reuters.com');
    expect(domainOf('https://web.archive.org/web/20200101000000/https://www.nato.int/cps/en/x.htm')).toBe('nato.int');
    expect(domainOf('http://web.archive.org/web/20011110151021/http:/www.nato.int/docu/x.htm')).toBe('nato.int');
    const table = { 'kremlin.ru': { category: 'primary' as const, reason: 'Russian presidency' }, 'tass.com': { category: 'state-media' as const, reason: 'Russian state news agency' } };
    expect(categoryOf('http://en.special.kremlin.ru/supplement/3506', table)).toEqual({ domain: 'kremlin.ru', category: 'primary' });
    expect(categoryOf('https://tass.com/politics/1', table)?.category).toBe('state-media');
    expect(categoryOf('https://example.org/x', table)).toBeUndefined();
  });

  it('finds the line of each source, twice when a note cites a URL twice', () => {
    const text = ['<Note id="a">', '<Source title="X" url="https://x.org/1" />', '</Note>', '<Note id="b">', '<Source title="X" url="https://x.org/1" />', '<Source title="X again" url="https://x.org/1" />'].join('\n');
    expect(linesOfUrls(text, ['https://x.org/1', 'https://x.org/1'], 4)).toEqual([5, 6]);
    const sources = noteSources('content/articles/t.mdx', 't', text, [{ id: 'a', passage: 'p', line: 1, sources: [{ url: 'https://x.org/1', title: 'X', verified: '2026-12-03' }] }]);
    expect(sources).toEqual([{ file: 'content/articles/t.mdx', where: 't', line: 2, url: 'https://x.org/1', title: 'X', verified: '2026-12-03' }]);
  });

  it('fails on every source without a date of verification, at its line, with the fix', () => {
    const text = ['---', 'sources:', '  - title: A page', '    url: https://a.org/1', '    verified: 2026-12-03', '  - title: B page', '    url: https://b.org/2', '---'].join('\n');
    const sources = termSources('content/glossary/t.md', text, { sources: [{ title: 'A page', url: 'https://a.org/1', verified: new Date('2026-12-03') }, { title: 'B page', url: 'https://b.org/2' }] });
    expect(sources.map((s) => [s.line, s.verified])).toEqual([[4, '2026-12-03'], [7, undefined]]);
    expect(unverifiedSources(sources)).toMatchInlineSnapshot(`
      [
        {
          "column": 1,
          "file": "content/glossary/t.md",
          "fix": "open the page; if it says what the entry says, give it its real title and add \`verified: YYYY-MM-DD\` (the day you opened it) under its url; if not, replace it with a page that does.",
          "line": 7,
          "reason": "the source https://b.org/2 (“B page”) has no date of verification",
          "ruleId": "source-unverified",
        },
      ]
    `);
  });

  it('counts citations by category and names each unknown domain once, with the fix', () => {
    const table = { 'nato.int': { category: 'primary' as const, reason: 'NATO' } };
    const cite = (url: string, verified?: string) => ({ file: 'content/articles/t.mdx', line: 3, where: 't', url, title: 'T', verified });
    const counts = countSources([cite('https://www.nato.int/a', '2026-12-03'), cite('https://blog.example/a'), cite('https://blog.example/b', '2026-12-03')], table);
    expect(counts.rows[0]).toMatchObject({ where: 't', total: 3, unclassified: 2, unverified: 1, byCategory: { primary: 1, press: 0 } });
    expect([...counts.unknownDomains.keys()]).toEqual(['blog.example']);
    const report = formatApparatusReport([{ slug: 't', file: 'content/articles/t.mdx', sections: sectionsOf([p('a', 'In 2020 it grew.', 1)], []) }], counts, 'content/source-categories.yaml');
    expect(report).toContain('✗ the whole text has figures or quotations and no note');
    expect(report).toContain('no inventory: add content/claims/t.yaml');
    expect(report).toContain('unclassified: blog.example (content/articles/t.mdx:3)\n    Fix: add `blog.example: { category: <primary|press|specialist|state-media|reference|weak>, reason: "<what the site is>" }` to content/source-categories.yaml.');
  });

  it('refuses a domain table entry with an unknown category or a www. domain, at its line', () => {
    const file = 'content/source-categories.yaml';
    const wrongCategory = parseSourceCategories('reuters.com: { category: press, reason: "News agency" }\ntass.com: { category: state, reason: "Russian state news agency" }\n', file).problems;
    expect(wrongCategory.map((problem) => [problem.line, problem.ruleId, problem.reason.slice(0, 11)])).toEqual([[2, 'source-categories', '`tass.com`:']]);
    const wrongDomain = parseSourceCategories('reuters.com: { category: press, reason: "News agency" }\n\nwww.tass.com: { category: state-media, reason: "Russian state news agency" }\n', file).problems;
    expect(wrongDomain.map((problem) => [problem.line, problem.ruleId])).toEqual([[3, 'source-categories']]);
    expect(parseSourceCategories('reuters.com: { category: press, reason: "News agency" }\n', 'f').table).toEqual({ 'reuters.com': { category: 'press', reason: 'News agency' } });
  });

  it('asks every citation of a labelled domain, and of state media, to say so in its title, on every side alike', () => {
    const table = parseSourceCategories(
      ['tass.com: { category: state-media, reason: "Russian state news agency" }', 'rferl.org: { category: press, reason: "RFE/RL", label: "US government-funded" }', 'reuters.com: { category: press, reason: "News agency" }'].join('\n'),
      'content/source-categories.yaml',
    ).table;
    const cite = (url: string, title: string, line: number) => ({ file: 'content/articles/t.mdx', line, where: 't', url, title, verified: '2026-12-06' });
    const problems = unlabelledSources(
      [
        cite('https://tass.com/politics/1', 'Lavrov on the treaty (TASS, Russian state news agency)', 3),
        cite('https://tass.com/politics/2', 'Lavrov on the treaty (TASS)', 4),
        cite('https://www.rferl.org/a/1', 'Thousands rally in Kharkiv (RFE/RL)', 5),
        cite('https://www.rferl.org/a/2', 'Thousands rally in Kharkiv (RFE/RL, US Government-funded)', 6),
        cite('https://www.reuters.com/a', 'A report (Reuters)', 7),
      ],
      table,
    );
    expect(problems.map((problem) => [problem.line, problem.ruleId])).toEqual([[4, 'source-label'], [5, 'source-label']]);
    expect(problems[0]!.reason).toContain('does not say that its outlet is state media, as content/source-categories.yaml asks of tass.com');
    expect(problems[1]!.reason).toContain('does not say “US government-funded”');
    expect(problems[1]!.fix).toBe('add it to the outlet\'s name in the <Source>\'s title, e.g. “(Outlet, US government-funded)”.');
  });
});
