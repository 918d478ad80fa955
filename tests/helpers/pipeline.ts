/**
 * The content pipeline as the edition compiler runs it (src/compiler/render.ts): the MDX parsed by
 * Sätteri, our remark plugins, mdast→hast, our rehype plugins, then HTML.
 */
import { VFile } from 'vfile';
import { join } from 'node:path';
import { toHtml } from 'hast-util-to-html';
import type { Root as HastRoot } from 'hast';
import { ROOT } from './site.ts';
import { parseMdx } from '../../src/compiler/parse.ts';
import { articleProcessor } from '../../src/compiler/render.ts';
import { readCorpus, type Corpus } from '../../src/lib/corpus.ts';

/** Where a test's virtual file lives: inside `content/articles/`, so the article plugins apply. */
export const ARTICLE_PATH = join(ROOT, 'content/articles/test-article.mdx');

export async function renderMdx(
  mdx: string,
  frontmatter: Record<string, unknown> = {},
  path = ARTICLE_PATH,
  corpus?: () => Corpus,
): Promise<{ html: string; file: VFile }> {
  const file = new VFile({ path, value: mdx, data: { frontmatter } });
  const processor = articleProcessor({ root: ROOT, base: '/', corpus: corpus ? corpus() : readCorpus(ROOT) });
  const tree = (await processor.run(parseMdx(mdx).tree, file)) as unknown as HastRoot;
  return { html: toHtml(tree).trim(), file };
}
