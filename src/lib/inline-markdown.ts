/**
 * A deliberately small inline Markdown for front-matter prose (provenance, defects): links and
 * emphasis, nothing else. Everything is escaped first, so front matter can never inject HTML, and
 * only http(s) and site-relative links are made.
 */

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/**
 * Renders `[text](url)`, `*emphasis*` and `` `code` `` in `text` to HTML; all else is escaped.
 *
 * @example inlineMarkdown('See [AP](https://apnews.com/) *now* <b>') // 'See <a href="https://apnews.com/">AP</a> <em>now</em> &lt;b&gt;'
 */
export function inlineMarkdown(text: string): string {
  const escaped = escapeHtml(text);
  return escaped
    .replace(/\[([^\]\n]+)\]\(((?:https?:\/\/|\/)[^\s)]+)\)/g, (_all, label: string, url: string) => `<a href="${url}">${label}</a>`)
    .replace(/`([^`\n]+)`/g, '<code>$1</code>')
    .replace(/(^|[\s(])\*([^*\n]+)\*(?=[\s).,;:!?]|$)/g, '$1<em>$2</em>');
}
