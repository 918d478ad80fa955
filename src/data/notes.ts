import { render } from 'astro:content';
import type { NoteInfo } from '../plugins/remark-notes.ts';
import { getArticles, type ArticleEntry } from './articles.ts';

/** An article with its notes, in number order. */
export interface ArticleNotes {
  entry: ArticleEntry;
  notes: NoteInfo[];
}

/**
 * The notes of every published article, from the data remark-notes hands on through the rendered
 * entry's front matter.
 */
export async function getNotesByArticle(): Promise<ArticleNotes[]> {
  const articles = await getArticles();
  return Promise.all(
    articles.map(async (entry) => {
      const { remarkPluginFrontmatter } = await render(entry);
      const notes = (remarkPluginFrontmatter['notes'] ?? []) as NoteInfo[];
      return { entry, notes: [...notes].sort((a, b) => a.number - b.number) };
    }),
  );
}
