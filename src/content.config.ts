import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { articleSchema } from './schemas/article.ts';
import { termSchema } from './schemas/glossary.ts';

/**
 * The source texts of the edition, one MDX file each, from the top-level `content/articles/`. The
 * store keeps their data, not their bodies: pages render the compiled MDX, and what is read from
 * the text itself (reading time, passages) comes from src/lib/corpus.ts.
 */
const articles = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './content/articles', retainBody: false }),
  schema: articleSchema,
});

/** The glossary: one Markdown file per term, from the top-level `content/glossary/`. */
const glossary = defineCollection({
  loader: glob({ pattern: '*.md', base: './content/glossary' }),
  schema: termSchema,
});

export const collections = { articles, glossary };
