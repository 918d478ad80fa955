/**
 * The content pipeline's plugins in a real unified processor, as Astro runs them: MDX parsed by
 * remark, our remark plugins, mdast→hast, our rehype plugins, then HTML.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import { join } from 'node:path';
import { ROOT } from './site.ts';
import { contentPlugins } from '../../src/plugins/index.ts';
import type { Corpus } from '../../src/lib/corpus.ts';

/** Where a test's virtual file lives: inside `content/articles/`, so the article plugins apply. */
export const ARTICLE_PATH = join(ROOT, 'content/articles/test-article.mdx');

export async function renderMdx(
  mdx: string,
  frontmatter: Record<string, unknown> = {},
  path = ARTICLE_PATH,
  corpus?: () => Corpus,
): Promise<{ html: string; file: VFile }> {
  const file = new VFile({ path, value: mdx, data: { astro: { frontmatter } } });
  const { remarkPlugins, rehypePlugins } = contentPlugins({ root: ROOT, ...(corpus ? { corpus } : {}) });
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkPlugins)
    .use(remarkRehype, { passThrough: ['mdxjsEsm', 'mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression'] })
    .use(rehypePlugins)
    .use(rehypeStringify);
  const tree = await processor.run(processor.parse(file), file);
  return { html: String(processor.stringify(tree, file)).trim(), file };
}
