/**
 * The components an article is written with, and the one a misspelt tag most likely meant: read by
 * the parser's messages (src/compiler/parse.ts) and the article's checks (src/plugins/remark-guard.ts).
 */
import { editDistance, nearest } from './suggest.ts';

/** The components an article may use. */
export const ALLOWED_COMPONENTS: ReadonlySet<string> = new Set(['Passage', 'Note', 'Source', 'Term', 'NoTerm']);

/**
 * The component a misspelt or lower-case tag was meant to be, if any. Only a near miss: an HTML tag
 * (`<em>`, `<tr>`, `<cite>`) is two letters from `<Term>` or `<Note>`, and is not one.
 *
 * @example meantComponent('Pasage') // 'Passage'
 * @example meantComponent('em') // undefined
 */
export function meantComponent(name: string | null | undefined): string | undefined {
  const near = name ? nearest(name, ALLOWED_COMPONENTS) : undefined;
  return near && name && (near.toLowerCase() === name.toLowerCase() || editDistance(near.toLowerCase(), name.toLowerCase()) <= (name.length >= 6 ? 2 : 1)) ? near : undefined;
}
