/**
 * Addresses a reader may trim a link to: every folder of the site that holds pages has a page of its
 * own, or one that sends the reader on to the list of what is in it (`/notes/` to the notes,
 * `/articles/` to the texts), never the 404.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIST, requireDist } from '../helpers/site.ts';

/** Whether `dir` holds an HTML page in a folder below it. */
const holdsPages = (dir: string): boolean =>
  readdirSync(dir).some((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() && (existsSync(join(path, 'index.html')) || holdsPages(path));
  });

describe('folders of pages', () => {
  it('each have a page, or send readers on to one that exists', () => {
    requireDist();
    const missing: string[] = [];
    const dirs = readdirSync(DIST).filter((name) => !name.startsWith('_') && name !== 'pagefind' && statSync(join(DIST, name)).isDirectory() && holdsPages(join(DIST, name)));
    expect(dirs).toEqual(expect.arrayContaining(['articles', 'notes', 'claims', 'glossary', 'timeline']));
    for (const dir of dirs) {
      const page = join(DIST, dir, 'index.html');
      if (!existsSync(page)) {
        missing.push(`/${dir}/ has no page`);
        continue;
      }
      const to = /<meta http-equiv="refresh" content="0; url=\/([^"#]*)"/.exec(readFileSync(page, 'utf8'))?.[1];
      if (to !== undefined && !existsSync(join(DIST, to, 'index.html'))) missing.push(`/${dir}/ sends readers to /${to}, which has no page`);
    }
    expect(missing).toEqual([]);
  });

  it('include the folders of the site’s address patterns, even before they hold a page (/texts/ before there is a /texts/2/)', () => {
    requireDist();
    for (const dir of ['texts', 'articles', 'notes', 'claims', 'glossary', 'timeline', 'corrections']) expect(existsSync(join(DIST, dir, 'index.html')), `/${dir}/`).toBe(true);
  });
});
