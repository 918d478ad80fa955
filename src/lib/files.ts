/**
 * The files under a folder, for the build's checks and the scripts that read the built site.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The files under `root`, as paths relative to it (with `/`), those whose name `keep` accepts.
 * Walked folder by folder with the entries' types, which the listing gives:
 * `readdirSync(root, { recursive: true })` asks the file system for each entry's type again, and a
 * `statSync` per path does the same (at 5,000 texts, 164,000 files of the built site: 2.0 s
 * against 1.1 s).
 *
 * @example filesUnder('dist', (name) => name.endsWith('.html')) // ['404.html', 'about/index.html', …]
 */
export function filesUnder(root: string, keep: (name: string) => boolean = () => true): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path);
      else if (keep(entry.name)) found.push(path);
    }
  };
  walk('');
  return found;
}
