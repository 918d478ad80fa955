/**
 * Security in Chromium, with the site served as a static host would serve it (the headers of
 * dist/_headers, Content-Security-Policy included): no page breaks its policy, no page asks any
 * other origin for anything, search works inside the policy, and nothing taken from the URL is
 * ever put into the page as HTML.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openPage } from '../helpers/browser.ts';
import { serveSite, type RunningSite } from '../helpers/server.ts';
import { closeSiteAndBrowser, openSiteAndBrowser } from '../helpers/e2e.ts';
import { sitemapPaths } from '../helpers/sitemap.ts';

let site: RunningSite;
let browser: Browser;

beforeAll(async () => ({ site, browser } = await openSiteAndBrowser()));
afterAll(() => closeSiteAndBrowser(site, browser));

interface Watch {
  /** Policy violations the page reported, and console errors that name the policy. */
  violations: string[];
  /** Requests to any origin but the site's. */
  foreign: string[];
  /** Uncaught errors. */
  errors: string[];
}

/** Records what a page does that the policy or the site's rules forbid. */
async function watch(context: BrowserContext, origin: string): Promise<Watch> {
  const seen: Watch = { violations: [], foreign: [], errors: [] };
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __violations: string[] }).__violations ??= [];
      (window as unknown as { __violations: string[] }).__violations.push(`${event.violatedDirective} blocked ${event.blockedURI}`);
    });
  });
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (!['data:', 'blob:', 'about:'].includes(url.protocol) && url.origin !== origin) seen.foreign.push(request.url());
  });
  context.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Content-Security-Policy/i.test(message.text())) seen.violations.push(message.text());
  });
  context.on('weberror', (error) => seen.errors.push(error.error().message));
  return seen;
}

async function pageViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []);
}

describe('the headers', () => {
  it('carry a strict policy and the usual security headers, for pages and for scripts', async () => {
    for (const path of ['', 'articles/russian-bombers-fly-over-belarus/', 'pagefind/pagefind-worker.js']) {
      const response = await fetch(site.url + path);
      expect(response.status, path).toBe(200);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/(^|; )default-src 'self'(;|$)/);
      expect(csp).toMatch(/(^|; )frame-ancestors 'none'(;|$)/);
      expect(csp).toMatch(/(^|; )object-src 'none'(;|$)/);
      expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+;/);
      expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'|https?:|\*/);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
  });
});

