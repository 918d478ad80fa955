#!/usr/bin/env node
/**
 * npm run check:content [-- content/articles/x.mdx …]
 *
 * Runs the article pipeline's remark and rehype plugins over the articles (all, or the files
 * given) without building the site, and prints every content error with its file and line. A
 * quick check for editors while writing notes; `npm test` runs the full build.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMdx from 'remark-mdx';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { VFile } from 'vfile';
import { parse as parseYaml } from 'yaml';
import { contentPlugins } from '../src/plugins/index.ts';
import { termSchema } from '../src/schemas/glossary.ts';

const root = resolve(import.meta.dirname, '..');
const articlesDir = join(root, 'content/articles');
const glossaryDir = join(root, 'content/glossary');
const given = process.argv.slice(2).map((file) => resolve(process.cwd(), file));
const list = (dir: string, extension: string) => {
  try {
    return readdirSync(dir).filter((name) => name.endsWith(extension)).map((name) => join(dir, name));
  } catch {
    return [];
  }
};
const files = given.length > 0 ? given.filter((path) => path.endsWith('.mdx')) : list(articlesDir, '.mdx');
const terms = given.length > 0 ? given.filter((path) => path.endsWith('.md')) : list(glossaryDir, '.md');

const { remarkPlugins, rehypePlugins } = contentPlugins({ root });
let failed = 0;
for (const path of files) {
  const source = readFileSync(path, 'utf8');
  const end = source.startsWith('---\n') ? source.indexOf('\n---\n', 4) : -1;
  const frontmatter = end > 0 ? parseYaml(source.slice(4, end)) : {};
  // Keep line numbers: the front matter's lines become blank lines.
  const body = end > 0 ? '\n'.repeat(source.slice(0, end + 5).split('\n').length - 1) + source.slice(end + 5) : source;
  const file = new VFile({ path, value: body, data: { astro: { frontmatter } } });
  const processor = unified()
    .use(remarkParse)
    .use(remarkMdx)
    .use(remarkPlugins)
    .use(remarkRehype, { passThrough: ['mdxjsEsm', 'mdxFlowExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement', 'mdxTextExpression'] })
    .use(rehypePlugins)
    .use(rehypeStringify);
  try {
    await processor.run(processor.parse(file), file);
    const notes = file.data.notes?.length ?? 0;
    console.log(`ok   ${relative(root, path)} (${file.data.passages?.length ?? 0} passages, ${notes} notes)`);
  } catch (error) {
    failed++;
    console.error(`FAIL ${relative(root, path)}\n${(error as Error).message}\n`);
  }
}
for (const path of terms) {
  const source = readFileSync(path, 'utf8');
  const end = source.startsWith('---\n') ? source.indexOf('\n---\n', 4) : -1;
  if (end < 0) {
    failed++;
    console.error(`FAIL ${relative(root, path)}\n  no front matter: start the file with --- and the fields of src/schemas/glossary.ts\n`);
    continue;
  }
  const result = termSchema.safeParse(parseYaml(source.slice(4, end)));
  if (!result.success) {
    failed++;
    console.error(`FAIL ${relative(root, path)}\n${result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`).join('\n')}\n`);
  } else {
    console.log(`ok   ${relative(root, path)}`);
  }
}
process.exit(failed > 0 ? 1 : 0);
