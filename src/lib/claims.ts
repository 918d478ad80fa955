/**
 * Claims across texts: which statements of the inventories (content/claims/<slug>.yaml) get a page
 * of their own (`/claims/<id>/`), under which id, and what the claims index filters by.
 *
 * A claim gets a page when it is joined under an entry of the registry of cross-text claims
 * (`content/claims-across.yaml`: one claim that several passages make in their own words), or when a
 * note of the edition treats it. A joined claim's page is the registry entry's id; a claim treated by
 * a note and joined to nothing keeps its inventory id. Ids are permalinks: the anchor ledger records
 * them, and a recorded id must stay a page or an alias of one.
 *
 * @example
 * claimGroups(new Map([['a', [{ id: 'x', claim: 'union-state', … }]], ['b', [{ id: 'y', claim: 'union-state', … }]]]), [{ id: 'union-state', … }])
 * // → [{ id: 'union-state', registered: { … }, items: [{ slug: 'a', claim: x }, { slug: 'b', claim: y }] }]
 */
import type { Claim, CrossClaim } from '../schemas/claims.ts';
import { FINDINGS, FINDING_LABELS, type Finding } from './findings.ts';
import { fingerprint } from './ledger.ts';

/** Ids a claim page cannot have: the claims index's own addresses under `/claims/`. */
export const RESERVED_CLAIM_IDS: readonly string[] = ['text', 'term', 'finding', 'page', 'texts', 'terms'];

/** A statement of one text's inventory. */
export interface InventoryItem<C extends Claim = Claim> {
  /** The text's slug. */
  slug: string;
  claim: C;
}

/** A claim with a page: the statements that make it, in the order of the texts and of each text. */
export interface ClaimGroup<C extends Claim = Claim> {
  id: string;
  /** The registry entry, for a claim joined across passages. */
  registered?: CrossClaim;
  items: InventoryItem<C>[];
}

/**
 * The claims that get a page: every registry entry (with the statements that name it), then every
 * statement treated by a note and joined to nothing, under its own id. An id already taken is not
 * given twice (the compiler's check reports it); a statement naming an unknown entry is left out.
 */
export function claimGroups<C extends Claim>(inventories: ReadonlyMap<string, readonly C[]>, registry: readonly CrossClaim[]): ClaimGroup<C>[] {
  const groups = new Map<string, ClaimGroup<C>>();
  for (const entry of registry) groups.set(entry.id, { id: entry.id, registered: entry, items: [] });
  const taken = new Set<string>([...RESERVED_CLAIM_IDS, ...groups.keys(), ...registry.flatMap((entry) => entry.aliases)]);
  for (const [slug, claims] of inventories) {
    for (const claim of claims) {
      if (claim.claim !== undefined) {
        groups.get(claim.claim)?.items.push({ slug, claim });
      } else if ('note' in claim.disposition && !taken.has(claim.id)) {
        taken.add(claim.id);
        groups.set(claim.id, { id: claim.id, items: [{ slug, claim }] });
      }
    }
  }
  return [...groups.values()];
}

/**
 * The id of the claim page a statement is on: the cross-text claim it joins, else its own id when a
 * note treats it, else none.
 */
export function claimPageId(statement: Pick<Claim, 'id' | 'claim' | 'disposition'>): string | undefined {
  return statement.claim ?? ('note' in statement.disposition ? statement.id : undefined);
}

/** Where an id leads: itself, for a page; the claim it was joined into, for an alias. */
export function claimAddresses(groups: readonly ClaimGroup[]): Map<string, string> {
  const addresses = new Map<string, string>();
  for (const group of groups) {
    addresses.set(group.id, group.id);
    for (const alias of group.registered?.aliases ?? []) addresses.set(alias, group.id);
  }
  return addresses;
}

/**
 * The published claim pages for the anchor ledger: id → fingerprint of the claim's words (the
 * registry's neutral wording, or the text's own words for a claim not joined).
 */
export function publishedClaims(groups: readonly ClaimGroup[]): Record<string, string> {
  const published: Record<string, string> = {};
  for (const group of groups) {
    if (group.items.length === 0) continue;
    published[group.id] = fingerprint(group.registered?.claim ?? group.items[0]!.claim.quote);
  }
  return published;
}

/** The ids a ledger recorded that are neither a claim page nor an alias of one now. */
export function goneClaims(recorded: Record<string, string>, groups: readonly ClaimGroup[]): string[] {
  const addresses = claimAddresses(groups.filter((group) => group.items.length > 0));
  return Object.keys(recorded).filter((id) => !addresses.has(id));
}

