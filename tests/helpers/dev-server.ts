/**
 * `astro dev` on a throw-away copy of the site (tests/helpers/fixture-site.ts), for the tests of
 * what exists only under the dev server: a draft's suggestions panel, and how a content error is
 * shown there. The server compiles the edition when it starts; about 12 s cold.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { FixtureSite } from './fixture-site.ts';
import { ROOT, buildEnv } from './site.ts';

export interface DevServer {
  origin: string;
  /** Everything the server has printed so far. */
  log: () => string;
  /** Whether the server process has ended. */
  exited: () => boolean;
  /** The status and body of the page at `path`, once the server answers (or the deadline passes). */
  page: (path: string, timeoutMs?: number) => Promise<{ status: number; html: string }>;
  stop: () => void;
}

/** A port no one listens on now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts `astro dev` in the fixture site's folder, on a free port of 127.0.0.1. */
export async function startDevServer(site: FixtureSite): Promise<DevServer> {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  let log = '';
  const dev: ChildProcess = spawn(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: site.dir,
    env: buildEnv({ CACHE_DIR: join(site.dir, '.cache') }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  dev.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  dev.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  return {
    origin,
    log: () => log,
    exited: () => dev.exitCode !== null,
    async page(path, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        try {
          const response = await fetch(`${origin}${path}`);
          return { status: response.status, html: await response.text() };
        } catch (error) {
          if (Date.now() > deadline || dev.exitCode !== null) throw new Error(`astro dev did not answer ${path}: ${(error as Error).message}\n${log}`);
          await new Promise((resolve) => setTimeout(resolve, 250));
        }
      }
    },
    stop: () => {
      dev.kill();
    },
  };
}
