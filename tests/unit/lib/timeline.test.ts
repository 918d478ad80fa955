/**
 * The timeline's pure logic: events from the notes' records, the glossary and the texts' dates;
 * when each text first said an event; the check of the events file and of the ledger.
 */
import { describe, expect, it } from 'vitest';
import { buildTimeline, byYear, retiredAnchors, checkTimeline, figuresNotInNotes, eventsByTerm, eventsByText, firstSaid, formatPartialDate, mostEvents, movedAnchors, passageDate, sheetTitle, timelineLayout, updatedLedger, type RecordedEvent, type TimelineArticle } from '../../../src/lib/timeline.ts';
import { timelineEventsSchema, timelineLedgerSchema } from '../../../src/schemas/timeline.ts';
import { readFrontmatter } from '../../../src/compiler/frontmatter.ts';
import { formatProblem } from '../../../src/compiler/problems.ts';

const compilation: TimelineArticle = {
  slug: 'compilation',
  title: 'A compilation',
  dates: ['2020-05-14', '2020-05-22'],
  passages: [
    { id: 'intro', kind: 'paragraph', text: 'Intro' },
    { id: 'piece-one', kind: 'heading', text: 'Open Skies talks' },
    { id: 'open-skies-quit', kind: 'paragraph', text: 'Washington would pull out.' },
    { id: 'piece-two', kind: 'heading', text: 'Exercises resume' },
    { id: 'crimea-2014', kind: 'paragraph', text: 'Since Crimea in 2014…' },
  ],
  sections: [
    { heading: 'piece-one', date: '2020-05-22', dateline: 'May 22, 2020 -' },
    { heading: 'piece-two', date: '2020-05-14' },
  ],
  notes: [{ id: 'open-skies-note', passage: 'open-skies-quit' }],
};

const report: TimelineArticle = {
  slug: 'report',
  title: 'A report',
  dates: ['2022-02-05'],
  passages: [{ id: 'crimea-again', kind: 'paragraph', text: 'In 2014 Russia annexed Crimea.' }],
  sections: [],
  notes: [{ id: 'crimea-note', passage: 'crimea-again' }],
};

const recorded = (event: Partial<RecordedEvent> & Pick<RecordedEvent, 'id' | 'date'>): RecordedEvent => ({ label: 'Something happens', notes: [], passages: [], terms: [], formerly: [], line: 1, ...event });

const crimea = recorded({ id: 'crimea-annexed', date: '2014-03-18', label: 'Russia formally annexes Crimea', notes: ['crimea-note'], passages: ['report#crimea-again', 'compilation#crimea-2014'], terms: ['crimea'], line: 7 });
const input = {
  recorded: [crimea, recorded({ id: 'us-notice', date: '2020-05-22', notes: ['open-skies-note'], passages: ['compilation#open-skies-quit'], line: 12 })],
  terms: [
    { id: 'crimea', term: 'Crimea annexation', dates: [{ date: '2014-03-18', event: 'Russia formally annexes Crimea' }, { date: '2014-03-16', event: 'Referendum in Crimea' }] },
    { id: 'nato', term: 'NATO', dates: [{ date: '1949-04-04', event: 'Treaty signed' }, { date: '2020', event: 'North Macedonia joins' }] },
  ],
  articles: [compilation, report],
};

