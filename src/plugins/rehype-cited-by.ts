/**
 * rehype-cited-by: under a passage that a note elsewhere in the edition links to, a line saying
 * where it is cited, with the citing sentence and a link to the citing note. Together with the
 * link in the note, this ties the two passages in both directions.
 */
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import type { Plugin } from 'unified';
import { citationsOf, readCorpus, type Corpus, type IncomingCitation } from '../lib/corpus.ts';
import { withBase } from '../lib/urls.ts';
import { attributedTitleParts } from '../lib/attribution.ts';
import { isArticleFile } from './kit.ts';

/** Options of {@link rehypeCitedBy}. */
export interface Options {
  /** Which files hold articles. Default: files under a `content/articles/` folder. */
  include?: (path: string) => boolean;
  /** The site's base path. Default `/`. */
  base?: string;
  /** The project folder. Default: the working directory. */
  root?: string;
  /** Reads the edition's corpus. Default {@link readCorpus}. */
  corpus?: (root: string) => Corpus;
}

export const defaultOptions: Required<Options> = {
  include: isArticleFile,
  base: '/',
  root: process.cwd(),
  corpus: readCorpus,
};

/** The citing text: its headline quoted and linked to the note, attributed to its outlets. */
function citedIn(citation: IncomingCitation, base: string): (Element | string)[] {
  const { open, title, close, by } = attributedTitleParts(citation.title, citation.outlets);
  return [
    h('a', { href: withBase(base, `articles/${citation.from}/#note-${citation.note}`), dataLink: 'note' }, `${open}${title}${close}`),
    ...(by ? [h('span', { className: ['cited-by__by'] }, ` —\u00a0${by}`)] : []),
    ': ',
  ];
}

function isNote(node: ElementContent | undefined): boolean {
  return node?.type === 'element' && node.tagName === 'aside' && typeof node.properties['dataNote'] === 'string';
}

/**
 * @example
 * // A note in article A links to passage:b#x. In article B, after paragraph #x (and its notes):
 * // <details class="cited-by" data-apparatus><summary>Cited in a note</summary>
 * //   <p>In a note to <a href="/articles/a/#note-n">“A”</a><span class="cited-by__by"> — Outlet</span>: <q>…sentence…</q></p></details>
 */
export const rehypeCitedBy: Plugin<[Options?], Root> = (options) => {
  const settings = { ...defaultOptions, ...options };
  return (tree, file) => {
    const path = file.history[0] ?? '';
    if (!settings.include(path)) return;
    const here = path.replace(/\\/g, '/').split('/').pop()?.replace(/\.mdx$/, '') ?? '';
    const corpus = settings.corpus(settings.root);
    const cited = new Map<string, IncomingCitation[]>();
    for (const citation of citationsOf(corpus, here)) {
      const id = citation.target.split('#')[1];
      if (!id) continue;
      const list = cited.get(id);
      if (list) list.push(citation);
      else cited.set(id, [citation]);
    }
    if (cited.size === 0) return;

    const children = tree.children as ElementContent[];
    for (let i = 0; i < children.length; i++) {
      const node = children[i];
      if (node?.type !== 'element') continue;
      const id = node.properties['id'];
      const citations = typeof id === 'string' ? cited.get(id) : undefined;
      if (!citations) continue;
      let after = i + 1;
      // Skip the line breaks and the passage's own notes.
      while (after < children.length && (isNote(children[after]) || (children[after]?.type === 'text' && !(children[after] as { value: string }).value.trim()))) after++;
      // Behind a small marker, so that the text reads on: the citations open under it.
      const lines: Element[] = [
        h('details', { className: ['cited-by'], dataApparatus: '', dataPagefindIgnore: '' }, [
          h('summary', { className: ['cited-by__marker'] }, citations.length === 1 ? 'Cited in a note' : `Cited in ${citations.length} notes`),
          ...citations.map((citation) =>
            h('p', [
              // The marker says "Cited in a note" already: opened (or printed) under it, a line does not say it again.
              citation.from === here ? 'In a note to this text: ' : 'In a note to ',
              ...(citation.from === here ? [] : citedIn(citation, settings.base)),
              h('q', citation.sentence),
              ...(citation.from === here ? [' ', h('a', { href: `#note-${citation.note}` }, 'Go to the note')] : []),
            ]),
          ),
        ]),
      ];
      children.splice(after, 0, ...lines);
      i = after + lines.length - 1;
    }
  };
};
