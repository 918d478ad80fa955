/**
 * What every browser test file starts with: the built site served on 127.0.0.1 and a Chromium,
 * opened before the file's tests and closed after them.
 *
 * @example
 * let site: RunningSite;
 * let browser: Browser;
 * beforeAll(async () => ({ site, browser } = await openSiteAndBrowser()));
 * afterAll(() => closeSiteAndBrowser(site, browser));
 */
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { serveSite, type RunningSite } from './server.ts';

export async function openSiteAndBrowser(): Promise<{ site: RunningSite; browser: Browser }> {
  const site = await serveSite();
  return { site, browser: await launchBrowser() };
}

/** Closes what {@link openSiteAndBrowser} opened; either may be missing if opening failed. */
export async function closeSiteAndBrowser(site: RunningSite | undefined, browser: Browser | undefined): Promise<void> {
  await browser?.close();
  await site?.close();
}
