/**
 * Data a route of the site hands to an integration that writes files after the build: JSON Lines
 * in `<dir>/1.jsonl`, `2.jsonl`, … under the output, a few thousand lines to a file (Astro holds a
 * route's whole body to write it, so one file of every line was the build's peak at 5,000 texts).
 * Read a chunk at a time, so that the lines are never all in memory at once, and removed once read.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';

/** A data file as read: its name (`3.jsonl`), the digest of its bytes, and whether its lines were skipped. */
export interface DataFile {
  name: string;
  digest: string;
  skipped: boolean;
}

/** The digest of a file's bytes, read a chunk at a time. */
async function digestOfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('base64url').slice(0, 22);
}

/**
 * Calls `each` with every line of the data files in `dir` (under the output `root`), in order,
 * waiting for it (so a caller can write a batch before more is read), then removes them. `route` is
 * the page that writes them, for the message when there are none. A file for which `skip` (given
 * its name and digest) says true is not read: a caller that keeps what the last build's files
 * made skips the ones that did not change. Returns the number of lines read and the files.
 */
export async function readDataFiles<T>(
  root: string,
  dir: string,
  route: string,
  each: (value: T) => Promise<void> | void,
  skip: (name: string, digest: string) => boolean = () => false,
): Promise<{ count: number; files: DataFile[] }> {
  const folder = join(root, dir);
  const parts = (existsSync(folder) ? readdirSync(folder) : []).filter((name) => /^\d+\.jsonl$/.test(name)).sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
  if (parts.length === 0) throw new Error(`${dir}/: no data in ${root}. Fix: keep ${route}, which writes it, and build again.`);
  let count = 0;
  const files: DataFile[] = [];
  for (const part of parts) {
    const digest = await digestOfFile(join(folder, part));
    const skipped = skip(part, digest);
    files.push({ name: part, digest, skipped });
    if (skipped) continue;
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
  return { count, files };
}
