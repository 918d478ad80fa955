/**
 * Permalinks in Chromium: landing on a passage, links to a selection and to a term mention that
 * highlight the exact words (text fragments), and the anchor ledger: a published paragraph or
 * article that is renamed fails the build until an alias or a redirect is recorded, after which
 * old links land on the successor.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/site.ts';
import type { Browser, Page } from 'playwright-core';
import { openPage } from '../helpers/browser.ts';
import { serveSite, type RunningSite } from '../helpers/server.ts';
import { closeSiteAndBrowser, openSiteAndBrowser } from '../helpers/e2e.ts';
import { createFixtureSite, type FixtureSite } from '../helpers/fixture-site.ts';

const BOMBERS = 'articles/russian-bombers-fly-over-belarus/';
let site: RunningSite;
let browser: Browser;

beforeAll(async () => ({ site, browser } = await openSiteAndBrowser()));
afterAll(() => closeSiteAndBrowser(site, browser));

/** Where the target of the URL's fragment is, and whether it has the reader's attention. */
async function landing(page: Page) {
  return page.evaluate(() => {
    const id = decodeURIComponent(location.hash.slice(1));
    const target = document.getElementById(id);
    if (!target) return undefined;
    const box = target.getBoundingClientRect();
    const probe = document.elementFromPoint(box.left + Math.min(box.width / 2, 40), box.top + 8);
    return {
      id,
      top: box.top,
      visible: box.top >= 0 && box.top < innerHeight / 2,
      uncovered: probe !== null && target.contains(probe),
      focused: document.activeElement === target,
      highlighted: getComputedStyle(target).backgroundColor !== 'rgba(0, 0, 0, 0)',
      animation: getComputedStyle(target).animationName,
    };
  });
}

/** Paints text-fragment matches magenta (the site's own highlight is a pale tint). */
const MAGENTA_MATCHES = '::target-text { background-color: #ff00ff !important; color: #ff00ff !important; }';

/**
 * The box, in page coordinates, of the magenta pixels in the viewport, or undefined when there are
 * none. The screenshot is decoded by the browser itself (no image library needed).
 */
async function magentaBox(page: Page) {
  const png = (await page.screenshot()).toString('base64');
  const scroll = await page.evaluate(() => ({ x: scrollX, y: scrollY }));
  const box = await page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const { data: pixels } = context.getImageData(0, 0, image.width, image.height);
    let left = Infinity, top = Infinity, right = -1, bottom = -1, count = 0;
    for (let y = 0; y < image.height; y++) {
      for (let x = 0; x < image.width; x++) {
        const at = (y * image.width + x) * 4;
        if (pixels[at]! > 240 && pixels[at + 1]! < 20 && pixels[at + 2]! > 240) {
          count++;
          left = Math.min(left, x);
          right = Math.max(right, x);
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
        }
      }
    }
    return count === 0 ? undefined : { left, top, right, bottom, count };
  }, png);
  return box && { ...box, top: box.top + scroll.y, bottom: box.bottom + scroll.y };
}

/** The box, in page coordinates, of the given words inside the element with id `id`. */
async function wordsBox(page: Page, id: string, words: string) {
  return page.evaluate(
    ({ id, words }) => {
      const element = document.getElementById(id)!;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      let text = '';
      const nodes: { node: Text; start: number }[] = [];
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        nodes.push({ node, start: text.length });
        text += node.data;
      }
      const at = text.indexOf(words);
      const locate = (offset: number) => {
        const found = [...nodes].reverse().find((entry) => entry.start <= offset)!;
        return [found.node, offset - found.start] as const;
      };
      const range = document.createRange();
      range.setStart(...locate(at));
      range.setEnd(...locate(at + words.length));
      const box = range.getBoundingClientRect();
      return { left: box.left, right: box.right, top: box.top + scrollY, bottom: box.bottom + scrollY };
    },
    { id, words },
  );
}

/**
 * Asserts that the browser painted `words` of the element `id`, and nothing else in view, as a
 * text-fragment match. The words are brought into view first: what is tested is the highlight,
 * wherever the browser scrolled to.
 */
