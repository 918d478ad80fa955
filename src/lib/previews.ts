/**
 * What a link preview shows: for a glossary term, a passage, a note or an article.
 */
export interface Preview {
  /** The link's href, as written on the page: the key a link is matched by. */
  href: string;
  kind: 'term' | 'passage' | 'note' | 'article';
  /** First line: the term, the article's title, "Note 3: Context". */
  title: string;
  /** Second line: the category, or outlet and date. */
  label: string;
  /** The definition, the passage's first lines, the note's first sentences, the summary. */
  text: string;
  /** What the link in the preview says. */
  action: string;
}

/** Characters of a preview's text at most, cut at a word (src/lib/shorten.ts). */
export const PREVIEW_TEXT = 260;
