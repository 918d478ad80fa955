/**
 * remark-glossary: finds the glossary's terms in article text, links them, and records every mention.
 *
 * Every name of every term (see src/lib/mentions.ts) is found as a whole word, with possessive and
 * plural endings. The first mention of a term in each section of a text is linked to the term's
 * page: a reader meets the link where the term first matters to what they are reading, and a long
 * compilation does not send them back to its top, while a paragraph is never strewn with repeated
 * links. Headings and existing links are not linked. Every mention, linked or not, is recorded with
 * its paragraph's passage id and its sentence, for the term pages' "In the texts".
 *
 * Editors can force a link where the rule would not make one, or for a name the glossary does not
 * list, and suppress one:
 *
 *     … the <Term id="union-state">union</Term> … the <NoTerm>Iskander</NoTerm> restaurant …
 *
 * A <Term> naming an unknown term fails the build with the file and line; two terms claiming the
 * same name fail it once, from the compiler's glossary check, and no text links names meanwhile.
 */
import type { Heading, Link, Paragraph, PhrasingContent, Root, RootContent, Text } from 'mdast';
import type { Plugin } from 'unified';
import type { Position } from 'unist';
import { toString } from 'mdast-util-to-string';
import { findMentions, glossaryMatcher, sentenceAround } from '../lib/mentions.ts';
import { readCorpus, type Corpus } from '../lib/corpus.ts';
import { withBase } from '../lib/urls.ts';
import { didYouMean } from '../lib/suggest.ts';
import { failOnProblems, type ContentProblem } from './content-errors.ts';
import type {} from 'mdast-util-to-hast';
import type {} from 'mdast-util-mdx';
import { attribute, attributes, expressionFix, isArticleFile } from './kit.ts';

/** A mention of a term in an article. */
export interface MentionInfo {
  term: string;
  /** Passage id of the paragraph or heading. */
  passage: string;
  /** Passage id of the section's heading, or '' before the first heading. */
  section: string;
  /** The words as they stand in the text. */
  text: string;
  /** The sentence around them. */
  sentence: string;
  /** Whether this mention is a link. */
  linked: boolean;
  /** Whether an editor forced it with <Term>. */
  forced?: true;
}

declare module 'vfile' {
  interface DataMap {
    /** Mentions of glossary terms, in document order, from remark-glossary. */
    mentions: MentionInfo[];
  }
}

