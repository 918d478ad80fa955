/**
 * The cache keys of the content files' facts, and a record of them that spares a build the work of
 * finding them again.
 *
 * A file's key is the digest of the compiler's code, the file and its text, and for an article its
 * raw copy, which its facts are checked against (src/compiler/fidelity.ts). Finding it means
 * reading and hashing every file of the edition and every raw copy: at 5,000 texts, 320 MB, done
 * twice per build (to count what the compile would parse, then to compile), 1.4 s of a rebuild
 * that changes nothing.
 *
 * The compile records each file's key with the file's time and size, and its raw copy's, in
 * `fact-keys.json` in the cache folder. A later build takes the recorded key of a file whose time
 * and size are those recorded, as `make` and Git do. A file written in the same tick of the file
 * system's clock as the compile that recorded it read it could change again without its time
 * changing ("racily clean", in Git's words): a key is taken from the record only if the file is
 * older than that compile's start, otherwise it is worked out again.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCES_DIR } from '../schemas/article.ts';
import { digestOf } from './cache.ts';

/** A file's time, size and key, and its raw copy's name, time and size (-1 when it is missing). */
type Entry = [mtime: number, size: number, key: string, raw: [name: string, mtime: number, size: number] | null];

interface KeyRecord {
  /** The digest of the compiler's code the keys were found with. */
  code: string;
  /** When the compile that wrote the record started, by the file system's clock. */
  started: number;
  files: Record<string, Entry>;
}

/** The record's file, in the compiler's cache folder. */
export const FACT_KEYS = 'fact-keys.json';

/**
 * The name of the raw copy an article names in `copy.source`, or none (the schema reports a
 * missing one).
 */
function rawCopyName(article: string): string | undefined {
  // `copy:` and the lines under it (blank ones too), in the front matter, in block or flow style.
  const front = article.slice(0, Math.max(0, article.indexOf('\n---', 3)));
  const block = /^copy:([^\n]*(?:\n(?:[ \t][^\n]*)?)*)/m.exec(front)?.[1] ?? '';
  const name = /\bsource:[ \t]*['"]?([\w.-]+\.txt)/.exec(block)?.[1];
  // A copy of its own: V8 can keep a part of a string as a view of the whole, and the record holds
  // the name until the compile ends (with views, every text's source was held: a compile process
  // of 500 texts ran out of a 64 MB heap, tests/unit/compiler/compiler.test.ts).
  return name === undefined ? undefined : Buffer.from(name).toString();
}

/** The keys of one compile (or one count of what a compile would parse). */
export class FactKeys {
  readonly #root: string;
  readonly #dir: string;
  readonly #code: string;
  readonly #last: KeyRecord | undefined;
  readonly #next: Record<string, Entry> = {};
  #started = 0;

  /**
   * @param cacheDir - the compiler's cache folder, where the record is.
   * @param code - the digest of the compiler's code.
   * @param recording - whether this compile will write the record ({@link save}): it then notes
   *   when it started, by the file system's clock, before it looks at any file.
   */
  constructor(root: string, cacheDir: string, code: string, { recording = false } = {}) {
    this.#root = root;
    this.#dir = cacheDir;
    this.#code = code;
    let last: KeyRecord | undefined;
    try {
      last = JSON.parse(readFileSync(join(cacheDir, FACT_KEYS), 'utf8')) as KeyRecord;
    } catch {
      last = undefined;
    }
    this.#last = last?.code === code && typeof last.started === 'number' && last.files ? last : undefined;
    if (recording) {
      mkdirSync(cacheDir, { recursive: true });
      const marker = join(cacheDir, 'fact-keys-started');
      writeFileSync(marker, '');
      this.#started = statSync(marker).mtimeMs;
    }
  }

  /**
   * The key of `file` (relative to the project). `text` gives the file's text, when the key has to
   * be worked out: a caller that needs the text anyway passes the one it reads.
   */
  keyOf(file: string, text: () => string): string {
    const info = statSync(join(this.#root, file));
    const before = this.#last?.files[file];
    if (before && before[0] === info.mtimeMs && before[1] === info.size && before[0] < this.#last!.started && this.#sameRaw(before[3])) {
      this.#next[file] = before;
      return before[2];
    }
    // The file's time is taken before its text is read: a change in between shows at the next build.
    const source = text();
    const name = file.endsWith('.mdx') ? rawCopyName(source) : undefined;
    let raw = '';
    let rawEntry: Entry[3] = null;
    if (name) {
      const path = join(this.#root, SOURCES_DIR, name);
      const rawInfo = statSync(path, { throwIfNoEntry: false });
      rawEntry = [name, rawInfo?.mtimeMs ?? -1, rawInfo?.size ?? -1];
      try {
        raw = readFileSync(path, 'utf8');
      } catch {
        raw = '';
      }
    }
    const key = digestOf(`${this.#code}\0${file}\0${source}${file.endsWith('.mdx') ? `\0${raw}` : ''}`);
    this.#next[file] = [info.mtimeMs, info.size, key, rawEntry];
    return key;
  }

  /** Whether the raw copy recorded is as it was (missing then and now counts as the same). */
  #sameRaw(raw: Entry[3]): boolean {
    if (!raw) return true;
    const info = statSync(join(this.#root, SOURCES_DIR, raw[0]), { throwIfNoEntry: false });
    if (!info) return raw[1] === -1;
    return info.mtimeMs === raw[1] && info.size === raw[2] && raw[1] < this.#last!.started;
  }

  /** Writes the keys this compile found or took, for the next build (written aside, then renamed). */
  save(): void {
    if (this.#started === 0) throw new Error('FactKeys.save: this compile was not opened for recording');
    const path = join(this.#dir, FACT_KEYS);
    const aside = `${path}.${process.pid}.tmp`;
    writeFileSync(aside, JSON.stringify({ code: this.#code, started: this.#started, files: this.#next } satisfies KeyRecord));
    renameSync(aside, path);
  }
}
