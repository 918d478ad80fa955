/**
 * A printed article as a demanding reader sees it, measured in Chromium with print media on every
 * article: the short summary of the copy stands apart from the text's first paragraph, not run into
 * it; and no page but the last is left with a blank band at its foot (a long note kept whole moved
 * to the next page left up to 38 % of a page empty).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openPage } from '../helpers/browser.ts';
import type { RunningSite } from '../helpers/server.ts';
import { closeSiteAndBrowser, openSiteAndBrowser } from '../helpers/e2e.ts';
import { builtArticleSlugs, DIST } from '../helpers/site.ts';
import { pdfPages } from '../helpers/pdf.ts';
import { NOTE_KIND_LABELS } from '../../src/lib/notes.ts';

/** The largest blank band a page but the last may leave at its foot, as a share of the printed area. */
const MOST_BLANK = 0.25;

/**
 * For each page of a PDF, the blank band at its foot as a share of the printed area: the page is
 * rendered in grey at 20 dpi and its last row with ink compared with the lowest such row of any page.
 */
function blankFoot(pdf: Buffer): number[] {
  const folder = mkdtempSync(join(tmpdir(), 'print-foot-'));
  try {
    writeFileSync(join(folder, 'page.pdf'), pdf);
    execFileSync('/usr/bin/pdftoppm', ['-r', '20', '-gray', join(folder, 'page.pdf'), join(folder, 'p')]);
    const inked = readdirSync(folder).filter((file) => file.endsWith('.pgm')).sort().map((file) => {
      const image = readFileSync(join(folder, file));
      const [, width, height] = image.toString('latin1', 0, 20).split(/\s+/).map(Number) as [number, number, number];
      const pixels = image.subarray(image.length - width * height);
      let last = 0;
      for (let y = 0; y < height; y++) if (pixels.subarray(y * width, (y + 1) * width).some((value) => value < 200)) last = y;
      return last;
    });
    const foot = Math.max(...inked);
    return inked.map((last) => (foot - last) / foot);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

let site: RunningSite;
let browser: Browser;

beforeAll(async () => ({ site, browser } = await openSiteAndBrowser()));
afterAll(() => closeSiteAndBrowser(site, browser));

describe('a printed article', () => {
  it('says whose it is and where it lives: the edition, the page’s address, and that the text is reproduced for study, endorsed by no one', async () => {
    const slug = builtArticleSlugs()[0]!;
    const page = await openPage(browser, { width: 1100, height: 900 });
    await page.goto(`${site.url}articles/${slug}/`);
    const folder = mkdtempSync(join(tmpdir(), 'print-text-'));
    try {
      writeFileSync(join(folder, 'page.pdf'), await page.pdf({ format: 'A4' }));
      // Words broken over lines are joined again: the address is long.
      const text = execFileSync('/usr/bin/pdftotext', [join(folder, 'page.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      const address = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel="canonical"]')!.href);
      expect(text.slice(0, 200).replace(/ /g, '')).toContain(`Borderlines.·${address}`);
      // Under the head of the first sheet, once (printed after the text, it often took a sheet of its own).
      const first = execFileSync('/usr/bin/pdftotext', ['-l', '1', join(folder, 'page.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(first).toContain('the texts are reproduced as received, for study; several are partisan, and the edition endorses none of them');
      expect(text.split('endorses none of them')).toHaveLength(2);
      // The site's navigation is not printed.
      expect(text).not.toMatch(/Texts Notes Glossary About/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
      await page.context().close();
    }
  });

  it('leaves a line’s space or so between the summary of the copy and the first paragraph, on every article', async () => {
    const gaps: Record<string, number> = {};
    for (const slug of builtArticleSlugs()) {
      const page = await openPage(browser, { width: 794, height: 1123 });
      await page.emulateMedia({ media: 'print' });
      await page.goto(`${site.url}articles/${slug}/`);
      gaps[slug] = await page.evaluate(() => {
        const summary = document.querySelector('.provenance__summary')!.getBoundingClientRect();
        const first = document.querySelector('[data-article-text] > [data-passage], [data-article-text] > .heading-wrap')!.getBoundingClientRect();
        return Math.round(first.top - summary.bottom);
      });
      await page.context().close();
    }
    for (const [slug, gap] of Object.entries(gaps)) expect(gap, `${slug}: ${gap} px between the summary and the text`).toBeGreaterThanOrEqual(10);
  });

  it('prints every note whole, with its sources, on a page as wide as a screen whose notes are in the margin (A3 landscape, or printed at a small scale)', async () => {
    const cut: string[] = [];
    for (const slug of builtArticleSlugs()) {
      const page = await openPage(browser, { width: 1100, height: 900 });
      await page.goto(`${site.url}articles/${slug}/`);
      await page.emulateMedia({ media: 'print' });
      cut.push(...(await page.evaluate((slug) => [...document.querySelectorAll<HTMLElement>('aside.note')].flatMap((note) => {
        const body = note.querySelector<HTMLElement>('.note__body')!;
        const sources = note.querySelector<HTMLElement>('.note__sources');
        const problems = [
          ...(body.scrollHeight > body.clientHeight + 1 ? [`its body cut at ${body.clientHeight} of ${body.scrollHeight} px`] : []),
          ...(sources && sources.getBoundingClientRect().height === 0 ? ['its sources hidden'] : []),
        ];
        return problems.length > 0 ? [`${slug}#${note.id}: ${problems.join('; ')}`] : [];
      }), slug)));
      await page.context().close();
    }
    expect(cut, cut.join('\n')).toEqual([]);
  });

  it('prints the address of every link to another text or to a claim page, so that paper can be followed', async () => {
    const bare: string[] = [];
    let checked = 0;
    for (const slug of builtArticleSlugs()) {
      const page = await openPage(browser, { width: 1100, height: 900 });
      await page.goto(`${site.url}articles/${slug}/`);
      await page.emulateMedia({ media: 'print' });
      const found = await page.evaluate(() => {
        // Chosen by where they are, not by their address, which a site under a base path prefixes.
        const links = [...document.querySelectorAll<HTMLAnchorElement>('.note a[data-link], .note__claim a, .cited-by a, .claims a')].filter((link) => !link.getAttribute('href')!.startsWith('#'));
        return { count: links.length, bare: links.filter((link) => !getComputedStyle(link, '::after').content.includes(link.getAttribute('href')!)).map((link) => `${link.getAttribute('href')} (“${link.textContent?.trim().slice(0, 40)}”)`) };
      });
      checked += found.count;
      bare.push(...found.bare.map((link) => `${slug}: ${link}`));
      await page.context().close();
    }
    expect(bare, bare.join('\n')).toEqual([]);
    expect(checked, 'links to other texts and claim pages looked at').toBeGreaterThan(20);
  });

  /** Each article printed on A4 once, for the tests of its pages below. */
  let printed: Promise<[string, Buffer][]> | undefined;
  const printedArticles = () =>
    (printed ??= (async () => {
      const pdfs: [string, Buffer][] = [];
      for (const slug of builtArticleSlugs()) {
        const page = await openPage(browser, { width: 1100, height: 900 });
        await page.goto(`${site.url}articles/${slug}/`);
        await page.evaluate(() => document.fonts.ready);
        pdfs.push([slug, await page.pdf({ format: 'A4', printBackground: true })]);
        await page.context().close();
      }
      return pdfs;
    })());

  it(`leaves no page but the last more than ${MOST_BLANK * 100} % blank at its foot, and no last page empty, on every article (A4)`, async () => {
    const blank: string[] = [];
    for (const [slug, pdf] of await printedArticles()) {
      const feet = blankFoot(pdf);
      feet.slice(0, -1).forEach((share, index) => share > MOST_BLANK && blank.push(`${slug}: page ${index + 1} is ${Math.round(share * 100)} % blank at its foot`));
      // A last sheet with nothing on it (a bottom margin that crossed the foot of the one before).
      if (feet.at(-1) === 1) blank.push(`${slug}: the last of its ${feet.length} pages is empty`);
    }
    expect(blank, blank.join('\n')).toEqual([]);
  }, 120_000);

  it('leaves no note’s label and no “Cited in a note” alone at the foot of a page, its words on the next (A4)', async () => {
    // A label, as pdftotext reads it: the note's number and kind, and a fact-check's finding.
    const label = new RegExp(`^(?:\\d+\\s*)?(?:${Object.values(NOTE_KIND_LABELS).join('|')})(?:\\s.*)?$|^Cited in (?:a note|\\d+ notes)$`);
    const alone: string[] = [];
    for (const [slug, pdf] of await printedArticles()) {
      pdfPages(pdf).slice(0, -1).forEach((text, index) => {
        const last = text.split('\n').map((line) => line.trim()).filter(Boolean).at(-1) ?? '';
        // (Not a line of the list of claims, which names a note's kind beside its claim page: “Context · Claim page …”.)
        if (label.test(last) && !/[·<]/.test(last)) alone.push(`${slug}: page ${index + 1} ends with “${last}”`);
      });
    }
    expect(alone, alone.join('\n')).toEqual([]);
  }, 120_000);
});

describe('a printed claim or correction', () => {
  /** The `count` largest pages under `dir` of dist/ (`<dir>/<name>/index.html`), as paths: the longest records are the ones a page break falls in. */
  const largest = (dir: string, count: number) =>
    readdirSync(join(DIST, dir), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !/^\d+$|^page$/.test(entry.name))
      .map((entry) => `${dir}/${entry.name}/`)
      .filter((path) => { try { return statSync(join(DIST, path, 'index.html')).isFile(); } catch { return false; } })
      .sort((a, b) => statSync(join(DIST, b, 'index.html')).size - statSync(join(DIST, a, 'index.html')).size)
      .slice(0, count);

  it(`leaves no page but the last more than ${MOST_BLANK * 100} % blank at its foot (a record kept whole moved to the next page and left most of the first blank)`, async () => {
    const blank: string[] = [];
    const paths = ['corrections/', ...largest('corrections/2026', 3), ...largest('claims', 3)];
    for (const path of paths) {
      const page = await openPage(browser, { width: 1100, height: 900 });
      await page.goto(`${site.url}${path}`);
      await page.evaluate(() => document.fonts.ready);
      const feet = blankFoot(await page.pdf({ format: 'A4', printBackground: true }));
      await page.context().close();
      feet.slice(0, -1).forEach((share, index) => share > MOST_BLANK && blank.push(`${path}: page ${index + 1} is ${Math.round(share * 100)} % blank at its foot`));
    }
    expect(blank, blank.join('\n')).toEqual([]);
    expect(paths).toHaveLength(7);
  }, 120_000);
});