/** The piece of a compilation a passage is in: its outlet and date, from the text's `sections`. */
export interface Piece {
  outlet?: string | undefined;
  date?: string | undefined;
  /** The piece's heading, as a passage id. */
  heading?: string | undefined;
}

/**
 * The passage a piece of a compilation begins at: its heading, or its lead when a paragraph of the
 * piece stands above the heading (sections[].lead). Everything that places a passage in a piece
 * (claims, the timeline's dates, citation files) starts pieces here.
 */
export function pieceStart(section: { heading: string; lead?: string | undefined }): string {
  return section.lead ?? section.heading;
}

/**
 * The piece a passage belongs to: the last section heading (or the lead above it) at or before it,
 * in the text's order of passages. Outside any piece (or in a text that is not a compilation), the text's own outlet and
 * first date.
 *
 * @example pieceOf(['h1', 'p1', 'h2', 'p2'], [{ heading: 'h2', outlet: 'TASS', date: '2020-07-10' }], 'p2', { outlet: 'Forum', date: '2020-05-14' })
 * // → { outlet: 'TASS', date: '2020-07-10', heading: 'h2' }
 */
export function pieceOf(order: readonly string[], sections: readonly { heading: string; lead?: string | undefined; outlet?: string | undefined; date?: string | undefined }[], passage: string, text: Piece): Piece {
  const at = order.indexOf(passage);
  const byHeading = new Map(sections.map((section) => [pieceStart(section), section]));
  for (let index = at; index >= 0; index--) {
    const section = byHeading.get(order[index]!);
    if (section) return { outlet: section.outlet ?? text.outlet, date: section.date ?? text.date, heading: section.heading };
  }
  return text;
}

/** What a claim's check found, for the index's filter: a finding, or how else it is treated. */
export type FindingFacet = Finding | 'noted' | 'glossary' | 'open';

export const FINDING_FACETS: readonly FindingFacet[] = [...FINDINGS, 'noted', 'glossary', 'open'];

export const FINDING_FACET_LABELS: Record<FindingFacet, string> = {
  ...FINDING_LABELS,
  noted: 'Explained in a note, no finding',
  glossary: 'Covered by the glossary',
  open: 'Not yet examined',
};

/**
 * The facets of a claim for the index: the findings of the fact-check notes that treat it; else
 * `noted` when a note of another kind treats it, `glossary` when only the glossary does, `open`
 * when nothing does yet.
 */
export function findingFacets(findings: readonly (Finding | undefined)[], hasNote: boolean, hasTerm: boolean): FindingFacet[] {
  const found = [...new Set(findings.filter((finding): finding is Finding => finding !== undefined))];
  if (found.length > 0) return FINDINGS.filter((finding) => found.includes(finding));
  if (hasNote) return ['noted'];
  if (hasTerm) return ['glossary'];
  return ['open'];
}

/** One dated event of a claim's history. */
export interface ClaimEvent {
  /** `YYYY-MM-DD`. */
  date: string;
  /** What happened, for readers. */
  what: string;
  /** The wording before the change, where it was recorded. */
  was?: string | undefined;
  /** Where to read more (a note's permalink). */
  href?: string | undefined;
  /** The words that link to `href`, between `lead` and `what` (which then goes on from them). */
  link?: string | undefined;
  /** What comes before the link, when it is not first: “The edition published ”. */
  lead?: string | undefined;
}

/** A claim's history, oldest first; events of one day keep their order. */
export function claimHistory(events: readonly ClaimEvent[]): ClaimEvent[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => a.event.date.localeCompare(b.event.date) || a.index - b.index)
    .map(({ event }) => event);
}

/** Claims per page of the claims index and of each of its filters. */
export const CLAIMS_PER_PAGE = 50;

/** How many values of a growing facet (texts, terms) the index shows before "all …". */
export const FACET_SHOWN = 8;

/**
 * The values of a facet with their counts, most claims first (then by label), at most `limit`: the
 * index shows a bounded number of filters whatever the size of the edition.
 */
export function topFacets<T extends string>(counts: ReadonlyMap<T, number>, label: (value: T) => string, limit: number = FACET_SHOWN): { value: T; count: number }[] {
  return [...counts]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => b.count - a.count || label(a.value).localeCompare(label(b.value), 'en'))
    .slice(0, limit);
}

/** Claims joined across passages first, then the rest; each by the date it was first made. */
export function compareClaims(a: { registered?: unknown; first?: string | undefined; id: string }, b: { registered?: unknown; first?: string | undefined; id: string }): number {
  return Number(!a.registered) - Number(!b.registered) || (a.first ?? '9999').localeCompare(b.first ?? '9999') || a.id.localeCompare(b.id);
}
