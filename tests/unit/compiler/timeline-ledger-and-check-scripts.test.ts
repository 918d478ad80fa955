/**
 * `npm run ledger:timeline` on a copy of the edition: it adds the ids the timeline publishes that its
 * ledger lacks, each in its sorted place, keeps every line an editor wrote there (a comment), and
 * refuses an option it does not have rather than run as if it had been given none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../helpers/site.ts';

const LEDGER = 'content/timeline/published.yaml';
let root: string;
const run = (...args: string[]) => spawnSync(process.execPath, [join(root, 'scripts/timeline-ledger.ts'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, CACHE_DIR: join(root, '.cache') } });
const ledger = () => readFileSync(join(root, LEDGER), 'utf8');

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'borderlines-timeline-ledger-'));
  for (const folder of ['content', 'src', 'scripts']) cpSync(join(ROOT, folder), join(root, folder), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(root, 'node_modules'), 'dir');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('npm run ledger:timeline', () => {
  it('adds an id the ledger lacks in its sorted place, and keeps an editor’s comment', () => {
    const recorded = ledger();
    const line = recorded.split('\n').find((text) => text.startsWith('allied-spirit-2020: '))!;
    // An editor's comment above one id, and one id not recorded yet (as a new event's would be).
    const edited = recorded.replace(`${line}\n`, '').replace('austin-in-kyiv: ', '# editor: Austin visited Kyiv on 19 October 2021.\naustin-in-kyiv: ');
    writeFileSync(join(root, LEDGER), edited);
    const result = run();
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/^content\/timeline\/published\.yaml: 1 event id added, \d+ in all\.\n$/);
    // Back in its place, with the page that lists it now (its year's or, on a year cut into months, its month's).
    const page = /^allied-spirit-2020: (.*)$/m.exec(ledger())?.[1];
    expect(page).toMatch(/^2020(-\d\d)?$/);
    expect(ledger()).toBe(recorded.replace(line, `allied-spirit-2020: ${page}`).replace('austin-in-kyiv: ', '# editor: Austin visited Kyiv on 19 October 2021.\naustin-in-kyiv: '));
  });

  it('refuses an option it does not have, and writes nothing', () => {
    const before = ledger();
    writeFileSync(join(root, LEDGER), before.replace(/^austin-visits-georgia: .*\n/m, ''));
    const withoutOne = ledger();
    const result = run('--dry-run');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^npm run ledger:timeline: Unknown option '--dry-run'\./);
    expect(ledger()).toBe(withoutOne);
  });
});

describe('npm run check', () => {
  it('refuses a file or an option it does not take, rather than check the whole edition as if asked to', () => {
    const check = (...args: string[]) => spawnSync(process.execPath, [join(root, 'scripts/check.ts'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, CACHE_DIR: join(root, '.cache') } });
    const file = check('content/articles/russian-bombers-fly-over-belarus.mdx');
    expect(file.status).toBe(1);
    expect(file.stderr).toMatch(/^npm run check: Unexpected argument 'content\/articles\/russian-bombers-fly-over-belarus\.mdx'\. This command does not take positional arguments\.\n {2}Usage: npm run check \(no options and no files: it checks the whole edition, in seconds\)\n$/);
    const option = check('--foo');
    expect(option.status).toBe(1);
    expect(option.stderr).toMatch(/^npm run check: Unknown option '--foo'\./);
    expect(option.stdout).toBe('');
  });
});
