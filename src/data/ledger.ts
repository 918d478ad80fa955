import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { emptyLedger, followChain, LEDGER_FILE, parseLedger, resolveAlias, type Ledger } from '../lib/ledger.ts';

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

/**
 * The old addresses of renamed texts, each with the text's address now: every `redirects:` entry
 * whose chain ends at a text in `live`. The pages and files made per text (its timeline, its claims,
 * its annotations and citation files) keep a page or a copy there, as its own page does. With
 * `sameText`, only texts renamed, not withdrawn in favour of another: a copy of the other's files at
 * the old address would be another work's.
 *
 * @example renamedTexts(['lavrov-at-un']) // [['lavrov-speaks-out-against-nato-at-un', 'lavrov-at-un']]
 */
export function renamedTexts(live: Iterable<string>, { sameText = false }: { sameText?: boolean } = {}): [old: string, now: string][] {
  const { redirects, articles } = getLedger();
  const published = new Set(live);
  return Object.keys(redirects).flatMap((old): [string, string][] => {
    if (published.has(old)) return [];
    // The check refuses chains that go round or end at nothing published.
    const { path, round } = followChain(old, (key) => (published.has(key) ? undefined : redirects[key]));
    const now = path.at(-1)!;
    if (round || !published.has(now)) return [];
    // A redirect also withdraws a text in favour of another: only a text renamed, whose recorded
    // anchors are mostly the new address's (or whose new address is not recorded yet), is the same work.
    if (sameText && articles[old] && articles[now]) {
      const recorded = Object.entries(articles[old]);
      const kept = recorded.filter(([id, print]) => articles[now]![id] === print).length;
      if (kept * 2 < recorded.length) return [];
    }
    return [[old, now]];
  });
}
