/**
 * What a link shows when it is pasted: every note's share page and every article carries Open
 * Graph and Twitter card metadata, with a 1200 × 630 PNG, and absolute addresses; the sitemap,
 * the feed and robots.txt use absolute addresses that lead to built pages.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { fromHtml } from 'hast-util-from-html';
import type { Element } from 'hast';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { DIST, ROOT, builtArticleSlugs, builtPage, requireDist } from '../helpers/site.ts';
import { readCorpus } from '../../src/lib/corpus.ts';
import { attributedQuote, attributedTitle } from '../../src/lib/attribution.ts';
import { LEDGER_FILE, parseLedger, resolveAlias } from '../../src/lib/ledger.ts';
import { FEED_NOTES, FEED_TEXTS } from '../../src/lib/feed.ts';

const ORIGIN = 'http://localhost:4321';
const corpus = readCorpus(ROOT);

/** The meta tags of a page as an unfurler reads them: property or name → content. */
function metaTags(html: string): Map<string, string> {
  const tags = new Map<string, string>();
  for (const meta of selectAll('meta', fromHtml(html))) {
    const key = meta.properties['property'] ?? meta.properties['name'] ?? meta.properties['httpEquiv'];
    if (key !== undefined && typeof meta.properties['content'] === 'string') tags.set(String(key).toLowerCase(), meta.properties['content']);
  }
  const canonical = /<link rel="canonical" href="([^"]+)"/.exec(html)?.[1];
  if (canonical) tags.set('canonical', canonical);
  return tags;
}

/** Width and height of a PNG file, from its header. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8).toString('hex'), `${file} is not a PNG`).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The built file an absolute address of the site leads to. */
function fileOf(url: string): string {
  expect(url.startsWith(`${ORIGIN}/`), `${url} is not an absolute address of the site`).toBe(true);
  const path = new URL(url).pathname;
  return join(DIST, path.endsWith('/') ? `${path}index.html` : path);
}

