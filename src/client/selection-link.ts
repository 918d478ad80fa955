/**
 * "Copy link to this passage": selecting words inside a paragraph of the text shows a small
 * toolbar whose button copies a link made of the paragraph's id and a text fragment of the
 * selection, grown to whole words (`#<id>:~:text=…`, see text-fragment.ts). Browsers that support
 * text fragments highlight exactly those words; others land on the paragraph. The toolbar comes when
 * the mouse or pointer is released, with Shift and the arrow keys, and, for a selection made by touch
 * (which ends with no mouse-up), once the selection has rested. Where the device offers the Web
 * Share API, the toolbar offers to share too. The toolbar's code is loaded on the
 * first selection, so that a page that is only read runs none of it.
 */
import type { Toolbar } from './selection-toolbar.ts';

/** How long a selection must rest before the toolbar is offered: touch handles move it in steps. */
const SETTLE_MS = 350;

export function setupSelectionLink(root: HTMLElement): void {
  let toolbar: Toolbar | undefined;
  let shown: Range | undefined;
  let timer = 0;
  let pressed = false;

  const hide = () => {
    toolbar?.hide();
    toolbar = undefined;
    shown = undefined;
  };

  const same = (a: Range | undefined, b: Range) =>
    a !== undefined && a.compareBoundaryPoints(Range.START_TO_START, b) === 0 && a.compareBoundaryPoints(Range.END_TO_END, b) === 0;

  const check = async () => {
    const selection = document.getSelection();
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) {
      hide();
      return;
    }
    const range = selection.getRangeAt(0);
    // The toolbar for this very selection is already shown (mouse-up and selectionchange both ask).
    if (toolbar && same(shown, range)) return;
    const start = (range.startContainer instanceof Element ? range.startContainer : range.startContainer.parentElement)?.closest<HTMLElement>('[data-passage]');
    const end = (range.endContainer instanceof Element ? range.endContainer : range.endContainer.parentElement)?.closest<HTMLElement>('[data-passage]');
    const text = selection.toString().trim();
    if (!start || start !== end || !root.contains(start) || start.closest('aside') || text.length < 2) {
      hide();
      return;
    }
    shown = range.cloneRange();
    const wanted = shown;
    const { showToolbar } = await import('./selection-toolbar.ts');
    // The reader may have changed the selection while the code loaded.
    if (shown !== wanted) return;
    toolbar?.hide();
    toolbar = showToolbar(root, start, range);
  };

  root.addEventListener('mouseup', () => window.setTimeout(check, 0));
  root.addEventListener('keyup', (event) => {
    if (event.key === 'Escape') hide();
    else if (event.shiftKey) void check();
  });
  // A selection made by touch (long press, then the handles) ends with no mouse-up: it is offered
  // once it has rested; one made with a mouse still being dragged waits for the pointer's release.
  document.addEventListener('pointerdown', () => (pressed = true), true);
  document.addEventListener('pointerup', () => {
    pressed = false;
    window.setTimeout(check, 0);
  }, true);
  document.addEventListener('pointercancel', () => (pressed = false), true);
  document.addEventListener('selectionchange', () => {
    window.clearTimeout(timer);
    if (document.getSelection()?.isCollapsed) {
      if (toolbar) hide();
      return;
    }
    timer = window.setTimeout(() => {
      if (!pressed) void check();
    }, SETTLE_MS);
  });
}
