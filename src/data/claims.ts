/**
 * The claims of the edition as the claim pages and the claims index see them: each claim with a page
 * (src/lib/claims.ts), every passage that makes it (dated and attributed to its piece's outlet), the
 * notes and glossary entries that show what the record says, its findings and its history.
 * Computed once per build.
 */
import { compiledEdition } from './compiled.ts';
import { getEdition, type TermEntry } from './edition.ts';
import type { ArticleEntry } from './articles.ts';
import type { HeldNote } from '../compiler/model.ts';
import type { Claim, CrossClaim } from '../schemas/claims.ts';
import { CLAIM_KIND_LABELS, type ClaimKind } from '../schemas/claims.ts';
import { claimAddresses, claimGroups, claimHistory, compareClaims, findingFacets, pieceOf, type ClaimEvent, type FindingFacet } from '../lib/claims.ts';
import { noteKindPhrase } from '../lib/notes.ts';
import { FINDING_LABELS } from '../lib/findings.ts';
import { isoDate } from '../lib/dates.ts';
import { paths } from '../lib/urls.ts';
import { claimReviewJsonLd } from '../lib/json-ld.ts';
import { attributedTitle, quoted } from '../lib/attribution.ts';

/** One passage that makes the claim. */
export interface Appearance {
  article: ArticleEntry;
  /** The statement of the text's inventory. */
  statement: Claim;
  /** The passage's address, relative to the base: `articles/<slug>/#<passage>`. */
  href: string;
  /** The piece's outlet and date (`YYYY-MM-DD`), and its heading's words in a compilation. */
  outlet?: string | undefined;
  date?: string | undefined;
  piece?: string | undefined;
}

/** A note that treats the claim, with its text. */
export interface ClaimNote {
  article: ArticleEntry;
  note: HeldNote;
  /** `articles/<slug>/#note-<id>`. */
  href: string;
}

export interface ClaimView {
  id: string;
  /** The registry entry, for a claim the edition states in its own neutral words. */
  registered?: CrossClaim | undefined;
  /** The claim: the registry's neutral words, or the text's own words (then `quoted`). */
  statement: string;
  quoted: boolean;
  appearances: Appearance[];
  notes: ClaimNote[];
  terms: TermEntry[];
  /** What its checks found, for the index (src/lib/claims.ts). */
  facets: FindingFacet[];
  kinds: ClaimKind[];
  /** Slugs of the texts and ids of the terms it concerns, for the index's filters. */
  texts: string[];
  termIds: string[];
  history: ClaimEvent[];
  /** The earliest date a passage made it, `YYYY-MM-DD`. */
  first?: string | undefined;
}

export interface Claims {
  /** Every claim with a page: those joined across passages first, then by the date each was first made. */
  claims: ClaimView[];
  byId: Map<string, ClaimView>;
  /** Old ids of claims joined into others: old id → id of the page. */
  aliases: Map<string, string>;
  /** The claim page of a statement: `<slug>#<statement id>` → claim id. */
  pageOf: Map<string, string>;
}

const dateOf = (value: Date | string | undefined) => (value === undefined ? undefined : isoDate(value));

async function load(): Promise<Claims> {
  const compiled = compiledEdition();
  const edition = await getEdition();
  const inventories = new Map([...compiled.claims].filter(([slug]) => edition.articleById.has(slug)));
  const groups = claimGroups(inventories, compiled.claimsAcross);

  const claims: ClaimView[] = [];
  const pageOf = new Map<string, string>();
  for (const group of groups) {
    if (group.items.length === 0) continue;
    const appearances: Appearance[] = [];
    const notes = new Map<string, ClaimNote>();
    const terms = new Map<string, TermEntry>();
    for (const { slug, claim } of group.items) {
      pageOf.set(`${slug}#${claim.id}`, group.id);
      const article = edition.articleById.get(slug)!;
      const facts = compiled.articleBySlug.get(slug)!;
      const data = article.entry.data;
      const piece = pieceOf(
        facts.passages.map((passage) => passage.id),
        data.sections.map((section) => ({ heading: section.heading, lead: section.lead, outlet: section.outlet, date: dateOf(section.date) })),
        claim.passage,
        { outlet: data.outlets[0]?.name, date: dateOf(data.dates[0]) },
      );
      appearances.push({
        article: article.entry,
        statement: claim,
        href: `${paths.article(slug)}#${claim.passage}`,
        outlet: piece.outlet,
        date: piece.date,
        piece: piece.heading ? facts.passages.find((passage) => passage.id === piece.heading && passage.text !== data.title)?.text : undefined,
      });
      const disposition = claim.disposition;
      if ('note' in disposition) {
        const note = article.notes.find((info) => info.id === disposition.note);
        if (note && !notes.has(note.id)) notes.set(note.id, { article: article.entry, note, href: `${paths.article(slug)}#note-${note.id}` });
      } else if ('term' in disposition) {
        const term = edition.termById.get(disposition.term);
        if (term) terms.set(term.id, term);
      }
      for (const mention of article.mentions) {
        if (mention.passage === claim.passage && claim.quote.includes(mention.text)) {
          const term = edition.termById.get(mention.term);
          if (term) terms.set(term.id, term);
        }
      }
    }
    appearances.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
    const noted = [...notes.values()];
    const events: ClaimEvent[] = [];
    if (group.registered) {
      events.push({ date: group.registered.added, what: 'The edition stated the claim in its own words and joined the passages that make it.' });
      for (const change of group.registered.history) events.push({ date: change.date, what: change.change, was: change.was });
    }
    for (const { article, note, href } of noted) {
      // The note is the link; what happened to it follows in plain words (a correction's account
      // of what changed is a sentence or two, not a link's words).
      // The verb first and the edition its subject: after the text's attribution (“… — Cassiopaea
      // forum published …”) it read as if the outlet had published the note.
      const link = `note ${note.number} on ${attributedTitle(article.data.title, article.data.outlets)}`;
      const finding = note.finding ? `, finding “${FINDING_LABELS[note.finding].toLowerCase()}”` : '';
      events.push({ date: note.added, lead: 'The edition published ', link, href, what: `, ${noteKindPhrase(note.kind)}${finding}.` });
      if (note.updated) events.push({ date: note.updated, lead: 'The edition corrected ', link, href, what: `.${note.change ? ` ${note.change}` : ''}` });
    }
    const kinds = [...new Set(group.items.map((item) => item.claim.kind))];
    claims.push({
      id: group.id,
      registered: group.registered,
      statement: group.registered?.claim ?? group.items[0]!.claim.quote,
      quoted: !group.registered,
      appearances,
      notes: noted,
      terms: [...terms.values()],
      facets: findingFacets(noted.map(({ note }) => note.finding), noted.length > 0, terms.size > 0),
      kinds,
      texts: [...new Set(group.items.map((item) => item.slug))],
      termIds: [...terms.keys()],
      history: claimHistory(events),
      first: appearances[0]?.date,
    });
  }
  claims.sort(compareClaims);
  const addresses = claimAddresses(groups.filter((group) => group.items.length > 0));
  const aliases = new Map([...addresses].filter(([from, to]) => from !== to));
  return { claims, byId: new Map(claims.map((claim) => [claim.id, claim])), aliases, pageOf };
}