describe('timeline', () => {
  it('dates a passage by the piece of the compilation that holds it, or by the text’s first date', () => {
    expect(passageDate(compilation, 'open-skies-quit')).toBe('2020-05-22');
    expect(passageDate(compilation, 'crimea-2014')).toBe('2020-05-14');
    expect(passageDate(compilation, 'intro')).toBe('2020-05-14');
    expect(passageDate(report, 'crimea-again')).toBe('2022-02-05');
    expect(passageDate(report, 'nowhere')).toBeUndefined();
    // A piece's lead pasted above its heading is dated as that piece, not as the one before it.
    const led: TimelineArticle = { ...compilation, sections: [compilation.sections[0]!, { ...compilation.sections[1]!, lead: 'open-skies-quit', date: '2020-06-01' }] };
    expect(passageDate(led, 'open-skies-quit')).toBe('2020-06-01');
    expect(passageDate(led, 'piece-two')).toBe('2020-06-01');
    expect(passageDate(led, 'piece-one')).toBe('2020-05-22');
    expect(passageDate(led, 'intro')).toBe('2020-05-14');
  });

  it('says when each text first said an event, earliest text first', () => {
    const [event] = buildTimeline(input).filter((e) => e.id === 'crimea-annexed');
    expect(event!.said.map((said) => [said.slug, said.date])).toEqual([
      ['compilation', '2020-05-14'],
      ['report', '2022-02-05'],
    ]);
    expect(firstSaid([{ slug: 'a', passage: 'x', date: '2021-01-02' }, { slug: 'a', passage: 'y', date: '2020-01-01' }])).toEqual([{ slug: 'a', passage: 'y', date: '2020-01-01' }]);
  });

  it('puts the notes’ events, the glossary’s dates and the texts’ dates on one axis, a year before its days', () => {
    const events = buildTimeline(input);
    expect(events.map((event) => [event.date, event.origin, event.id])).toEqual([
      ['1949-04-04', 'glossary', 'term-nato-1949-04-04'],
      ['2014-03-16', 'glossary', 'term-crimea-2014-03-16'],
      ['2014-03-18', 'recorded', 'crimea-annexed'],
      ['2020', 'glossary', 'term-nato-2020'],
      ['2020-05-14', 'text', 'text-compilation-piece-two'],
      ['2020-05-22', 'text', 'text-compilation-piece-one'],
      ['2020-05-22', 'recorded', 'us-notice'],
      ['2022-02-05', 'text', 'text-report-2022-02-05'],
    ]);
    // A glossary date is named by its term, since the entry's wording leaves it out.
    expect(events[0]!.label).toBe('NATO: Treaty signed');
    // A piece of a compilation is its heading, with its dateline.
    expect(events[5]).toMatchObject({ label: 'Open Skies talks', text: { slug: 'compilation', passage: 'piece-one', dateline: 'May 22, 2020 -' } });
  });

  it('merges a glossary date into the recorded event of the same term and day, and keeps its id as an anchor', () => {
    const events = buildTimeline(input);
    const event = events.find((e) => e.id === 'crimea-annexed')!;
    expect(event.glossary).toEqual([{ term: 'crimea', event: 'Russia formally annexes Crimea' }]);
    expect(event.formerly).toEqual(['term-crimea-2014-03-18']);
    expect(events.some((e) => e.id === 'term-crimea-2014-03-18')).toBe(false);
  });

  it('joins into one line the glossary dates of one event that several entries give, under the entries’ own words', () => {
    const same = recorded({ id: 'missiles-moved', date: '2016-10', label: 'Missiles are moved', terms: ['crimea', 'nato'] });
    const terms = [
      { id: 'crimea', term: 'Crimea', dates: [{ date: '2016-10', event: 'Missiles moved there' }] },
      { id: 'nato', term: 'NATO', dates: [{ date: '2016-10', event: 'Russia moves missiles' }] },
    ];
    const events = buildTimeline({ recorded: [same], terms, articles: [] });
    // Before the join, the axis showed the one event twice, once per entry.
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ id: 'missiles-moved', origin: 'glossary', label: 'Missiles are moved', formerly: ['term-crimea-2016-10', 'term-nato-2016-10'] });
    expect(events[0]!.glossary).toEqual([
      { term: 'crimea', event: 'Missiles moved there' },
      { term: 'nato', event: 'Russia moves missiles' },
    ]);
  });

  it('filters by text, term and year', () => {
    const events = buildTimeline(input);
    expect(eventsByText(events).get('report')!.map((e) => e.id)).toEqual(['crimea-annexed', 'text-report-2022-02-05']);
    expect(eventsByTerm(events).get('crimea')!.map((e) => e.id)).toEqual(['term-crimea-2014-03-16', 'crimea-annexed']);
    expect(byYear(events).map(({ year, events: list }) => [year, list.length])).toEqual([
      ['1949', 1],
      ['2014', 2],
      ['2020', 4],
      ['2022', 1],
    ]);
  });

  it('writes a partial date as precisely as it is given', () => {
    expect(formatPartialDate('2020-05-22')).toBe('22 May 2020');
    expect(formatPartialDate('2020-05')).toBe('May 2020');
    expect(formatPartialDate('1918')).toBe('1918');
  });
});

