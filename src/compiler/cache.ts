/**
 * The compiler's cache on disk: facts by content digest, rendered articles by render key. It lives
 * in Astro's cache folder (`node_modules/.astro/` unless `cacheDir` says otherwise), which a deploy
 * keeps between builds to reuse it. Entries not used by a compile are removed at its end, so the
 * cache holds one edition, not every edition ever built.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';

/** A short digest of a text. */
export function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('base64url').slice(0, 22);
}

/** A folder of JSON entries by key, remembering which keys this compile used. */
export class DiskCache<T> {
  readonly dir: string;
  readonly #used = new Set<string>();
  #mkdir = false;

  constructor(dir: string) {
    this.dir = dir;
  }

  get(key: string): T | undefined {
    this.#used.add(key);
    try {
      return JSON.parse(readFileSync(join(this.dir, `${key}.json`), 'utf8')) as T;
    } catch {
      return undefined;
    }
  }

  /** Whether an entry exists, which keeps it at the next prune. */
  has(key: string): boolean {
    this.#used.add(key);
    return existsSync(join(this.dir, `${key}.json`));
  }

  set(key: string, value: T): void {
    this.#used.add(key);
    if (!this.#mkdir) {
      mkdirSync(this.dir, { recursive: true });
      this.#mkdir = true;
    }
    // Written aside and renamed, so that a build stopped halfway never leaves half an entry (aside
    // under the process's and thread's numbers: two compile processes can write the same entry,
    // for two identical files).
    const path = join(this.dir, `${key}.json`);
    const aside = `${path}.${process.pid}.${threadId}.tmp`;
    writeFileSync(aside, JSON.stringify(value));
    renameSync(aside, path);
  }

  /** Removes the entries this compile did not use. */
  prune(): void {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (!this.#used.has(name.replace(/\.json(\.\d+)*(\.tmp)?$/, ''))) rmSync(join(this.dir, name), { force: true });
    }
  }
}
