/**
 * The registry of cross-text claims (`content/claims-across.yaml`), read and checked with the rest
 * of the edition: each entry well formed (src/schemas/claims.ts), every inventory statement that
 * names an entry naming one that exists, every entry made by at least one statement, no claim page
 * id given twice, and no claim page the ledger recorded gone (claim ids are permalinks).
 *
 * Kept apart from check.ts so that the claims pages' rules live in one file; index.ts calls it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSeq, LineCounter, parseDocument } from 'yaml';
import { crossClaimsSchema, type CrossClaim } from '../schemas/claims.ts';
import { claimGroups, goneClaims, RESERVED_CLAIM_IDS } from '../lib/claims.ts';
import { LEDGER_FILE, type Ledger } from '../lib/ledger.ts';
import { didYouMean } from '../lib/suggest.ts';
import { readFrontmatter } from './frontmatter.ts';
import type { ClaimsFacts } from './model.ts';
import type { Problem } from './problems.ts';
import { readUtf8 } from './encoding.ts';

/** The registry file, relative to the project. */
export const CROSS_CLAIMS_FILE = 'content/claims-across.yaml';

/** A registry entry with the line it starts on. */
export type CrossClaimEntry = CrossClaim & { line: number };

/** Reads the registry; a project without one has no cross-text claims. */
export function readCrossClaims(root: string): { claims: CrossClaimEntry[]; problems: Problem[] } {
  const path = join(root, CROSS_CLAIMS_FILE);
  if (!existsSync(path)) return { claims: [], problems: [] };
  const { text: source, problem } = readUtf8(root, CROSS_CLAIMS_FILE);
  if (problem) return { claims: [], problems: [problem] };
  const read = readFrontmatter(source, 1, crossClaimsSchema, CROSS_CLAIMS_FILE);
  if (read.problems.length > 0 || !read.data) return { claims: [], problems: read.problems };
  const counter = new LineCounter();
  const doc = parseDocument(source, { lineCounter: counter });
  const lines = isSeq(doc.contents) ? doc.contents.items.map((item) => counter.linePos(item.range?.[0] ?? 0).line) : [];
  return { claims: read.data.map((claim, index) => ({ ...claim, line: lines[index] ?? 1 })), problems: [] };
}

/** The 1-based line of `id:` under `claims:` in the ledger's text. */
function ledgerClaimLine(text: string, id: string): number | undefined {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => line === 'claims:');
  if (start < 0) return undefined;
  const at = lines.findIndex((line, index) => index > start && line.trimStart().startsWith(`${id}:`));
  return at < 0 ? undefined : at + 1;
}

/**
 * Problems of the registry against the inventories and the anchor ledger, as checkAnchors parsed it
 * (undefined where there is none, or it is not valid YAML, which checkAnchors reports).
 */
