/**
 * Search results as lines: passages and notes cut out of a page's result data. The data comes from
 * Pagefind itself, indexing a page shaped as the edition writes articles (ids on paragraphs, a
 * marked passage, notes in asides with an ignored label and sources), so the test fails if
 * Pagefind's anchors or word positions change under us.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { queryWords } from '../../../src/lib/search-rank.ts';
import { excerptOf, hitsOf, kindsOf, linesCounted, pagesToRead, phraseLocations, regionsOf, shownBy, type Hit, type PagefindData } from '../../../src/client/search/hits.ts';

const PAGE = `<html lang="en"><body><main data-pagefind-body>
<div hidden data-pagefind-meta="type:Text"></div>
<div hidden data-pagefind-meta="outlet:Outlet One, Outlet Two"></div>
<div hidden data-pagefind-meta="date:5 February 2022"></div>
<div hidden data-pagefind-meta="notes:iskander-range=Fact-check|troops-after=What happened next"></div>
<h1 id="article-title">Missiles in the west</h1>
<p id="opening">Moscow said it would place <mark id="mark-iskander-range">Iskander missiles</mark><a id="ref-iskander-range" href="#note-iskander-range" data-pagefind-ignore>1</a> in Kaliningrad soon.</p>
<aside id="note-iskander-range" data-pagefind-title="Note 1: Fact-check">
  <p id="note-iskander-range-label" data-pagefind-ignore>1 Fact-check on “Iskander missiles”</p>
  <div class="note__body"><p>The Iskander-M has a range of about 500 km, which covers Warsaw.</p></div>
  <details data-pagefind-ignore><summary>Source</summary><ul><li>A source title</li></ul></details>
  <p data-pagefind-ignore>Added 1 May 2026 · Permalink</p>
</aside>
<h2 id="the-border">The border</h2>
<p id="troops">Troops moved to the border in <mark id="mark-troops-after">the winter</mark>; Warsaw watched.</p>
<aside id="note-troops-after" data-pagefind-title="Note 2: What happened next"><div class="note__body"><p>They stayed until February; Warsaw asked for more.</p></div></aside>
<p id="closing">Nothing here matches.</p>
</main></body></html>`;

/**
 * A page whose provenance box is indexed, as issue 16 asks, in the shape src/components/Provenance.astro
 * writes it: the heading is a <strong> (a <span> is no Pagefind anchor) at the start of the summary, the full record is folded, the raw
 * text's link and the removed furniture are left out of the index.
 */
const PAGE_WITH_PROVENANCE = `<html lang="en"><body><main data-pagefind-body>
<div hidden data-pagefind-meta="type:Text"></div>
<h1 id="article-title">Bombers</h1>
<aside class="provenance" aria-labelledby="provenance-title">
<p class="provenance__summary"><strong class="provenance__heading" id="provenance-title">About this copy</strong> <span>AP</span> · <span>copy from example.com</span></p>
<details class="provenance__record"><summary>Full record of the copy</summary>
<p>An Associated Press report as copied from the Concord Monitor. <a href="/sources/x.txt" data-pagefind-ignore>The raw text as received</a>.</p>
<details class="provenance__removed" data-pagefind-ignore><summary>Removed</summary><p>Share this story</p></details></details></aside>
<p id="first">Two bombers flew over <mark id="mark-tu22">Belarus</mark>.</p>
<aside id="note-tu22" data-pagefind-title="Note 1: Context">
  <p data-pagefind-ignore>1 Context on “Belarus”</p>
  <div class="note__body"><p>The Tu-22M3 is a long-range bomber.</p></div>
  <details><summary data-pagefind-ignore>Source</summary><ul><li><a href="https://example.org/">Backfire bombers over Belarus (Air Force Times)</a></li></ul></details>
  <p data-pagefind-ignore>Added 1 May 2026 · Permalink</p>
</aside>
</main></body></html>`;

