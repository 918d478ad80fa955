/**
 * remark-notes: the edition's notes, written in the article's MDX and checked at build time.
 *
 * A note marks an exact passage of the text and is written right after the paragraph it belongs to:
 *
 *     In 2000, Belarus and Russia established the <Passage note="union-state-date">Union State</Passage>, … ^2000-belarus-russia
 *
 *     <Note id="union-state-date" kind="discrepancy" added="2026-11-22">
 *     The treaty was signed on 8 December 1999; [text 002](passage:russia-new-steps-western-border#in-1999-russia) says 1999.
 *
 *     <Source title="…" url="https://…" date="1999-12-08" />
 *     </Note>
 *
 * The passage becomes a <mark> followed by a numbered reference; the note becomes an <aside>
 * after the paragraph, which the page's script lays out in the margin or folds under the paragraph.
 * Links in a note body may point at `passage:<slug>#<id>`, `article:<slug>`, `note:<id>` and
 * `term:<id>`; each is checked and rewritten to the page's URL. Anything wrong (an unknown kind, a
 * duplicate id, an empty passage, a passage across paragraphs, a note without a source, a link to
 * nothing) fails the build with the file, the line, the note id and a fix. No text is ever matched
 * fuzzily: the passage is exactly what the <Passage> element wraps.
 */
import type { Heading, Link, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Element, ElementContent } from 'hast';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import type { Position } from 'unist';
import { toString } from 'mdast-util-to-string';
import { visit, SKIP } from 'unist-util-visit';
import { isKebabId } from '../lib/ids.ts';
import { isNoteKind, NOTE_KIND_ICONS, NOTE_KIND_LABELS, NOTE_KINDS, type NoteKind } from '../lib/notes.ts';
import { readCorpus, type Corpus } from '../lib/corpus.ts';
import { didYouMean } from '../lib/suggest.ts';
import { formatDate } from '../lib/dates.ts';
import { withBase } from '../lib/urls.ts';
import { reportErrorUrl } from '../lib/report-error.ts';
import { failOnProblems, type ContentProblem } from './content-errors.ts';
import type {} from 'mdast-util-to-hast';
import type {} from 'mdast-util-mdx';

/** A source a note cites. */
export interface NoteSource {
  title: string;
  url: string;
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date?: string;
}

/** A link from a note's body to something in the edition. */
export interface NoteLink {
  kind: 'passage' | 'article' | 'term' | 'note';
  /** `slug#id`, `slug`, term id or note id. */
  target: string;
  /** The link's text. */
  text: string;
}

/** A note, as the plugin found it: what the notes index, the JSON-LD and search need. */
export interface NoteInfo {
  id: string;
  /** 1-based, in the order of the passages in the text. */
  number: number;
  kind: NoteKind;
  /** Passage id of the paragraph or heading that holds the marked passage. */
  passage: string;
  /** The W3C TextQuoteSelector of the passage within that paragraph's text. */
  exact: string;
  prefix: string;
  suffix: string;
  /** Date the note was written, `YYYY-MM-DD`. */
  added: string;
  /** Date of the last substantive change, if any. */
  updated?: string;
  /** What that change was, for readers. */
  change?: string;
  sources: NoteSource[];
  /** The body as plain text. */
  bodyText: string;
  /** The body as HTML, set by rehype-notes. */
  bodyHtml?: string;
  links: NoteLink[];
  /** 1-based line of the <Note> in the MDX file. */
  line: number;
}

declare module 'vfile' {
  interface DataMap {
    /** The article's notes, in number order, from remark-notes. */
    notes: NoteInfo[];
  }
}

/** Options of {@link remarkNotes}. */
export interface Options {
  /** Which files hold articles. Default: files under a `content/articles/` folder. */
  include?: (path: string) => boolean;
  /** The site's base path, for the URLs of rewritten links. Default `/`. */
  base?: string;
  /** The site's origin, for the absolute permalink a "Report an error" link carries. Default `http://localhost:4321`. */
  site?: string;
  /** The project folder, where `content/` is. Default: the working directory. */
  root?: string;
  /** Reads the edition's corpus; tests pass their own. Default {@link readCorpus}. */
  corpus?: (root: string) => Corpus;
}

