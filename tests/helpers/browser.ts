/**
 * Debian's Chromium driven by playwright-core. A tool's own browser download does not work on the
 * build machines, so the executable is the system one; the flags keep Chromium from reaching out to
 * Google's services, which the closed network refuses.
 */
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not at ${CHROMIUM}. Install it (apt-get install -y chromium), or set CHROMIUM_PATH. .ci/run installs it.`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
}

/** A fresh page (own context: storage, permissions) with the given viewport and colour scheme. */
export async function openPage(
  browser: Browser,
  options: { width?: number; height?: number; colorScheme?: 'light' | 'dark'; javaScriptEnabled?: boolean } & BrowserContextOptions = {},
): Promise<Page> {
  const { width = 1440, height = 900, colorScheme = 'light', ...rest } = options;
  const context = await browser.newContext({ viewport: { width, height }, colorScheme, ...rest });
  return context.newPage();
}
