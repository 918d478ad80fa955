/**
 * The site's security headers, as a `_headers` file (the format Netlify, Cloudflare Pages and our
 * own server read). Astro writes each page's Content-Security-Policy into a <meta> element; a meta
 * policy does not reach Pagefind's worker and cannot say `frame-ancestors`, so the same policy is
 * also sent as a header: the union of every page's sources (still only this site and the hashes of
 * its own inline scripts), plus what only a header can say.
 *
 * The build fails, naming the page, when a page carries an inline script or style whose hash is
 * not in its policy (the browser would refuse to run it), or has no policy at all.
 */
import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readRecord, writeRecord } from './build-record.ts';
import { filesUnder } from '../lib/files.ts';
import { fileURLToPath } from 'node:url';

/** Headers sent with every file. */
export const FILE_HEADERS: [string, string][] = [['X-Content-Type-Options', 'nosniff']];

/** Headers that only a page needs (a document, a worker), besides the Content-Security-Policy. */
export const PAGE_HEADERS: [string, string][] = [
  ['X-Frame-Options', 'DENY'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()'],
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Strict-Transport-Security', 'max-age=31536000'],
];

/**
 * Files that are never a page or a worker: bundled scripts, styles and images, and Pagefind's
 * index, which its worker fetches. A policy on them does nothing, and they are most of a search's
 * requests, so they go without the page headers (about 0.7 KB a response over HTTP/1.1). Each is
 * one splat, as Cloudflare Pages requires; Pagefind's worker keeps the policy.
 */
export const FILE_ONLY = ['_astro/*', 'pagefind/fragment/*', 'pagefind/index/*', 'pagefind/filter/*', 'pagefind/wasm.*', 'pagefind/pagefind.js', 'pagefind/pagefind-entry.json', 'pagefind/*.pf_meta', 'search-vocabulary.json'];

/** Directives only a header can carry. */
const HEADER_ONLY = ["frame-ancestors 'none'"];

type Policy = Map<string, Set<string>>;

export function parsePolicy(text: string): Policy {
  const policy: Policy = new Map();
  for (const part of text.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (!name) continue;
    const set = policy.get(name) ?? new Set<string>();
    for (const source of sources) set.add(source);
    policy.set(name, set);
  }
  return policy;
}

export function formatPolicy(policy: Policy): string {
  return [...policy].map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
}

const decode = (text: string) => text.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');

/**
 * Problems with one page's policy (inline code it does not allow), and the hashes of the inline
 * code the page does have.
 */
export function pageProblems(html: string): { policy: Policy | undefined; problems: string[]; inline: Set<string> } {
  const inline = new Set<string>();
  const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html);
  if (!meta) return { policy: undefined, problems: ['it has no Content-Security-Policy <meta>'], inline };
  const policy = parsePolicy(decode(meta[1]!));
  const problems: string[] = [];
  for (const match of html.matchAll(/<(script|style)\b([^>]*)>([\s\S]*?)<\/\1>/gi)) {
    const [, tag, attributes = '', body = ''] = match;
    if (/\ssrc=/i.test(attributes) || /\stype="application\/(?:ld\+)?json"/i.test(attributes)) continue;
    const hash = `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
    const directive = tag!.toLowerCase() === 'script' ? 'script-src' : 'style-src';
    inline.add(hash);
    if (!policy.get(directive)?.has(hash)) problems.push(`an inline <${tag}> (“${body.trim().slice(0, 50)}…”) whose hash ${hash} is not in ${directive}`);
  }
  if (/<[a-z][^<>]*\sstyle="/i.test(html)) problems.push('a style="…" attribute, which the policy forbids (use a class)');
  return { policy, problems, inline };
}

/**
 * The policy with only the hashes of inline code some page has: Astro also lists the hashes of
 * the scripts and styles it bundles into files, which `'self'` already allows. The header goes with
 * every page and with Pagefind's worker, so it is kept short.
 */
export function withoutUnusedHashes(policy: Policy, inline: ReadonlySet<string>): Policy {
  return new Map([...policy].map(([name, sources]) => [name, new Set([...sources].filter((source) => !source.startsWith("'sha") || inline.has(source)))]));
}

/** The `_headers` file for a site built under `base`. */
export function headersFile(policy: Policy, base: string): string {
  const csp = `${formatPolicy(policy)}; ${HEADER_ONLY.join('; ')}`;
  const page: [string, string][] = [['Content-Security-Policy', csp], ...PAGE_HEADERS];
  const attach = (headers: [string, string][]) => headers.map(([name, value]) => `  ${name}: ${value}`);
  const detach = page.map(([name]) => `  ! ${name}`);
  const blocks = [
    '# Written by the build (src/integrations/security-headers.ts): edit the policy there.',
    [`${base}*`, ...attach([...FILE_HEADERS, ...page])].join('\n'),
    ...FILE_ONLY.map((path) => [`${base}${path}`, ...detach, ...(path === '_astro/*' ? attach([['Cache-Control', 'public, max-age=31536000, immutable']]) : [])].join('\n')),
  ];
  return `${blocks.join('\n\n')}\n`;
}

/** The file this integration writes anew at every build: the out-dir integration leaves it to it. */
export const HEADERS_FILE = /^_headers$/;

/** What {@link pageProblems} found on a page, as plain data (kept between builds). */
interface Checked {
  policy: [string, string[]][] | undefined;
  problems: string[];
  inline: string[];
}

/**
 * What each page's check found at the last build, by path, with the page's time and size then. The
 * output is kept between builds (src/integrations/out-dir.ts), so most pages are the files the last
 * build checked: at 1,000 texts, 23,000 pages and 800 MB read again for nothing. The distinct
 * results are kept once (`results`), the pages point to them.
 */
interface CheckRecord {
  results: Checked[];
  pages: Record<string, [mtime: number, size: number, result: number]>;
}

export function securityHeaders(): AstroIntegration {
  let base = '/';
  let recordPath = '';
  return {
    name: 'borderlines:security-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        recordPath = join(fileURLToPath(config.cacheDir), 'borderlines', 'page-policies.json');
      },
      'astro:build:done': ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const union: Policy = new Map();
        const inline = new Set<string>();
        const failures: string[] = [];
        const pages = filesUnder(root, (name) => name.endsWith('.html'));
        const last = readRecord<CheckRecord>(recordPath, root);
        const next: CheckRecord = { results: [], pages: {} };
        // A result's place in `next.results`: by its words for a page read again, by its place in
        // the last record for one that was not (its words are then not compared again).
        const byWords = new Map<string, number>();
        const byLastPlace = new Map<number, number>();
        const place = (checked: Checked) => {
          next.results.push(checked);
          return next.results.length - 1;
        };
        let read = 0;
        for (const path of pages) {
          const { mtimeMs, size } = statSync(join(root, path));
          const before = last?.pages[path];
          let result: number;
          if (before && before[0] === mtimeMs && before[1] === size) {
            result = byLastPlace.get(before[2]) ?? place(last!.results[before[2]]!);
            byLastPlace.set(before[2], result);
          } else {
            const found = pageProblems(readFileSync(join(root, path), 'utf8'));
            const checked: Checked = { policy: found.policy && [...found.policy].map(([name, sources]) => [name, [...sources]]), problems: found.problems, inline: [...found.inline] };
            const words = JSON.stringify(checked);
            result = byWords.get(words) ?? place(checked);
            byWords.set(words, result);
            read++;
          }
          next.pages[path] = [mtimeMs, size, result];
          for (const problem of next.results[result]!.problems) failures.push(`  ${path}: ${problem}`);
        }
        // The union of the policies, from each distinct result once.
        for (const { policy, inline: hashes } of next.results) {
          for (const hash of hashes) inline.add(hash);
          for (const [name, sources] of policy ?? []) {
            const set = union.get(name) ?? new Set<string>();
            for (const source of sources) set.add(source);
            union.set(name, set);
          }
        }
        if (failures.length > 0) {
          throw new Error(
            `The Content-Security-Policy would block code on ${failures.length === 1 ? 'a page' : 'some pages'}:\n${failures.join('\n')}\n` +
              'Fix: move the code into a bundled <script> or the stylesheet, or (for a script that must be inline) into src/lib/inline-scripts.ts, whose hashes go into the policy.',
          );
        }
        writeFileSync(join(root, '_headers'), headersFile(withoutUnusedHashes(union, inline), base));
        writeRecord(recordPath, root, next);
        logger.info(`_headers: one policy for ${pages.length} pages${read < pages.length ? ` (${read} read, the others unchanged since the last build)` : ''}`);
      },
    },
  };
}
