/**
 * Copying permalinks: a click on a passage's ¶ link or a note's "Link to this note" copies the
 * address instead of jumping to it, and says so in the page's status region (which screen readers
 * announce). Where the clipboard is unavailable, the link behaves as a plain link, and the
 * permalink is then in the address bar.
 */
const SHOWN_FOR_MS = 2500;

/** Puts `message` in the page's status region for a moment. */
export function announce(message: string): void {
  const status = document.querySelector('.copy-status');
  if (!status) return;
  status.textContent = message;
  window.setTimeout(() => {
    if (status.textContent === message) status.textContent = '';
  }, SHOWN_FOR_MS);
}

function describe(link: HTMLAnchorElement): string {
  if (link.classList.contains('note__permalink')) return 'Link to this note copied';
  return link.closest('.heading-wrap') ? 'Link to this section copied' : 'Link to this paragraph copied';
}

/** Handles permalink clicks inside `root`. */
export function setupCopyLinks(root: HTMLElement): void {
  root.addEventListener('click', async (event) => {
    const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a.passage-link, a.note__permalink');
    if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (!navigator.clipboard?.writeText) return;
    event.preventDefault();
    const url = new URL(link.getAttribute('href') ?? '', location.href);
    // A note's link is its share page, which previews well when pasted and sends readers on to
    // the note in its text.
    const shared = link.dataset['share'] ? new URL(link.dataset['share'], location.href).href : url.href;
    try {
      await navigator.clipboard.writeText(shared);
    } catch {
      location.hash = url.hash;
      return;
    }
    history.replaceState(history.state, '', url.hash);
    link.dataset['copied'] = '';
    window.setTimeout(() => delete link.dataset['copied'], SHOWN_FOR_MS);
    announce(describe(link));
  });
}