let cached: Promise<Claims> | undefined;

/** The claims, loaded once per build. */
export function getClaims(): Promise<Claims> {
  cached ??= load();
  return cached;
}

export { CLAIM_KIND_LABELS };

/** A filter of the claims index: which claims, and what the reader sees it called. */
export interface ClaimFilter {
  facet: 'text' | 'term' | 'finding';
  value: string;
  label: string;
}

/** How many claims each text, term and finding has: the index's filters (src/lib/claims.ts). */
export async function claimFacets(): Promise<{ texts: Map<string, number>; terms: Map<string, number>; findings: Map<FindingFacet, number> }> {
  const { claims } = await getClaims();
  const texts = new Map<string, number>();
  const terms = new Map<string, number>();
  const findings = new Map<FindingFacet, number>();
  const bump = <K,>(map: Map<K, number>, key: K) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const claim of claims) {
    for (const slug of claim.texts) bump(texts, slug);
    for (const id of claim.termIds) bump(terms, id);
    for (const facet of claim.facets) bump(findings, facet);
  }
  return { texts, terms, findings };
}

/** The claims a filter selects, in the index's order. */
export function filterClaims(claims: readonly ClaimView[], filter: Pick<ClaimFilter, 'facet' | 'value'>): ClaimView[] {
  return claims.filter((claim) => (filter.facet === 'text' ? claim.texts : filter.facet === 'term' ? claim.termIds : claim.facets).includes(filter.value as never));
}

/**
 * The ClaimReview of each fact-check note of a text (src/lib/json-ld.ts), for its page: the statements
 * the note treats (in the edition's neutral words where the claim is joined across texts), where the
 * text makes them, and the note's finding.
 */
export async function noteReviews(slug: string, absolute: (path: string) => string): Promise<ReturnType<typeof claimReviewJsonLd>[]> {
  return [...(await noteReviewsById(slug, absolute)).values()];
}

/** The same reviews by note id: a fact-check note's share page carries its own (src/pages/share-pages.json.ts). */
export async function noteReviewsById(slug: string, absolute: (path: string) => string): Promise<Map<string, ReturnType<typeof claimReviewJsonLd>>> {
  // The claims' own map by id: this runs once per text, and a map built here each time grew with the edition.
  const { byId, pageOf } = await getClaims();
  const edition = await getEdition();
  const article = edition.articleById.get(slug);
  if (!article) return new Map();
  const inventory = compiledEdition().claims.get(slug) ?? [];
  const home = absolute(paths.home());
  const reviews = article.notes
    .filter((note) => note.kind === 'fact-check' && note.finding)
    .map((note): [string, ReturnType<typeof claimReviewJsonLd>] => {
      const statements = inventory.filter((claim) => 'note' in claim.disposition && claim.disposition.note === note.id);
      const pages = statements.flatMap((statement) => byId.get(pageOf.get(`${slug}#${statement.id}`) ?? '') ?? []);
      const words = pages.length > 0 ? pages.map((claim) => (claim.quoted ? quoted(claim.statement) : claim.statement)) : [quoted(note.exact)];
      const appearances = pages.length > 0 ? pages.flatMap((claim) => claim.appearances.filter((a) => a.article.id === slug)) : [];
      const review = claimReviewJsonLd({
        url: absolute(`${paths.article(slug)}#note-${note.id}`),
        claimReviewed: [...new Set(words)].join(' '),
        appearances: (appearances.length > 0 ? appearances : [{ href: `${paths.article(slug)}#${note.passage}`, article: article.entry, outlet: article.entry.data.outlets[0]?.name, date: dateOf(article.entry.data.dates[0]), piece: undefined }]).map((a) => ({
          url: absolute(a.href),
          headline: a.piece ?? a.article.data.title,
          datePublished: a.date,
          outlet: a.outlet,
          original: a.piece ? undefined : a.article.data.originalUrl,
        })),
        home,
        datePublished: note.added,
        dateModified: note.updated,
        finding: FINDING_LABELS[note.finding!],
        reviewBody: note.bodyText,
      });
      return [note.id, review];
    });
  return new Map(reviews);
}