async function expectHighlighted(page: Page, id: string, words: string) {
  await page.addStyleTag({ content: MAGENTA_MATCHES });
  await page.evaluate(() => document.fonts.ready);
  const before = await wordsBox(page, id, words);
  await page.evaluate((top) => window.scrollTo(0, top - innerHeight / 2), before.top);
  const expected = await wordsBox(page, id, words);
  await expect.poll(() => magentaBox(page), { timeout: 10_000 }).toBeTruthy();
  const painted = (await magentaBox(page))!;
  expect(painted.left).toBeGreaterThanOrEqual(expected.left - 2);
  expect(painted.right).toBeLessThanOrEqual(expected.right + 2);
  expect(painted.top).toBeGreaterThanOrEqual(expected.top - 2);
  expect(painted.bottom).toBeLessThanOrEqual(expected.bottom + 2);
}

/** Selects `words` inside the element with id `id`, as a reader dragging over them would. */
async function select(page: Page, id: string, words: string) {
  await page.evaluate(
    ({ id, words }) => {
      const element = document.getElementById(id)!;
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const at = node.data.indexOf(words);
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + words.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        element.scrollIntoView({ block: 'center' });
        element.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return;
      }
      throw new Error(`“${words}” is not in #${id}`);
    },
    { id, words },
  );
}

describe('landing on a permalink', () => {
  for (const width of [1440, 390]) {
    it(`scrolls the paragraph into view, highlights it and gives it focus (${width} px)`, async () => {
      const page = await openPage(browser, { width, height: 800 });
      await page.goto(`${site.url}${BOMBERS}#saturday-british-prime-minister-boris`);
      await page.waitForFunction(() => document.activeElement?.id === 'saturday-british-prime-minister-boris');
      const landed = (await landing(page))!;
      expect(landed.visible, `top at ${landed.top}px`).toBe(true);
      expect(landed.uncovered).toBe(true);
      expect(landed.highlighted).toBe(true);
      expect(landed.animation).toBe('target-fade');
      await page.context().close();
    });
  }

  it('does not animate the highlight when the reader prefers reduced motion', async () => {
    const page = await openPage(browser, { reducedMotion: 'reduce' });
    await page.goto(`${site.url}${BOMBERS}#saturday-british-prime-minister-boris`);
    const landed = (await landing(page))!;
    expect(landed.highlighted).toBe(true);
    expect(landed.animation).toBe('target-off');
    await page.context().close();
  });
});

