/**
 * Keeps the last build's output where it is, so that Astro's incremental build leaves an unchanged
 * page in place instead of copying it back from its cache, and removes afterwards what the build
 * did not make or keep.
 *
 * Astro empties `dist/` file by file before it renders anything, and its incremental build then
 * copies every unchanged page back from its own cache: at 1,000 texts 28,000 files, 780 MB removed
 * and 23,000 copied back by a build that changes nothing. With `vite.build.emptyOutDir: false`
 * (set here) Astro finds an unchanged page already in `dist/` and leaves it (logged "cached").
 * What would then be left over from the last build (the pages of a text since removed, a renamed
 * stylesheet) is removed at the end: every file older than this build that Astro did not keep.
 * Files that other integrations write and keep up to date themselves (the share pages, the search
 * index) are left to them (`leave`); `_headers` is written anew by every build.
 *
 * The output is kept only if the last build completed: a build that stopped half-way may have
 * written pages that its cache does not describe. Then, as on the first build, the folder is moved
 * aside in one rename (Astro finds nothing to empty) and removed in the background; a folder left
 * aside by a stopped build is removed by the next one. A `dist/` that holds a `.git` is emptied
 * but for the `.git` instead (as Astro does).
 *
 * List this integration first: its `astro:build:done` removes the leftovers before the others
 * read the output (the search index reads every text's page).
 */
import type { AstroIntegration } from 'astro';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readRecord, writeRecord } from './build-record.ts';

/** The name of the folder the last output is moved to, beside it. */
const ASIDE = (name: string) => `.${name}-being-removed-`;

/**
 * Written in the cache folder when a build has completed, naming its output folder; removed when
 * the next one starts. Astro's cache describes the last build, whichever folder it wrote: the
 * output is kept only if it was that folder (the tests build a copy under a sub-path elsewhere).
 */
export const COMPLETED = 'borderlines/output-complete';

/**
 * Removes the files under `dir` that `remove` names (by their path relative to it), then the folders
 * left empty; says how many files were removed and whether `dir` is now empty. Each folder is
 * listed once: at 5,000 texts the output has 100,000 folders, and listing each again to see whether
 * it was empty took 1.5 s of every build.
 */
function sweep(dir: string, remove: (path: string) => boolean, root = dir): { removed: number; empty: boolean } {
  let removed = 0;
  const entries = readdirSync(dir, { withFileTypes: true });
  let left = entries.length;
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (path === join(root, '.git')) continue;
      const inner = sweep(path, remove, root);
      removed += inner.removed;
      if (inner.empty) {
        rmSync(path, { recursive: true });
        left--;
      }
    } else if (remove(relative(root, path))) {
      rmSync(path);
      removed++;
      left--;
    }
  }
  return { removed, empty: left === 0 };
}

/**
 * @param leave - files under the output that other integrations write and remove themselves at
 *   every build (matched by their path relative to it): never removed here, though they may be
 *   older than the build.
 */
export function reuseOutDir({ leave = [] }: { leave?: RegExp[] } = {}): AstroIntegration {
  let outDir = '';
  let marker = '';
  let started = 0;
  let removal: Promise<unknown> = Promise.resolve();
  return {
    name: 'borderlines:out-dir',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        updateConfig({ vite: { build: { emptyOutDir: false } } });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir).replace(/\/+$/, '');
        marker = join(fileURLToPath(config.cacheDir), COMPLETED);
      },
      'astro:build:start': ({ logger }) => {
        // The file system's time, not the clock's: the kernel dates files by a coarser clock, which
        // can be a few milliseconds behind Date.now(), and a file written just after this would
        // look older than the build.
        mkdirSync(dirname(marker), { recursive: true });
        writeFileSync(`${marker}-started`, '');
        started = statSync(`${marker}-started`).mtimeMs;
        const parent = dirname(outDir);
        const prefix = ASIDE(basename(outDir));
        const left = existsSync(parent) ? readdirSync(parent).filter((name) => name.startsWith(prefix)).map((name) => join(parent, name)) : [];
        const completed = readRecord<string>(marker, outDir) !== undefined;
        rmSync(marker, { force: true });
        let aside: string | undefined;
        if (!completed && existsSync(join(outDir, '.git'))) {
          for (const name of readdirSync(outDir)) if (name !== '.git') rmSync(join(outDir, name), { recursive: true, force: true });
        } else if (!completed && existsSync(outDir)) {
          try {
            aside = join(parent, `${prefix}${process.pid}`);
            renameSync(outDir, aside);
          } catch (error) {
            logger.info(`${outDir} could not be moved aside (${(error as NodeJS.ErrnoException).code ?? error}); its files are removed one by one.`);
            rmSync(outDir, { recursive: true, force: true });
            aside = undefined;
          }
        }
        removal = Promise.all([...left, ...(aside ? [aside] : [])].map((path) => rm(path, { recursive: true, force: true })));
      },
      'astro:build:done': async ({ assets, logger }) => {
        await removal;
        // What Astro made or kept in this build; a kept page is as old as the build that made it.
        const kept = new Set([...assets.values()].flat().map((url) => relative(outDir, fileURLToPath(url))));
        const { removed } = !existsSync(outDir) ? { removed: 0 } : sweep(outDir, (path) => !kept.has(path) && !leave.some((pattern) => pattern.test(path)) && statSync(join(outDir, path)).mtimeMs < started);
        if (removed > 0) logger.info(`${removed} file(s) of the last build that this one did not make or keep removed`);
        writeRecord(marker, outDir, new Date().toISOString());
      },
    },
  };
}
