import { describe, expect, it } from 'vitest';
import { calendarDateProblem, formatDate, formatDateRange, isoDate, orderProblem, pastDayProblem, yearsOf } from '../../../src/lib/dates.ts';
import { asciiWords, shortHash, slugFromText, slugOf } from '../../../src/lib/slug.ts';
import { bodyWords, byDate, neighbours, readingMinutes } from '../../../src/lib/articles.ts';
import { escapeHtml, inlineMarkdown } from '../../../src/lib/inline-markdown.ts';
import { withBase } from '../../../src/lib/urls.ts';
import { NOTE_KINDS, noteKindPhrase, noteTitle } from '../../../src/lib/notes.ts';
import { isArticleSlug, isPassageId } from '../../../src/lib/ids.ts';
import { didYouMean, editDistance, nearest } from '../../../src/lib/suggest.ts';
import { headersFor, parseHeaders } from '../../../scripts/lib/static-server.ts';
import { addMissingPlatformEntries, platformOf } from '../../../scripts/fix-lockfile.ts';
import { headersFile, parsePolicy } from '../../../src/integrations/security-headers.ts';

describe('dates', () => {
  it('formats calendar dates in UTC, British style', () => {
    expect(formatDate('2020-09-08')).toBe('8 September 2020');
    expect(formatDate(new Date('2022-12-21T23:30:00-05:00'))).toBe('22 December 2022');
    expect(isoDate(new Date('2020-05-14T00:00:00Z'))).toBe('2020-05-14');
  });

  it('says a span of dates as briefly as it can', () => {
    expect(formatDateRange(['2020-09-08', '2020-09-01'])).toBe('1–8 September 2020');
    expect(formatDateRange(['2020-05-14', '2020-07-13', '2020-06-10'])).toBe('14 May – 13 July 2020');
    expect(formatDateRange(['2021-11-13', '2022-02-05'])).toBe('13 November 2021 – 5 February 2022');
    expect(formatDateRange(['2022-02-05'])).toBe('5 February 2022');
    expect(formatDateRange([])).toBe('');
  });
});

describe('calendar dates', () => {
  it('refuses days and months that do not exist, and other spellings, rather than moving them', () => {
    expect(calendarDateProblem('2024-02-29')).toBeUndefined();
    expect(calendarDateProblem('2021-02-29')).toBe('2021-02-29 is not a day of the calendar: February 2021 has 28 days');
    expect(calendarDateProblem('2022-04-31')).toBe('2022-04-31 is not a day of the calendar: April 2022 has 30 days');
    expect(calendarDateProblem('2022-00-10')).toBe('2022-00-10 has no month 00: months are 01 to 12');
    expect(calendarDateProblem('2022-02-00')).toMatch(/is not a day of the calendar/);
    expect(calendarDateProblem('5 Feb 2022')).toBe('`5 Feb 2022` is not written YYYY-MM-DD');
    expect(calendarDateProblem('2022-02')).toBe('`2022-02` is not written YYYY-MM-DD');
    expect(calendarDateProblem('2022-02', { partial: true })).toBeUndefined();
    expect(calendarDateProblem('2022-13', { partial: true })).toBe('2022-13 has no month 13: months are 01 to 12');
    expect(calendarDateProblem('2022', { partial: true })).toBeUndefined();
  });

  it('refuses a day of the edition’s work later than tomorrow', () => {
    const today = new Date('2026-12-06T23:30:00Z');
    expect(pastDayProblem('2026-12-07', today)).toBeUndefined();
    expect(pastDayProblem('2026-12-08', today)).toBe('2026-12-08 is later than today (2026-12-06)');
    expect(pastDayProblem('2026-02-30', today)).toMatch(/is not a day of the calendar/);
  });

  it('refuses a month or a year to come, and takes the current ones as past', () => {
    const today = new Date('2026-12-31T12:00:00Z');
    for (const date of ['2026', '2026-12', '2027', '2027-01']) expect(pastDayProblem(date, today, { partial: true })).toBeUndefined();
    expect(pastDayProblem('2027-02', today, { partial: true })).toBe('2027-02 is later than today (2026-12-31)');
    expect(pastDayProblem('2028', today, { partial: true })).toBe('2028 is later than today (2026-12-31)');
    expect(pastDayProblem('2026-12', today)).toBe('`2026-12` is not written YYYY-MM-DD');
  });

  it('says when one date of a thing is later than another that must follow it, a month or year counting as its first day', () => {
    expect(orderProblem(['date', '2026-12-05'], ['verified', '2026-12-03'])).toBe('`date` (2026-12-05) is later than `verified` (2026-12-03)');
    expect(orderProblem(['date', '2026-12'], ['verified', '2026-12-03'])).toBeUndefined();
    expect(orderProblem(['date', '2026'], ['verified', '2026-01-01'])).toBeUndefined();
    expect(orderProblem(['added', '2026-11-22'], ['updated', '2026-11-22'])).toBeUndefined();
  });
});

