/**
 * The notes as published: enough of them, each sourced, and their Web Annotation selectors exact.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, builtArticleSlugs, builtPage, requireDist } from '../helpers/site.ts';
import { textContent } from '../../src/lib/text-selectors.ts';

interface Annotation {
  id: string;
  motivation: string;
  created: string;
  body: { type: string; value?: string; format?: string; id?: string; language?: string }[];
  target: {
    source: string;
    selector: [
      { type: 'FragmentSelector'; value: string },
      { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string },
      { type: 'CssSelector'; value: string; refinedBy: { type: 'TextPositionSelector'; start: number; end: number } },
    ];
  };
}

requireDist();
const collection = JSON.parse(readFileSync(join(DIST, 'annotations.jsonld'), 'utf8'));
const items: Annotation[] = collection.first.items;
const slugOf = (annotation: Annotation) => new URL(annotation.target.source).pathname.split('/').filter(Boolean).pop()!;

function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) count++;
  return count;
}

describe('the notes of the edition', () => {
  it('number at least 50, at least 8 per article', () => {
    expect(items.length).toBeGreaterThanOrEqual(50);
    for (const slug of builtArticleSlugs()) {
      expect(items.filter((item) => slugOf(item) === slug).length, slug).toBeGreaterThanOrEqual(8);
    }
  });

  it('give each body as the HTML the page shows, links and all', () => {
    const bodies = items.map((item) => item.body.find((body) => body.type === 'TextualBody')!);
    for (const [index, body] of bodies.entries()) expect(body.format, items[index]!.id).toBe('text/html');
    expect(bodies.filter((body) => /<a href="[^"]+"/.test(body.value ?? '')).length).toBeGreaterThan(5);
  });

  it('each cite at least one source by URL', () => {
    for (const item of items) {
      const sources = item.body.filter((body) => body.id);
      expect(sources.length, item.id).toBeGreaterThanOrEqual(1);
      for (const source of sources) expect(source.id, item.id).toMatch(/^https?:\/\/[^\s]+$/);
    }
  });

  it('name the language of a cited page in another language, and of no page in English', () => {
    const cited = items.flatMap((item) => item.body.filter((body) => body.id));
    expect(cited.find((body) => body.id === 'https://rss.tvc.ru/news/show/id/191969')?.language).toBe('ru');
    expect(cited.find((body) => body.id?.startsWith('https://www.vrt.be/'))?.language).toBe('nl');
    expect(cited.filter((body) => body.language).length).toBeGreaterThan(10);
    expect(cited.filter((body) => body.id?.includes('reuters.com')).every((body) => body.language === undefined)).toBe(true);
  });

  it('are published as W3C Web Annotations with the note’s permalink as id', () => {
    expect(collection['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(collection.total).toBe(items.length);
    for (const item of items) {
      expect(item.id).toMatch(/\/articles\/[a-z0-9-]+\/#note-[a-z0-9-]+$/);
      expect(item.created).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(['describing', 'assessing', 'bl:correcting', 'linking', 'commenting']).toContain(item.motivation);
      expect(item.body[0]!.value!.length).toBeGreaterThan(40);
    }
  });

  it('define the edition’s own terms (bl:) on the About page', () => {
    const namespace: string = collection['@context'][1].bl;
    expect(namespace).toBe('http://localhost:4321/about/#');
    const about = builtPage('about/');
    for (const term of collection['bl:vocabulary'] as { id: string }[]) expect(about).toContain(`id="${term.id.replace('bl:', '')}"`);
  });

  it('have selectors that match the text of their page’s <article-text> exactly once, at their position', () => {
    const pages = new Map<string, { text: string; html: string }>();
    for (const item of items) {
      const slug = slugOf(item);
      if (!pages.has(slug)) {
        const html = builtPage(`articles/${slug}/`);
        const inner = /<article-text[^>]*>([\s\S]*)<\/article-text>/.exec(html)![1]!;
        pages.set(slug, { html, text: textContent(inner).text });
      }
      const page = pages.get(slug)!;
      const [fragment, quote, scoped] = item.target.selector;
      expect(page.html, item.id).toContain(`id="${fragment.value}"`);
      expect(quote.exact.length, item.id).toBeGreaterThan(0);
      expect(occurrences(page.text, quote.prefix + quote.exact + quote.suffix), item.id).toBe(1);
      expect([...page.text].slice(scoped.refinedBy.start, scoped.refinedBy.end).join(''), item.id).toBe(quote.exact);
      const noteId = item.id.split('#')[1]!;
      expect(page.html, item.id).toContain(`id="${noteId}"`);
    }
  });

  it('follow the W3C Web Annotation model: absolute ids, a source, a quote and a position refining the article-text element', () => {
    const absolute = /^https?:\/\/[^\s#]+(#[^\s]+)?$/;
    expect(collection.id).toMatch(absolute);
    expect(collection.first.type).toBe('AnnotationPage');
    for (const item of items) {
      expect(item.id).toMatch(absolute);
      expect((item as unknown as { type: string }).type).toBe('Annotation');
      expect(item.target.source).toMatch(absolute);
      expect(item.target.selector.map((selector) => selector.type)).toEqual(['FragmentSelector', 'TextQuoteSelector', 'CssSelector']);
      const [, quote, scoped] = item.target.selector;
      expect(scoped.value).toBe('article-text');
      expect(scoped.refinedBy.type).toBe('TextPositionSelector');
      expect(Number.isInteger(scoped.refinedBy.start) && Number.isInteger(scoped.refinedBy.end), item.id).toBe(true);
      expect(scoped.refinedBy.end - scoped.refinedBy.start, item.id).toBe([...quote.exact].length);
    }
  });

  it('are also published per text, each text’s collection holding exactly its notes', () => {
    let total = 0;
    for (const slug of builtArticleSlugs()) {
      const own = JSON.parse(readFileSync(join(DIST, 'annotations', `${slug}.jsonld`), 'utf8'));
      expect(own['@context'][0]).toBe('http://www.w3.org/ns/anno.jsonld');
      expect(own.type).toBe('AnnotationCollection');
      expect(own.id).toBe(`http://localhost:4321/annotations/${slug}.jsonld`);
      expect(own['bl:selectors']).toMatch(/code points/);
      expect(own.first.items).toEqual(items.filter((item) => slugOf(item) === slug));
      expect(own.total).toBe(own.first.items.length);
      total += own.total;
    }
    expect(total).toBe(items.length);
  });
});

describe('the notes of a built article', () => {
  requireDist();
  it('come in number order in the page, as they are read without the margin (on paper, without JavaScript, with the keyboard)', () => {
    for (const slug of builtArticleSlugs()) {
      const html = builtPage(`articles/${slug}/index.html`);
      const numbers = [...html.matchAll(/<aside id="note-[^"]+"[^>]*><p class="note__label"[^>]*><span class="note__number">(\d+)<\/span>/g)].map((match) => Number(match[1]));
      expect(numbers.length, slug).toBeGreaterThan(0);
      expect(numbers, slug).toEqual(numbers.map((_, index) => index + 1));
    }
  });
});
