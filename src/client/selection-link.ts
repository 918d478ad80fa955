/**
 * "Copy link to this passage": selecting words inside a paragraph of the text shows a small
 * toolbar whose button copies a link made of the paragraph's id and a text fragment of the
 * selection, grown to whole words (`#<id>:~:text=…`, see text-fragment.ts). Browsers that support
 * text fragments highlight exactly those words; others land on the paragraph. Where the device
 * offers the Web Share API, the toolbar offers to share too.
 */
import { announce } from './copy-links.ts';
import { passageLink, wholeWords } from './text-fragment.ts';

export function setupSelectionLink(root: HTMLElement): void {
  let toolbar: HTMLElement | undefined;
  let link = '';
  let title = '';

  const hide = () => {
    toolbar?.remove();
    toolbar = undefined;
  };

  const show = (paragraph: HTMLElement, range: Range) => {
    hide();
    link = passageLink(paragraph, wholeWords(range));
    title = document.title;
    toolbar = document.createElement('div');
    toolbar.className = 'selection-toolbar';
    toolbar.setAttribute('role', 'toolbar');
    toolbar.setAttribute('aria-label', 'Selected passage');
    const copy = document.createElement('button');
    copy.type = 'button';
    copy.textContent = 'Copy link to this passage';
    copy.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(link);
        announce('Link to this passage copied');
      } catch {
        announce('The link could not be copied');
      }
      hide();
    });
    toolbar.append(copy);
    if (typeof navigator.share === 'function') {
      const share = document.createElement('button');
      share.type = 'button';
      share.textContent = 'Share';
      share.addEventListener('click', () => {
        navigator.share({ title, url: link }).catch(() => undefined);
        hide();
      });
      toolbar.append(share);
    }
    const box = range.getBoundingClientRect();
    const origin = root.getBoundingClientRect();
    root.append(toolbar);
    const left = Math.max(0, Math.min(box.left - origin.left, origin.width - toolbar.offsetWidth));
    toolbar.style.left = `${left}px`;
    toolbar.style.top = `${box.bottom - origin.top + 8}px`;
  };

  const check = () => {
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
    show(start, range);
  };

  root.addEventListener('mouseup', () => window.setTimeout(check, 0));
  root.addEventListener('keyup', (event) => {
    if (event.key === 'Escape') hide();
    else if (event.shiftKey) check();
  });
  document.addEventListener('selectionchange', () => {
    if (toolbar && document.getSelection()?.isCollapsed) hide();
  });
}