describe('the timeline check', () => {
  const world = {
    notes: new Map([['crimea-note', 'report'], ['open-skies-note', 'compilation']]),
    passages: new Set(['report#crimea-again', 'compilation#open-skies-quit', 'compilation#crimea-2014']),
    terms: new Set(['crimea', 'nato']),
    derived: new Set(['term-nato-2020']),
  };
  const noLedger = { file: 'content/timeline/published.yaml', ids: new Map() };

  it('passes the edition as it stands', () => {
    expect(checkTimeline(input.recorded, world, noLedger)).toEqual([]);
  });

  it('names the file, the line, the missing note, passage or term, the nearest name and the fix', () => {
    const bad = recorded({ id: 'bad', date: '2020', notes: ['crimea-notes'], passages: ['report#crimea-agian'], terms: ['natoo'], line: 31 });
    const problems = checkTimeline([bad], world, noLedger);
    expect(problems.map((p) => [p.file, p.line, p.ruleId])).toEqual([
      ['content/timeline/events.yaml', 31, 'timeline-unknown-note'],
      ['content/timeline/events.yaml', 31, 'timeline-unknown-passage'],
      ['content/timeline/events.yaml', 31, 'timeline-unknown-term'],
    ]);
    expect(problems[0]!.reason).toBe('event `bad` names the note `crimea-notes`, which no text has. Did you mean `crimea-note`?');
    expect(problems[1]!.reason).toContain('Did you mean `report#crimea-again`?');
    expect(problems[2]!.reason).toContain('Did you mean `nato`?');
    expect(problems.every((p) => p.fix.length > 10)).toBe(true);
  });

  it('refuses an event with no note or passage whose terms do not all date it, on the term, with the fix', () => {
    const same = recorded({ id: 'missiles-moved', date: '2014-03-18', terms: ['crimea', 'nato'], line: 50, places: { 'terms:nato': { line: 53, column: 21 } } });
    const events = buildTimeline({ ...input, recorded: [same] });
    const problems = checkTimeline([same], world, noLedger, undefined, events);
    expect(problems).toMatchObject([{ file: 'content/timeline/events.yaml', line: 53, column: 21, ruleId: 'timeline-joins-nothing' }]);
    expect(problems[0]!.reason).toBe("event `missiles-moved` names no note or passage, so it stands for the glossary's dates of its terms, but `nato` gives no date 2014-03-18 in `dates:`");
    expect(problems[0]!.fix).toContain('`2014-03-18`');
    // With a note, the terms need not date it.
    expect(checkTimeline([{ ...same, notes: ['crimea-note'] }], world, noLedger, undefined, buildTimeline({ ...input, recorded: [{ ...same, notes: ['crimea-note'] }] }))).toEqual([]);
  });

  it('gives a glossary date to the event a note states, wherever a joining entry is in the file, and says so of the joining entry', () => {
    const joining = recorded({ id: 'annexation-again', date: '2014-03-18', terms: ['crimea', 'nato'], line: 3 });
    const terms = [...input.terms, { id: 'nato', term: 'NATO', dates: [{ date: '2014-03-18', event: 'Allies condemn the annexation' }] }];
    // Above the note's event in the file, as below it: before, the entry last in the file took the date.
    for (const order of [[joining, crimea], [crimea, joining]]) {
      const events = buildTimeline({ ...input, terms, recorded: order });
      expect(events.find((event) => event.id === 'crimea-annexed')!.glossary.map((item) => item.term)).toEqual(['crimea']);
      const problems = checkTimeline(order, { ...world, derived: new Set() }, noLedger, undefined, events);
      expect(problems).toMatchObject([{ line: 3, ruleId: 'timeline-joins-nothing' }]);
      expect(problems[0]!.reason).toContain('but the event `crimea-annexed` (line 7) shows them already: the timeline would show one event twice');
      expect(problems[0]!.fix).toBe('remove `annexation-again`, or put the terms it names that `crimea-annexed` lacks in that event\'s `terms:`.');
    }
  });

  it('gives the date its terms give when a joining entry writes it at another precision', () => {
    const terms = [
      { id: 'crimea', term: 'Crimea', dates: [{ date: '2016-10', event: 'Missiles moved there' }] },
      { id: 'nato', term: 'NATO', dates: [{ date: '2016-10', event: 'Russia moves missiles' }] },
    ];
    const same = recorded({ id: 'missiles-moved', date: '2016-10-08', terms: ['crimea', 'nato'], line: 9 });
    const problems = checkTimeline([same], world, noLedger, undefined, buildTimeline({ recorded: [same], terms, articles: [] }));
    expect(problems[0]!.reason).toContain('give no date 2016-10-08 in `dates:` (in 2016, `crimea` gives 2016-10; `nato` gives 2016-10)');
    expect(problems[0]!.fix).toBe("write the event's date as its terms' `dates:` give it: `date: 2016-10`.");
  });

  it('joins a glossary date of the same event given at another precision by its id, taking the more precise date', () => {
    const made = recorded({ id: 'minister', date: '2012', notes: ['crimea-note'], terms: ['crimea'], joins: ['term-nato-2012-11-06'] });
    const terms = [{ id: 'nato', term: 'NATO', dates: [{ date: '2012-11-06', event: 'Appointed' }, { date: '2013', event: 'Something else' }] }];
    const events = buildTimeline({ recorded: [made], terms, articles: [] });
    // Before, the one appointment was two lines: “2012 · …” and “6 November 2012 · NATO: Appointed”.
    expect(events.map((event) => event.id)).toEqual(['minister', 'term-nato-2013']);
    expect(events[0]).toMatchObject({ date: '2012-11-06', year: '2012', terms: ['crimea', 'nato'], glossary: [{ term: 'nato', event: 'Appointed' }], formerly: ['term-nato-2012-11-06'] });
    // A join that is no glossary date, or a date of another time, is refused on its line.
    const wrong = { ...made, joins: ['term-nato-2012-11-07', 'term-nato-2013'], places: { 'joins:term-nato-2012-11-07': { line: 4, column: 11 } } };
    const problems = checkTimeline([wrong], world, noLedger, undefined, buildTimeline({ recorded: [wrong], terms, articles: [] }));
    expect(problems.map((problem) => [problem.line, problem.ruleId])).toEqual([[4, 'timeline-unknown-join'], [1, 'timeline-unknown-join']]);
    expect(problems[0]!.reason).toBe('event `minister` joins `term-nato-2012-11-07`, which no glossary date is. Did you mean `term-nato-2012-11-06`?');
    expect(problems[1]!.reason).toBe('event `minister` (2012) joins `term-nato-2013`, a date of another time (2013): only the same event, given at another precision, is joined');
  });

  it('refuses an id used twice', () => {
    const problems = checkTimeline([crimea, { ...crimea, line: 40 }], world, noLedger);
    expect(problems).toMatchObject([{ line: 40, ruleId: 'timeline-duplicate-id', reason: 'the event id `crimea-annexed` is used twice (first at line 7)' }]);
  });

  it('asks for a published id back when it is gone and another id is used twice, rather than to join the two events', () => {
    const ledger = { file: 'content/timeline/published.yaml', ids: new Map([['crimea-annexation', { year: '2014', line: 3 }]]) };
    const problems = checkTimeline([crimea, { ...crimea, line: 40 }], world, ledger);
    const gone = problems.find((problem) => problem.ruleId === 'timeline-published-id-gone')!;
    expect(gone.reason).toBe('the event `crimea-annexation` was published on the timeline and no event has that id now, while 2 events have the id `crimea-annexed` (content/timeline/events.yaml, lines 7 and 40)');
    expect(gone.fix).toMatch(/^one of those 2 is most likely this event, its id changed: give it back `id: crimea-annexation`\./);
    expect(gone.reason + gone.fix).not.toContain('Did you mean');
    // Used three times: counted as it is.
    const thrice = checkTimeline([crimea, { ...crimea, line: 40 }, { ...crimea, line: 60 }], world, ledger).find((problem) => problem.ruleId === 'timeline-published-id-gone')!;
    expect(thrice.reason).toContain('while 3 events have the id `crimea-annexed` (content/timeline/events.yaml, lines 7, 40 and 60)');
  });

  it('fails when a published event id disappears, unless an event keeps it in `formerly`', () => {
    const ledger = { file: 'content/timeline/published.yaml', ids: new Map([['crimea-annexation', { year: '2014', line: 3 }]]) };
    expect(checkTimeline([crimea], world, ledger)).toMatchObject([{ file: 'content/timeline/published.yaml', line: 3, ruleId: 'timeline-published-id-gone' }]);
    expect(checkTimeline([{ ...crimea, formerly: ['crimea-annexation'] }], world, ledger)).toEqual([]);
    // A former id that an event holds now would give two events one address.
    expect(checkTimeline([{ ...crimea, formerly: ['term-nato-2020'] }], world, noLedger)).toMatchObject([{ line: 7, ruleId: 'timeline-formerly-in-use' }]);
  });

  it('keeps the anchor of an event that moved to another year on the page it was published on', () => {
    const events = buildTimeline(input);
    const ledger = updatedLedger({}, events);
    expect(ledger['crimea-annexed']).toBe('2014');
    // Corrected to a date of another year: the 2014 page keeps the anchor and points to 2015.
    const moved = buildTimeline({ ...input, recorded: [{ ...crimea, date: '2015-03-18' }] });
    expect(movedAnchors('2014', ledger, moved).map(({ id, to }) => [id, to.year])).toEqual([['crimea-annexed', '2015']]);
    expect(movedAnchors('2015', ledger, moved)).toEqual([]);
    // The ledger only grows: a year recorded stays.
    expect(updatedLedger(ledger, moved)['crimea-annexed']).toBe('2014');
  });
});

