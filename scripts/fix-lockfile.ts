#!/usr/bin/env node
/**
 * Keeps package-lock.json usable by `npm ci` on every platform.
 *
 * Works around: the npm registry mirror of our build machines does not serve the other platforms'
 * builds of some native packages (e.g. `@pagefind/darwin-arm64@1.6.0`). `npm install` then writes no
 * lock entry for them, and `npm ci` refuses the lock ("Missing: … from lock file"), because its
 * check also covers optional dependencies it would skip. This adds, for each optional dependency
 * the lock lacks, the entry npm writes with a complete registry: version, os, cpu and libc, so
 * `npm ci` knows to skip it on other platforms. Idempotent; run after changing dependencies
 * (`npm install` runs it as the `postinstall` script; for the benchmark tools, run
 * `node scripts/fix-lockfile.ts bench/tools/package-lock.json`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

interface LockEntry {
  version?: string;
  dev?: boolean;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  optionalDependencies?: Record<string, string>;
  [key: string]: unknown;
}

interface Lock {
  packages: Record<string, LockEntry>;
  [key: string]: unknown;
}

/** The platform a package's name says it is built for, e.g. `@pagefind/linux-arm64` or `…-linux-x64-musl`. */
export function platformOf(name: string): Pick<LockEntry, 'os' | 'cpu' | 'libc'> | undefined {
  const match = /(android|darwin|linux|win32|windows|freebsd|wasm32)-?(arm64|x64|ia32|arm|wasi)?(?:-(gnu|musl|msvc))?$/.exec(name);
  if (!match) return undefined;
  const [, os, cpu, abi] = match;
  if (os === 'wasm32') return { cpu: ['wasm32'] };
  return {
    os: [os === 'windows' ? 'win32' : os!],
    ...(cpu ? { cpu: [cpu] } : {}),
    ...(abi === 'gnu' ? { libc: ['glibc'] } : abi === 'musl' ? { libc: ['musl'] } : {}),
  };
}

/** Adds the missing optional platform entries to `lock`; returns the names added. */
export function addMissingPlatformEntries(lock: Lock): string[] {
  const added: string[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
      const nested = `${path ? `${path}/` : ''}node_modules/${name}`;
      const hoisted = `node_modules/${name}`;
      if (lock.packages[nested] || lock.packages[hoisted]) continue;
      const platform = platformOf(name);
      const version = /^\d+\.\d+\.\d+(?:-[\w.]+)?$/.test(range) ? range : undefined;
      if (!platform || !version) continue;
      lock.packages[hoisted] = { version, ...(entry.dev ? { dev: true } : {}), optional: true, ...platform };
      added.push(`${name}@${version}`);
    }
  }
  lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b, 'en'))));
  return added;
}

if (import.meta.main) {
  // The project's lock by default; bench/tools/package-lock.json when named.
  const path = resolve(process.argv[2] ?? resolve(import.meta.dirname, '../package-lock.json'));
  const lock = JSON.parse(readFileSync(path, 'utf8')) as Lock;
  const added = addMissingPlatformEntries(lock);
  if (added.length > 0) {
    writeFileSync(path, `${JSON.stringify(lock, null, 2)}\n`);
    console.log(`${path}: added ${added.length} optional platform entries (${added.join(', ')})`);
  }
}
