/**
 * Job 6 of remark-notes: the notes numbered in the order of their passages, each passage made a
 * <mark> followed by a numbered reference, and each <Note> an <aside>. The HTML is built with
 * hastscript; the note's body stays Markdown (mdast) until mdast → hast.
 */
import type { Root, RootContent, PhrasingContent } from 'mdast';
import type { MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { Element, ElementContent } from 'hast';
import { h, s } from 'hastscript';
import { toString } from 'mdast-util-to-string';
import { NOTE_KIND_ICONS, NOTE_KIND_LABELS, type NoteKind } from '../../lib/notes.ts';
import { formatDate } from '../../lib/dates.ts';
import { withBase } from '../../lib/urls.ts';
import { reportErrorUrl } from '../../lib/report-error.ts';
import { correctionPath } from '../../lib/corrections.ts';
import { FINDING_LABELS } from '../../lib/findings.ts';
import { shortenQuoted } from '../../lib/shorten.ts';
import { quoted } from '../../lib/attribution.ts';
import { sourceTitle } from '../../lib/source-language.ts';
import { termsIn, type Matcher } from '../../lib/mentions.ts';
import type { NoteClaim } from '../../lib/corpus.ts';
import { attributes, parentOf, type Block } from '../kit.ts';
import type { NoteInfo, NoteLink } from '../remark-notes.ts';
import type { FoundPassage } from './passages.ts';
import type { FoundNote } from './read-notes.ts';
import type {} from 'mdast-util-to-hast';

/** How many characters of context a TextQuoteSelector carries on each side. */
const CONTEXT = 32;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `2020`, `May 2020` or `22 May 2020`. */
export function formatPartialDate(value: string): string {
  if (DATE.test(value)) return formatDate(value);
  if (/^\d{4}-\d{2}$/.test(value)) return formatDate(`${value}-01`).replace(/^1 /, '');
  return value;
}

/**
 * A cited page's link: its title's own words marked with their language where the label names one
 * (src/lib/source-language.ts), the link with the page's; as src/components/SourceLink.astro.
 */
function sourceLink(source: { url: string; title: string }): Element {
  const title = sourceTitle(source.title);
  const words = title.lang ? h('span', { lang: title.lang, dir: title.dir }, title.words) : title.words;
  return h('a', { href: source.url, hrefLang: title.hreflang }, [words, title.label]);
}

/** The kind's icon. */
function icon(kind: NoteKind): Element {
  return s('svg', { className: ['icon'], viewBox: '0 0 24 24', ariaHidden: 'true', focusable: 'false' }, [s('path', { d: NOTE_KIND_ICONS[kind] })]);
}

/** The block's text and where the passage starts and ends in it. */
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

/** The notes numbered by their passages' order, with the selectors of their passages. */
export function numberNotes(passages: readonly FoundPassage[], seen: ReadonlyMap<string, FoundNote>, linksOf: ReadonlyMap<string, NoteLink[]>, matcher: Matcher | null): NoteInfo[] {
  const ordered = passages.flatMap((passage) => passage.ids.map((id) => ({ id, passage })));
  return ordered.map(({ id, passage }, index) => {
    const note = seen.get(id)!;
    const { text: blockText, start, end } = locate(passage.block, passage.element);
    const blockId = passage.block.data?.hProperties?.['id'];
    const bodyText = bodyTextOf(note);
    return {
      id,
      number: index + 1,
      kind: note.kind,
      passage: typeof blockId === 'string' ? blockId : '',
      exact: blockText.slice(start, end),
      prefix: blockText.slice(Math.max(0, start - CONTEXT), start),
      suffix: blockText.slice(end, end + CONTEXT),
      added: note.added,
      ...(note.updated ? { updated: note.updated } : {}),
      ...(note.change ? { change: note.change } : {}),
      ...(note.finding ? { finding: note.finding } : {}),
      sources: note.sources,
      bodyText,
      bodyTerms: matcher ? termsIn(bodyText, matcher) : [],
      links: linksOf.get(id) ?? [],
      line: note.element.position?.start.line ?? 0,
    };
  });
}

/**
 * Replaces each <Passage> with a <mark> and its notes' numbered references.
 *
 * @example <Passage note="x">Union State</Passage>
 * // → <mark class="note-mark note-mark--context" id="mark-x" data-notes="x">Union State</mark><a class="note-ref …" href="#note-x" …>…</a>
 */
export function markPassages(passages: readonly FoundPassage[], infoOf: ReadonlyMap<string, NoteInfo>): void {
  for (const passage of passages) {
    const kinds = passage.ids.map((id) => infoOf.get(id)!.kind);
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
          hChildren: [icon(info.kind)],
        },
      };
    });
    const siblings = (parentOf(passage.block, passage.element) ?? passage.block).children;
    siblings.splice(siblings.indexOf(passage.element), 1, mark, ...refs);
  }
}

/** Options of {@link renderNotes}. */
export interface RenderOptions {
  base: string;
  site: string;
  /** The article's slug, for the notes' absolute permalinks. */
  here: string;
  /** The claim pages each note treats, by note id (src/compiler/join.ts); none when absent. */
  claims?: ReadonlyMap<string, readonly NoteClaim[]>;
}

