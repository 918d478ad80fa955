/**
 * Shared helpers for tests that read the built site (dist/).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');

/** Fails clearly when the site has not been built. */
export function requireDist(): void {
  if (!existsSync(join(DIST, 'index.html'))) {
    throw new Error('dist/ is missing: the content and browser tests read the built site. Run `npm run build` first (npm test does).');
  }
}

/** Slugs of the built article pages. */
export function builtArticleSlugs(): string[] {
  requireDist();
  return readdirSync(join(DIST, 'articles'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** The HTML of a built page, by its site path (`articles/x/`). */
export function builtPage(path: string): string {
  return readFileSync(join(DIST, path, path.endsWith('.html') ? '' : 'index.html'), 'utf8');
}

/**
 * The environment for a child build: this process's, without what Vitest adds to it (BASE_URL, MODE,
 * DEV, PROD, SSR, VITEST…), which Astro would read as the site's own settings.
 */
export function buildEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(VITEST|VITE_|TEST$|BASE_URL$|MODE$|DEV$|PROD$|SSR$|NODE_ENV$)/.test(key)) continue;
    env[key] = value;
  }
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
}
