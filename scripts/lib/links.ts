/**
 * A link checker for the built site, offline: every internal `href`, `src`, `srcset`, share-image
 * address, refresh target, stylesheet `url()`, previews file (`data-src`) and link in a previews file
 * must lead to a file of the build, and every `#fragment` to an element id in it. Text-fragment directives (`:~:text=`) are not ids and are
 * set aside (the id before them is still checked). Links to other sites are listed, never fetched.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { filesUnder } from '../../src/lib/files.ts';
import type { Element } from 'hast';

export interface Broken {
  /** The file the link is in, relative to the build. */
  file: string;
  /** The link as written. */
  link: string;
  reason: string;
}

export interface LinkReport {
  checked: number;
  broken: Broken[];
  /** Links to other sites: link → files that have it. */
  external: Map<string, string[]>;
}

/** The links of an HTML page: [attribute value, whether it may be a srcset list]. */
function htmlLinks(html: string): { links: string[]; ids: Set<string> } {
  const links: string[] = [];
  const ids = new Set<string>();
  visit(fromHtml(html), 'element', (node: Element) => {
    const { properties } = node;
    if (properties['id'] !== undefined) ids.add(String(properties['id']));
    if (node.tagName === 'a' && properties['name'] !== undefined) ids.add(String(properties['name']));
    for (const name of ['href', 'src', 'action', 'poster', 'xLinkHref', 'dataSrc']) {
      const value = properties[name];
      if (typeof value === 'string') links.push(value);
    }
    const srcset = properties['srcSet'];
    if (srcset !== undefined) {
      for (const candidate of String(Array.isArray(srcset) ? srcset.join(',') : srcset).split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) links.push(url);
      }
    }
    if (node.tagName === 'meta') {
      const key = String(properties['property'] ?? properties['name'] ?? '');
      if (/^(og:image|og:url|twitter:image)$/.test(key) && typeof properties['content'] === 'string') links.push(properties['content']);
      if (String(properties['httpEquiv'] ?? '').toLowerCase() === 'refresh') {
        const url = /url=(.*)$/i.exec(String(properties['content'] ?? ''))?.[1];
        if (url) links.push(url.trim());
      }
    }
  });
  return { links, ids };
}

/**
 * Checks every page and stylesheet of `dist`, a site served at `origin` + `base`.
 *
 * @example checkLinks('dist', { origin: 'http://localhost:4321', base: '/' }).broken // []
 */
export function checkLinks(dist: string, { origin, base }: { origin: string; base: string }): LinkReport {
  const files = filesUnder(dist).map((path) => join(dist, path));
  const pages = new Map<string, { links: string[]; ids: Set<string> }>();
  for (const file of files.filter((path) => path.endsWith('.html'))) pages.set(file, htmlLinks(readFileSync(file, 'utf8')));
  const styles = new Map<string, string[]>();
  for (const file of files.filter((path) => path.endsWith('.css'))) {
    styles.set(file, [...readFileSync(file, 'utf8').matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)].map((match) => match[1]!).filter((url) => !url.startsWith('data:')));
  }

  const report: LinkReport = { checked: 0, broken: [], external: new Map() };
  const siteRoot = new URL(base, origin);

  const check = (file: string, link: string) => {
    report.checked++;
    const at = relative(dist, file).split(sep).join('/');
    const pageUrl = new URL(at.replace(/(^|\/)index\.html$/, '$1'), siteRoot);
    let url: URL;
    try {
      url = new URL(link, pageUrl);
    } catch {
      report.broken.push({ file: at, link, reason: 'not a valid URL' });
      return;
    }
    if (!/^https?:$/.test(url.protocol) || url.origin !== siteRoot.origin) {
      if (/^https?:$/.test(url.protocol)) report.external.set(url.href, [...(report.external.get(url.href) ?? []), at]);
      return;
    }
    if (!url.pathname.startsWith(siteRoot.pathname)) {
      report.broken.push({ file: at, link, reason: `outside the site's base path ${siteRoot.pathname}` });
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(url.pathname.slice(siteRoot.pathname.length));
    } catch {
      report.broken.push({ file: at, link, reason: 'badly percent-encoded' });
      return;
    }
    let target = join(dist, path);
    if (path === '' || path.endsWith('/')) target = join(target, 'index.html');
    if (!existsSync(target) || statSync(target).isDirectory()) {
      report.broken.push({ file: at, link, reason: existsSync(join(target, 'index.html')) ? 'missing its trailing slash' : `no file ${relative(dist, target)}` });
      return;
    }
    const fragment = url.hash.slice(1).split(':~:')[0]!;
    if (fragment === '') return;
    const page = pages.get(target);
    if (!page) return;
    let id: string;
    try {
      id = decodeURIComponent(fragment);
    } catch {
      report.broken.push({ file: at, link, reason: 'badly percent-encoded fragment' });
      return;
    }
    if (!page.ids.has(id)) report.broken.push({ file: at, link, reason: `no element with id “${id}” in ${relative(dist, target)}` });
  };

  for (const [file, { links }] of pages) for (const link of links) check(file, link);
  for (const [file, links] of styles) for (const link of links) check(file, link);
  // A page's link previews (src/data/previews.ts, previewsFile): rows of [href, kind, …].
  for (const file of files.filter((path) => path.endsWith(`${sep}previews.json`))) {
    let rows: unknown;
    try {
      rows = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      rows = undefined;
    }
    if (Array.isArray(rows) && rows.every((row) => Array.isArray(row) && row.length === 6 && row.every((field) => typeof field === 'string'))) {
      for (const row of rows as string[][]) check(file, row[0]!);
    } else {
      report.broken.push({ file: relative(dist, file).split(sep).join('/'), link: '', reason: 'not a previews file (a JSON array of [href, kind, title, label, text, action])' });
    }
  }
  return report;
}
