/**
 * Joining the facts of every file into the cross-file maps, once: the `Corpus` view the plugins
 * check links against, who cites each article, and what each article's rendering depends on
 * outside its own file (its render key).
 */
import type { ArticleFacts, ClaimsFacts, IncomingCitation, TermFacts } from './model.ts';
import type { Corpus, CorpusArticle, NoteClaim } from '../lib/corpus.ts';
import type { CrossClaim } from '../schemas/claims.ts';
import { claimGroups } from '../lib/claims.ts';
import { quoted } from '../lib/attribution.ts';
import { digestOf } from './cache.ts';

/** The claims inventories and the registry of cross-text claims, for the claim pages notes link to. */
export interface ClaimsInput {
  inventories: readonly ClaimsFacts[];
  registry: readonly CrossClaim[];
}

/** The corpus the plugins read, from the facts. */
export function joinCorpus(articles: readonly ArticleFacts[], terms: readonly TermFacts[], claims?: ClaimsInput): Corpus {
  const byslug = new Map<string, CorpusArticle>();
  const noteArticles = new Map<string, string[]>();
  for (const facts of articles) {
    byslug.set(facts.slug, {
      slug: facts.slug,
      title: facts.title,
      draft: facts.draft,
      outlets: facts.outlets,
      dates: facts.dates,
      passages: new Map(facts.passages.map((passage) => [passage.id, passage.text])),
      notes: new Set(facts.notes.map((note) => note.id)),
      citations: facts.citations,
      file: facts.file,
      minutes: facts.minutes,
    });
    for (const note of facts.notes) {
      const owners = noteArticles.get(note.id);
      if (owners) owners.push(facts.slug);
      else noteArticles.set(note.id, [facts.slug]);
    }
  }
  return {
    articles: byslug,
    noteArticles,
    terms: new Map(terms.map((term) => [term.id, { id: term.id, term: term.term, names: term.names, short: term.short, category: term.category, file: term.file, source: term.source }])),
    ...(claims ? { noteClaims: noteClaimsOf(claims, byslug) } : {}),
  };
}

/**
 * The claim pages each note treats, as src/data/claims.ts makes them (src/lib/claims.ts): a
 * statement of a published text's inventory whose disposition is the note, on the page of the
 * cross-text claim it joins or on its own.
 *
 * @example noteClaimsOf({ inventories: [{ slug: 'a', claims: [{ id: 'x', disposition: { note: 'n' }, quote: 'in 1999', … }] }], registry: [] }, articles)
 * // → Map { 'n' => [{ id: 'x', words: '“in 1999”', joined: false }] }
 */
function noteClaimsOf({ inventories, registry }: ClaimsInput, articles: ReadonlyMap<string, CorpusArticle>): Map<string, NoteClaim[]> {
  // Drafts have no claim pages (the pages are built from the published texts).
  const published = new Map(inventories.filter((inventory) => articles.get(inventory.slug)?.draft === false).map((inventory) => [inventory.slug, inventory.claims]));
  const byNote = new Map<string, NoteClaim[]>();
  for (const group of claimGroups(published, registry)) {
    const words = group.registered?.claim ?? group.items[0]?.claim.quote ?? '';
    const shown = group.registered ? words : quoted(words);
    for (const { claim } of group.items) {
      if (!('note' in claim.disposition)) continue;
      const list = byNote.get(claim.disposition.note) ?? [];
      if (!list.some((item) => item.id === group.id)) list.push({ id: group.id, words: shown, joined: group.registered !== undefined });
      byNote.set(claim.disposition.note, list);
    }
  }
  // A claim joined across texts first: the card names one.
  for (const list of byNote.values()) list.sort((a, b) => Number(b.joined) - Number(a.joined));
  return byNote;
}

/**
 * What an article's page shows that comes from outside its file, as one digest: the glossary's
 * names (terms are linked in the text), what each edition link of its notes resolves to, which other
 * articles use its note ids, the notes of other texts that cite it, and the claim pages (ids and
 * words) its notes' cards link to. An article is rendered again
 * when this or its own text changes, and only then.
 */
export function dependencyDigest(article: ArticleFacts, corpus: Corpus, incoming: readonly IncomingCitation[], glossaryDigest: string): string {
  const targets = article.links.map((url) => {
    const [scheme, rest = ''] = url.split(/:(.*)/s) as [string, string?];
    if (scheme === 'term') return [url, corpus.terms.has(rest)];
    if (scheme === 'note') return [url, corpus.noteArticles.get(rest) ?? []];
    const [slug = '', id] = rest.split('#');
    const target = corpus.articles.get(slug);
    return [url, target ? { draft: target.draft, has: id ? target.passages.has(id) : true } : null];
  });
  const owners = article.notes.map((note) => [note.id, corpus.noteArticles.get(note.id) ?? []]);
  // Each note's card names the claim pages it treats, in the claims' words.
  const claims = article.notes.map((note) => corpus.noteClaims?.get(note.id) ?? []);
  return digestOf(JSON.stringify([glossaryDigest, targets, owners, incoming, claims]));
}
