/**
 * Every built page is valid HTML by the Nu HTML Checker (the W3C validator's engine, from the
 * vnu-jar package, run offline on the machine's Java); and the checker, run the same way, finds
 * the faults planted in a page of its own. And no word of the site's own prose runs into a link or code,
 * as happens when a line of an Astro template ends with a word and the next begins with `<a`
 * (Astro drops whitespace that holds a line break between text and an element).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createRequire } from 'node:module';
import { DIST, requireDist } from '../helpers/site.ts';
import { strandedPunctuation } from '../helpers/search-text.ts';

const VNU = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

interface Message {
  type: string;
  subType?: string;
  url: string;
  lastLine?: number;
  message: string;
}

/** The checker's errors for the HTML files under `dir`, as `file:line: message`. */
function htmlErrors(dir: string): string[] {
  const run = spawnSync('java', ['-jar', VNU, '--errors-only', '--skip-non-html', '--format', 'json', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 300_000 });
  if (run.error) throw new Error(`The Nu HTML Checker needs Java (apt-get install -y openjdk-17-jre-headless; .ci/run installs it): ${run.error.message}`);
  const { messages } = JSON.parse(run.stderr || run.stdout) as { messages: Message[] };
  return messages
    .filter((message) => message.type === 'error' || message.subType === 'fatal')
    .map((message) => `${relative(dir, new URL(message.url).pathname)}:${message.lastLine ?? 0}: ${message.message}`);
}

describe('the Nu HTML Checker', () => {
  let planted: string;
  beforeAll(() => {
    planted = mkdtempSync(join(tmpdir(), 'borderlines-vnu-'));
    writeFileSync(join(planted, 'ok.html'), '<!doctype html><html lang="en"><title>ok</title><p>Fine.</p></html>');
    writeFileSync(join(planted, 'bad.html'), '<!doctype html><html lang="en"><title>bad</title>\n<p id="a">One</p><p id="a">Two</p>\n<a href="#"><div>block in a link in a paragraph</div></a><p><ul><li>list in a paragraph</ul></html>');
  });
  afterAll(() => rmSync(planted, { recursive: true, force: true }));

  it('reports the faults planted in a page, by file and line', () => {
    const errors = htmlErrors(planted);
    expect(errors.some((error) => /^bad\.html:2: Duplicate ID “a”/.test(error))).toBe(true);
    expect(errors.every((error) => error.startsWith('bad.html:'))).toBe(true);
  });

  it('finds no error in any page of the built site', () => {
    requireDist();
    expect(htmlErrors(DIST)).toEqual([]);
  });
});

/**
 * Words run into a link or a piece of code in `html` (`as<a href…>W3C`, `at<code>…`), with some context. Links named by
 * `aria-label` are icons (the ¶ after each paragraph) and sit against the text on purpose.
 */
export function gluedLinks(html: string): string[] {
  return [...html.matchAll(/[\p{L},;:]<a\s(?![^>]*aria-label=)[^>]*>[^<]{0,12}|[\p{L},;:]<code>[^<]{0,12}|<\/(?:a|code)>\p{L}{2,}/gu)].map((match) => match[0]);
}

describe('spacing around links', () => {
  it('finds a word run into a link, before or after it', () => {
    expect(gluedLinks('<p>published as<a href="/x">W3C</a> and <a href="/y">this</a>, fine</p>')).toEqual(['s<a href="/x">W3C']);
    expect(gluedLinks('<p>see <a href="/x">notes</a>index</p>')).toEqual(['</a>index']);
    expect(gluedLinks('<p>see <a href="/x">notes</a>, and <a href="/y">terms</a>.</p>')).toEqual([]);
    // Code in the prose too: “at<code>annotations/…</code>”.
    expect(gluedLinks('<p>published at<code>annotations/x.jsonld</code>, or <code>y</code>.</p>')).toEqual(['t<code>annotations/']);
    expect(gluedLinks('<p>Its last word<a class="passage-link" href="#p" aria-label="Link to this paragraph"><svg></svg></a></p>')).toEqual([]);
  });

  it('finds none on any page of the built site', () => {
    requireDist();
    const found = readdirSync(DIST, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.html'))
      .flatMap((file) => gluedLinks(readFileSync(join(DIST, file), 'utf8')).map((glued) => `${file}: ${glued}`));
    expect(found).toEqual([]);
  });
});

describe('what search reads of a page', () => {
  it('finds punctuation stranded by what it leaves out', () => {
    expect(strandedPunctuation('<main data-pagefind-body><p>A copy (<a href="/k">KTVZ</a>). <a data-pagefind-ignore href="/r">The raw text</a>.</p></main>')).toEqual(['A copy (KTVZ). .']);
    expect(strandedPunctuation('<main data-pagefind-body><p>A copy (<a href="/k">KTVZ</a>). <span data-pagefind-ignore><a href="/r">The raw text</a>.</span></p></main>')).toEqual([]);
    // A mark left after a word's space, and brackets left empty.
    expect(strandedPunctuation('<main data-pagefind-body><p>Copy taken from <a data-pagefind-ignore href="/r">here</a>. Cited (<span data-pagefind-ignore>twice</span>).</p></main>')).toEqual(['Copy taken from . C', 'ited ().']);
  });

  it('finds none in any page it indexes', () => {
    requireDist();
    const found = readdirSync(DIST, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.html'))
      .flatMap((file) => {
        const html = readFileSync(join(DIST, file), 'utf8');
        return html.includes('data-pagefind-body') ? strandedPunctuation(html).map((text) => `${file}: ${text}`) : [];
      });
    expect(found).toEqual([]);
  });
});

describe('the header on each section’s page', () => {
  const header = (path: string) => /<header class="site-header"[^]*?<\/header>/.exec(readFileSync(join(DIST, path), 'utf8'))![0];

  it('marks the section the page is in, the search page’s too', () => {
    expect(header('search/index.html')).toMatch(/<a class="search-link"[^>]*aria-current="page"/);
    expect(header('about/index.html')).toMatch(/<a [^>]*aria-current="page"[^>]*>About<\/a>/);
    expect(header('about/index.html')).not.toMatch(/<a class="search-link"[^>]*aria-current/);
  });
});
