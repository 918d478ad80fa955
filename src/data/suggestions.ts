/**
 * The suggestions for one text (src/lib/apparatus-suggestions.ts), read from the compiled edition:
 * the text's passages, notes, mentions and claims come from the model; the file is parsed again
 * with the edition's one parser (src/compiler/parse.ts) only to place each word on its line and
 * column and to see which words an editor has linked, marked `<Term>` or `<NoTerm>`. Used by
 * `npm run suggest` (scripts/suggest.ts) and by the draft page in `npm run dev`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PhrasingContent } from 'mdast';
import type { CompiledEdition } from '../compiler/index.ts';
import { parseMdx } from '../compiler/parse.ts';
import { textBlocks } from '../plugins/kit.ts';
import type { HeldNote } from '../compiler/model.ts';
import { suggestApparatus, type Segment, type SuggestInput, type SuggestNote, type Suggestion, type TextBlock } from '../lib/apparatus-suggestions.ts';

const MARKER = /[ \t]+\^[^\s^]+\s*$/u;

/** The block's plain text and where each stretch of it is in the file. */
function segmentsOf(children: readonly PhrasingContent[]): { text: string; segments: Segment[] } {
  let text = '';
  const segments: Segment[] = [];
  const walk = (nodes: readonly PhrasingContent[], skip: Segment['skip']) => {
    for (const node of nodes) {
      if (node.type === 'text' || node.type === 'inlineCode') {
        // Columns are counted on the value from the node's start: exact unless the line writes an
        // escape (`\{`) or an entity before the word, which the importer does only for MDX syntax.
        const start = node.position?.start;
        segments.push({ start: text.length, end: text.length + node.value.length, line: start?.line ?? 1, column: start?.column ?? 1, ...(skip ? { skip } : {}) });
        text += node.value;
      } else if (node.type === 'link' || node.type === 'linkReference') {
        walk(node.children, skip ?? 'link');
      } else if (node.type === 'mdxJsxTextElement') {
        const own = node.name === 'Term' ? 'term' : node.name === 'NoTerm' ? 'noterm' : undefined;
        walk(node.children as PhrasingContent[], skip ?? own);
      } else if ('children' in node) {
        walk(node.children as PhrasingContent[], skip);
      }
    }
  };
  walk(children, undefined);
  const marker = MARKER.exec(text);
  if (marker) {
    text = text.slice(0, marker.index);
    for (const segment of segments) segment.end = Math.min(segment.end, text.length);
  }
  return { text, segments: segments.filter((segment) => segment.start < segment.end || segment.start === 0) };
}

function noteOf(note: HeldNote): SuggestNote {
  return { id: note.id, passage: note.passage, exact: note.exact, bodyText: note.bodyText, sources: note.sources.map(({ url, title }) => ({ url, title })), links: note.links.filter((link) => link.kind === 'note').map((link) => link.target), line: note.line };
}

/** The URLs the front matter names, with the line each is first written on. */
function frontmatterUrls(frontmatter: Record<string, unknown>, source: string): SuggestInput['urls'] {
  const urls: { url: string; field: string }[] = [];
  const add = (url: unknown, field: string) => {
    if (typeof url === 'string' && /^https?:\/\//.test(url)) urls.push({ url, field });
  };
  add(frontmatter['originalUrl'], 'originalUrl');
  const copy = (frontmatter['copy'] ?? {}) as Record<string, unknown>;
  add(copy['url'], 'copy.url');
  if (typeof copy['from'] === 'string') for (const match of copy['from'].matchAll(/\]\((https?:[^)\s]+)\)/g)) add(match[1], 'copy.from');
  const outlets = Array.isArray(frontmatter['outlets']) ? (frontmatter['outlets'] as Record<string, unknown>[]) : [];
  for (const outlet of outlets) add(outlet?.['url'], 'outlets.url');
  const lines = source.split('\n');
  const seen = new Set<string>();
  return urls.flatMap(({ url, field }) => {
    if (seen.has(url)) return [];
    seen.add(url);
    return [{ url, field, line: Math.max(1, lines.findIndex((line) => line.includes(url)) + 1) }];
  });
}

/** The input of the suggestions for `slug` (which must be an article of `edition`). */
export function suggestInput(edition: CompiledEdition, slug: string): SuggestInput {
  const facts = edition.articleBySlug.get(slug)!;
  const source = readFileSync(join(edition.root, facts.file), 'utf8');
  const { tree } = parseMdx(source);
  const blocks: TextBlock[] = [];
  let section = '';
  let index = 0;
  for (const block of textBlocks(tree.children)) {
    const passage = facts.passages[index++];
    if (!passage) break;
    if (block.type === 'heading' && block.depth === 2) section = passage.id;
    const { text, segments } = segmentsOf(block.children);
    blocks.push({ id: passage.id, heading: block.type === 'heading', section, text, segments: segments.length > 0 ? segments : [{ start: 0, end: text.length, line: passage.line, column: 1 }] });
  }
  const claimsFile = `content/claims/${slug}.yaml`;
  return {
    slug,
    file: facts.file,
    blocks,
    notes: (edition.rendered.get(slug)?.notes ?? []).map(noteOf),
    urls: frontmatterUrls(facts.frontmatter, source),
    claims: (edition.claims.get(slug) ?? []).map(({ id, passage, quote }) => ({ id, passage, quote })),
    claimsFile,
    terms: edition.terms.map((term) => ({
      id: term.id,
      names: term.names,
      alsoKnownAs: Array.isArray(term.frontmatter['alsoKnownAs']) ? (term.frontmatter['alsoKnownAs'] as unknown[]).filter((name): name is string => typeof name === 'string') : [],
      file: term.file,
    })),
    others: edition.articles
      .filter((other) => other.slug !== slug)
      .map((other) => ({
        slug: other.slug,
        title: other.title,
        file: other.file,
        passages: other.passages.map(({ id, text }) => ({ id, text })),
        notes: (edition.rendered.get(other.slug)?.notes ?? []).map(noteOf),
      })),
  };
}

/** The suggestions for the text `slug` of `edition`. */
export function suggestionsFor(edition: CompiledEdition, slug: string): Suggestion[] {
  return suggestApparatus(suggestInput(edition, slug));
}
