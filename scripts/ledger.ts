#!/usr/bin/env node
/**
 * npm run ledger — records in content/anchors.yaml every anchor the edition publishes, read from the
 * compiled edition (no build needed). Run it when you publish. It only adds and updates
 * fingerprints: a published anchor is never removed (record an alias or a redirect instead).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { emptyLedger, LEDGER_FILE, parseLedger, recordPublished, serializeLedger, checkLedger } from '../src/lib/ledger.ts';
import { compileEdition } from '../src/compiler/index.ts';
import { ContentErrors } from '../src/compiler/problems.ts';

const root = resolve(import.meta.dirname, '..');
let edition;
try {
  edition = compileEdition({ root, recordingLedger: true });
} catch (error) {
  if (!(error instanceof ContentErrors)) throw error;
  console.error(`${error.message}\n\nNothing recorded: fix these first (\`npm run check\`).`);
  process.exit(1);
}
const path = join(root, LEDGER_FILE);
const ledger = existsSync(path) ? parseLedger(readFileSync(path, 'utf8')) : emptyLedger();
// Worked out from the compiled edition when read (src/compiler/index.ts): read once.
const published = edition.published;
const before = checkLedger(ledger, published);
writeFileSync(path, serializeLedger(recordPublished(ledger, published)));
console.log(`${LEDGER_FILE}: ${before.unrecorded.length} anchors added, ${before.changed.length} fingerprints updated.`);
