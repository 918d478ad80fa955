import { defineCollection } from 'astro:content';
import { articlesLoader, glossaryLoader } from './compiler/loader.ts';
import { articleSchema } from './schemas/article.ts';
import { termSchema } from './schemas/glossary.ts';

/**
 * The source texts of the edition, one MDX file each, from the top-level `content/articles/`,
 * compiled by src/compiler/ (one parse per file, HTML cached by digest). The store keeps their
 * front matter; pages take the HTML and the notes from the compiled edition.
 */
const articles = defineCollection({ loader: articlesLoader(), schema: articleSchema });

/** The glossary: one Markdown file per term, from the top-level `content/glossary/`. */
const glossary = defineCollection({ loader: glossaryLoader(), schema: termSchema });

export const collections = { articles, glossary };