export const defaultOptions: Required<Options> = {
  include: (path) => /[\\/]content[\\/]articles[\\/]/.test(path),
  base: '/',
  site: 'http://localhost:4321',
  root: process.cwd(),
  corpus: readCorpus,
};

/** How many characters of context a TextQuoteSelector carries on each side. */
const CONTEXT = 32;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PARTIAL_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

type Block = Paragraph | Heading;

interface FoundPassage {
  element: MdxJsxTextElement;
  block: Block;
  /** Index of the top-level node that holds the block. */
  top: number;
  ids: string[];
}

interface FoundNote {
  element: MdxJsxFlowElement;
  top: number;
  id: string;
  kind: NoteKind;
  added: string;
  updated?: string;
  change?: string;
  sources: NoteSource[];
  body: RootContent[];
}

function attributes(element: MdxJsxFlowElement | MdxJsxTextElement): { values: Map<string, string>; expressions: string[] } {
  const values = new Map<string, string>();
  const expressions: string[] = [];
  for (const attribute of element.attributes) {
    if (attribute.type !== 'mdxJsxAttribute') {
      expressions.push('{…}');
      continue;
    }
    const { name, value } = attribute as MdxJsxAttribute;
    if (typeof value === 'string') values.set(name, value);
    else if (value === null || value === undefined) values.set(name, '');
    else expressions.push(name);
  }
  return { values, expressions };
}

function svgIcon(kind: NoteKind): Element {
  return {
    type: 'element',
    tagName: 'svg',
    properties: { className: ['icon'], viewBox: '0 0 24 24', ariaHidden: 'true', focusable: 'false' },
    children: [{ type: 'element', tagName: 'path', properties: { d: NOTE_KIND_ICONS[kind] }, children: [] }],
  };
}

function text(value: string): ElementContent {
  return { type: 'text', value };
}

