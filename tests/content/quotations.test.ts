/**
 * Quotations of ours (a passage a note is on, a claim's words, a result's page) are set in double
 * marks with the marks inside them made single: a passage that is itself a quotation, or ends in
 * one, never shows two marks together on any page (““Russia may invade Ukraine, warns US.”” was on
 * a note card and the notes index).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import { toString } from 'hast-util-to-string';
import { remove } from 'unist-util-remove';
import { DIST, requireDist } from '../helpers/site.ts';
import { parse as parseYaml } from 'yaml';
import { innerQuotes, quoted } from '../../src/lib/attribution.ts';

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? pages(path) : name.endsWith('.html') ? [path] : [];
  });
}

describe('quotations', () => {
  it('set a quotation inside ours in single marks', () => {
    expect(quoted('“Russia may invade Ukraine, warns US.”')).toBe('“‘Russia may invade Ukraine, warns US.’”');
    expect(quoted('NATO is experiencing a “brain death”')).toBe('“NATO is experiencing a ‘brain death’”');
    expect(quoted('the so-called “nine-line dash,” and more words after it', 30)).toBe('“the so-called ‘nine-line…’”');
  });

  it('never show two marks together on a built page', () => {
    requireDist();
    const doubled: string[] = [];
    for (const file of pages(DIST)) {
      const tree = fromHtml(readFileSync(file, 'utf8'));
      remove(tree, (node) => node.type === 'element' && ['script', 'style', 'template'].includes((node as unknown as { tagName: string }).tagName));
      for (const match of toString(tree).matchAll(/.{0,40}(“\s*“|”\s*”).{0,20}/g)) doubled.push(`${relative(DIST, file)}: ${match[0].replace(/\s+/g, ' ')}`);
    }
    expect(doubled).toEqual([]);
  });
});

describe('headlines', () => {
  it('attribute a forum thread’s title to the forum alone, wherever the edition names the text', () => {
    requireDist();
    let named = 0;
    const more: string[] = [];
    for (const path of pages(DIST)) {
      // The headline quoted, then the dash of its attribution and what follows it.
      const text = readFileSync(path, 'utf8').replace(/<[^>]+>/g, '').replace(/&nbsp;/g, '\u00a0');
      for (const match of text.matchAll(/“Lavrov speaks out against NATO at UN” —\u00a0Cassiopaea forum( and \d+ others|, [A-Z]\w+)?/g)) {
        named++;
        if (match[1]) more.push(`${relative(DIST, path)}: ${match[0]}`);
      }
    }
    expect(named).toBeGreaterThan(100);
    expect(more).toEqual([]);
  });

  it('quote a text’s headline in the names links and images are read by, as on the page', () => {
    requireDist();
    const dir = join(DIST, '..', 'content', 'articles');
    const headlines = readdirSync(dir)
      .filter((name) => name.endsWith('.mdx'))
      .map((name) => innerQuotes(String((parseYaml(readFileSync(join(dir, name), 'utf8').split(/^---$/m)[1] ?? '') as { title: string }).title)));
    expect(headlines.length).toBeGreaterThanOrEqual(5);
    const decode = (value: string) => value.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    let named = 0;
    const bare: string[] = [];
    for (const path of pages(DIST)) {
      for (const [, attribute, raw] of readFileSync(path, 'utf8').matchAll(/\s(aria-label|title|alt)="([^"]*)"/g)) {
        const value = decode(raw!);
        for (const headline of headlines) {
          for (let at = value.indexOf(headline); at >= 0; at = value.indexOf(headline, at + 1)) {
            named++;
            if (at === 0 || !'“‘'.includes(value[at - 1]!)) bare.push(`${relative(DIST, path)}: ${attribute}="${value}"`);
          }
        }
      }
    }
    expect(named).toBeGreaterThan(0);
    expect(bare.slice(0, 10)).toEqual([]);
  });
});
