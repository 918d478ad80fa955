/**
 * A small static file server for the built site, used by `npm start` and by the browser tests (which
 * must never run against the dev server). It serves `dist/` under the configured base path, answers
 * directories with their index.html, unknown paths with 404.html, and sends the headers that
 * `dist/_headers` gives (the format static hosts such as Netlify and Cloudflare Pages read).
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.jsonld': 'application/ld+json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

const COMPRESSIBLE = /^(text\/|application\/(json|ld\+json|xml|javascript|wasm|manifest\+json)|image\/svg)/;

/** One block of a `_headers` file: a path pattern, the headers it attaches and those it detaches. */
export interface HeaderRule {
  pattern: string;
  headers: [string, string][];
  /** Names given as `! Name`: headers a broader rule attached that this path does not get. */
  detach: string[];
}

/**
 * Parses a `_headers` file: a path pattern on its own line, then indented `Name: value` lines, or
 * `! Name` lines that detach a header a broader rule attached (as Cloudflare Pages reads them).
 *
 * @example parseHeaders('/*\n  X-Frame-Options: DENY') // [{ pattern: '/*', headers: [['X-Frame-Options', 'DENY']], detach: [] }]
 */
export function parseHeaders(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ pattern: line.trim(), headers: [], detach: [] });
      continue;
    }
    const rule = rules[rules.length - 1];
    if (!rule) continue;
    const detach = /^\s*!\s*(\S+)\s*$/.exec(line);
    if (detach) {
      rule.detach.push(detach[1]!);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon > 0) rule.headers.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
  }
  return rules;
}

/** The headers `rules` give `path`: every matching rule's, less those a matching rule detaches. */
export function headersFor(rules: readonly HeaderRule[], path: string): Record<string, string> {
  const headers: Record<string, string> = {};
  const matching = rules.filter((rule) => matches(rule.pattern, path));
  for (const rule of matching) for (const [name, value] of rule.headers) headers[name] = value;
  for (const rule of matching) for (const name of rule.detach) delete headers[name];
  return headers;
}

function matches(pattern: string, path: string): boolean {
  const regex = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
  return regex.test(path);
}

/** Options of {@link startStaticServer}. */
export interface StaticServerOptions {
  /** Folder to serve. */
  root: string;
  /** Port; 0 picks a free one. Default 4321. */
  port?: number;
  /** Interface to listen on. Default: all (IPv4 and IPv6). */
  host?: string;
  /** Base path the site is built for, e.g. `/borderlines/`. Default `/`. */
  base?: string;
  /** Whether to send the headers of `root/_headers`. Default true. */
  headers?: boolean;
}

/** Starts the server; resolves once it listens, with its URL (including the base path). */
export async function startStaticServer(options: StaticServerOptions): Promise<{ server: Server; url: string }> {
  const root = resolve(options.root);
  const base = `/${(options.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  let headerRules: HeaderRule[] = [];
  if (options.headers ?? true) {
    try {
      headerRules = parseHeaders(await readFile(join(root, '_headers'), 'utf8'));
    } catch {
      headerRules = [];
    }
  }

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400).end('Bad request');
      return;
    }
    const send = async (status: number, file: string, sitePath: string) => {
      let body = await readFile(file);
      const type = TYPES[extname(file)] ?? 'application/octet-stream';
      const headers: Record<string, string> = { 'Content-Type': type, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' };
      // Compressed as static hosts do, so that measured transfer sizes are realistic. (Pagefind's
      // index fragments are compressed already.)
      if (COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
        body = gzipSync(body);
        headers['Content-Encoding'] = 'gzip';
      }
      headers['Content-Length'] = String(body.length);
      Object.assign(headers, headersFor(headerRules, sitePath));
      response.writeHead(status, headers);
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    const notFound = async () => {
      try {
        await send(404, join(root, '404.html'), '/404.html');
      } catch {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      }
    };

    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (!pathname.startsWith(base) && `${pathname}/` !== base) {
      await notFound();
      return;
    }
    if (`${pathname}/` === base) {
      response.writeHead(301, { Location: base }).end();
      return;
    }
    const sitePath = `/${pathname.slice(base.length)}`;
    const file = normalize(join(root, sitePath));
    if (file !== root && !file.startsWith(root + sep)) {
      await notFound();
      return;
    }
    try {
      const info = await stat(file);
      if (info.isDirectory()) {
        if (!pathname.endsWith('/')) {
          response.writeHead(301, { Location: `${pathname}/${url.search}` }).end();
          return;
        }
        await send(200, join(file, 'index.html'), sitePath);
        return;
      }
      await send(200, file, sitePath);
    } catch {
      await notFound();
    }
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    if (options.host) server.listen(options.port ?? 4321, options.host, done);
    else server.listen(options.port ?? 4321, done);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port ?? 4321;
  const host = options.host && options.host !== '::' && options.host !== '0.0.0.0' ? options.host : 'localhost';
  return { server, url: `http://${host}:${port}${base}` };
}
