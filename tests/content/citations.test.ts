/**
 * The citation files (issue 19): per text, /cite/<slug>.bib, .ris and .json hold the text, every
 * passage and every note, parse in their formats, and agree with each other and with the page.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DIST, builtArticleSlugs, builtPage, requireDist } from '../helpers/site.ts';
import { citableFromCsl, cslFileSchema, parseBibtex, parseRis } from '../helpers/citation-formats.ts';
import { apa, chicago, EDITION } from '../../src/lib/citation.ts';

requireDist();
const slugs = builtArticleSlugs();
const file = (slug: string, ext: string) => readFileSync(join(DIST, 'cite', `${slug}.${ext}`), 'utf8');
const count = (html: string, pattern: RegExp) => html.match(pattern)?.length ?? 0;
const decode = (html: string) => html.replace(/<[^>]+>/g, '').replace(/&#x26;|&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'");

describe('the citation files of each text', () => {
  it('exist in BibTeX, RIS and CSL-JSON, one file per format per text', () => {
    expect(slugs.length).toBeGreaterThanOrEqual(5);
    for (const slug of slugs) for (const ext of ['bib', 'ris', 'json']) expect(existsSync(join(DIST, 'cite', `${slug}.${ext}`)), `${slug}.${ext}`).toBe(true);
  });

  it('hold one record for the text, one per passage and one per note, with the same keys in every format', () => {
    for (const slug of slugs) {
      const html = builtPage(`articles/${slug}/`);
      const expected = 1 + count(html, /data-passage="(paragraph|heading)"/g) + count(html, /<aside id="note-/g);
      const bib = parseBibtex(file(slug, 'bib')).map((entry) => entry.key);
      const ris = parseRis(file(slug, 'ris')).map((record) => record.tags.find(([tag]) => tag === 'ID')![1]);
      const csl = cslFileSchema.parse(JSON.parse(file(slug, 'json'))).map((item) => item.id);
      expect(bib, slug).toHaveLength(expected);
      expect(ris, slug).toEqual(bib);
      expect(csl, slug).toEqual(bib);
    }
  });

  it('use keys made of the permanent ids, unique across the edition', () => {
    const keys = slugs.flatMap((slug) => parseBibtex(file(slug, 'bib')).map((entry) => entry.key));
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^borderlines:[a-z0-9-]+(:[a-z0-9-]+)?$/);
  });

  it('point every record at a place that exists on the text’s page', () => {
    for (const slug of slugs) {
      const html = builtPage(`articles/${slug}/`);
      for (const item of cslFileSchema.parse(JSON.parse(file(slug, 'json')))) {
        const url = new URL(item.URL);
        expect(url.pathname, item.id).toBe(`/articles/${slug}/`);
        if (url.hash) expect(html, item.id).toContain(`id="${url.hash.slice(1)}"`);
      }
    }
  });

  it('give every RIS record its required tags, and BibTeX a title, URL, year and access date', () => {
    for (const slug of slugs) {
      for (const record of parseRis(file(slug, 'ris'))) {
        const tags = record.tags.map(([tag]) => tag);
        expect(tags[0]).toBe('TY');
        expect(tags.at(-1)).toBe('ER');
        for (const tag of ['ID', 'TI', 'T2', 'PY', 'DA', 'UR', 'Y2']) expect(tags, `${slug} ${tag}`).toContain(tag);
      }
      for (const entry of parseBibtex(file(slug, 'bib'))) for (const field of ['title', 'url', 'year', 'urldate', 'editor']) expect(entry.fields[field], `${entry.key} ${field}`).toBeTruthy();
    }
  });
});

describe('the Cite box of an article page', () => {
  it('shows the text’s Chicago and APA forms as its files give them, and links to the three files', () => {
    for (const slug of slugs) {
      const html = builtPage(`articles/${slug}/`);
      const box = /<details class="cite"[\s\S]*?<\/details>/.exec(html)?.[0] ?? '';
      expect(box, slug).toContain('<summary>Cite this text</summary>');
      const [text] = cslFileSchema.parse(JSON.parse(file(slug, 'json')));
      const forms = [...box.matchAll(/<dd>([\s\S]*?)<\/dd>/g)].map((match) => decode(match[1]!));
      const citable = citableFromCsl(text!);
      expect(forms, slug).toEqual([chicago(citable, EDITION).text, apa(citable, EDITION).text]);
      for (const ext of ['bib', 'ris', 'json']) expect(box).toContain(`href="/cite/${slug}.${ext}" download`);
    }
  });

  it('is the same small box on every article page, whatever the number of its passages and notes: at most 1.5 KB, 640 bytes compressed', () => {
    // Measured on the box itself: its cost measured as the page's compressed size with and without
    // it moved between 278 and 561 bytes for the same box at the same place, as deflate cut its
    // blocks elsewhere in pages that differed by a few hundred bytes.
    for (const slug of slugs) {
      const box = /<details class="cite"[\s\S]*?<\/details>/.exec(builtPage(`articles/${slug}/`))![0];
      expect(box.length, slug).toBeLessThanOrEqual(1536);
      expect(gzipSync(box).length, slug).toBeLessThanOrEqual(640);
    }
  });
});