/** Options of {@link remarkGlossary}. */
export interface Options {
  /** Which files hold articles. Default: files under a `content/articles/` folder. */
  include?: (path: string) => boolean;
  /** The site's base path, for the links' URLs. Default `/`. */
  base?: string;
  /** The project folder, where `content/` is. Default: the working directory. */
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

type Block = Paragraph | Heading;

/** Paragraphs and headings of the article text, top level and inside quotations and lists. */
function* blocks(nodes: readonly RootContent[]): Generator<Block> {
  for (const node of nodes) {
    if (node.type === 'paragraph' || node.type === 'heading') yield node;
    else if (node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem') yield* blocks(node.children as RootContent[]);
  }
}

function termLink(id: string, children: PhrasingContent[], base: string): Link {
  return {
    type: 'link',
    url: withBase(base, `glossary/${id}/`),
    children,
    data: { hProperties: { className: ['term'], dataTerm: id } },
  } as Link;
}

export const remarkGlossary: Plugin<[Options?], Root> = (options) => {
  const settings = { ...defaultOptions, ...options };
  return (tree, file) => {
    if (!settings.include(file.history[0] ?? '')) return;
    const corpus = settings.corpus(settings.root);
    const problems: ContentProblem[] = [];
    const problem = (ruleId: string, place: Position | undefined, reason: string, fix: string) => problems.push({ ruleId, place, reason, fix });

    // Built once per glossary, not per text (null while a name is given to two entries).
    const matcher = glossaryMatcher(corpus);
    if (matcher === null) return;

    const mentions: MentionInfo[] = [];
    let section = '';
    const linked = new Set<string>();

    for (const block of blocks(tree.children)) {
      const passage = String(block.data?.hProperties?.['id'] ?? '');
      const isHeading = block.type === 'heading';
      if (isHeading && block.depth === 2) {
        section = passage;
        linked.clear();
      }
      const found: (Omit<MentionInfo, 'sentence'> & { start: number; end: number })[] = [];
      let offset = 0;

      const walk = (parent: { children: PhrasingContent[] }): void => {
        for (let i = 0; i < parent.children.length; i++) {
          const node = parent.children[i]!;
          if (node.type === 'mdxJsxTextElement' && (node.name === 'NoTerm' || node.name === 'Term')) {
            const words = toString(node);
            // <Term> takes `id` alone, <NoTerm> nothing: any other attribute is a slip (`name=` for `id=`).
            const allowed = node.name === 'Term' ? ['id'] : [];
            const { values, expressions } = attributes(node);
            if (expressions.length > 0) {
              problem('term-attribute-expression', node.position, `<${node.name}> has an attribute written as an expression (${expressions.join(', ')})`, expressionFix(values, expressions, 'id="nato"'));
              offset += words.length;
              continue;
            }
            const stray = [...values.keys()].filter((name) => !allowed.includes(name));
            if (stray.length > 0) {
              problem(
                'term-attribute',
                node.position,
                `<${node.name}> has the unknown attribute${stray.length === 1 ? '' : 's'} ${stray.map((name) => `\`${name}\``).join(', ')}`,
                node.name === 'Term' ? `write <Term id="…">, the id of an entry in content/glossary/.${didYouMean(stray[0]!, allowed)}` : '<NoTerm> takes no attribute: write <NoTerm>words</NoTerm>.',
              );
              offset += words.length;
              continue;
            }
            if (node.name === 'NoTerm') {
              parent.children.splice(i, 1, ...(node.children as PhrasingContent[]));
              i += node.children.length - 1;
              offset += words.length;
              continue;
            }
            const id = attribute(node, 'id') ?? '';
            if (id === '') {
              problem('unknown-term', node.position, 'a <Term> has no id', `write the id of the entry it links, e.g. <Term id="nato">${words}</Term>.`);
              offset += words.length;
              continue;
            }
            if (!corpus.terms.has(id)) {
              problem('unknown-term', node.position, `<Term id="${id}"> names no glossary entry`, `use the id of an entry in content/glossary/.${didYouMean(id, corpus.terms.keys())}`);
              offset += words.length;
              continue;
            }
            found.push({ term: id, passage, section, text: words, linked: !isHeading, forced: true, start: offset, end: offset + words.length });
            if (!isHeading) linked.add(id);
            parent.children[i] = isHeading ? ({ type: 'text', value: words } as Text) : termLink(id, node.children as PhrasingContent[], settings.base);
            offset += words.length;
            continue;
          }
          if (node.type === 'link' || node.type === 'noteRef' as string) {
            offset += toString(node).length;
            continue;
          }
          if (node.type === 'text') {
            const inText = findMentions(node.value, matcher);
            if (inText.length === 0) {
              offset += node.value.length;
              continue;
            }
            const replacement: PhrasingContent[] = [];
            let last = 0;
            for (const mention of inText) {
              const link = !isHeading && !linked.has(mention.term);
              found.push({ term: mention.term, passage, section, text: mention.text, linked: link, start: offset + mention.start, end: offset + mention.end });
              if (mention.start > last) replacement.push({ type: 'text', value: node.value.slice(last, mention.start) });
              const words: Text = { type: 'text', value: mention.text };
              if (link) {
                linked.add(mention.term);
                replacement.push(termLink(mention.term, [words], settings.base));
              } else {
                replacement.push(words);
              }
              last = mention.end;
            }
            if (last < node.value.length) replacement.push({ type: 'text', value: node.value.slice(last) });
            parent.children.splice(i, 1, ...replacement);
            i += replacement.length - 1;
            offset += node.value.length;
            continue;
          }
          if ('children' in node) {
            walk(node as unknown as { children: PhrasingContent[] });
            continue;
          }
          if ('value' in node && node.type !== 'mdxTextExpression') offset += String(node.value).length;
        }
      };
      walk(block);

      const text = toString(block);
      for (const { start, end, ...mention } of found) mentions.push({ ...mention, sentence: sentenceAround(text, start, end) });
    }

    failOnProblems(file, 'remark-glossary', problems);
    file.data.mentions = mentions;
  };
};
