/**
 * The benchmarks' own tools (Lighthouse, Starlight), kept out of the project's dependencies in
 * bench/tools/ with their own lockfile, and installed there the first time a benchmark needs them.
 */
import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';

export const ROOT = resolve(import.meta.dirname, '../..');
export const TOOLS = join(ROOT, 'bench/tools');

/** Installs bench/tools/node_modules from its lockfile when it is missing. */
export function ensureBenchTools(): void {
  if (existsSync(join(TOOLS, 'node_modules/lighthouse/package.json')) && existsSync(join(TOOLS, 'node_modules/@astrojs/starlight/package.json'))) return;
  console.log('Installing the benchmark tools into bench/tools/ (once)…');
  const npm = process.env['npm_execpath'];
  const result = npm
    ? spawnSync(process.execPath, [npm, 'ci', '--no-audit', '--no-fund'], { cwd: TOOLS, stdio: 'inherit' })
    : spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: TOOLS, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) throw new Error('Could not install bench/tools (npm ci in bench/tools failed; see above).');
}

/** `require` that resolves from bench/tools. */
export const toolsRequire = createRequire(join(TOOLS, 'package.json'));

/** The version of a package installed in bench/tools. */
export function toolVersion(name: string): string {
  // Read from the folder, not resolved: some packages (Starlight) do not export their package.json.
  return (JSON.parse(readFileSync(join(TOOLS, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}
