#!/usr/bin/env node
/**
 * npm run ledger — records in content/anchors.yaml every anchor the edition publishes, read from the
 * compiled edition (no build needed). Run it when you publish. It only adds and updates
 * fingerprints: a published anchor is never removed (record an alias or a redirect instead).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { noOptions } from './lib/args.ts';
import { emptyLedger, LEDGER_FILE, parseLedger, checkLedger, recordedLedgerText } from '../src/lib/ledger.ts';
import { compileEdition } from '../src/compiler/index.ts';
import { PROVENANCE_ANCHOR } from '../src/compiler/anchors.ts';
import { ContentErrors } from '../src/compiler/problems.ts';

const root = resolve(import.meta.dirname, '..');
const USAGE = 'npm run ledger (no options: it records the anchors the edition publishes now in content/anchors.yaml)';
noOptions('npm run ledger', USAGE, `Records every anchor the edition publishes (paragraphs, notes, terms, claims) with the fingerprint of its text in ${LEDGER_FILE}, so that a later check can tell an anchor removed or a note reworded.`);
let edition;
try {
  edition = compileEdition({ root, recordingLedger: true });
} catch (error) {
  if (!(error instanceof ContentErrors)) throw error;
  console.error(`${error.message}\n\nNothing recorded: fix these first (\`npm run check\`).`);
  process.exit(1);
}
const path = join(root, LEDGER_FILE);
const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
// (A ledger whose lines are not all ids and fingerprints stopped the compile above, `ledger-shape`:
// nothing is written over it.)
const ledger = text === '' ? emptyLedger() : parseLedger(text);
// Worked out from the compiled edition when read (src/compiler/index.ts): read once.
const published = edition.published;
const before = checkLedger(ledger, published);
writeFileSync(path, recordedLedgerText(text, published));
console.log(`${LEDGER_FILE}: ${before.unrecorded.length} anchors added, ${before.changed.length} fingerprints updated.`);
// A note or glossary entry reworded is recorded as it reads now: named, so that a change of substance is not taken in unseen
// (one is a correction: \`updated\`, \`change\` and \`npm run correction\`; README, "Recording a correction").
const reworded = before.changed.filter((changed) => changed.article && changed.id.startsWith('note-'));
if (reworded.length > 0) console.log(`  Notes recorded in their new words: ${reworded.map((changed) => `${changed.article}#${changed.id}`).join(', ')}.`);
const entries = before.changed.filter((changed) => changed.term).map((changed) => changed.term);
const provenances = before.changed.filter((changed) => changed.article && changed.id === PROVENANCE_ANCHOR).map((changed) => changed.article);
if (provenances.length > 0) console.log(`  Provenances recorded in their new words: ${provenances.join(', ')}.`);
if (entries.length > 0) console.log(`  Glossary entries recorded in their new words: ${entries.join(', ')}.`);
// A text's own paragraphs change only with a correction of its provenance (the check refuses them otherwise).
const paragraphs = before.changed.filter((changed) => changed.article && !changed.id.startsWith('note-') && changed.id !== PROVENANCE_ANCHOR);
if (paragraphs.length > 0) console.log(`  Paragraphs of texts recorded in their new words: ${paragraphs.map((changed) => `${changed.article}#${changed.id}`).join(', ')}.`);
