/**
 * The few scripts that must run inline, before the page is painted or instead of it. They are
 * constants so that their hashes can go in the Content-Security-Policy (astro.config.mjs): Astro
 * hashes the scripts it bundles, not `is:inline` ones. Change a script here and its hash follows.
 */
import { createHash } from 'node:crypto';

/**
 * Before first paint, so a chosen theme never flashes the other one, and so styles that depend on
 * scripts (notes in the margin) apply from the start without moving the text.
 */
export const THEME_SCRIPT = `document.documentElement.classList.add('js');
try {
  const theme = localStorage.getItem('theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch {}`;

/**
 * On a moved article's old address: go on to the new one at once, keeping the query and the
 * fragment, which a meta refresh (the fallback without JavaScript) would drop. The new address is
 * the refresh's own, so this one script serves every moved page.
 */
export const MOVED_SCRIPT = `const refresh = document.querySelector('meta[http-equiv="refresh"]');
const target = refresh && refresh.getAttribute('content').split('url=')[1];
if (target) location.replace(target + location.search + location.hash);`;

/** The CSP source expression of a script: `sha256-<base64>`. */
export function cspHash(script: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(script).digest('base64')}`;
}

/** Hashes of every inline script, for `security.csp.scriptDirective.hashes`. */
export const INLINE_SCRIPT_HASHES = [THEME_SCRIPT, MOVED_SCRIPT].map(cspHash);
