/**
 * Data a route of the site hands to an integration that writes files after the build: JSON Lines
 * in `<dir>/1.jsonl`, `2.jsonl`, … under the output, a few thousand lines to a file (Astro holds a
 * route's whole body to write it, so one file of every line was the build's peak at 5,000 texts).
 * Read a chunk at a time, so that the lines are never all in memory at once, and removed once read.
 */
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Calls `each` with every line of the data files in `dir` (under the output `root`), in order,
 * waiting for it (so a caller can write a batch before more is read), then removes them. `route` is
 * the page that writes them, for the message when there are none. Returns the number of lines.
 */
export async function readDataFiles<T>(root: string, dir: string, route: string, each: (value: T) => Promise<void> | void): Promise<number> {
  const folder = join(root, dir);
  const parts = (existsSync(folder) ? readdirSync(folder) : []).filter((name) => /^\d+\.jsonl$/.test(name)).sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
  if (parts.length === 0) throw new Error(`${dir}/: no data in ${root}. Fix: keep ${route}, which writes it, and build again.`);
  let count = 0;
  for (const part of parts) {
    let line = 0;
    let rest = '';
    const take = async (text: string) => {
      line++;
      if (!text) return;
      let value: T;
      try {
        value = JSON.parse(text) as T;
      } catch (error) {
        throw new Error(`${dir}/${part}:${line}: not a line of data (${(error as Error).message}). Fix: build again; if it recurs, check the free space of the disk.`);
      }
      count++;
      await each(value);
    };
    for await (const chunk of createReadStream(join(folder, part), 'utf8') as AsyncIterable<string>) {
      const lines = (rest + chunk).split('\n');
      rest = lines.pop()!;
      for (const text of lines) await take(text);
    }
    await take(rest);
  }
  await rm(folder, { recursive: true });
  return count;
}
