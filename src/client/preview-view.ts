/**
 * A link's preview, made and placed: the part of <link-previews> (./previews.ts) that only a reader
 * who opens a preview needs, loaded with the page's previews file, at the same time, so that a page
 * only read carries neither.
 */
import { announce } from './copy-links.ts';

/** One preview, as its page's previews file has it (src/data/previews.ts, previewsFile). */
export interface PreviewData {
  kind: string;
  title: string;
  label: string;
  text: string;
  action: string;
}

/** The preview of `link` (whose address is `href`), put right after it and placed; returns it. */
export function preview(link: HTMLAnchorElement, href: string, data: PreviewData): HTMLElement {
  const popup = document.createElement('span');
  popup.className = `preview preview--${data.kind}`;
  popup.id = 'link-preview';
  const part = (tag: string, name: string, text: string) => {
    const element = document.createElement(tag);
    element.className = name;
    element.textContent = text;
    return element;
  };
  const go = part('a', 'preview__go', data.action) as HTMLAnchorElement;
  go.href = href;
  popup.append(part('strong', 'preview__title', data.title), part('span', 'preview__label', data.label), part('span', 'preview__text', data.text), go);
  const copy = copyMention(link, data);
  if (copy) {
    popup.append(copy);
    // The preview's link goes where the term's own link goes: for the keyboard, one stop for the
    // entry (the term) and one for what only the preview offers (the copy), not three a term.
    go.tabIndex = -1;
  }
  link.after(popup);
  place(link, popup);
  return popup;
}

/** For a term mentioned in the text: a button that copies a link to this very mention. */
function copyMention(link: HTMLAnchorElement, data: PreviewData): HTMLButtonElement | undefined {
  const paragraph = link.closest<HTMLElement>('[data-passage][id]');
  if (data.kind !== 'term' || !paragraph || link.closest('aside')) return undefined;
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'preview__copy';
  button.textContent = 'Copy link to this mention';
  // Loaded as the preview opens, so that it is there when the button is pressed.
  const fragments = import('./text-fragment.ts');
  button.addEventListener('click', async () => {
    const words = document.createRange();
    words.selectNodeContents(link);
    try {
      const { passageLink } = await fragments;
      await navigator.clipboard.writeText(passageLink(paragraph, words));
      button.textContent = 'Link copied';
      announce('Link to this mention copied');
    } catch {
      announce('The link could not be copied');
    }
  });
  return button;
}

/** Below the link, within the viewport's width; above it when there is no room below. */
function place(link: HTMLAnchorElement, popup: HTMLElement): void {
  const parent = (popup.offsetParent as HTMLElement | null) ?? document.body;
  const box = parent.getBoundingClientRect();
  // A link that wraps has a box per line: the preview goes below its last line (or above its
  // first), so that it covers none of the link's words.
  const lines = link.getClientRects();
  const first = lines[0] ?? link.getBoundingClientRect();
  const last = lines[lines.length - 1] ?? first;
  // Within the page's own margins (16 px on a phone): at 8 px from the right edge and 30 from the
  // left, a preview at 390 px sat off-centre, past the text's right edge.
  const viewport = document.documentElement.clientWidth;
  const gutter = viewport < 640 ? 16 : 8;
  const width = Math.min(352, viewport - 2 * gutter);
  popup.style.width = `${width}px`;
  const left = Math.max(gutter, Math.min(last.left, viewport - width - gutter));
  popup.style.left = `${left - box.left}px`;
  const below = last.bottom + 6;
  const above = first.top - popup.offsetHeight - 6;
  const top = below + popup.offsetHeight > window.innerHeight && above > 0 ? above : below;
  popup.style.top = `${top - box.top}px`;
}