describe('an event\'s figures and its notes', () => {
  const event = (label: string, notes = ['n']) => ({ id: 'x', label, notes, line: 7 });
  const notes = new Map([['n', 'On 11 November 2021 the ministry said it had sent a Su-30 fighter; more than 12,000 soldiers were at the border.']]);

  it('passes an event whose figures the note states, thousands separators and model numbers included', () => {
    expect(figuresNotInNotes(event('On 11 November 2021 a Su-30 is sent; 12000 soldiers'), notes, 'events.yaml')).toEqual([]);
    expect(figuresNotInNotes(event('Any label with 99', []), notes, 'events.yaml')).toEqual([]);
  });

  it('names a figure no note states any longer, at the event, with the fix', () => {
    const [problem] = figuresNotInNotes(event('The fighter approached within 30 km; 20,000 soldiers'), notes, 'content/timeline/events.yaml');
    expect(formatProblem(problem!)).toBe(
      'content/timeline/events.yaml:7:1: event `x` says 30, 20,000, which its note `n` does not say [timeline-figure]\n' +
        '    Fix: make the label say what the note says now (a note corrected since the event was written?), or name the note that states the figure.',
    );
    // 1 is not found inside 11 or 2021, nor 2 inside 12,000.
    expect(figuresNotInNotes(event('In 1 day, 2 ships'), notes, 'e')[0]?.reason).toBe('event `x` says 1, 2, which its note `n` does not say');
  });
});