function noteIds(): string[] {
  requireDist();
  // Each note's share page is a folder; /notes/ itself sends readers to the notes index.
  return readdirSync(join(DIST, 'notes'), { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

/** Notes no longer published, by id, with the note the anchor ledger sends them to. */
function mergedNotes(): Map<string, string> {
  const ledger = parseLedger(readFileSync(join(ROOT, LEDGER_FILE), 'utf8'));
  const published = new Set(builtArticleSlugs().flatMap((slug) => [...builtPage(`articles/${slug}/`).matchAll(/<aside[^>]* id="note-([a-z0-9-]+)"/g)].map((match) => match[1]!)));
  const merged = new Map<string, string>();
  for (const [slug, aliases] of Object.entries(ledger.aliases)) {
    for (const old of Object.keys(aliases)) {
      const successor = resolveAlias(ledger, slug, old);
      if (old.startsWith('note-') && !published.has(old.slice(5)) && successor?.startsWith('note-')) merged.set(old.slice(5), successor.slice(5));
    }
  }
  return merged;
}

function expectCard(tags: Map<string, string>, page: string) {
  for (const key of ['og:title', 'og:description', 'og:image', 'og:image:alt', 'og:url', 'og:type', 'og:site_name', 'twitter:title', 'twitter:description', 'twitter:image']) {
    expect(tags.get(key), `${page}: ${key}`).toBeTruthy();
  }
  expect(tags.get('twitter:card')).toBe('summary_large_image');
  expect(tags.get('og:image:width')).toBe('1200');
  expect(tags.get('og:image:height')).toBe('630');
  expect(tags.get('og:description')!.length).toBeLessThanOrEqual(400);
  expect(tags.get('twitter:image')).toBe(tags.get('og:image'));
  expect(pngSize(fileOf(tags.get('og:image')!))).toEqual({ width: 1200, height: 630 });
}

describe('share pages of notes', () => {
  it('exist for every note of every article', () => {
    const notes = builtArticleSlugs().flatMap((slug) => [...builtPage(`articles/${slug}/`).matchAll(/<aside[^>]* id="note-([a-z0-9-]+)"/g)].map((match) => match[1]!));
    expect(notes.length).toBeGreaterThanOrEqual(60);
    expect(noteIds()).toEqual([...new Set([...notes, ...mergedNotes().keys()])].sort());
  });

  it('are kept for a note merged into another, and lead to its successor', () => {
    const merged = mergedNotes();
    expect(merged.size).toBeGreaterThan(0);
    for (const [old, successor] of merged) {
      const html = builtPage(`notes/${old}/`);
      const tags = metaTags(html);
      expect(tags.get('og:url')).toBe(`${ORIGIN}/notes/${old}/`);
      expect(tags.get('refresh'), `notes/${old}/`).toMatch(new RegExp(`#note-${successor}$`));
      expect(tags.get('og:title')).toBe(metaTags(builtPage(`notes/${successor}/`)).get('og:title'));
    }
  });

  it('quote the passage in the title, give the note, outlet and date in the description, and show a 1200 × 630 image', () => {
    const merged = mergedNotes();
    for (const id of noteIds().filter((id) => !merged.has(id))) {
      const html = builtPage(`notes/${id}/`);
      const tags = metaTags(html);
      expectCard(tags, `notes/${id}/`);
      expect(tags.get('og:url')).toBe(`${ORIGIN}/notes/${id}/`);
      expect(tags.get('og:type')).toBe('article');

      // Canonical to the note in its text, where the refresh sends a person at once.
      const canonical = tags.get('canonical')!;
      expect(canonical).toMatch(new RegExp(`^${ORIGIN}/articles/[a-z0-9-]+/#note-${id}$`));
      expect(tags.get('refresh')).toBe(`0; url=${new URL(canonical).pathname}#note-${id}`);
      const article = readFileSync(fileOf(canonical.replace(/#.*/, '')), 'utf8');
      const tree = fromHtml(article);
      expect(selectAll(`aside#note-${id}`, tree), `#note-${id} is on ${canonical}`).toHaveLength(1);

      // A fact-check or a correction leads with the edition's finding (the note's first sentence);
      // other notes with the passage they are attached to, as it reads in the text, quoted and
      // attributed to the text's outlets.
      const mark = selectAll(`[data-notes~="${id}"]`, tree)[0];
      expect(mark, `the passage of ${id}`).toBeDefined();
      const passage = toString(mark!).replace(/\s+/g, ' ').trim();
      const note = selectAll(`aside#note-${id}`, tree)[0]!;
      const kind = String(note.properties['dataKind']);
      const finding = toString(selectAll('.note__body', note)[0]!).replace(/\s+/g, ' ').trim().split(/(?<=(?<![\s(]\p{Lu})[.!?][’”]?)\s+(?=[A-Z0-9‘“])/u)[0]!; // an initial's full stop (Antony J. Blinken) ends no sentence
      const slug = new URL(canonical).pathname.split('/')[2]!;
      const outlets = corpus.articles.get(slug)!.outlets;
      const title = tags.get('og:title')!;
      expect(tags.get('twitter:title')).toBe(title);
      // Whose words the passage is, read from the front matter and the page, not from the code that
      // makes the card: every outlet of a text; in a compilation, the outlet of the piece the passage
      // is in (a piece begins at its heading, or at its lead above it), the compilation's own outside any.
      const front = parseYaml(readFileSync(join(ROOT, 'content/articles', `${slug}.mdx`), 'utf8').split(/^---$/m)[1]!) as { outlets: { name: string; headline?: boolean }[]; sections?: { heading: string; lead?: string; outlet?: string }[] };
      const every = front.outlets.map((outlet) => outlet.name);
      let speakers = every;
      if ((front.sections ?? []).length > 0) {
        const paragraph = selectAll('article-text p[id]', tree).find((p) => selectAll(`[data-notes~="${id}"]`, p).length > 0);
        const order = selectAll('article-text p[id], article-text h2[id], article-text h3[id]', tree).map((element) => String(element.properties['id']));
        const starts = new Map(front.sections!.map((section) => [section.lead ?? section.heading, section.outlet]));
        const before = order.slice(0, order.indexOf(String(paragraph?.properties['id'])) + 1).filter((passageId) => starts.has(passageId));
        const piece = before.length > 0 ? starts.get(before.at(-1)!) : undefined;
        speakers = piece ? [piece] : front.outlets.filter((outlet) => outlet.headline !== false).map((outlet) => outlet.name);
      }
      // The image's description names the text, attributed once, and quotes the passage.
      const alt = tags.get('og:image:alt')!;
      expect(alt).toContain(`on a passage of ${attributedTitle(corpus.articles.get(slug)!.title, outlets)}: “`);
      expect(alt.split(` —\u00a0${outlets[0]}`), `${id}: ${alt}`).toHaveLength(2);
      if (kind === 'fact-check' || kind === 'correction') {
        const label = `${kind === 'fact-check' ? 'Fact-check' : 'Correction'}: `;
        expect(title.startsWith(label), `${id}: ${title}`).toBe(true);
        const said = title.slice(label.length);
        // The finding whole, or shortened at a word with an ellipsis.
        expect(said === finding || (said.endsWith('…') && finding.startsWith(said.slice(0, -1))), `${id} leads with its finding: ${said}`).toBe(true);
        expect(toString(selectAll('h1', fromHtml(html))[0]!)).toBe(said);
        expect(toString(selectAll('.share-page__claim', fromHtml(html))[0]!)).toMatch(new RegExp(` —\u00a0${speakers[0]}`));
      } else {
        const by = attributedQuote('x', speakers).slice(3);
        expect(title.endsWith(by), `${title} is attributed (${by})`).toBe(true);
        const quoted = title.slice(0, -by.length);
        expect(quoted).toMatch(/^“.+”$/);
        expect(passage.startsWith(quoted.slice(1, -1).replace(/…$/, '')), `${title} quotes ${passage}`).toBe(true);
      }
      const description = tags.get('og:description')!;
      expect(description).toMatch(/^(Context|Fact-check|Correction|Discrepancy|What happened next|On the copy|[A-Z][a-z -]+): /);
      expect(description).toMatch(/ \(On a passage of “.+” —\u00a0.+, [^,]*\b20\d\d\.\)$/);
      expect(tags.get('robots')).toBe('noindex');
    }
  });
});

describe('articles', () => {
  it('give their headline as a quotation attributed to the outlets, in the title, og:title, twitter:title and heading', () => {
    for (const slug of builtArticleSlugs()) {
      const html = builtPage(`articles/${slug}/`);
      const { title, outlets } = corpus.articles.get(slug)!;
      const attributed = attributedTitle(title, outlets);
      expect(attributed).toMatch(/^“.+” —\u00a0\S/);
      const tags = metaTags(html);
      expect(toString(selectAll('title', fromHtml(html))[0]!)).toBe(`${attributed} · Borderlines`);
      expect(tags.get('og:title')).toBe(attributed);
      expect(tags.get('twitter:title')).toBe(attributed);
      expect(tags.get('og:image:alt')!.startsWith(attributed)).toBe(true);
      // White space collapsed, the no-break space after the dash kept.
      expect(toString(selectAll('h1', fromHtml(html))[0]!).replace(/[^\S\u00a0]+/g, ' ').trim()).toBe(attributed);
    }
    expect(attributedTitle(corpus.articles.get('nato-mock-missile-attacks-us-meddles-in-belarus')!.title, corpus.articles.get('nato-mock-missile-attacks-us-meddles-in-belarus')!.outlets)).toBe(
      '“NATO Stages ‘Mock Missile Attacks’ on Russia; US Meddles in Belarus” —\u00a0Environmentalists Against War',
    );
  });

  it('are listed under their attributed headline on the home page, the notes index and in the feed', () => {
    const home = toString(fromHtml(builtPage(''))).replace(/[^\S\u00a0]+/g, ' ');
    const notes = toString(fromHtml(builtPage('annotations/'))).replace(/[^\S\u00a0]+/g, ' ');
    const feed = readFileSync(join(DIST, 'feed.xml'), 'utf8');
    const feedTitles = [...feed.matchAll(/<item>\s*<title>([^<]+)<\/title>/g)].map((match) => match[1]!.replace(/&amp;/g, '&'));
    for (const slug of builtArticleSlugs()) {
      const { title, outlets } = corpus.articles.get(slug)!;
      const attributed = attributedTitle(title, outlets);
      expect(home).toContain(attributed);
      expect(notes).toContain(attributed);
      expect(feedTitles).toContain(attributed);
    }
  });

  it('never stand bare on a page: wherever a headline is set apart (a link, a heading, a title) it is quoted', () => {
    // The text itself (its passages, and the headline as received) is reproduced as it is; the
    // provenance and the citation box give the record of the source, its headline included, in
    // their own forms (APA, Chicago).
    const record = new Set(['provenance', 'cite']);
    const isText = (node: Element) => 'dataPassage' in node.properties || 'dataSourceText' in node.properties;
    // A wrapper of the text's own heading (its ¶ link beside it) reads as the heading.
    const holdsText = (node: Element): boolean => isText(node) || node.children.some((child) => child.type === 'element' && holdsText(child));
    const isRecord = (node: Element) => String(node.properties['className'] ?? '').split(/[ ,]/).some((name) => record.has(name)) || isText(node);
    const headlines = new Set([...corpus.articles.values()].map((article) => article.title.replace(/\s+/g, ' ').trim()));
    const bare: string[] = [];
    const pages = (readdirSync(DIST, { recursive: true, encoding: 'utf8' }) as string[]).filter((file) => file.endsWith('.html'));
    for (const file of pages) {
      const walk = (node: Element, inRecord: boolean) => {
        const here = inRecord || isRecord(node);
        if (['script', 'style', 'title', 'head'].includes(node.tagName)) return;
        if (!here && headlines.has(toString(node).replace(/\s+/g, ' ').trim()) && !holdsText(node)) {
          bare.push(`${file}: <${node.tagName}${node.properties['className'] ? ` class="${String(node.properties['className'])}"` : ''}>`);
          return;
        }
        for (const child of node.children) if (child.type === 'element') walk(child, here);
      };
      for (const child of fromHtml(readFileSync(join(DIST, file), 'utf8')).children) if (child.type === 'element') walk(child, false);
    }
    expect([...new Set(bare)]).toEqual([]);
  });

  it('carry the same metadata, with their own image and their canonical address', () => {
    for (const slug of builtArticleSlugs()) {
      const tags = metaTags(builtPage(`articles/${slug}/`));
      expectCard(tags, slug);
      expect(tags.get('canonical')).toBe(`${ORIGIN}/articles/${slug}/`);
      expect(tags.get('og:url')).toBe(`${ORIGIN}/articles/${slug}/`);
      expect(tags.get('og:image')).toBe(`${ORIGIN}/articles/${slug}/og.png`);
    }
  });

  it('and every other page has the edition’s card', () => {
    for (const page of ['', 'about/', 'glossary/', 'annotations/', 'search/', 'glossary/iskander/']) expectCard(metaTags(builtPage(page)), page || 'home');
  });
});

describe('sitemap, feed and robots.txt', () => {
  it('the sitemap lists every article and term page by absolute address, and no share page', () => {
    const sitemap = readFileSync(join(DIST, 'sitemap.xml'), 'utf8');
    const locs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!);
    for (const loc of locs) expect(existsSync(fileOf(loc)), loc).toBe(true);
    for (const slug of builtArticleSlugs()) expect(locs).toContain(`${ORIGIN}/articles/${slug}/`);
    for (const term of readdirSync(join(DIST, 'glossary')).filter((name) => !name.includes('.'))) expect(locs).toContain(`${ORIGIN}/glossary/${term}/`);
    expect(locs.some((loc) => loc.includes('/notes/'))).toBe(false);
  });

  it('the feed has the newest texts and the newest notes, each up to its number, with absolute links and dates', () => {
    const feed = readFileSync(join(DIST, 'feed.xml'), 'utf8');
    const items = [...feed.matchAll(/<item>([\s\S]*?)<\/item>/g)].map((match) => match[1]!);
    const notes = builtArticleSlugs().flatMap((slug) => [...builtPage(`articles/${slug}/`).matchAll(/<aside[^>]* id="note-([a-z0-9-]+)"/g)]);
    const count = (category: string) => items.filter((item) => item.includes(`<category>${category}</category>`)).length;
    expect(notes.length).toBeGreaterThan(FEED_NOTES);
    expect(count('Text')).toBe(Math.min(builtArticleSlugs().length, FEED_TEXTS));
    expect(count('Note')).toBe(FEED_NOTES);
    for (const item of items) {
      const link = /<link>([^<]+)<\/link>/.exec(item)![1]!;
      expect(existsSync(fileOf(link)), link).toBe(true);
      expect(item).toMatch(new RegExp(`<guid isPermaLink="true">${link}</guid>`));
      expect(Number.isNaN(Date.parse(/<pubDate>([^<]+)<\/pubDate>/.exec(item)![1]!))).toBe(false);
    }
    expect(builtPage('')).toContain(`<link rel="alternate" type="application/rss+xml" title="Borderlines: texts and notes" href="/feed.xml">`);
  });

  it('robots.txt allows everything and names the sitemap', () => {
    expect(readFileSync(join(DIST, 'robots.txt'), 'utf8')).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${ORIGIN}/sitemap.xml\n`);
  });
});
