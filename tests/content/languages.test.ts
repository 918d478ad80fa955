/**
 * Words in another language are marked with it (WCAG 2.2, 3.1.2 Language of Parts): every run of
 * text in a script other than Latin, on every built page, is inside an element whose `lang` is not
 * the page's English, so that a screen reader reads it in its language. The edition's own words are
 * English; what is not are the titles of the pages it cites (src/lib/source-language.ts), wherever
 * they are shown: beside a note, on a term's and a claim's page, and in the corrections' wordings.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Root, RootContent } from 'hast';
import { filesUnder } from '../../src/lib/files.ts';
import { DIST, builtPage, requireDist } from '../helpers/site.ts';

const OTHER_SCRIPT = /(?![\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}])\p{L}/u;

/** Text in another script whose nearest `lang` is English, as `page: text`. */
function unmarked(page: string, html: string): string[] {
  const found: string[] = [];
  const walk = (node: Root | RootContent, lang: string) => {
    if (node.type === 'element') {
      if (['script', 'style', 'template'].includes(node.tagName)) return;
      lang = typeof (node as Element).properties['lang'] === 'string' ? String((node as Element).properties['lang']) : lang;
    }
    if (node.type === 'text' && OTHER_SCRIPT.test(node.value) && /^en\b/.test(lang)) found.push(`${page}: ${node.value.trim().slice(0, 50)}`);
    if ('children' in node) for (const child of node.children) walk(child, lang);
  };
  walk(fromHtml(html), 'en');
  return found;
}

describe('words in another language', () => {
  it('finds text in another script outside a lang, as on a page before the titles were marked', () => {
    expect(unmarked('p', '<html lang="en"><p>Source: <a href="#">Шойгу рассказал (TVC, in Russian)</a></p></html>')).toEqual(['p: Шойгу рассказал (TVC, in Russian)']);
    expect(unmarked('p', '<html lang="en"><p>Source: <a href="#" hreflang="ru"><span lang="ru">Шойгу рассказал</span> (TVC, in Russian)</a></p></html>')).toEqual([]);
  });

  it('are marked with their language on every page of the built site', () => {
    requireDist();
    const pages = filesUnder(DIST, (file) => file.endsWith('.html'));
    const found = pages.flatMap((page) => {
      const html = readFileSync(join(DIST, page), 'utf8');
      // Most pages have no other script at all: only those that do are parsed.
      return OTHER_SCRIPT.test(html.replace(/<script[^]*?<\/script>/g, '')) ? unmarked(page, html) : [];
    });
    expect(pages.length).toBeGreaterThan(100);
    expect(found).toEqual([]);
  });

  it('mark a cited page’s link with its language, and its title’s own words, right to left where they are', () => {
    const html = builtPage('articles/lavrov-speaks-out-against-nato-at-un/');
    expect(html).toMatch(/<a href="https:\/\/elnashra\.com[^"]*" hreflang="ar"><span lang="ar" dir="rtl">المبعوث/);
    expect(html).toMatch(/<a href="https:\/\/sana\.sy\/fa\/[^"]*" hreflang="fa"><span lang="fa" dir="rtl">جعفری/);
    expect(html).toMatch(/<a href="https:\/\/cnn\.gr\/[^"]*" hreflang="el"><span lang="el">ΥΠΕΞ/);
    expect(html).toMatch(/hreflang="ar">\[Report on the wheat fires in Hasakah/);
  });

  it('are right to left only in a right-to-left language', () => {
    requireDist();
    for (const page of filesUnder(DIST, (file) => file.endsWith('.html'))) {
      for (const [, lang] of readFileSync(join(DIST, page), 'utf8').matchAll(/<span lang="([^"]+)" dir="rtl">/g)) expect(['ar', 'fa', 'he', 'ur'], page).toContain(lang);
    }
  });
});