function element(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

/** `2020`, `May 2020` or `22 May 2020`. */
export function formatPartialDate(value: string): string {
  if (DATE.test(value)) return formatDate(value);
  if (/^\d{4}-\d{2}$/.test(value)) return formatDate(`${value}-01`).replace(/^1 /, '');
  return value;
}

function truncate(value: string, max: number): string {
  return value.length <= max ? value : `${value.slice(0, max - 1).trimEnd()}…`;
}

/** The paragraph's text and where the passage starts and ends in it. */
function locate(block: Block, passage: MdxJsxTextElement): { text: string; start: number; end: number } {
  let text = '';
  let start = -1;
  let end = -1;
  const walk = (nodes: readonly PhrasingContent[]) => {
    for (const node of nodes) {
      if (node === (passage as unknown as PhrasingContent)) {
        start = text.length;
        text += toString(node);
        end = text.length;
      } else if ('children' in node) {
        walk(node.children as PhrasingContent[]);
      } else if ('value' in node && node.type !== 'mdxTextExpression') {
        text += node.value;
      }
    }
  };
  walk(block.children);
  return { text, start, end };
}

/**
 * Finds, checks and renders the notes of an article.
 *
 * @example
 * // <Passage note="x">Union State</Passage> … <Note id="x" kind="context" added="2026-11-22">…<Source …/></Note>
 * // → <mark class="note-mark note-mark--context" id="mark-x">Union State</mark><a class="note-ref" href="#note-x">…1</a>
 * //   <aside class="note note--context" id="note-x" …>…</aside>
 */
export const remarkNotes: Plugin<[Options?], Root> = (options) => {
  const settings = { ...defaultOptions, ...options };
  return (tree, file) => {
    if (!settings.include(file.history[0] ?? '')) return;
    const problems: ContentProblem[] = [];
    const problem = (ruleId: string, place: Position | undefined, reason: string, fix: string) =>
      problems.push({ ruleId, place, reason, fix });

    const passages: FoundPassage[] = [];
    const notes: FoundNote[] = [];
    /** Notes whose passage was reported already (spanning paragraphs), not to report twice. */
    const reported = new Set<string>();

    // 1. Passages, with the paragraph (or heading) that holds each one.
    tree.children.forEach((top, topIndex) => {
      visit(top, (node) => {
        if (node.type === 'mdxJsxFlowElement' && node.name === 'Passage') {
          const { values } = attributes(node);
          for (const id of (values.get('note') ?? '').split(/\s+/)) reported.add(id);
          problem(
            'passage-crosses-paragraphs',
            node.position,
            `the passage of note \`${values.get('note') ?? '?'}\` spans more than one paragraph`,
            'a passage is a phrase, a sentence or at most one paragraph: put <Passage> and </Passage> inside one paragraph, on one line with its text.',
          );
          return SKIP;
        }
        if (node.type === 'mdxJsxFlowElement' && node.name === 'Note' && node !== top) {
          problem('note-not-top-level', node.position, 'a <Note> stands inside another element', 'write each <Note> on its own, between paragraphs, after the paragraph of its passage.');
          return SKIP;
        }
        if (node.type !== 'mdxJsxTextElement' || node.name !== 'Passage') return undefined;
        const { values, expressions } = attributes(node);
        const ids = (values.get('note') ?? '').split(/\s+/).filter(Boolean);
        const block = findBlock(top, node);
        if (expressions.length > 0 || ids.length === 0) {
          problem('passage-without-note', node.position, 'a <Passage> names no note', 'write the id of its note: <Passage note="note-id">…</Passage>.');
          return SKIP;
        }
        if (!block) {
          problem('passage-outside-text', node.position, `the passage of note \`${ids[0]}\` is not inside a paragraph or heading of the text`, 'mark a passage inside a paragraph of the article text.');
          return SKIP;
        }
        if (toString(node).trim() === '') {
          problem('empty-passage', node.position, `the passage of note \`${ids[0]}\` is empty`, 'wrap the words the note is about: <Passage note="…">the words</Passage>.');
        }
        let nested = false;
        visit(node, (inner) => {
          if (inner !== node && inner.type === 'mdxJsxTextElement' && inner.name === 'Passage') nested = true;
        });
        if (nested) {
          problem('nested-passage', node.position, `the passage of note \`${ids[0]}\` contains another passage`, 'passages may not overlap; give both notes the same passage with note="first second", or mark separate words.');
        }
        passages.push({ element: node, block, top: topIndex, ids });
        return SKIP;
      });
    });

    // 2. Notes, checked one by one.
    tree.children.forEach((top, topIndex) => {
      if (top.type !== 'mdxJsxFlowElement' || top.name !== 'Note') return;
      const { values, expressions } = attributes(top);
      const id = values.get('id') ?? '';
      const label = id ? `note \`${id}\`` : 'a <Note>';
      if (expressions.length > 0) {
        problem('note-attribute-expression', top.position, `${label} has an attribute written as an expression (${expressions.join(', ')})`, 'write every attribute as a plain string, e.g. kind="context".');
      }
      if (!isKebabId(id) || id.length > 64) {
        problem('invalid-note-id', top.position, id ? `${label}: the id is not valid` : 'a <Note> has no id', 'give it an id of lowercase letters, digits and hyphens, e.g. id="union-state-date"; it is the note\'s permanent address.');
      }
      const kind = values.get('kind') ?? '';
      if (!isNoteKind(kind)) {
        problem(
          'unknown-note-kind',
          top.position,
          kind ? `${label} has the unknown kind \`${kind}\`` : `${label} has no kind`,
          `use one of ${NOTE_KINDS.map((k) => `\`${k}\``).join(', ')}.${didYouMean(kind, NOTE_KINDS)}`,
        );
      }
      const added = values.get('added') ?? '';
      if (!DATE.test(added)) {
        problem('note-date', top.position, `${label} has ${added ? `the date \`${added}\`` : 'no date'} in \`added\``, 'write the date the note was written as added="YYYY-MM-DD".');
      }
      const updated = values.get('updated');
      if (updated !== undefined && !DATE.test(updated)) {
        problem('note-date', top.position, `${label} has the date \`${updated}\` in \`updated\``, 'write updated="YYYY-MM-DD".');
      }
      if (updated !== undefined && !values.get('change')) {
        problem('note-change', top.position, `${label} is updated but does not say what changed`, 'add change="…": a sentence for readers on what was corrected (see the corrections policy).');
      }
      const unknown = [...values.keys()].filter((name) => !['id', 'kind', 'added', 'updated', 'change'].includes(name));
      for (const name of unknown) {
        problem('note-attribute', top.position, `${label} has the unknown attribute \`${name}\``, `use id, kind, added, updated and change.${didYouMean(name, ['id', 'kind', 'added', 'updated', 'change'])}`);
      }

      const sources: NoteSource[] = [];
      const body: RootContent[] = [];
      let badSource = false;
      for (const child of top.children) {
        if (child.type === 'mdxJsxFlowElement' && child.name === 'Source') {
          const source = attributes(child).values;
          const title = source.get('title')?.trim() ?? '';
          const url = source.get('url')?.trim() ?? '';
          const date = source.get('date')?.trim();
          let valid = /^https?:\/\//.test(url);
          try {
            new URL(url);
          } catch {
            valid = false;
          }
          if (!title || !valid) {
            badSource = true;
            problem('source-incomplete', child.position, `a source of ${label} has ${!title ? 'no title' : `the address \`${url || '(none)'}\``}`, 'give each source a title and the full http(s) address of a page that says what the note says: <Source title="…" url="https://…" date="YYYY-MM-DD" />.');
          } else if (date !== undefined && !PARTIAL_DATE.test(date)) {
            problem('source-date', child.position, `a source of ${label} has the date \`${date}\``, 'write it as YYYY-MM-DD, YYYY-MM or YYYY, or leave it out.');
          } else {
            sources.push({ title, url, ...(date ? { date } : {}) });
          }
        } else {
          body.push(child as RootContent);
        }
      }
      if (sources.length === 0 && !badSource) {
        problem('missing-source', top.position, `${label} cites no source`, 'every note cites at least one source: add <Source title="…" url="https://…" /> inside the note.');
      }
      if (body.every((node) => toString(node).trim() === '')) {
        problem('empty-note', top.position, `${label} has no text`, 'write the note between <Note …> and the first <Source>.');
      }
      // A note of an unknown kind is reported above; it is still matched with its passage, so that
      // the one mistake gives one message.
      const change = values.get('change');
      notes.push({ element: top, top: topIndex, id, kind: isNoteKind(kind) ? kind : 'context', added, ...(updated ? { updated } : {}), ...(change ? { change } : {}), sources, body });
    });

    // 3. Ids: unique here and in the edition.
    const corpus = settings.corpus(settings.root);
    const here = slugOf(file);
    const seen = new Map<string, FoundNote>();
    for (const note of notes) {
      const earlier = seen.get(note.id);
      if (earlier) {
        problem('duplicate-note-id', note.element.position, `note id \`${note.id}\` is already used at line ${earlier.element.position?.start.line}`, 'give each note its own id.');
        continue;
      }
      seen.set(note.id, note);
      const elsewhere = (corpus.noteArticles.get(note.id) ?? []).filter((slug) => slug !== here);
      if (elsewhere.length > 0) {
        problem('duplicate-note-id', note.element.position, `note id \`${note.id}\` is also used in content/articles/${elsewhere[0]}.mdx`, 'note ids are unique across the edition (each note has its own page); rename one.');
      }
    }

    // 4. Each note has exactly one passage, and stands after the paragraph that holds it.
    const passageOf = new Map<string, FoundPassage>();
    for (const passage of passages) {
      for (const id of passage.ids) {
        if (!seen.has(id)) {
          problem('passage-unknown-note', passage.element.position, `the passage names note \`${id}\`, which is not written in this article`, `write a <Note id="${id}" …> after this paragraph, or fix the id.${didYouMean(id, seen.keys())}`);
        } else if (passageOf.has(id)) {
          problem('note-two-passages', passage.element.position, `note \`${id}\` has a second passage (the first is at line ${passageOf.get(id)!.element.position?.start.line})`, 'a note has one passage; remove one <Passage>, or write a second note.');
        } else {
          passageOf.set(id, passage);
        }
      }
    }
    for (const note of seen.values()) {
      const passage = passageOf.get(note.id);
      if (!passage) {
        if (reported.has(note.id)) continue;
        problem('note-without-passage', note.element.position, `note \`${note.id}\` has no passage in the text`, `mark its passage in the paragraph before it: <Passage note="${note.id}">the words</Passage>.`);
        continue;
      }
      const between = tree.children.slice(passage.top + 1, note.top);
      const placedRight = note.top > passage.top && between.every((node) => node.type === 'mdxJsxFlowElement' && node.name === 'Note');
      if (!placedRight) {
        problem('note-misplaced', note.element.position, `note \`${note.id}\` is not right after the paragraph of its passage (line ${passage.block.position?.start.line})`, 'move the <Note> to just after that paragraph (other notes of the same paragraph may come between).');
      }
    }

    // 5. Links in note bodies.
    const currentPassages = new Set((file.data.passages ?? []).map((p) => p.id));
    const linksOf = new Map<string, NoteLink[]>();
    for (const note of seen.values()) {
      const links: NoteLink[] = [];
      for (const node of note.body) {
        visit(node, 'link', (link: Link) => {
          const resolved = resolveLink(link, { corpus, here, currentPassages, currentNotes: new Set(seen.keys()), base: settings.base });
          if ('error' in resolved) {
            problem('broken-note-link', link.position, `note \`${note.id}\` links to ${resolved.error}`, resolved.fix);
            return;
          }
          if (resolved.link) {
            links.push({ ...resolved.link, text: toString(link) });
            link.url = resolved.url;
            link.data = { ...link.data, hProperties: { ...link.data?.hProperties, dataLink: resolved.link.kind } };
          }
        });
      }
      linksOf.set(note.id, links);
    }

    failOnProblems(file, 'remark-notes', problems);

    // 6. Number the notes by their passages' order, then render.
    const ordered = passages.flatMap((passage) => passage.ids.map((id) => ({ id, passage })));
    const numbers = new Map(ordered.map(({ id }, index) => [id, index + 1]));
    const infos: NoteInfo[] = [];
    for (const { id, passage } of ordered) {
      const note = seen.get(id)!;
      const { text: blockText, start, end } = locate(passage.block, passage.element);
      const blockId = passage.block.data?.hProperties?.['id'];
      infos.push({
        id,
        number: numbers.get(id)!,
        kind: note.kind,
        passage: typeof blockId === 'string' ? blockId : '',
        exact: blockText.slice(start, end),
        prefix: blockText.slice(Math.max(0, start - CONTEXT), start),
        suffix: blockText.slice(end, end + CONTEXT),
        added: note.added,
        ...(note.updated ? { updated: note.updated } : {}),
        ...(note.change ? { change: note.change } : {}),
        sources: note.sources,
        bodyText: note.body.map((node) => toString(node)).join('\n\n').trim(),
        links: linksOf.get(id) ?? [],
        line: note.element.position?.start.line ?? 0,
      });
    }
    const infoOf = new Map(infos.map((info) => [info.id, info]));

    for (const passage of passages) {
      const kinds = passage.ids.map((id) => seen.get(id)!.kind);
      const mark = {
        type: 'noteMark',
        children: passage.element.children,
        data: {
          hName: 'mark',
          hProperties: { className: ['note-mark', ...kinds.map((k) => `note-mark--${k}`)], id: `mark-${passage.ids[0]}`, dataNotes: passage.ids.join(' ') },
        },
      };
      const refs = passage.ids.map((id) => {
        const info = infoOf.get(id)!;
        return {
          type: 'noteRef',
          data: {
            hName: 'a',
            hProperties: {
              className: ['note-ref', `note-ref--${info.kind}`],
              href: `#note-${id}`,
              id: `ref-${id}`,
              ariaLabel: `Note ${info.number}: ${NOTE_KIND_LABELS[info.kind]}`,
              dataNote: id,
              dataNumber: String(info.number),
              dataApparatus: '',
              dataPagefindIgnore: '',
            },
            // The number is drawn by CSS from data-number: it is not text of the paragraph (for
            // copying, search excerpts or the fidelity check); the label says it to screen readers.
            hChildren: [svgIcon(info.kind)],
          },
        };
      });
      const siblings = (findParent(passage.block, passage.element) ?? passage.block).children as unknown[];
      siblings.splice(siblings.indexOf(passage.element), 1, mark, ...refs);
    }

    tree.children = tree.children.map((top) => {
      if (top.type !== 'mdxJsxFlowElement' || top.name !== 'Note') return top;
      const id = attributes(top).values.get('id') ?? '';
      const info = infoOf.get(id)!;
      return renderNote(info, seen.get(id)!.body, settings.base, new URL(withBase(settings.base, `articles/${here}/#note-${id}`), settings.site).href) as unknown as RootContent;
    });

    file.data.notes = infos;
  };
};

