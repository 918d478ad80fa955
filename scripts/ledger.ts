#!/usr/bin/env node
/**
 * npm run ledger — records in content/anchors.yaml every anchor the built site (dist/) publishes.
 * Run it after `npm run build` when you publish. It only adds and updates fingerprints: a published
 * anchor is never removed (record an alias or a redirect instead).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkLedger, emptyLedger, LEDGER_FILE, parseLedger, recordPublished, serializeLedger } from '../src/lib/ledger.ts';
import { readPublished } from '../src/integrations/anchor-ledger.ts';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error('dist/ is missing.\n  Fix: run `npm run build` first; the ledger records what the built site publishes.');
  process.exit(1);
}
const path = join(root, LEDGER_FILE);
const ledger = existsSync(path) ? parseLedger(readFileSync(path, 'utf8')) : emptyLedger();
const published = readPublished(dist);
const before = checkLedger(ledger, published);
if (before.missing.length > 0) {
  console.error(`Some published anchors are gone; record aliases or redirects for them first (see \`npm run build\`).`);
  process.exit(1);
}
writeFileSync(path, serializeLedger(recordPublished(ledger, published)));
console.log(`${LEDGER_FILE}: ${before.unrecorded.length} anchors added, ${before.changed.length} fingerprints updated.`);
