#!/usr/bin/env node
/**
 * npm run ledger:timeline — records every event id now on the timeline in
 * content/timeline/published.yaml, with the page it is on (its year's, or on a year cut into months
 * its month's). Ids are added, never removed: from then on `npm run check` and the build fail if a
 * recorded id disappears (keep it alive with `formerly:` on the event that replaces it), and the page
 * it was published on keeps its anchor, leading on to the event wherever it is listed.
 */
import { writeFileSync } from 'node:fs';
import { resolve, join } from 'node:path';
import { compileEdition } from '../src/compiler/index.ts';
import { ContentErrors, formatProblem } from '../src/compiler/problems.ts';
import { LEDGER_FILE, loadTimeline } from '../src/data/timeline.ts';
import { updatedLedger } from '../src/lib/timeline.ts';

const root = resolve(import.meta.dirname, '..');
try {
  const timeline = loadTimeline(compileEdition({ root }));
  const next = updatedLedger(timeline.ledger, timeline.events);
  const added = Object.keys(next).length - Object.keys(timeline.ledger).length;
  const header = '# Every event id the timeline has published, with the page it was published on (YYYY, or YYYY-MM on a year cut into months).\n# Written by `npm run ledger:timeline`; ids are added, never removed. Schema: src/schemas/timeline.ts.\n';
  writeFileSync(join(root, LEDGER_FILE), header + Object.entries(next).map(([id, year]) => `${id}: ${year}\n`).join(''));
  console.log(`${LEDGER_FILE}: ${added} event id${added === 1 ? '' : 's'} added, ${Object.keys(next).length} in all.`);
} catch (error) {
  if (!(error instanceof ContentErrors)) throw error;
  console.error(error.problems.map(formatProblem).join('\n'));
  process.exit(1);
}