describe('events made from the glossary and the texts', () => {
  it('keeps the anchor of a corrected glossary date on its year page, pointing to its entry, without an error', () => {
    const events = buildTimeline(input);
    const ledger = updatedLedger({}, events);
    const corrected = buildTimeline({ ...input, terms: [input.terms[0]!, { ...input.terms[1]!, dates: [{ date: '1949-04-05', event: 'Treaty signed' }] }] });
    expect(retiredAnchors('1949', ledger, corrected, ['crimea', 'nato'], ['compilation', 'report'])).toEqual([{ id: 'term-nato-1949-04-04', term: 'nato' }]);
    const world = { notes: new Map([['crimea-note', 'report'], ['open-skies-note', 'compilation']]), passages: new Set(['report#crimea-again', 'compilation#open-skies-quit', 'compilation#crimea-2014']), terms: new Set(['crimea', 'nato']), derived: new Set(corrected.filter((e) => e.origin !== 'recorded').map((e) => e.id)) };
    const ids = new Map(Object.entries(ledger).map(([id, year]) => [id, { year, line: 1 }]));
    expect(checkTimeline(input.recorded, world, { file: 'content/timeline/published.yaml', ids }, undefined, corrected)).toEqual([]);
  });
});

describe('the timeline schema', () => {
  it('reads dates as YYYY, YYYY-MM or YYYY-MM-DD and refuses others, and derived id prefixes', () => {
    const ok = timelineEventsSchema.safeParse([{ id: 'a-thing', date: 1918, label: 'Something happened then', notes: ['n'] }]);
    expect(ok.success && ok.data[0]!.date).toBe('1918');
    expect(timelineEventsSchema.safeParse([{ id: 'a-thing', date: '2020-13', label: 'Something happened then', notes: ['n'] }]).success).toBe(false);
    expect(timelineEventsSchema.safeParse([{ id: 'term-thing', date: '2020', label: 'Something happened then', notes: ['n'] }]).success).toBe(false);
    expect(timelineEventsSchema.safeParse([{ id: 'a-thing', date: '2020', label: 'Something happened then' }]).success).toBe(false);
    // No note or passage: only as one event several glossary entries date, so two terms at least.
    expect(timelineEventsSchema.safeParse([{ id: 'a-thing', date: '2020', label: 'Something happened then', terms: ['t'] }]).success).toBe(false);
    expect(timelineEventsSchema.safeParse([{ id: 'a-thing', date: '2020', label: 'Something happened then', terms: ['t', 'u'] }]).success).toBe(true);
    expect(timelineEventsSchema.safeParse([{ id: 'a-thing', date: '2020', label: 'Something happened then', terms: ['t', 't'] }]).success).toBe(false);
    expect(timelineLedgerSchema.safeParse({ 'a-thing': 2020 }).success).toBe(true);
    // The page of a year cut into months.
    for (const page of ['2020-05', '2020-05-page-2', '2020-year']) expect(timelineLedgerSchema.safeParse({ 'a-thing': page }).success).toBe(true);
    for (const page of ['2020-13', '2020-05-page-0', '2020-05-02', 'May 2020']) expect(timelineLedgerSchema.safeParse({ 'a-thing': page }).success).toBe(false);
  });
});