/** The paragraph or heading of `top` that contains `node`. */
function findBlock(top: RootContent, node: MdxJsxTextElement): Block | undefined {
  let found: Block | undefined;
  visit(top, (candidate) => {
    if (found || (candidate.type !== 'paragraph' && candidate.type !== 'heading')) return;
    let inside = false;
    visit(candidate, (inner) => {
      if (inner === node) inside = true;
    });
    if (inside) found = candidate as Block;
  });
  return found;
}

/** The direct parent of `node` inside `block`. */
function findParent(block: Block, node: MdxJsxTextElement): { children: unknown[] } | undefined {
  let parent: { children: unknown[] } | undefined;
  visit(block, (candidate) => {
    if ('children' in candidate && (candidate.children as unknown[]).includes(node)) parent = candidate as { children: unknown[] };
  });
  return parent;
}

interface LinkContext {
  corpus: Corpus;
  here: string;
  currentPassages: Set<string>;
  currentNotes: Set<string>;
  base: string;
}

type Resolved = { url: string; link?: Omit<NoteLink, 'text'> } | { error: string; fix: string };

/** Checks an edition link of a note body and says where it goes. */
export function resolveLink(link: Link, context: LinkContext): Resolved {
  const { corpus, here, base } = context;
  const url = link.url;
  const match = /^(passage|article|term|note):(.*)$/.exec(url);
  if (!match) {
    if (/^(https?:|mailto:)/.test(url)) return { url };
    if (url.startsWith('#')) {
      const id = url.slice(1);
      const ok = context.currentPassages.has(id) || (id.startsWith('note-') && context.currentNotes.has(id.slice(5)));
      return ok ? { url } : { error: `\`${url}\`, which is not a passage or note of this article`, fix: `write passage:${here}#<id> or note:<id>, with an id that exists.${didYouMean(id, context.currentPassages)}` };
    }
    return { error: `\`${url}\``, fix: 'link to a full http(s) address, or to passage:<article>#<id>, article:<article>, note:<id> or term:<id>.' };
  }
  const [, kind, target] = match as unknown as [string, NoteLink['kind'], string];
  const articles = corpus.articles;
  if (kind === 'term') {
    if (!corpus.terms.has(target)) return { error: `the unknown term \`${target}\``, fix: `use the id of a glossary entry (content/glossary/<id>.md).${didYouMean(target, corpus.terms.keys())}` };
    return { url: withBase(base, `glossary/${target}/`), link: { kind, target } };
  }
  if (kind === 'note') {
    const owners = target === '' ? [] : corpus.noteArticles.get(target) ?? (context.currentNotes.has(target) ? [here] : []);
    if (owners.length === 0) return { error: `the unknown note \`${target}\``, fix: `use the id of a note of the edition.${didYouMean(target, [...corpus.noteArticles.keys()])}` };
    return { url: withBase(base, `articles/${owners[0]}/#note-${target}`), link: { kind, target } };
  }
  const [slug = '', id] = target.split('#');
  const article = articles.get(slug);
  if (!article) {
    return { error: `the unknown article \`${slug}\``, fix: `use the slug of a published article (content/articles/<slug>.mdx).${didYouMean(slug, articles.keys())}` };
  }
  if (article.draft) {
    return { error: `the article \`${slug}\`, which is a draft`, fix: `publish it (delete \`draft: true\` in ${article.file}), or link to a published article.` };
  }
  if (kind === 'article') return { url: withBase(base, `articles/${slug}/`), link: { kind, target: slug } };
  const ids = slug === here ? context.currentPassages : new Set(article.passages.keys());
  if (!id || !ids.has(id)) {
    return { error: `\`${url}\`, but ${slug} has no passage \`${id ?? ''}\``, fix: `use the id after a paragraph's caret in content/articles/${slug}.mdx.${didYouMean(id ?? '', ids)}` };
  }
  return { url: withBase(base, `articles/${slug}/#${id}`), link: { kind, target: `${slug}#${id}` } };
}

