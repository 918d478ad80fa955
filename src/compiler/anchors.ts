/**
 * The anchors the edition publishes, from the compiled model (not from the built pages): every
 * passage and note of each published article, and every glossary term, with a fingerprint of its
 * text. The anchor ledger (src/lib/ledger.ts) is checked against this before any page is rendered.
 */
import { PROVENANCE_ANCHOR } from '../lib/ids.ts';
import { fingerprint, termFingerprint, type Published } from '../lib/ledger.ts';
import type { CompiledEdition } from './index.ts';
import { provenanceWordingOf, termWordingOf } from './check-corrections.ts';

export { PROVENANCE_ANCHOR };

/**
 * What the edition publishes now.
 *
 * @example publishedOf(edition).articles['russia-new-steps-western-border']['note-union-state-date'] // 'a1b2c3d4'
 */
export function publishedOf(edition: Pick<CompiledEdition, 'articles' | 'terms' | 'rendered'>): Published {
  const published: Published = { articles: {}, terms: {} };
  for (const article of edition.articles) {
    if (article.draft) continue;
    // The provenance box by its heading's id: what it says is the edition's, and corrected openly.
    published.articles[article.slug] = { ...article.fingerprints, ...edition.rendered.get(article.slug)?.fingerprints, [PROVENANCE_ANCHOR]: fingerprint(provenanceWordingOf(article.frontmatter)) };
  }
  // A term's fingerprint is that of what its entry says, so that a published entry reworded is seen.
  for (const term of edition.terms) published.terms[term.id] = termFingerprint(term.term, termWordingOf(term));
  return published;
}