describe('every page, under the policy', () => {
  it('breaks no rule of the policy, requests nothing from another origin, and throws no error', async () => {
    const context = (await openPage(browser)).context();
    const seen = await watch(context, new URL(site.url).origin);
    const page = context.pages()[0]!;
    const found: Record<string, string[]> = {};
    // A note's share page goes on at once to the note in its text: it comes last, and is followed.
    for (const path of [...sitemapPaths(), 'no-such-page/', 'search/?q=Iskander', 'notes/iskander-range-poland/']) {
      await page.goto(site.url + path, { waitUntil: 'load' });
      if (path.startsWith('notes/')) await page.waitForURL(/\/articles\/russia-new-steps-western-border\/#note-iskander-range-poland$/);
      await page.evaluate(() => document.fonts.ready);
      if (path.includes('?q=')) await expect.poll(() => page.locator('.search-hit').count(), { timeout: 15_000 }).toBeGreaterThan(0);
      const violations = await pageViolations(page);
      if (violations.length > 0) found[path || '/'] = violations;
    }
    await context.close();
    expect(found).toEqual({});
    expect(seen.violations).toEqual([]);
    expect(seen.foreign).toEqual([]);
    expect(seen.errors).toEqual([]);
  }, 180_000);

  it('runs Pagefind’s WebAssembly on the page (no worker since issue 16), as the header allows', async () => {
    const context = (await openPage(browser)).context();
    const seen = await watch(context, new URL(site.url).origin);
    const page = context.pages()[0]!;
    const workers: string[] = [];
    page.on('worker', (worker) => workers.push(worker.url()));
    await page.goto(`${site.url}search/?q=Union%20State`);
    await expect.poll(() => page.locator('.search-hit').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    // The worker's script repeated the WebAssembly bindings of pagefind.js: 12 KB more per first search.
    expect(workers).toEqual([]);
    expect(seen.errors).toEqual([]);
    expect(await pageViolations(page)).toEqual([]);
    expect(seen.violations).toEqual([]);
    await context.close();
  });
});

describe('text from the URL is never HTML', () => {
  const PAYLOAD = `"><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;
  const hostile = [
    `#${encodeURIComponent(PAYLOAD)}`,
    `#${PAYLOAD}`,
    `?q=${encodeURIComponent(PAYLOAD)}`,
    `?hl=${encodeURIComponent(PAYLOAD)}`,
    `?q=${encodeURIComponent(PAYLOAD)}&type=${encodeURIComponent(PAYLOAD)}&outlet=${encodeURIComponent(PAYLOAD)}#${encodeURIComponent(PAYLOAD)}`,
    `#note-${encodeURIComponent(PAYLOAD)}:~:text=${encodeURIComponent(PAYLOAD)}`,
  ];
  const pages = ['', 'articles/russian-bombers-fly-over-belarus/', 'search/', 'glossary/iskander/', 'annotations/', 'no-such-page/'];

  // The policy would stop an injected script anyway; it is switched off here so that it cannot
  // hide code that puts text from the URL into the page.
  for (const bypassCSP of [false, true]) {
    it(`nothing from a hostile hash or query runs or appears as an element${bypassCSP ? ', even without the policy' : ''}`, async () => {
      const page = await openPage(browser, { bypassCSP });
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      for (const path of pages) {
        for (const suffix of hostile) {
          await page.goto(site.url + path + suffix);
          // Search runs on the query; give it time to put its results (and any injection) in the page.
          if (path === 'search/' && suffix.startsWith('?q=')) await page.waitForTimeout(600);
          const state = await page.evaluate(() => ({
            pwned: (window as unknown as { __pwned?: number }).__pwned,
            images: document.querySelectorAll('img[src="x"]').length,
            scripts: [...document.scripts].filter((script) => script.textContent?.includes('__pwned')).length,
          }));
          expect(state, `${path}${suffix}`).toEqual({ pwned: undefined, images: 0, scripts: 0 });
        }
      }
      expect(dialogs).toEqual([]);
      await page.context().close();
    }, 120_000);
  }

  it('nor does a hostile search typed in the search box', async () => {
    const page = await openPage(browser, { bypassCSP: true });
    await page.goto(`${site.url}articles/russian-bombers-fly-over-belarus/`);
    await page.keyboard.press('/');
    await page.waitForFunction(() => document.activeElement?.matches('input[type="search"]') === true);
    await page.keyboard.type(`Iskander ${PAYLOAD}`);
    await page.waitForTimeout(800);
    expect(await page.evaluate(() => ({ pwned: (window as unknown as { __pwned?: number }).__pwned, images: document.querySelectorAll('img[src="x"]').length }))).toEqual({
      pwned: undefined,
      images: 0,
    });
    await page.context().close();
  });
});

describe('the watch itself', () => {
  let dir: string;
  let planted: RunningSite;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'borderlines-csp-'));
    writeFileSync(join(dir, '_headers'), "/*\n  Content-Security-Policy: default-src 'self'; script-src 'self'; img-src *\n");
    writeFileSync(
      join(dir, 'index.html'),
      '<!doctype html><html lang="en"><title>planted</title><script>document.title = "ran"</script><img src="https://example.org/pixel.png" alt="">',
    );
    planted = await serveSite({ root: dir });
  });

  afterAll(async () => {
    await planted?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('sees an inline script the policy blocks and a request to another origin', async () => {
    const context = (await openPage(browser)).context();
    const seen = await watch(context, new URL(planted.url).origin);
    const page = context.pages()[0]!;
    await page.goto(planted.url);
    expect(await page.title()).toBe('planted');
    expect((await pageViolations(page)).join('\n')).toMatch(/^script-src(-elem)? blocked inline$/m);
    expect(seen.foreign).toEqual(['https://example.org/pixel.png']);
    await context.close();
  });
});
