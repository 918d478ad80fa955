/**
 * A throw-away copy of the site in a temporary folder, for tests that build broken content and read
 * the error. The copy shares node_modules with the project (a symlink) and nothing else.
 */
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ROOT, buildEnv } from './site.ts';

export interface FixtureSite {
  dir: string;
  /** Rewrites a file of the copy (path relative to the project). */
  edit: (path: string, change: (text: string) => string) => void;
  /** Moves a file of the copy (paths relative to the project). */
  rename: (from: string, to: string) => void;
  /**
   * Runs an astro command in the copy and returns its exit code and combined output. Share images
   * are not rendered (OG_IMAGES=0): no fixture test looks at them, and they take most of the time.
   */
  astro: (...args: string[]) => { code: number; output: string };
  /** Runs a script of the copy (`scripts/import.ts`, …) with the project's Node, in the copy. */
  node: (script: string, ...args: string[]) => { code: number; output: string };
  remove: () => void;
}

/** @param env - more of the environment for its builds (`SEARCH_SHARD_PAGES`, …). */
export function createFixtureSite(env: Record<string, string> = {}): FixtureSite {
  const dir = mkdtempSync(join(tmpdir(), 'borderlines-fixture-'));
  for (const path of ['src', 'content', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    cpSync(join(ROOT, path), join(dir, path), { recursive: true });
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return {
    dir,
    edit(path, change) {
      const file = join(dir, path);
      writeFileSync(file, change(readFileSync(file, 'utf8')));
    },
    rename(from, to) {
      renameSync(join(dir, from), join(dir, to));
    },
    astro(...args) {
      const result = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), ...args], {
        cwd: dir,
        encoding: 'utf8',
        env: buildEnv({ OG_IMAGES: '0', CACHE_DIR: join(dir, '.cache'), ...env }),
        timeout: 120_000,
      });
      return { code: result.status ?? 1, output: `${result.stdout}\n${result.stderr}` };
    },
    node(script, ...args) {
      const result = spawnSync(process.execPath, [join(dir, script), ...args], { cwd: dir, encoding: 'utf8', env: buildEnv({ CACHE_DIR: join(dir, '.cache') }), timeout: 60_000 });
      return { code: result.status ?? 1, output: `${result.stdout}\n${result.stderr}` };
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