describe('slugs and ids', () => {
  it('makes readable ids from the first meaningful words', () => {
    expect(slugFromText('The Kremlin has lashed out at US and NATO forces')).toBe('kremlin-lashed-out-us-nato');
    expect(slugFromText('Russia says U.S. withdrawal from Open Skies treaty')).toBe('russia-says-withdrawal-open-skies');
    expect(slugFromText('The 4,000 US soldiers that will take part')).toBe('4000-us-soldiers-take-part');
    expect(slugFromText('Лукашенко')).toBe('');
    expect(asciiWords('Tsikhanouskaya’s “Café”')).toEqual(['tsikhanouskayas', 'cafe']);
  });

  it('makes the slug nearest to a name an editor gave, keeping every word and cutting at a word’s end', () => {
    expect(slugOf('Baltic Test')).toBe('baltic-test');
    expect(slugOf('The Résumé (v2)')).toBe('the-resume-v2');
    expect(slugOf('one two three', 10)).toBe('one-two');
    expect(slugOf('Лукашенко')).toBe('');
  });

  it('hashes text without ASCII words to a stable short id', () => {
    expect(shortHash('Лукашенко')).toMatch(/^[0-9a-f]{8}$/);
    expect(shortHash('Лукашенко')).toBe(shortHash('Лукашенко'));
    expect(shortHash('a')).not.toBe(shortHash('b'));
  });

  it('guards ids: kebab case, length, reserved prefixes', () => {
    expect(isPassageId('open-skies')).toBe(true);
    expect(isPassageId('Open_Skies')).toBe(false);
    expect(isPassageId('note-open-skies')).toBe(false);
    expect(isPassageId('a'.repeat(65))).toBe(false);
    expect(isArticleSlug('russian-bombers-fly-over-belarus')).toBe(true);
    expect(isArticleSlug('../etc')).toBe(false);
  });

  it('suggests the nearest valid value for a typo, and nothing for a stranger', () => {
    expect(nearest('open-sky', ['open-skies', 'new-start'])).toBe('open-skies');
    expect(nearest('iskandar', ['iskander', 'union-state'])).toBe('iskander');
    expect(didYouMean('zzzzzz', ['open-skies'])).toBe('');
    // Two edits in four letters make another word: a deleted `csto` is not a typo of `nato`.
    expect(nearest('csto', ['nato', 'cis'])).toBeUndefined();
    expect(nearest('cst', ['csto', 'nato'])).toBe('csto');
    // Two letters swapped are one slip of the fingers: `fomr` is `form`, not a stranger.
    expect(editDistance('fomr', 'form')).toBe(1);
    expect(nearest('fomr', ['form', 'kind', 'summary'])).toBe('form');
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('articles', () => {
  const article = (id: string, dates: string[], title = id) => ({ id, data: { title, dates: dates.map((d) => new Date(`${d}T00:00:00Z`)), draft: false } });

  it('orders articles by the first date of their originals', () => {
    const ordered = byDate([article('c', ['2022-12-21']), article('a', ['2020-07-13', '2020-05-14']), article('b', ['2020-09-01'])]);
    expect(ordered.map((a) => a.id)).toEqual(['a', 'b', 'c']);
  });

  it('finds the previous and next article', () => {
    const list = [article('a', ['2020-01-01']), article('b', ['2021-01-01']), article('c', ['2022-01-01'])];
    expect(neighbours(list, 'b')).toEqual({ previous: list[0], next: list[2] });
    expect(neighbours(list, 'a')).toEqual({ next: list[1] });
    expect(neighbours(list, 'c')).toEqual({ previous: list[1] });
  });

  it('counts the words a reader sees, not markers, escapes or tags', () => {
    expect(bodyWords('## A heading ^a-heading\n\nCosts \\{less} than <Note id="x">this</Note>. ^costs')).toEqual(['A', 'heading', 'Costs', '{less}', 'than', 'this']);
    expect(readingMinutes('word '.repeat(460))).toBe(2);
    expect(readingMinutes('')).toBe(1);
  });
});

describe('inline Markdown of front matter', () => {
  it('renders links and emphasis and escapes everything else', () => {
    expect(inlineMarkdown('See [AP](https://apnews.com/a?b=1&c=2) *now* <b>x</b>')).toBe(
      'See <a href="https://apnews.com/a?b=1&amp;c=2">AP</a> <em>now</em> &lt;b&gt;x&lt;/b&gt;',
    );
  });

  it('makes no link of a javascript: URL', () => {
    expect(inlineMarkdown('[x](javascript:alert(1))')).toBe('[x](javascript:alert(1))');
    expect(escapeHtml(`"'<>&`)).toBe('&quot;&#39;&lt;&gt;&amp;');
  });
});

describe('how titles name a note', () => {
  it('names every kind once, with one article and no “note” doubled (“Note on the copy note on …”)', () => {
    for (const kind of NOTE_KINDS) {
      const title = noteTitle(kind, '“the words”');
      expect(title, kind).not.toMatch(/\b(\w+) \1\b/i);
      expect(title.match(/note|fact-check/gi)?.length, title).toBe(1);
      expect(noteKindPhrase(kind), kind).toMatch(/^(a [^aeiou]|an [aeiou])/i);
    }
    expect(noteTitle('copy', '“While they NATO…”')).toBe('Note on the copy at “While they NATO…”');
    expect(noteTitle('aftermath', '“recently offered…”')).toBe('Note on what happened after “recently offered…”');
    expect(noteTitle('fact-check', '“35 nations”', 'imprecise')).toBe('Fact-check (imprecise) of “35 nations”');
    // The phrase says the kind as the site names it (“What happened next”).
    expect(noteKindPhrase('aftermath')).toBe('a note on what happened next');
  });
});

describe('URLs under a base path', () => {
  it('joins the base and a site path', () => {
    expect(withBase('/', 'articles/x/')).toBe('/articles/x/');
    expect(withBase('/borderlines/', 'articles/x/')).toBe('/borderlines/articles/x/');
    expect(withBase('/borderlines', '/about/')).toBe('/borderlines/about/');
    expect(withBase('/borderlines/', '')).toBe('/borderlines/');
  });
});

describe('yearsOf', () => {
  it('gives each year once, in order, from dates and date strings', () => {
    expect(yearsOf(['2021-12-30', new Date('2022-01-02T00:00:00Z'), '2022-02-01'])).toEqual(['2021', '2022']);
    expect(yearsOf([])).toEqual([]);
  });
});

describe('tooling', () => {
  it('reads a _headers file', () => {
    expect(parseHeaders('# comment\n/*\n  X-Frame-Options: DENY\n  Content-Security-Policy: default-src \'self\'\n/pagefind/*\n  Cache-Control: max-age=60\n')).toEqual([
      { pattern: '/*', headers: [['X-Frame-Options', 'DENY'], ['Content-Security-Policy', "default-src 'self'"]], detach: [] },
      { pattern: '/pagefind/*', headers: [['Cache-Control', 'max-age=60']], detach: [] },
    ]);
  });

  it('detaches a header a broader rule attached, for the paths a `! Name` rule matches', () => {
    const rules = parseHeaders("/*\n  X-Frame-Options: DENY\n  Content-Security-Policy: default-src 'self'\n/_astro/*\n  ! Content-Security-Policy\n  Cache-Control: immutable\n");
    expect(rules[1]).toEqual({ pattern: '/_astro/*', headers: [['Cache-Control', 'immutable']], detach: ['Content-Security-Policy'] });
    expect(headersFor(rules, '/articles/x/')).toEqual({ 'X-Frame-Options': 'DENY', 'Content-Security-Policy': "default-src 'self'" });
    expect(headersFor(rules, '/_astro/site.js')).toEqual({ 'X-Frame-Options': 'DENY', 'Cache-Control': 'immutable' });
  });

  it('sends the page headers with pages and Pagefind’s worker, and only nosniff with files that are never a page', () => {
    for (const base of ['/', '/borderlines/']) {
      const rules = parseHeaders(headersFile(parsePolicy("default-src 'self'"), base));
      for (const page of ['', 'articles/x/', 'notes/y/index.html', 'pagefind/pagefind-worker.js', 'favicon.svg']) {
        const headers = headersFor(rules, `${base}${page}`);
        expect(headers['Content-Security-Policy'], page).toBe("default-src 'self'; frame-ancestors 'none'");
        expect(Object.keys(headers), page).toEqual(expect.arrayContaining(['X-Frame-Options', 'Referrer-Policy', 'X-Content-Type-Options']));
      }
      for (const file of ['_astro/Base.x1.js', '_astro/Base.x1.css', 'pagefind/fragment/en_1.pf_fragment', 'pagefind/index/en_2.pf_index', 'pagefind/wasm.en.pagefind', 'pagefind/pagefind.js', 'pagefind/pagefind.en_3.pf_meta']) {
        const headers = headersFor(rules, `${base}${file}`);
        expect(Object.keys(headers).filter((name) => name !== 'Cache-Control'), file).toEqual(['X-Content-Type-Options']);
      }
    }
  });

  it('adds lock entries for other platforms’ optional builds the mirror does not serve', () => {
    expect(platformOf('@pagefind/darwin-arm64')).toEqual({ os: ['darwin'], cpu: ['arm64'] });
    expect(platformOf('@astrojs/compiler-binding-linux-x64-musl')).toEqual({ os: ['linux'], cpu: ['x64'], libc: ['musl'] });
    expect(platformOf('@pagefind/windows-x64')).toEqual({ os: ['win32'], cpu: ['x64'] });
    const lock = {
      packages: {
        '': {},
        'node_modules/pagefind': { version: '1.6.0', dev: true, optionalDependencies: { '@pagefind/linux-x64': '1.6.0', '@pagefind/darwin-arm64': '1.6.0' } },
        'node_modules/@pagefind/linux-x64': { version: '1.6.0', dev: true, optional: true, os: ['linux'], cpu: ['x64'] },
      },
    };
    expect(addMissingPlatformEntries(lock)).toEqual(['@pagefind/darwin-arm64@1.6.0']);
    expect(lock.packages).toHaveProperty(['node_modules/@pagefind/darwin-arm64'], { version: '1.6.0', dev: true, optional: true, os: ['darwin'], cpu: ['arm64'] });
    expect(addMissingPlatformEntries(lock)).toEqual([]);
  });
});

describe('README sections', () => {
  it('replaces what is between a section’s markers, and only that', async () => {
    const { replaceSection } = await import('../../../scripts/lib/readme.ts');
    const text = 'a\n<!-- x:start -->\nold\n<!-- x:end -->\nb <!-- y:start -->\n<!-- y:end -->\n';
    expect(replaceSection(text, 'x', 'new\n')).toBe('a\n<!-- x:start -->\nnew\n<!-- x:end -->\nb <!-- y:start -->\n<!-- y:end -->\n');
    expect(replaceSection(text, 'y', 'z')).toBe('a\n<!-- x:start -->\nold\n<!-- x:end -->\nb <!-- y:start -->\nz\n<!-- y:end -->\n');
    expect(() => replaceSection(text, 'missing', 'z')).toThrow(/README\.md has no `<!-- missing:start -->`/);
  });
});