function renderNote(info: NoteInfo, body: RootContent[], base: string, permalink: string) {
  const label = `note-${info.id}-label`;
  const sources: ElementContent[] = info.sources.map((source) =>
    element('li', {}, [
      element('a', { href: source.url }, [text(source.title)]),
      ...(source.date ? [text(', '), element('time', { dateTime: source.date, dataPagefindIgnore: '' }, [text(formatPartialDate(source.date))])] : []),
    ]),
  );
  const meta: ElementContent[] = [text('Added '), element('time', { dateTime: info.added }, [text(formatDate(info.added))])];
  if (info.updated) {
    meta.push(text(' · Corrected '), element('time', { dateTime: info.updated }, [text(formatDate(info.updated))]), text(`: ${info.change ?? ''}`));
  }
  meta.push(
    text(' · '),
    element('a', { className: ['note__permalink'], href: `#note-${info.id}`, dataShare: withBase(base, `notes/${info.id}/`), ariaLabel: 'Permalink to this note' }, [text('Permalink')]),
    text(' · '),
    // A message to the editors that already names the note (src/lib/report-error.ts).
    element('a', { className: ['note__report'], href: reportErrorUrl(permalink) }, [text('Report an error')]),
  );
  return {
    type: 'noteAside',
    data: {
      hName: 'aside',
      hProperties: {
        id: `note-${info.id}`,
        className: ['note', `note--${info.kind}`],
        ariaLabelledby: label,
        tabIndex: -1,
        dataNote: info.id,
        dataKind: info.kind,
        dataApparatus: '',
        // Search finds a note by its body, which Pagefind indexes with the page; the note's id and
        // this title make it a result of its own (src/client/search/hits.ts).
        dataPagefindTitle: `Note ${info.number}: ${NOTE_KIND_LABELS[info.kind]}`,
      },
    },
    children: [
      {
        type: 'noteLabel',
        data: {
          hName: 'p',
          // The label quotes the passage, which the text has already.
          hProperties: { className: ['note__label'], id: label, dataPagefindIgnore: '' },
          hChildren: [
            element('span', { className: ['note__number'] }, [text(String(info.number))]),
            svgIcon(info.kind),
            element('span', { className: ['note__kind'] }, [text(NOTE_KIND_LABELS[info.kind])]),
            element('span', { className: ['note__on'] }, [text(` on “${truncate(info.exact, 90)}”`)]),
          ],
        },
      },
      { type: 'noteBody', data: { hName: 'div', hProperties: { className: ['note__body'] } }, children: body },
      {
        // Open: in the margin the page's script folds the list to its summary, to keep notes short.
        type: 'noteSources',
        data: {
          hName: 'details',
          // The sources' titles and outlets are searchable (a reader looking for "Reuters" finds the
          // notes that cite it); their label and dates are not.
          hProperties: { className: ['note__sources'], open: true },
          hChildren: [
            element('summary', { className: ['note__sources-label'], dataPagefindIgnore: '' }, [text(info.sources.length === 1 ? 'Source' : `Sources (${info.sources.length})`)]),
            element('ul', {}, sources),
          ],
        },
      },
      { type: 'noteMeta', data: { hName: 'p', hProperties: { className: ['note__meta'], dataPagefindIgnore: '' }, hChildren: meta } },
    ],
  };
}

/** The article slug of a file: its name without `.mdx`. */
export function slugOf(file: VFile): string {
  return (file.history[0] ?? '').replace(/\\/g, '/').split('/').pop()?.replace(/\.mdx$/, '') ?? '';
}
