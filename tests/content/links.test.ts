/**
 * Every internal link, source and #fragment of the built site resolves; and the checker that says
 * so catches each kind of fault planted in a small site of its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DIST, requireDist, ROOT } from '../helpers/site.ts';
import { checkLinks } from '../../scripts/lib/links.ts';

const ORIGIN = 'http://localhost:4321';

describe('the built site', () => {
  it('has no broken internal link, source or fragment', () => {
    requireDist();
    const report = checkLinks(DIST, { origin: ORIGIN, base: '/' });
    expect(report.checked).toBeGreaterThan(3000);
    expect(report.broken).toEqual([]);
  });

  it('leads from the home page’s own words, not only its footer, to the claims, the timeline and the corrections', () => {
    requireDist();
    const home = readFileSync(join(DIST, 'index.html'), 'utf8');
    const main = home.slice(home.indexOf('<main'), home.indexOf('</main>'));
    for (const path of ['/claims/', '/timeline/', '/corrections/']) expect(main, path).toContain(`href="${path}"`);
    // …and says when the edition was last corrected, as the latest correction's record has it.
    const latest = /^ {2}date: (\d{4}-\d\d-\d\d)$/gm;
    const dates = [...readFileSync(join(ROOT, 'content/corrections.yaml'), 'utf8').matchAll(latest)].map((match) => match[1]!).sort();
    expect(main).toContain(`(the latest on <time datetime="${dates.at(-1)}">`);
  });

  it('links out only to the sources its notes and glossary cite', () => {
    const report = checkLinks(DIST, { origin: ORIGIN, base: '/' });
    expect(report.external.size).toBeGreaterThan(50);
    for (const [url, files] of report.external) {
      expect(url, `${url} (in ${files[0]})`).toMatch(/^https?:\/\/[^/]+\.[a-z]{2,}/);
      expect(url).not.toMatch(/fonts\.googleapis|cdn|analytics|gtag/);
    }
  });
});

describe('the link checker', () => {
  let dir: string;
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'borderlines-links-'));
    write('index.html', `<!doctype html><title>t</title><link rel="stylesheet" href="/_astro/site.css">
      <a href="/articles/a/">fine</a> <a href="articles/a/#p1">fine fragment</a> <a href="/articles/a/#p1:~:text=fine">fine text fragment</a>
      <a href="/articles/missing/">missing page</a> <a href="/articles/a/#gone">missing id</a> <a href="/articles/a">no slash</a>
      <a href="/articles/a/#gone:~:text=words">missing id before a text fragment</a> <img src="/og.png" alt="">
      <a href="https://example.org/report">external</a> <a href="${ORIGIN}/articles/a/#p1">absolute, own site</a>
      <meta property="og:image" content="${ORIGIN}/articles/a/og.png"> <link-previews data-src="/previews.json"></link-previews>`);
    const row = (href: string) => [href, 'passage', 'A', 'Outlet, 2020', 'One.', 'Go to the passage'];
    write('articles/a/previews.json', JSON.stringify([row('/articles/a/#p1'), row('/articles/a/#gone')]));
    write('articles/b/previews.json', '<template>');
    write('articles/c/previews.json', JSON.stringify([['/articles/a/#p1', 'passage']]));
    write('articles/a/index.html', '<!doctype html><title>a</title><p id="p1">One.</p><a href="#main">skip</a>');
    write('_astro/site.css', '@font-face{src:url(/_astro/font.woff2)} .x{background:url("data:image/png;base64,AA")}');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports each planted fault, and nothing else', () => {
    const report = checkLinks(dir, { origin: ORIGIN, base: '/' });
    expect(report.broken.map(({ file, link, reason }) => `${file}: ${link}: ${reason}`)).toEqual([
      'index.html: /articles/missing/: no file articles/missing/index.html',
      'index.html: /articles/a/#gone: no element with id “gone” in articles/a/index.html',
      'index.html: /articles/a: missing its trailing slash',
      'index.html: /articles/a/#gone:~:text=words: no element with id “gone” in articles/a/index.html',
      'index.html: /og.png: no file og.png',
      'index.html: http://localhost:4321/articles/a/og.png: no file articles/a/og.png',
      'index.html: /previews.json: no file previews.json',
      'articles/a/index.html: #main: no element with id “main” in articles/a/index.html',
      '_astro/site.css: /_astro/font.woff2: no file _astro/font.woff2',
      'articles/a/previews.json: /articles/a/#gone: no element with id “gone” in articles/a/index.html',
      'articles/b/previews.json: : not a previews file (a JSON array of [href, kind, title, label, text, action])',
      'articles/c/previews.json: : not a previews file (a JSON array of [href, kind, title, label, text, action])',
    ]);
    expect([...report.external.keys()]).toEqual(['https://example.org/report']);
  });

  it('checks a site under a sub-path against its base', () => {
    write('sub/index.html', '<!doctype html><title>s</title><a href="/elsewhere/">outside</a>');
    const report = checkLinks(join(dir, 'sub'), { origin: ORIGIN, base: '/borderlines/' });
    expect(report.broken).toEqual([{ file: 'index.html', link: '/elsewhere/', reason: "outside the site's base path /borderlines/" }]);
  });
});