/** A compilation whose second piece begins with a lead pasted above its heading (`lead` in the front matter). */
const PAGE_WITH_LEAD = `<html lang="en"><body><main data-pagefind-body>
<div hidden data-pagefind-meta="type:Text"></div>
<div hidden data-pagefind-meta="notes:drugs=Fact-check"></div>
<div hidden data-pagefind-meta="leads:lead-para=second-piece"></div>
<h1 id="article-title">A forum thread</h1>
<h2 id="first-piece">Open Skies talks</h2>
<p id="first-para">Envoys met on Friday.</p>
<p id="lead-para">According to the minister, <mark id="mark-drugs">opium trafficking grew</mark> over twenty years.</p>
<aside id="note-drugs" data-pagefind-title="Note 1: Fact-check"><div class="note__body"><p>Survey figures on opium show a rise from 2001.</p></div></aside>
<h2 id="second-piece">Drugs needs to be investigated</h2>
<p id="second-para">Moscow insists on an inquiry.</p>
</main></body></html>`;

/** A year page of the timeline, in the shape src/components/TimelineEvents.astro writes it. */
const TIMELINE_PAGE = `<html lang="en"><body><main><h1>2020</h1><section data-pagefind-body>
<div hidden data-pagefind-meta="type:Event"></div>
<div hidden data-pagefind-meta="title:Timeline, 2020"></div>
<ol class="tl-events">
<li class="tl-event" id="us-open-skies-notice"><p><time datetime="2020-05-22">22 May 2020</time> <span>In the notes</span></p>
<p>The United States submits its notice of withdrawal from the Treaty on Open Skies</p>
<dl><div><dt>Note</dt><dd><a href="/articles/a/#note-x">Note 3, what happened next</a></dd></div></dl><p><a href="#us-open-skies-notice">Permalink</a></p></li>
<li class="tl-event" id="courbet-incident"><span id="term-sea-guardian-2020-06-10"></span><p><time datetime="2020-06-10">10 June 2020</time> <span>In the notes</span></p>
<p>France says its frigate Courbet was lit up by Turkish targeting radar</p><p><a href="#courbet-incident">Permalink</a></p></li>
</ol></section></main></body></html>`;

let fragment: PagefindData & { word_count: number };
let timeline: PagefindData;
let provenance: PagefindData;
let led: PagefindData;

/** The page's fragment as Pagefind writes it, with the locations of `words` as a search finds them. */
function resultFor(words: string[]): PagefindData {
  const content = fragment.content.split(/[^\S\uFEFF]+/);
  const locations = content.flatMap((word, index) => (words.some((w) => word.toLowerCase().startsWith(w.toLowerCase())) ? [index] : []));
  return { ...fragment, url: '/articles/a/', excerpt: 'page excerpt', locations };
}

beforeAll(async () => {
  const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
  await index!.addHTMLFile({ url: '/articles/a/', content: PAGE });
  await index!.addHTMLFile({ url: '/articles/b/', content: PAGE_WITH_PROVENANCE });
  await index!.addHTMLFile({ url: '/timeline/2020/', content: TIMELINE_PAGE });
  await index!.addHTMLFile({ url: '/articles/c/', content: PAGE_WITH_LEAD });
  const { files } = await index!.getFiles();
  const fragments = files.filter((f) => f.path.startsWith('fragment/')).map((f) => JSON.parse(gunzipSync(Buffer.from(f.content)).subarray(12).toString('utf8')));
  fragment = fragments.find((f) => f.url === '/articles/a/');
  provenance = fragments.find((f) => f.url === '/articles/b/');
  timeline = fragments.find((f) => f.url === '/timeline/2020/');
  led = fragments.find((f) => f.url === '/articles/c/');
}, 60_000);

afterAll(() => pagefind.close());

