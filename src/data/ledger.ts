import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyLedger, LEDGER_FILE, parseLedger, resolveAlias, type Ledger } from '../lib/ledger.ts';

let ledger: Ledger | undefined;

/** The anchor ledger, read once per build. */
export function getLedger(): Ledger {
  if (!ledger) {
    const path = join(process.cwd(), LEDGER_FILE);
    ledger = existsSync(path) ? parseLedger(readFileSync(path, 'utf8')) : emptyLedger();
  }
  return ledger;
}

/**
 * The old fragment ids that lead to a successor on an article's page, resolved to their final
 * successor: its own aliases, and those of the slugs that now redirect to it.
 */
export function aliasesFor(slug: string): Record<string, string> {
  const { aliases, redirects } = getLedger();
  const slugs = [slug, ...Object.entries(redirects).filter(([, to]) => to === slug).map(([from]) => from)];
  const result: Record<string, string> = {};
  for (const from of slugs) {
    for (const old of Object.keys(aliases[from] ?? {})) {
      const successor = resolveAlias(getLedger(), from, old);
      if (successor) result[old] = successor;
    }
  }
  return result;
}