describe('links to words', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    it(`paints the linked words in their own colour, not the yellow of the paragraph's flash (${colorScheme})`, async () => {
      const page = await openPage(browser, { colorScheme });
      await page.goto(`${site.url}${BOMBERS}#saturday-british-prime-minister-boris:~:text=with-,Macron`);
      await page.waitForFunction(() => document.activeElement?.id === 'saturday-british-prime-minister-boris');
      const colours = await page.evaluate(() => {
        const paragraph = document.getElementById('saturday-british-prime-minister-boris')!;
        return { flash: getComputedStyle(paragraph).backgroundColor, words: getComputedStyle(paragraph, '::target-text').backgroundColor };
      });
      expect(colours.flash).not.toBe('rgba(0, 0, 0, 0)');
      expect(colours.words).not.toBe('rgba(0, 0, 0, 0)');
      expect(colours.words).not.toBe(colours.flash);
      await page.context().close();
    });
  }

  it('a link copied from a selection highlights the selected words in Chromium, even words the page has twice', async () => {
    const page = await openPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(site.url + BOMBERS);
    // "Macron" is also in an earlier paragraph: the link carries the word before it to tell them apart.
    await select(page, 'saturday-british-prime-minister-boris', 'Macron');
    await page.getByRole('button', { name: 'Copy link to this passage' }).click();
    await expect.poll(() => page.locator('.copy-status').textContent()).toBe('Link to this passage copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toBe(`${site.url}${BOMBERS}#saturday-british-prime-minister-boris:~:text=with-,Macron`);

    const reader = await openPage(browser, { bypassCSP: true });
    await reader.goto(link);
    await expectHighlighted(reader, 'saturday-british-prime-minister-boris', 'Macron');
    await reader.context().close();
    await page.context().close();
  });

  it('a long selection is linked by its first and last words', async () => {
    const page = await openPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(site.url + BOMBERS);
    await select(page, 'saturday-british-prime-minister-boris', 'finding a diplomatic solution to the current tensions must remain the overriding priority');
    await page.getByRole('button', { name: 'Copy link to this passage' }).click();
    await expect
      .poll(() => page.evaluate(() => navigator.clipboard.readText()))
      .toBe(`${site.url}${BOMBERS}#saturday-british-prime-minister-boris:~:text=finding%20a%20diplomatic%20solution,remain%20the%20overriding%20priority`);
    await page.context().close();
  });

  it('a selection that starts or ends inside a word is linked by whole words', async () => {
    const page = await openPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(site.url + BOMBERS);
    await select(page, 'war-fears-mounted-ukrainian-authorities', 'rs mounted, Ukrain');
    await page.getByRole('button', { name: 'Copy link to this passage' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/#war-fears-mounted-ukrainian-authorities:~:text=fears%20mounted%2C%20Ukrainian$/);
    await page.context().close();
  });

  it('a term mention offers a link to itself, which lands on its paragraph with the term highlighted', async () => {
    const page = await openPage(browser, { permissions: ['clipboard-read', 'clipboard-write'] });
    await page.goto(site.url + BOMBERS);
    const term = page.locator('[data-passage] a.term[data-term="nato"]').first();
    const paragraph = await term.evaluate((link) => link.closest('[data-passage]')!.id);
    const words = (await term.textContent())!;
    await term.focus();
    const copy = page.getByRole('button', { name: 'Copy link to this mention' });
    await copy.waitFor(); // the preview, once its page's previews file has come
    await page.keyboard.press('Tab'); // its copy button (the preview's link to the entry is the term's own, out of the tab order)
    await expect.poll(() => copy.evaluate((button) => button === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.copy-status').textContent()).toBe('Link to this mention copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link.startsWith(`${site.url}${BOMBERS}#${paragraph}:~:text=`)).toBe(true);

    const reader = await openPage(browser, { bypassCSP: true });
    await reader.goto(link);
    await expectHighlighted(reader, paragraph, words);
    await reader.context().close();
    await page.context().close();
  });
});

describe('the anchor ledger', () => {
  const ARTICLE = 'content/articles/russian-bombers-fly-over-belarus.mdx';
  let fixture: FixtureSite;
  let broken: { code: number; output: string };
  let fixed: { code: number; output: string };

  beforeAll(() => {
    fixture = createFixtureSite();
    // An editor renames a published paragraph and an article's slug.
    fixture.edit(ARTICLE, (text) => text.replace('^war-fears-mounted-ukrainian-authorities', '^civil-defense-drills-ukraine'));
    fixture.rename('content/articles/lavrov-speaks-out-against-nato-at-un.mdx', 'content/articles/lavrov-at-un.mdx');
    // A renamed text takes its claims inventory along.
    fixture.rename('content/claims/lavrov-speaks-out-against-nato-at-un.yaml', 'content/claims/lavrov-at-un.yaml');
    broken = fixture.astro('build');
    // …and records where the old addresses lead.
    fixture.edit('content/anchors.yaml', (text) =>
      text
        // The bombers report has an alias already (a note merged into another): the new one joins it.
        .replace(/^aliases:\n  russian-bombers-fly-over-belarus:\n/m, 'aliases:\n  russian-bombers-fly-over-belarus:\n    war-fears-mounted-ukrainian-authorities: civil-defense-drills-ukraine\n')
        .replace('redirects: {}', 'redirects:\n  lavrov-speaks-out-against-nato-at-un: lavrov-at-un'),
    );
    fixed = fixture.astro('build');
  }, 300_000);

  afterAll(() => fixture?.remove());

  it('fails the build before any page is rendered, naming each anchor, its successor and the line to paste', () => {
    expect(broken.code).not.toBe(0);
    expect(broken.output).not.toContain('Stack trace');
    expect(broken.output).not.toMatch(/generating static routes|\.html \(\+\d+ms\)/);
    // The paragraph's line in the text (the fixture is the edition's own article).
    const line = readFileSync(join(ROOT, 'content/articles/russian-bombers-fly-over-belarus.mdx'), 'utf8').split('\n').findIndex((text) => text.endsWith('^war-fears-mounted-ukrainian-authorities')) + 1;
    expect(broken.output).toContain(
      `content/articles/russian-bombers-fly-over-belarus.mdx:${line}:1: paragraph \`#war-fears-mounted-ukrainian-authorities\` was published, but it is no longer on the page and has no alias; its text is now \`#civil-defense-drills-ukraine\` (line ${line}), with the same fingerprint [anchor-gone]`,
    );
    // The article has aliases already: the one line to add under its key (a second key is invalid YAML).
    expect(broken.output).toMatch(/add this line under `  russian-bombers-fly-over-belarus:` in `aliases:` \(content\/anchors\.yaml:\d+, where the article has aliases already\):\n {4}war-fears-mounted-ukrainian-authorities: civil-defense-drills-ukraine/u);
    expect(broken.output).toMatch(
      /content\/anchors\.yaml:\d+:1: article `lavrov-speaks-out-against-nato-at-un` was published, but the article is no longer published and has no redirect; its text is now `lavrov-at-un` \(\d+ of its \d+ anchors\) \[article-gone\]/,
    );
    expect(broken.output).toContain('  lavrov-speaks-out-against-nato-at-un: lavrov-at-un');
  });

  it('passes once an alias and a redirect are recorded, and old links land on the successors', async () => {
    expect(fixed.code, fixed.output).toBe(0);
    const fixtureSite = await serveSite({ root: join(fixture.dir, 'dist') });
    try {
      const page = await openPage(browser);
      await page.goto(`${fixtureSite.url}${BOMBERS}#war-fears-mounted-ukrainian-authorities`);
      await page.waitForFunction(() => location.hash === '#civil-defense-drills-ukraine');
      const landed = (await landing(page))!;
      expect(landed.visible).toBe(true);
      expect(landed.highlighted).toBe(true);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('civil-defense-drills-ukraine');

      await page.goto(`${fixtureSite.url}articles/lavrov-speaks-out-against-nato-at-un/#move-deepens-doubts-about-whether`);
      await page.waitForURL(`${fixtureSite.url}articles/lavrov-at-un/#move-deepens-doubts-about-whether`);
      const moved = (await landing(page))!;
      expect(moved.visible).toBe(true);
      expect(moved.highlighted).toBe(true);

      // The renamed text's other addresses: its timeline and its claims send readers on, and its
      // citation and annotation files are still there, the same as at the new address.
      for (const list of ['timeline/text', 'claims/text']) {
        await page.goto(`${fixtureSite.url}${list}/lavrov-speaks-out-against-nato-at-un/`);
        await page.waitForURL(`${fixtureSite.url}${list}/lavrov-at-un/`);
      }
      // Every page of a list, not only its first: the Lavrov text's claims fill two.
      expect(existsSync(join(fixture.dir, 'dist/claims/text/lavrov-at-un/2/index.html'))).toBe(true);
      await page.goto(`${fixtureSite.url}claims/text/lavrov-speaks-out-against-nato-at-un/2/`);
      await page.waitForURL(`${fixtureSite.url}claims/text/lavrov-at-un/2/`);
      const dist = join(fixture.dir, 'dist');
      for (const file of ['cite/%s.bib', 'cite/%s.ris', 'cite/%s.json', 'annotations/%s.jsonld']) {
        const old = join(dist, file.replace('%s', 'lavrov-speaks-out-against-nato-at-un'));
        expect(existsSync(old), old).toBe(true);
        expect(readFileSync(old, 'utf8')).toBe(readFileSync(join(dist, file.replace('%s', 'lavrov-at-un')), 'utf8'));
      }
      await page.context().close();
    } finally {
      await fixtureSite.close();
    }
  });
});