/** Replaces each <Note> of the tree with its <aside>. */
export function renderNotes(tree: Root, infoOf: ReadonlyMap<string, NoteInfo>, seen: ReadonlyMap<string, FoundNote>, { base, site, here, claims }: RenderOptions): void {
  const idOf = (top: RootContent) => (top.type === 'mdxJsxFlowElement' && top.name === 'Note' ? attributes(top).values.get('id') ?? '' : undefined);
  // The notes after a paragraph in number order, whatever order they were written in: read without
  // the margin (on paper, without JavaScript, with the keyboard) note 16 came before note 15.
  const children: RootContent[] = [];
  for (let at = 0; at < tree.children.length; ) {
    let end = at;
    while (end < tree.children.length && idOf(tree.children[end]!) !== undefined) end++;
    if (end === at) {
      children.push(tree.children[at++]!);
      continue;
    }
    children.push(...tree.children.slice(at, end).sort((a, b) => infoOf.get(idOf(a)!)!.number - infoOf.get(idOf(b)!)!.number));
    at = end;
  }
  tree.children = children.map((top) => {
    const id = idOf(top);
    if (id === undefined) return top;
    const permalink = new URL(withBase(base, `articles/${here}/#note-${id}`), site).href;
    return renderNote(infoOf.get(id)!, seen.get(id)!.body, base, permalink, claimLine(claims?.get(id) ?? [], base)) as unknown as RootContent;
  });
}

/**
 * The note's line naming the claim pages it treats, each in its words (one joined across texts
 * first, if any). A compact card in the margin leaves the line out (it stands beside the passage it
 * would quote); an opened note names every claim: “and 1 more” once linked to the list of all the
 * text's claims, not to the one it counted.
 *
 * @example claimLine([{ id: 'x', words: '“in 1999”', joined: false }], '/') // <p class="note__claim">Claim: <a href="/claims/x/">“in 1999” →</a></p>
 */
function claimLine(claims: readonly NoteClaim[], base: string): Element | undefined {
  if (claims.length === 0) return undefined;
  return h('p', { className: ['note__claim'], dataPagefindIgnore: '' }, [
    claims.length === 1 ? 'Claim: ' : 'Claims: ',
    ...claims.flatMap((claim, index) => [...(index > 0 ? ['; '] : []), h('a', { href: withBase(base, `claims/${claim.id}/`) }, `${shortenQuoted(claim.words, 56)}\u00a0→`)]),
  ]);
}

/** A note's <aside>: label, body, sources, dates, permalink and the link to report an error. */
function renderNote(info: NoteInfo, body: RootContent[], base: string, permalink: string, claim: Element | undefined) {
  const label = `note-${info.id}-label`;
  const meta: (Element | string)[] = ['Added ', h('time', { dateTime: info.added }, formatDate(info.added))];
  // The date links to the correction's entry on /corrections/, with the wording it replaced.
  if (info.updated) meta.push(' · Corrected on ', h('a', { className: ['note__corrected'], href: withBase(base, correctionPath(`note:${info.id}`, info.updated)) }, [h('time', { dateTime: info.updated }, formatDate(info.updated))]), `: ${info.change ?? ''}`);
  meta.push(
    ' · ',
    h('a', { className: ['note__permalink'], href: `#note-${info.id}`, dataShare: withBase(base, `notes/${info.id}/`), ariaLabel: 'Permalink to this note' }, 'Permalink'),
    ' · ',
    // A message to the editors that already names the note (src/lib/report-error.ts).
    h('a', { className: ['note__report'], href: reportErrorUrl(permalink) }, 'Report an error'),
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
            h('span', { className: ['note__number'] }, String(info.number)),
            icon(info.kind),
            h('span', { className: ['note__kind'] }, NOTE_KIND_LABELS[info.kind]),
            // A fact-check's finding, in the edition's vocabulary, linked to its definition.
            ...(info.finding ? [h('a', { className: ['note__finding'], href: withBase(base, `about/#finding-${info.finding}`) }, FINDING_LABELS[info.finding])] : []),
            h('span', { className: ['note__on'] }, ` on ${quoted(info.exact, 92)}`),
          ],
        },
      },
      { type: 'noteBody', data: { hName: 'div', hProperties: { className: ['note__body'] } }, children: body },
      ...(claim ? [{ type: 'noteClaim', data: { hName: 'p', hProperties: claim.properties, hChildren: claim.children } }] : []),
      {
        // Open: in the margin the page's script folds the list to its summary, to keep notes short.
        type: 'noteSources',
        data: {
          hName: 'details',
          // The sources' titles and outlets are searchable (a reader looking for "Reuters" finds the
          // notes that cite it); their label and dates are not.
          hProperties: { className: ['note__sources'], open: true },
          hChildren: [
            h('summary', { className: ['note__sources-label'], dataPagefindIgnore: '' }, info.sources.length === 1 ? 'Source' : `Sources (${info.sources.length})`),
            h(
              'ul',
              info.sources.map((source) =>
                h('li', [
                  sourceLink(source),
                  ...(source.date ? [', ', h('time', { dateTime: source.date, dataPagefindIgnore: '' }, formatPartialDate(source.date))] : []),
                ]),
              ),
            ),
          ],
        },
      },
      { type: 'noteMeta', data: { hName: 'p', hProperties: { className: ['note__meta'], dataPagefindIgnore: '' }, hChildren: h(null, meta).children as ElementContent[] } },
    ],
  };
}

/** A note's words as plain text, its paragraphs apart: what its fingerprint and its search excerpt read. */
export function bodyTextOf(note: Pick<FoundNote, 'body'>): string {
  return note.body.map((node) => toString(node)).join('\n\n').trim();
}