describe('the events file', () => {
  it('refuses an event dated in the future, on its line, as it reads the file', () => {
    const today = new Date().toISOString().slice(0, 10);
    const source = '- id: a-thing\n  date: 2020-05\n  label: Something happened then\n  notes: [n]\n- id: another-thing\n  date: 2099-05\n  label: Something will happen then\n  notes: [n]\n';
    const read = readFrontmatter(source, 1, timelineEventsSchema, 'content/timeline/events.yaml');
    expect(read.problems.map(formatProblem)).toEqual([
      `content/timeline/events.yaml:6:9: \`another-thing › date\`: 2099-05 is later than today (${today}); write YYYY-MM-DD, YYYY-MM or YYYY, as the note states it [frontmatter-invalid]\n` +
        '    Fix: correct `another-thing › date` as the message says (the fields are described in src/schemas/).',
    ]);
  });
});

describe('the timeline cut into pages', () => {
  const event = (id: string, date: string) => ({ id, date, year: date.slice(0, 4), label: id, origin: 'recorded' as const, notes: [], passages: [], terms: [], glossary: [], said: [], texts: [], formerly: [] });
  const many = (prefix: string, date: string, count: number) => Array.from({ length: count }, (_, index) => event(`${prefix}-${index}`, date));

  it('keeps a year that fits on one page whole, at its own address', () => {
    const layout = timelineLayout([event('a', '2014'), event('b', '2014-03-18')], 3);
    expect(layout.years.map((year) => [year.year, year.split, year.sheets.map((sheet) => [sheet.key, sheet.path, sheet.events.length])])).toEqual([['2014', false, [['2014', 'timeline/2014/', 2]]]]);
    expect(layout.homeOf.get('b')).toBe('timeline/2014/');
  });

  it('cuts a year too long for a page into months, a month too long into numbered pages, and never puts more than the most on a page', () => {
    const events = [...many('whole', '2020', 2), ...many('may', '2020-05-22', 7), ...many('june', '2020-06', 1)];
    const layout = timelineLayout(events, 3);
    const [year] = layout.years;
    expect(year!.split).toBe(true);
    expect(year!.sheets.map((sheet) => [sheet.key, sheet.title, sheet.number, sheet.count, sheet.events.length])).toEqual([
      ['2020-year', '2020, no month given', 1, 1, 2],
      ['2020-05', 'May 2020', 1, 3, 3],
      ['2020-05-page-2', 'May 2020, page 2', 2, 3, 3],
      ['2020-05-page-3', 'May 2020, page 3', 3, 3, 1],
      ['2020-06', 'June 2020', 1, 1, 1],
    ]);
    expect(year!.months.map((month) => [month.title, month.count, month.path])).toEqual([
      ['2020, no month given', 2, 'timeline/2020-year/'],
      ['May 2020', 7, 'timeline/2020-05/'],
      ['June 2020', 1, 'timeline/2020-06/'],
    ]);
    expect(Math.max(...layout.years.flatMap((y) => y.sheets.map((sheet) => sheet.events.length)))).toBeLessThanOrEqual(3);
    // Every event has one home, and it is the page that lists it.
    expect(layout.homeOf.size).toBe(events.length);
    for (const y of layout.years) for (const sheet of y.sheets) for (const e of sheet.events) expect(layout.homeOf.get(e.id)).toBe(sheet.path);
    expect(layout.homeOf.get('may-6')).toBe('timeline/2020-05-page-3/');
  });

  it('records an event in the ledger under the page that lists it, and a page keeps a pointer for each id recorded on it that has left it', () => {
    const may = many('may', '2020-05-10', 4);
    const ledger = updatedLedger({ 'old-2020': '2020' }, [event('old-2020', '2020-06-01'), ...may, event('y', '1999')], 3);
    expect(ledger).toEqual({ 'old-2020': '2020', 'may-0': '2020-05', 'may-1': '2020-05', 'may-2': '2020-05', 'may-3': '2020-05-page-2', y: '1999' });
    // An earlier event of May pushes may-2 to the second page: its first page points on to it.
    const pushed = [event('may-earlier', '2020-05-01'), ...may, event('old-2020', '2020-06-01')];
    const listedOn = (key: string) => (e: { id: string }) => timelineLayout(pushed, 3).homeOf.get(e.id) === `timeline/${key}/`;
    expect(movedAnchors('2020-05', ledger, pushed as never, listedOn('2020-05')).map(({ id }) => id)).toEqual(['may-2']);
    expect(movedAnchors('2020', ledger, pushed as never, listedOn('2020')).map(({ id }) => id)).toEqual(['old-2020']);
  });

  it('names a page by its key, for a page kept only for its pointers', () => {
    expect(['2014', '2020-05', '2020-05-page-2', '2020-year', '2020-year-page-3'].map(sheetTitle)).toEqual(['2014', 'May 2020', 'May 2020, page 2', '2020, no month given', '2020, no month given, page 3']);
  });

  it('links each page to the one before and after it, across months and years', () => {
    const layout = timelineLayout([event('old', '1999-01-01'), ...many('may', '2020-05', 4), ...many('june', '2020-06', 1)], 3);
    const sheets = layout.years.flatMap((year) => year.sheets);
    expect(sheets.map((sheet) => [sheet.key, sheet.previous?.key, sheet.next?.key])).toEqual([
      ['1999', undefined, '2020-05'],
      ['2020-05', '1999', '2020-05-page-2'],
      ['2020-05-page-2', '2020-05', '2020-06'],
      ['2020-06', '2020-05-page-2', undefined],
    ]);
  });
});

describe('the overview of the timeline', () => {
  it('lists as filters only the texts or terms with the most events, in their own order, however many there are', () => {
    const items = Array.from({ length: 500 }, (_, index) => ({ id: index, events: Array.from({ length: index % 7 }) }));
    const shown = mostEvents(items, 8);
    expect(shown).toHaveLength(8);
    expect(shown.every((item) => item.events.length === 6)).toBe(true);
    expect(shown.map((item) => item.id)).toEqual([6, 13, 20, 27, 34, 41, 48, 55]);
    expect(mostEvents(items.slice(0, 3), 8)).toEqual(items.slice(0, 3));
  });
});
