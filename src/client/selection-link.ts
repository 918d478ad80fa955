/**
 * "Copy link to this passage": selecting words inside a paragraph of the text shows a small
 * toolbar whose button copies a link made of the paragraph's id and a text fragment of the
 * selection, grown to whole words (`#<id>:~:text=…`, see text-fragment.ts). Browsers that support
 * text fragments highlight exactly those words; others land on the paragraph. Where the device
 * offers the Web Share API, the toolbar offers to share too. The toolbar's code is loaded on the
 * first selection, so that a page that is only read runs none of it.
 */
import type { Toolbar } from './selection-toolbar.ts';

export function setupSelectionLink(root: HTMLElement): void {
  let toolbar: Toolbar | undefined;
  let shown: Range | undefined;

  const hide = () => {
    toolbar?.hide();
    toolbar = undefined;
    shown = undefined;
  };

  const check = async () => {
    const selection = document.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) {
      hide();
      return;
    }
    const range = selection.getRangeAt(0);
    const start = (range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement)?.closest<HTMLElement>('[data-passage]');
    const end = (range.endContainer instanceof Element ? range.endContainer : range.endContainer.parentElement)?.closest<HTMLElement>('[data-passage]');
    const text = selection.toString().trim();
    if (!start || start !== end || !root.contains(start) || start.closest('aside') || text.length < 2) {
      hide();
      return;
    }
    shown = range;
    const { showToolbar } = await import('./selection-toolbar.ts');
    // The reader may have changed the selection while the code loaded.
    if (shown !== range) return;
    toolbar?.hide();
    toolbar = showToolbar(root, start, range);
  };

  root.addEventListener('mouseup', () => window.setTimeout(check, 0));
  root.addEventListener('keyup', (event) => {
    if (event.key === 'Escape') hide();
    else if (event.shiftKey) void check();
  });
  document.addEventListener('selectionchange', () => {
    if (toolbar && document.getSelection()?.isCollapsed) hide();
  });
}
