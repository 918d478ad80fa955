#!/usr/bin/env node
/**
 * npm run check:links — checks every internal link, source and #fragment of the built site
 * (dist/), offline, and lists the links to other sites without fetching them. The report goes to
 * reports/links.md; the command fails when an internal link is broken. (`npm test` runs the same
 * check.)
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkLinks } from './lib/links.ts';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
if (!existsSync(join(dist, 'index.html'))) {
  console.error('dist/ is missing.\n  Fix: run `npm run build` first.');
  process.exit(1);
}
const origin = new URL(process.env['SITE_URL'] ?? 'http://localhost:4321').origin;
const base = process.env['BASE_PATH'] ?? '/';
const report = checkLinks(dist, { origin, base });

const external = [...report.external].sort(([a], [b]) => a.localeCompare(b));
const lines = [
  `# Links of the built site`,
  '',
  `${report.checked} links checked; ${report.broken.length} broken; ${external.length} distinct links to other sites (listed, not fetched).`,
  '',
  '## Broken',
  '',
  ...(report.broken.length === 0 ? ['None.'] : report.broken.map(({ file, link, reason }) => `- \`${file}\`: \`${link}\`: ${reason}`)),
  '',
  '## Other sites',
  '',
  ...external.map(([url, files]) => `- <${url}> (${[...new Set(files)].length} page${new Set(files).size === 1 ? '' : 's'}, e.g. \`${files[0]}\`)`),
  '',
];
mkdirSync(join(root, 'reports'), { recursive: true });
writeFileSync(join(root, 'reports/links.md'), lines.join('\n'));
console.log(`${report.checked} links checked, ${report.broken.length} broken, ${external.length} to other sites: see reports/links.md`);
for (const { file, link, reason } of report.broken) console.error(`  ${file}: ${link}: ${reason}`);
process.exit(report.broken.length === 0 ? 0 : 1);
