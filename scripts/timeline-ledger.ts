#!/usr/bin/env node
/**
 * npm run ledger:timeline — records every event id now on the timeline in
 * content/timeline/published.yaml, with the page it is on (its year's, or on a year cut into months
 * its month's). Ids are added, never removed: from then on `npm run check` and the build fail if a
 * recorded id disappears (keep it alive with `formerly:` on the event that replaces it), and the page
 * it was published on keeps its anchor, leading on to the event wherever it is listed.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { noOptions } from './lib/args.ts';
import { compileEdition } from '../src/compiler/index.ts';
import { ContentErrors, formatProblem } from '../src/compiler/problems.ts';
import { LEDGER_FILE, loadTimeline } from '../src/data/timeline.ts';
import { updatedLedger } from '../src/lib/timeline.ts';

const root = resolve(import.meta.dirname, '..');
const USAGE = `npm run ledger:timeline (no options: it records the event ids the timeline publishes now in ${LEDGER_FILE})`;
const HEADER = '# Every event id the timeline has published, with the page it was published on (YYYY, or YYYY-MM on a year cut into months).\n# Written by `npm run ledger:timeline`; ids are added, never removed. Schema: src/schemas/timeline.ts.\n';
noOptions('npm run ledger:timeline', USAGE, `Records every event id now on the timeline, with the page it is on, in ${LEDGER_FILE}, so that the check can tell an id that disappeared. Ids already there, and any line an editor wrote (a comment), are kept as they are.`);

/**
 * The ledger's text with the new ids' lines put in, each before the first recorded id that sorts
 * after it: the lines there already, comments included, stay as they were.
 */
function withLines(text: string, added: readonly [string, string][]): string {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const idOf = (line: string) => /^([^#\s][^:]*):/.exec(line)?.[1];
  for (const [id, page] of added) {
    let at = lines.findIndex((line) => { const other = idOf(line); return other !== undefined && other > id; });
    if (at < 0) at = lines.length;
    // Comments just above an id are about it: the new line goes above them (not above the file's
    // own header, before the first id).
    const first = lines.findIndex((line) => idOf(line) !== undefined);
    while (at > first + 1 && first >= 0 && idOf(lines[at - 1]!) === undefined) at--;
    lines.splice(at, 0, `${id}: ${page}`);
  }
  return `${lines.join('\n')}\n`;
}

try {
  const timeline = loadTimeline(compileEdition({ root }));
  const next = updatedLedger(timeline.ledger, timeline.events);
  const added = Object.entries(next).filter(([id]) => !(id in timeline.ledger));
  const path = join(root, LEDGER_FILE);
  const text = existsSync(path) ? readFileSync(path, 'utf8') : '';
  if (added.length > 0 || text === '') writeFileSync(path, withLines(text === '' ? HEADER : text, added));
  console.log(`${LEDGER_FILE}: ${added.length} event id${added.length === 1 ? '' : 's'} added, ${Object.keys(next).length} in all.`);
} catch (error) {
  if (!(error instanceof ContentErrors)) throw error;
  console.error(error.problems.map(formatProblem).join('\n'));
  process.exit(1);
}
