#!/usr/bin/env node
/**
 * npm run serve: serves the built site (dist/) on http://localhost:4321, or PORT, under BASE_PATH.
 */
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { startStaticServer } from './lib/static-server.ts';

const root = resolve(import.meta.dirname, '../dist');
if (!existsSync(root)) {
  console.error('dist/ does not exist.\n  Fix: run `npm run build` first (or `npm start`, which builds and serves).');
  process.exit(1);
}
const port = Number(process.env['PORT'] ?? 4321);
const { url } = await startStaticServer({ root, port, base: process.env['BASE_PATH'] ?? '/' });
console.log(`Serving the built site at ${url} (Ctrl+C to stop)`);
