/**
 * Rendering one article to HTML from its tree: our remark plugins (notes, glossary), mdast → hast,
 * our rehype plugins, then HTML, all on the tree Sätteri parsed. No JavaScript module is made per
 * article: the HTML is stored in the compiler's cache and the page inserts it.
 */
import type { Root as HastRoot, Element } from 'hast';
import { unified } from 'unified';
import remarkRehype, { type Options as RemarkRehypeOptions } from 'remark-rehype';
import { VFile } from 'vfile';
import { join } from 'node:path';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { parseMdx } from './parse.ts';
import { fromRoot, problemsOf, type Problem } from './problems.ts';
import type { ArticleFacts, Heading, RenderedArticle } from './model.ts';
import { contentPlugins } from '../plugins/index.ts';
import type { Corpus } from '../lib/corpus.ts';
import { noteFingerprint } from '../lib/corrections.ts';

/** MDX nodes left for the plugins to have turned into HTML; none should remain. */
const MDX_NODES: NonNullable<RemarkRehypeOptions['passThrough']> = ['mdxjsEsm', 'mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression'];

/** Headings h2–h6 with their ids, for the contents. */
function headingsOf(tree: HastRoot): Heading[] {
  const headings: Heading[] = [];
  visit(tree, 'element', (node: Element) => {
    const depth = /^h([2-6])$/.exec(node.tagName)?.[1];
    if (depth && typeof node.properties['id'] === 'string') headings.push({ depth: Number(depth), slug: node.properties['id'], text: toString(node).trim() });
  });
  return headings;
}

/** Options of {@link renderArticle}. */
export interface RenderOptions {
  root: string;
  base: string;
  /** The site's origin, for absolute links. */
  site?: string;
  corpus: Corpus;
}

/**
 * The article pipeline as a unified processor that runs on a parsed tree (no parser of its own):
 * our remark plugins, mdast → hast, our rehype plugins.
 */
export function articleProcessor(options: RenderOptions) {
  // The guard ran when the file was read (src/compiler/read.ts), on the same text.
  const { remarkPlugins, rehypePlugins } = contentPlugins({ base: options.base, ...(options.site ? { site: options.site } : {}), root: options.root, corpus: () => options.corpus, guard: false });
  return unified().use(remarkPlugins).use(remarkRehype, { passThrough: MDX_NODES } satisfies RemarkRehypeOptions).use(rehypePlugins);
}

/** Renders an article, or returns the problems that stop it. */
export function renderArticle(facts: ArticleFacts, source: string, options: RenderOptions): { rendered: RenderedArticle; problems: [] } | { rendered?: undefined; problems: Problem[] } {
  const { tree } = parseMdx(source);
  const file = new VFile({ path: join(options.root, facts.file), value: source, data: { frontmatter: facts.frontmatter } });
  const processor = articleProcessor(options);
  let hast: HastRoot;
  try {
    hast = processor.runSync(tree, file) as unknown as HastRoot;
  } catch (error) {
    const problems = problemsOf(error);
    if (!problems) throw error;
    return { problems: problems.map((problem) => fromRoot(problem, options.root)) };
  }
  const notes = [...(file.data.notes ?? [])].sort((a, b) => a.number - b.number);
  return {
    rendered: {
      html: toHtml(hast),
      headings: headingsOf(hast),
      notes,
      mentions: file.data.mentions ?? [],
      // A note's words and its sources' titles: a source dropped or replaced is a change readers should see.
      fingerprints: Object.fromEntries(notes.map((note) => [`note-${note.id}`, noteFingerprint(note.bodyText, note.sources.map((source) => source.title))])),
    },
    problems: [],
  };
}
