/**
 * One static server per test file, over the built site, on a free port of 127.0.0.1.
 */
import type { Server } from 'node:http';
import { startStaticServer } from '../../scripts/lib/static-server.ts';
import { DIST, requireDist } from './site.ts';

export interface RunningSite {
  /** The site's root URL, with a trailing slash. */
  url: string;
  close: () => Promise<void>;
}

export async function serveSite(options: { root?: string; base?: string } = {}): Promise<RunningSite> {
  if (!options.root) requireDist();
  const { server, url } = await startStaticServer({ root: options.root ?? DIST, port: 0, host: '127.0.0.1', base: options.base ?? '/' });
  return { url, close: () => closeServer(server) };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((done) => {
    server.closeAllConnections();
    server.close(() => done());
  });
}
