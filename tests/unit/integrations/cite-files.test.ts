import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CITE_DATA_DIR, citeFiles } from '../../../src/integrations/cite-files.ts';
import { bibtex, EDITION, type Citable } from '../../../src/lib/citation.ts';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

const text = (slug: string, title: string): Citable => ({
  kind: 'text',
  key: `borderlines:${slug}`,
  original: { authors: ['Vladimir Isachenkov'], outlets: ['Associated Press'], title, dates: ['2022-02-05'] },
  date: '2026-11-22',
  url: `https://example.org/articles/${slug}/`,
});
const line = (slug: string, key: string, title = `Title of ${slug}`) => JSON.stringify({ slug, key, accessed: '2026-12-03', items: [text(slug, title)] });

/** A built site and the integration bound to it; `build(...lines)` writes the data files (one per argument) and runs it. */
function site() {
  root = mkdtempSync(join(tmpdir(), 'cite-files-'));
  const outDir = join(root, 'dist');
  const hooks = citeFiles().hooks as Record<string, (options: object) => unknown>;
  hooks['astro:config:done']!({ config: { cacheDir: pathToFileURL(`${root}/cache/`) } });
  const logged: string[] = [];
  const build = async (...parts: string[]) => {
    mkdirSync(join(outDir, CITE_DATA_DIR), { recursive: true });
    parts.forEach((lines, index) => writeFileSync(join(outDir, CITE_DATA_DIR, `${index + 1}.jsonl`), lines));
    await hooks['astro:build:done']!({ dir: pathToFileURL(`${outDir}/`), logger: { info: (message: string) => logged.push(message) } });
    return logged.at(-1)!;
  };
  const file = (path: string) => join(outDir, 'cite', path);
  return { outDir, build, file };
}

describe('the citation files written after the build', () => {
  it('writes three files a text, in the formats of src/lib/citation.ts, and removes the data', async () => {
    const { build, file, outDir } = site();
    expect(await build(`${line('a', 'k1')}\n${line('b', 'k1')}\n`, line('c', 'k1'))).toMatch(/^Citation files of 3 texts \(BibTeX, RIS, CSL-JSON\) in \d+ ms$/);
    expect(readdirSync(join(outDir, 'cite')).sort()).toEqual(['a.bib', 'a.json', 'a.ris', 'b.bib', 'b.json', 'b.ris', 'c.bib', 'c.json', 'c.ris']);
    expect(readFileSync(file('a.bib'), 'utf8')).toBe(bibtex([text('a', 'Title of a')], EDITION, '2026-12-03'));
    expect(JSON.parse(readFileSync(file('c.json'), 'utf8'))[0].title).toBe('Title of c');
    expect(readFileSync(file('b.ris'), 'utf8')).toMatch(/^TY {2}- /);
    expect(existsSync(join(outDir, CITE_DATA_DIR))).toBe(false);
  });

  it('writes again only the texts whose key changed or whose files are missing, and removes the files of a withdrawn text', async () => {
    const { build, file } = site();
    await build(`${line('a', 'k1')}\n${line('b', 'k1')}\n${line('c', 'k1')}\n`);
    const old = new Date(Date.now() - 3_600_000);
    for (const name of ['a.bib', 'b.bib']) utimesSync(file(name), old, old);
    rmSync(file('c.ris'));
    expect(await build(`${line('a', 'k1')}\n${line('b', 'k2', 'New title')}\n${line('c', 'k1')}\n`)).toMatch(/^Citation files of 3 texts \(BibTeX, RIS, CSL-JSON\), those of 2 written in/);
    expect(statSync(file('a.bib')).mtimeMs).toBe(old.getTime());
    expect(readFileSync(file('b.bib'), 'utf8')).toContain('New title');
    expect(existsSync(file('c.ris'))).toBe(true);
    expect(await build(`${line('a', 'k1')}\n${line('c', 'k1')}\n`)).toMatch(/, those of 0 written, 3 files of withdrawn texts removed in/);
    expect(existsSync(file('b.bib'))).toBe(false);
    expect(existsSync(file('a.bib'))).toBe(true);
  });

  it('names the route to keep when there is no data, and the line that is not data', async () => {
    const { build } = site();
    await expect(build()).rejects.toThrow(/cite-data\/: no data in .* Fix: keep src\/pages\/cite-data\/\[part\]\.jsonl\.ts/);
    await expect(build(`${line('a', 'k1')}\n{"slug": "b"\n`)).rejects.toThrow(/cite-data\/1\.jsonl:2: not a line of data/);
  });
});