export function checkCrossClaims(registry: readonly CrossClaimEntry[], inventories: readonly ClaimsFacts[], root: string, ledger: Ledger | undefined): Problem[] {
  const problems: Problem[] = [];
  const ids = new Set(registry.map((entry) => entry.id));
  const used = new Set<string>();
  // Page ids of statements joined to nothing: their own ids, which must not name two pages.
  const pages = new Map<string, string>([...registry.flatMap((entry) => [entry.id, ...entry.aliases]).map((id) => [id, CROSS_CLAIMS_FILE] as const)]);
  for (const entry of registry) {
    for (const id of [entry.id, ...entry.aliases]) {
      if (RESERVED_CLAIM_IDS.includes(id)) problems.push({ file: CROSS_CLAIMS_FILE, line: entry.line, column: 3, ruleId: 'claim-id-reserved', reason: `the claim id \`${id}\` is an address of the claims index (/claims/${id}/)`, fix: `use a few words of the claim as its id; ${RESERVED_CLAIM_IDS.map((r) => `\`${r}\``).join(', ')} are taken.` });
    }
  }
  for (const inventory of inventories) {
    for (const claim of inventory.claims) {
      const at = { file: inventory.file, line: claim.line, column: 3 };
      if (claim.claim !== undefined) {
        if (ids.has(claim.claim)) used.add(claim.claim);
        else problems.push({ ...at, ruleId: 'claim-unknown-cross-claim', reason: `claim \`${claim.id}\` joins the cross-text claim \`${claim.claim}\`, which ${CROSS_CLAIMS_FILE} does not have`, fix: `name an entry of ${CROSS_CLAIMS_FILE}, or add one (id, claim in neutral words, added).${didYouMean(claim.claim, ids)}` });
        continue;
      }
      if (!('note' in claim.disposition)) continue;
      if (RESERVED_CLAIM_IDS.includes(claim.id)) {
        problems.push({ ...at, ruleId: 'claim-id-reserved', reason: `claim \`${claim.id}\` has a note, so it gets a page, but /claims/${claim.id}/ is an address of the claims index`, fix: 'give the statement another id: a few words of the claim.' });
        continue;
      }
      const other = pages.get(claim.id);
      if (other !== undefined) {
        problems.push({ ...at, ruleId: 'claim-page-taken', reason: `claim \`${claim.id}\` has a note, so it gets the page /claims/${claim.id}/, but ${other === CROSS_CLAIMS_FILE ? `that id is a cross-text claim of ${CROSS_CLAIMS_FILE}` : `claim \`${claim.id}\` of ${other} has it already`}`, fix: other === CROSS_CLAIMS_FILE ? `if it is the same claim, add \`claim: ${claim.id}\`; if not, give this statement another id.` : `if the two are the same claim, join them under an entry of ${CROSS_CLAIMS_FILE} (\`claim: <id>\` on both); if not, give one another id.` });
      } else {
        pages.set(claim.id, inventory.file);
      }
    }
  }
  for (const entry of registry) {
    if (!used.has(entry.id)) problems.push({ file: CROSS_CLAIMS_FILE, line: entry.line, column: 3, ruleId: 'cross-claim-unused', reason: `the cross-text claim \`${entry.id}\` is made by no statement of the inventories`, fix: `add \`claim: ${entry.id}\` to each statement of content/claims/<slug>.yaml that makes it (a published claim stays: its page is in the anchor ledger).` });
  }

  const recorded = ledger?.claims ?? {};
  let text: string | undefined;
  const byText = new Map(inventories.map((inventory) => [inventory.slug, inventory.claims]));
  const statements = new Map(inventories.flatMap((inventory) => inventory.claims.map((claim) => [claim.id, { file: inventory.file, claim }] as const)));
  for (const id of goneClaims(recorded, claimGroups(byText, registry))) {
    // The statement is there, but no longer gets a page: its note was taken from its disposition.
    const statement = statements.get(id);
    if (statement && statement.claim.claim === undefined && !('note' in statement.claim.disposition)) {
      const now = Object.keys(statement.claim.disposition)[0] ?? 'another';
      problems.push({
        file: statement.file,
        line: statement.claim.line,
        column: 3,
        ruleId: 'claim-gone',
        reason: `the claim page /claims/${id}/ was published, but statement \`${id}\` no longer gets one: its disposition is now \`${now}\`, and a statement has a page only when a note treats it or several texts make it (${LEDGER_FILE} records the page)`,
        fix: `give it back \`disposition: { note: <id of the note that treats it> }\`; if the note no longer treats it, join the statement to a claim that keeps a page (\`claim: <id>\` and the id under that claim's \`aliases:\` in ${CROSS_CLAIMS_FILE}), so that links to /claims/${id}/ still lead somewhere.`,
      });
      continue;
    }
    problems.push({
      file: LEDGER_FILE,
      // The ledger's text is read for a line only when a claim is gone.
      line: ledgerClaimLine((text ??= readFileSync(join(root, LEDGER_FILE), 'utf8')), id),
      column: 1,
      ruleId: 'claim-gone',
      reason: `the claim page /claims/${id}/ was published, but no claim has that id now`,
      fix: `restore the statement or the entry of ${CROSS_CLAIMS_FILE} with the id \`${id}\`; if it was joined into another claim, add it under that claim's \`aliases:\` in ${CROSS_CLAIMS_FILE}, so that its page leads there.${didYouMean(id, ids)}`,
    });
  }
  return problems;
}