describe('search hits', () => {
  it('reads the page as Pagefind indexes it: note bodies in, labels, sources and references out', () => {
    expect(fragment.content).toContain('range of about 500 km');
    expect(fragment.content).not.toMatch(/A source title|Added 1 May|Fact-check on/);
    expect(fragment.anchors.map((a) => a.id)).not.toContain('ref-iskander-range');
    expect(fragment.anchors.find((a) => a.id === 'note-iskander-range')).toMatchObject({ element: 'aside', title: 'Note 1: Fact-check' });
  });

  it('gives a match to its paragraph, the marked passage included, or to its note', () => {
    const data = resultFor(['Iskander', 'Warsaw']);
    const regions = regionsOf(data.anchors, data.locations, data.content.split(/\s+/).length);
    expect(regions.map((region) => [region.anchor.id, region.locations.length])).toEqual([
      ['opening', 1],
      ['note-iskander-range', 2],
      ['troops', 1],
      ['note-troops-after', 1],
    ]);
  });

  it('lists passages and notes in the order of the text, each linked where it is', () => {
    const hits = hitsOf(resultFor(['Warsaw']), ['Warsaw'], shownBy({}));
    expect(hits.map((hit) => [hit.type, hit.url])).toEqual([
      ['Note', '/articles/a/?hl=Warsaw#note-iskander-range'],
      ['Text', '/articles/a/?hl=Warsaw#troops'],
      ['Note', '/articles/a/?hl=Warsaw#note-troops-after'],
    ]);
    expect(hits[0]).toMatchObject({ page: '/articles/a/', pageTitle: 'Missiles in the west', meta: 'Outlet One, Outlet Two\u00a0·\u00a05\u00a0February\u00a02022' });
    // A passage under a heading names it.
    expect(hits[1]!.section).toBe('The border');
  });

  it('names the piece a lead pasted above its heading belongs to, for its passage and its note', () => {
    const content = led.content.split(/[^\S\uFEFF]+/);
    const locations = content.flatMap((word, index) => (/^(opium|trafficking)/i.test(word) ? [index] : []));
    const hits = hitsOf({ ...led, url: '/articles/c/', excerpt: '', locations }, ['opium'], shownBy({}));
    expect(hits.map((hit) => [hit.type, hit.url.replace(/\?hl=[^#]*/, ''), hit.section])).toEqual([
      ['Text', '/articles/c/#lead-para', 'Drugs needs to be investigated'],
      ['Note', '/articles/c/#note-drugs', 'Drugs needs to be investigated'],
    ]);
  });

  it('titles a note line by its kind and the first words of its finding, and quotes its passage', () => {
    const [note, passage, other] = hitsOf(resultFor(['Warsaw']), ['Warsaw'], shownBy({}));
    expect(note).toMatchObject({
      type: 'Note',
      title: 'Fact-check: The Iskander-M has a range of about 500 km,\u00a0…',
      quote: 'Iskander missiles',
      excerpt: 'which covers <mark>Warsaw</mark>.',
    });
    expect(other).toMatchObject({ type: 'Note', title: 'What happened next: They stayed until February;\u00a0…', quote: 'the winter' });
    // A passage line is its own words, with no title to repeat on every line.
    expect(passage).toMatchObject({ type: 'Text', title: '', excerpt: 'Troops moved to the border in the winter; <mark>Warsaw</mark> watched.' });
    // No two lines of the page look alike.
    const looks = new Set([note, passage, other].map((hit) => `${hit!.title}|${hit!.quote}|${hit!.excerpt}`));
    expect(looks.size).toBe(3);
  });

  it('marks the matches in a note’s title when they are in its first words', () => {
    const [note] = hitsOf(resultFor(['range']), ['range'], shownBy({ type: { any: ['Note'] } }));
    expect(note!.title).toBe('Fact-check: The Iskander-M has a <mark>range</mark> of about 500 km,\u00a0…');
  });

  it('puts the line that holds the whole phrase before those that hold one of its words', () => {
    // "Warsaw watched" is a phrase of the second paragraph only; the first note has "Warsaw" alone.
    const hits = hitsOf(resultFor(['Warsaw', 'watched']), ['Warsaw', 'watched'], shownBy({}));
    expect(hits[0]).toMatchObject({ url: '/articles/a/?hl=Warsaw&hl=watched#troops', tier: 3 });
    expect(hits.slice(1).map((hit) => hit.tier)).toEqual([1, 1]);
  });

  it('keeps the words of a marked passage in the excerpt of its paragraph', () => {
    const [hit] = hitsOf(resultFor(['Kaliningrad']), ['Kaliningrad'], shownBy({}));
    expect(hit!.excerpt).toBe('Moscow said it would place Iskander missiles in <mark>Kaliningrad</mark> soon.');
  });

  it('shows only notes, or notes of a kind, when the filters ask for them', () => {
    const data = resultFor(['Warsaw']);
    expect(hitsOf(data, ['Warsaw'], shownBy({ type: { any: ['Note'] } })).map((hit) => hit.url)).toEqual(['/articles/a/?hl=Warsaw#note-iskander-range', '/articles/a/?hl=Warsaw#note-troops-after']);
    expect(hitsOf(data, ['Warsaw'], shownBy({ kind: { any: ['What happened next'] } })).map((hit) => hit.url)).toEqual(['/articles/a/?hl=Warsaw#note-troops-after']);
    expect(hitsOf(data, ['Warsaw'], shownBy({ type: { any: ['Text'] } })).map((hit) => hit.type)).toEqual(['Text']);
    // A page whose notes do not match gives no line, rather than a line that is not a note.
    expect(hitsOf(resultFor(['Kaliningrad']), ['Kaliningrad'], shownBy({ type: { any: ['Note'] } }))).toEqual([]);
  });

  it('falls back to the page when the match is only in its title', () => {
    const hits = hitsOf(resultFor(['west']), ['west'], shownBy({}));
    expect(hits.map((hit) => hit.url)).toEqual(['/articles/a/']);
    expect(hits[0]!.excerpt).toMatch(/^Missiles in the <mark>west<\/mark>\.? Moscow said/);
  });

  it('gives at most three passages from one page', () => {
    const anchors = [0, 10, 20, 30, 40].map((location, i) => ({ element: 'p', id: `p${i}`, location }));
    const data: PagefindData = { url: '/a/', content: Array.from({ length: 50 }, (_, i) => `w${i}`).join(' '), excerpt: '', meta: {}, anchors, locations: [1, 11, 21, 31, 41] };
    expect(hitsOf(data, [], shownBy({})).map((hit) => hit.url)).toEqual(['/a/#p0', '/a/#p1', '/a/#p2']);
  });

  it('gives the rest of a page’s passages too when asked, marked as held back, so that the list can say how many', () => {
    const anchors = [0, 10, 20, 30, 40].map((location, i) => ({ element: 'p', id: `p${i}`, location }));
    const data: PagefindData = { url: '/a/', content: Array.from({ length: 50 }, (_, i) => `w${i}`).join(' '), excerpt: '', meta: {}, anchors, locations: [1, 11, 21, 31, 41] };
    const hits = hitsOf(data, [], shownBy({}), Infinity);
    expect(hits.map((hit) => [hit.url, hit.extra ?? false])).toEqual([['/a/#p0', false], ['/a/#p1', false], ['/a/#p2', false], ['/a/#p3', true], ['/a/#p4', true]]);
  });
});

describe('the provenance box', () => {
  it('gives a match in the provenance summary a line of its own, titled “About this copy”', () => {
    const content = provenance.content.split(/[^\S\uFEFF]+/);
    const locations = content.flatMap((word, index) => (/^Concord/.test(word) ? [index] : []));
    const hits = hitsOf({ ...provenance, excerpt: '', locations }, ['Concord'], shownBy({}));
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ type: 'Text', title: 'About this copy', url: '/articles/b/?hl=Concord#provenance-title' });
    expect(hits[0]!.excerpt).toContain('<mark>Concord</mark> Monitor.');
    // The title says “About this copy”; the excerpt does not say it again.
    expect(hits[0]!.excerpt).not.toContain('About this copy');
    expect(provenance.content).not.toMatch(/raw text as received|Share this story/);
  });
});

describe('note sources', () => {
  it('finds a note by the title and outlet of a source, once they are indexed, and shows it as the note', () => {
    const content = provenance.content.split(/[^\S\uFEFF]+/);
    const locations = content.flatMap((word, index) => (/^Times/.test(word) ? [index] : []));
    const hits = hitsOf({ ...provenance, excerpt: '', locations }, ['Times'], shownBy({}));
    expect(hits.map((hit) => [hit.type, hit.url])).toEqual([['Note', '/articles/b/?hl=Times#note-tu22']]);
    expect(hits[0]!.title).toBe('Context: The Tu-22M3 is a long-range bomber.\u00a0…');
    expect(hits[0]!.excerpt).toMatch(/Backfire bombers over Belarus \(Air Force <mark>Times<\/mark>\)/);
    expect(provenance.content).not.toMatch(/Added 1 May/);
  });
});

describe('excerpts and note kinds', () => {
  const anchor = { element: 'p', id: 'p', location: 0 };
  it('cuts a long region around its first match, with ellipses, and escapes the text', () => {
    const words = Array.from({ length: 100 }, (_, i) => (i === 50 ? '<b>&' : `w${i}`));
    const excerpt = excerptOf(words, { anchor, end: 100, locations: [50] }, 9);
    expect(excerpt).toBe('…\u00a0w47 w48 w49 &lt;<mark>b</mark>&gt;&amp; w51 w52 w53 w54 w55\u00a0…');
  });

  it('reads the kinds of a page’s notes, and ignores a malformed pair', () => {
    expect([...kindsOf('a=Context|b=What happened next|broken|=x')]).toEqual([['a', 'Context'], ['b', 'What happened next']]);
    expect(kindsOf(undefined).size).toBe(0);
  });
});

describe('reading results', () => {
  it('reads the fewest pages that could give the lines wanted, one line a match, three a page', () => {
    expect(pagesToRead([2, 9, 9], 6)).toBe(3);
    expect(pagesToRead([3, 9, 9], 6)).toBe(2);
    // One page rich in matches does not stand for the whole screen: a second is read with it.
    expect(pagesToRead([9, 9], 6)).toBe(2);
    expect(pagesToRead([9, 9, 9], 6)).toBe(2);
    expect(pagesToRead([1, 1, 1], 6)).toBe(3);
    // With no words matched (filters alone), a page gives one line.
    expect(pagesToRead([0, 0, 0, 0, 0, 0, 0], 6)).toBe(6);
    expect(pagesToRead([], 6)).toBe(0);
  });

  it('counts at most three lines of a page towards a screen, and no claim or line held back', () => {
    const line = (page: string, type: Hit['type'], extra?: boolean) => ({ page, type, ...(extra ? { extra } : {}) });
    const six = ['Text', 'Text', 'Text', 'Note', 'Note', 'Note'] as const;
    expect(linesCounted(six.map((type) => line('a', type)))).toBe(3);
    expect(linesCounted([...six.map((type) => line('a', type)), line('b', 'Text')])).toBe(4);
    expect(linesCounted([line('a', 'Text'), line('a', 'Text', true), line('c', 'Claim'), line('d', 'Claim'), line('t', 'Term')])).toBe(2);
    expect(linesCounted([])).toBe(0);
  });

  it('lists a page’s notes of the kinds chosen when the search is by filters alone', () => {
    const data = { ...resultFor([]), locations: [] };
    expect(hitsOf(data, [], shownBy({ kind: { any: ['Fact-check'] } })).map((hit) => [hit.url, hit.title])).toEqual([
      ['/articles/a/#note-iskander-range', 'Fact-check: The Iskander-M has a range of about 500 km,\u00a0…'],
    ]);
    expect(hitsOf(data, [], shownBy({})).map((hit) => hit.url)).toEqual(['/articles/a/', '/articles/a/#note-iskander-range', '/articles/a/#note-troops-after']);
  });

  it('quotes a claim in a text’s words and names its outlet, and leaves a claim in the edition’s words as it is', () => {
    const content = 'the attempt was ended in two weeks Made in 1 passage';
    const claim = (meta: Record<string, string>): PagefindData => ({ url: '/claims/attempt/', content, excerpt: '', meta: { type: 'Claim', title: 'the attempt was ended in two weeks', summary: '1 passage in “Russia Takes New Steps” — Moon of Alabama', ...meta }, anchors: [], locations: [1] });
    const [quotedClaim] = hitsOf(claim({ speaker: 'Moon of Alabama' }), ['attempt'], shownBy({}));
    expect(quotedClaim).toMatchObject({ type: 'Claim', title: '“the attempt was ended in two weeks” —\u00a0Moon of Alabama', meta: '1 passage in “Russia Takes New Steps” — Moon of Alabama' });
    expect(hitsOf(claim({ speaker: '' }), ['attempt'], shownBy({}))[0]!.title).toBe('“the attempt was ended in two weeks”');
    expect(hitsOf(claim({}), ['attempt'], shownBy({}))[0]!.title).toBe('the attempt was ended in two weeks');
  });

  it('gives the events of a timeline page past the first three as held back, when all are asked for', () => {
    const anchors = [0, 10, 20, 30, 40].map((location, i) => ({ element: 'li', id: `event-${i}`, location }));
    const data: PagefindData = { url: '/timeline/1999/', content: Array.from({ length: 50 }, (_, i) => (i % 10 === 1 ? '1999' : `w${i}`)).join(' '), excerpt: '', meta: { type: 'Event', title: 'Timeline, 1999' }, anchors, locations: [1, 11, 21, 31, 41] };
    expect(hitsOf(data, ['1999'], shownBy({})).map((hit) => hit.url)).toEqual(['/timeline/1999/?hl=1999#event-0', '/timeline/1999/?hl=1999#event-1', '/timeline/1999/?hl=1999#event-2']);
    expect(hitsOf(data, ['1999'], shownBy({}), Infinity).map((hit) => [hit.url.split('#')[1], hit.extra ?? false])).toEqual([['event-0', false], ['event-1', false], ['event-2', false], ['event-3', true], ['event-4', true]]);
  });

  it('gives a timeline event as a line of its own, titled by its words and linked to its permanent anchor', () => {
    const content = timeline.content.split(/[^\S\uFEFF]+/);
    const locations = content.flatMap((word, index) => (/^(courbet|radar)/i.test(word) ? [index] : []));
    const hits = hitsOf({ ...timeline, url: '/timeline/2020/', excerpt: '', locations }, ['Courbet', 'radar'], shownBy({}));
    // With the searched words, which the event's page marks.
    expect(hits.map((hit) => [hit.type, hit.url, hit.pageTitle])).toEqual([['Event', '/timeline/2020/?hl=Courbet&hl=radar#courbet-incident', 'Timeline, 2020']]);
    expect(hits[0]!.excerpt).toContain('10 June 2020');
    expect(hits[0]!.excerpt).toContain('<mark>Courbet</mark>');
    // The filter by type keeps events out of a search for notes, and keeps them alone when asked.
    expect(hitsOf({ ...timeline, url: '/timeline/2020/', excerpt: '', locations }, ['Courbet'], shownBy({ type: { any: ['Note'] } }))).toEqual([]);
    expect(shownBy({ type: { any: ['Event'] } })).toMatchObject({ passages: false, notes: false, events: true });
  });
});

describe('phraseLocations', () => {
  it('keeps the places of a phrase’s words wherever the phrase stands, and no word standing alone', () => {
    // Words 1–3 and 7–9 are the phrase; 4 (“Open borders”) and 12 (“skies.”) stand alone.
    const item = { content: 'The Open Skies treaty. Open borders; the open skies treaty again, and skies.', locations: [1, 2, 3, 4, 7, 8, 9, 12] };
    expect(phraseLocations(item, queryWords('Open Skies treaty'))).toEqual([1, 2, 3, 7, 8, 9]);
    expect(phraseLocations(item, queryWords('skies Open'))).toEqual([]);
    expect(phraseLocations(item, [])).toEqual([]);
  });
});
