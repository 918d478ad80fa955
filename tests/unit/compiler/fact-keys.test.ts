import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FactKeys } from '../../../src/compiler/fact-keys.ts';

const ARTICLE = 'content/articles/a.mdx';
const RAW = 'content/sources/a.txt';
const article = (words: string) => `---\ntitle: A\ncopy:\n  source: a.txt\n---\n\n${words} ^p\n`;

let root = '';
let cache = '';
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'fact-keys-'));
  cache = join(root, 'cache');
  mkdirSync(join(root, 'content/articles'), { recursive: true });
  mkdirSync(join(root, 'content/sources'), { recursive: true });
  write(ARTICLE, article('Some words.'));
  write(RAW, 'Some words.\n');
  // Both older than any compile below, as files an editor saved a while ago are.
  age(ARTICLE);
  age(RAW);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(file: string, text: string) {
  writeFileSync(join(root, file), text);
}
function age(file: string, seconds = 60) {
  const when = new Date(Date.now() - seconds * 1000);
  utimesSync(join(root, file), when, when);
}
/** The key of the article, and whether its text had to be read to find it. */
function keyOf(keys: FactKeys): { key: string; read: boolean } {
  let read = false;
  const key = keys.keyOf(ARTICLE, () => {
    read = true;
    return readFileSync(join(root, ARTICLE), 'utf8');
  });
  return { key, read };
}
/** A compile that records its keys, as the build's does. */
function compile(code = 'code-1'): { key: string; read: boolean } {
  const keys = new FactKeys(root, cache, code, { recording: true });
  const found = keyOf(keys);
  keys.save();
  return found;
}

describe('the facts’ cache keys, recorded between builds', () => {
  it('takes the key of an unchanged file from the record, without reading it', () => {
    const first = compile();
    expect(first.read).toBe(true);
    const second = compile();
    expect(second).toEqual({ key: first.key, read: false });
    // A count of what a compile would parse reads the same record.
    expect(keyOf(new FactKeys(root, cache, 'code-1'))).toEqual({ key: first.key, read: false });
  });

  it('works the key out again when the file, its raw copy or the compiler’s code changed', () => {
    const first = compile();
    write(ARTICLE, article('Other words.'));
    const edited = compile();
    expect(edited.read).toBe(true);
    expect(edited.key).not.toBe(first.key);
    age(ARTICLE);
    compile();
    write(RAW, 'Some words, corrected.\n');
    const rawEdited = compile();
    expect(rawEdited.read).toBe(true);
    expect(rawEdited.key).not.toBe(edited.key);
    age(RAW);
    compile();
    expect(compile().read).toBe(false);
    expect(compile('code-2').read).toBe(true);
  });

  it('does not trust a file no older than the compile that recorded it: it could change again without its time changing', () => {
    compile();
    // The file's time is set after the compile started (a save in the same tick of the file
    // system's clock leaves it equal to the start, which a test cannot set to the nanosecond).
    const keys = new FactKeys(root, cache, 'code-1', { recording: true });
    const later = new Date(statSync(join(cache, 'fact-keys-started')).mtimeMs + 1000);
    utimesSync(join(root, ARTICLE), later, later);
    const racy = keyOf(keys);
    keys.save();
    // Written again with words of the same length, and the same time.
    write(ARTICLE, article('Same length'));
    utimesSync(join(root, ARTICLE), later, later);
    const after = compile();
    expect(after.read).toBe(true);
    expect(after.key).not.toBe(racy.key);
  });

  it('notices a raw copy that was missing and is there now', () => {
    rmSync(join(root, RAW));
    const missing = compile();
    write(RAW, 'Some words.\n');
    age(RAW);
    const found = compile();
    expect(found.read).toBe(true);
    expect(found.key).not.toBe(missing.key);
  });
});
