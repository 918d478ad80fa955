/**
 * What a build step keeps in the cache folder for the next build (digests of the share pages, the
 * policy check's results, the mark of a completed build), with the output folder it describes.
 * Copies of the site may share a cache and write different folders (the tests build one under a
 * sub-path elsewhere): a record is read back only for the folder it was written for.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The record in `file` if the last build wrote it for the output folder `root`. One that cannot be
 * read (written by an earlier version of the step, cut short) counts as none: the step then does
 * its whole work, as on a first build.
 */
export function readRecord<T>(file: string, root: string): T | undefined {
  if (!existsSync(file)) return undefined;
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    if (typeof record !== 'object' || record === null || !('root' in record) || !('data' in record)) return undefined;
    return record.root === root ? (record.data as T) : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps `data` in `file` for the next build, as describing the output folder `root`. */
export function writeRecord(file: string, root: string, data: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ root, data }));
}
