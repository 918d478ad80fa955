/**
 * Notes beside the text. On wide screens (the same breakpoint as the CSS) each note sits in the
 * margin level with its passage; a note that would overlap the one above is pushed down, and only
 * the margin moves, never the text. On narrow screens notes are folded under their paragraph and
 * open from the numbered control after the passage: Enter or Space toggles, Escape closes and
 * returns focus. A note's permalink (#note-<id>) opens it, scrolls to its passage and highlights both.
 * Without this script every note is printed in full after its paragraph.
 */
const WIDE = '(min-width: 80em)';
const GAP = 12;
const HIGHLIGHT_MS = 2600;
/** A margin note taller than this is cut to a few lines, with a control to read it all. */
const CLAMP_PX = 150;

export function setupNotes(root: HTMLElement): void {
  const notes = [...root.querySelectorAll<HTMLElement>('aside.note')].sort(
    (a, b) => Number(a.querySelector('.note__number')?.textContent) - Number(b.querySelector('.note__number')?.textContent),
  );
  if (notes.length === 0) return;
  const wide = matchMedia(WIDE);
  const noteOf = (id: string) => root.querySelector<HTMLElement>(`#note-${CSS.escape(id)}`);
  const markOf = (id: string) => [...root.querySelectorAll<HTMLElement>('mark.note-mark')].find((mark) => mark.dataset['notes']?.split(' ').includes(id));
  const refOf = (id: string) => root.querySelector<HTMLAnchorElement>(`#ref-${CSS.escape(id)}`);
  const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

  const layout = (): void => {
    if (!wide.matches) {
      for (const note of notes) note.style.top = '';
      root.style.minHeight = '';
      return;
    }
    const origin = root.getBoundingClientRect().top;
    let bottom = Number.NEGATIVE_INFINITY;
    for (const note of notes) {
      const mark = markOf(note.dataset['note'] ?? '');
      if (!mark) continue;
      const top = Math.max(mark.getBoundingClientRect().top - origin, bottom + GAP);
      note.style.top = `${Math.round(top)}px`;
      bottom = top + note.offsetHeight;
    }
    root.style.minHeight = bottom > root.offsetHeight ? `${Math.ceil(bottom)}px` : '';
  };

  /** In the margin, notes are kept short (sources folded, long bodies cut), so they stay near their passages. */
  const compact = (note: HTMLElement, on: boolean): void => {
    const sources = note.querySelector('details.note__sources');
    if (sources instanceof HTMLDetailsElement) sources.open = !on;
    const body = note.querySelector<HTMLElement>('.note__body');
    let more = note.querySelector<HTMLButtonElement>('.note__more');
    note.classList.remove('is-clamped');
    if (!on || !body || body.scrollHeight <= CLAMP_PX + 24 || note.classList.contains('is-expanded')) {
      more?.remove();
      return;
    }
    note.classList.add('is-clamped');
    if (!more) {
      more = document.createElement('button');
      more.type = 'button';
      more.className = 'note__more';
      more.textContent = 'Read the whole note';
      more.setAttribute('aria-expanded', 'false');
      body.after(more);
    }
  };

  const expand = (note: HTMLElement): void => {
    note.classList.add('is-expanded');
    note.classList.remove('is-clamped');
    note.querySelector('.note__more')?.remove();
    const sources = note.querySelector('details.note__sources');
    if (sources instanceof HTMLDetailsElement) sources.open = true;
  };

  const setOpen = (id: string, open: boolean): void => {
    noteOf(id)?.classList.toggle('is-open', open);
    refOf(id)?.setAttribute('aria-expanded', String(open));
  };

  const applyMode = (): void => {
    for (const note of notes) compact(note, wide.matches);
    for (const note of notes) {
      const id = note.dataset['note'] ?? '';
      const ref = refOf(id);
      if (!ref) continue;
      if (wide.matches) {
        ref.removeAttribute('role');
        ref.removeAttribute('aria-expanded');
        ref.removeAttribute('aria-controls');
      } else {
        ref.setAttribute('role', 'button');
        ref.setAttribute('aria-controls', note.id);
        ref.setAttribute('aria-expanded', String(note.classList.contains('is-open')));
      }
    }
    layout();
  };

  const highlight = (id: string): void => {
    for (const element of [noteOf(id), markOf(id)]) {
      if (!element) continue;
      element.classList.remove('is-highlighted');
      // Restart the fade when the same note is highlighted twice.
      void element.offsetWidth;
      element.classList.add('is-highlighted');
      window.setTimeout(() => element.classList.remove('is-highlighted'), HIGHLIGHT_MS);
    }
  };

  const show = (id: string, { scroll }: { scroll: boolean }): void => {
    const note = noteOf(id);
    if (!note) return;
    if (!wide.matches) setOpen(id, true);
    else expand(note);
    layout();
    highlight(id);
    if (scroll) markOf(id)?.scrollIntoView({ block: 'center', behavior: reducedMotion.matches ? 'auto' : 'smooth' });
    note.focus({ preventScroll: true });
  };

  root.addEventListener('click', (event) => {
    const more = (event.target as Element | null)?.closest<HTMLButtonElement>('button.note__more');
    if (more) {
      const note = more.closest<HTMLElement>('aside.note');
      if (note) {
        expand(note);
        layout();
        note.focus({ preventScroll: true });
      }
      return;
    }
    const ref = (event.target as Element | null)?.closest<HTMLAnchorElement>('a.note-ref');
    if (!ref || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    const id = ref.dataset['note'] ?? '';
    if (wide.matches) {
      show(id, { scroll: false });
      return;
    }
    const open = !noteOf(id)?.classList.contains('is-open');
    setOpen(id, open);
    if (open) highlight(id);
  });

  root.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement;
    if (event.key === ' ' && target.matches('a.note-ref[role="button"]')) {
      event.preventDefault();
      target.click();
      return;
    }
    if (event.key !== 'Escape' || wide.matches) return;
    const note = target.closest<HTMLElement>('aside.note.is-open');
    const id = note?.dataset['note'] ?? (target.matches('a.note-ref') ? target.dataset['note'] : undefined);
    if (!id || !noteOf(id)?.classList.contains('is-open')) return;
    setOpen(id, false);
    refOf(id)?.focus();
  });

  // A mark and its note light up together when either is hovered.
  const pair = (event: Event, on: boolean) => {
    const element = (event.target as Element | null)?.closest<HTMLElement>('mark.note-mark, a.note-ref, aside.note');
    if (!element) return;
    const ids = element.dataset['notes']?.split(' ') ?? [element.dataset['note'] ?? ''];
    for (const id of ids) {
      noteOf(id)?.classList.toggle('is-paired', on);
      markOf(id)?.classList.toggle('is-paired', on);
    }
  };
  root.addEventListener('mouseover', (event) => pair(event, true));
  root.addEventListener('mouseout', (event) => pair(event, false));

  const fromHash = (): void => {
    const match = /^#note-(.+)$/.exec(decodeURIComponent(location.hash));
    if (match && noteOf(match[1]!)) show(match[1]!, { scroll: true });
  };

  wide.addEventListener('change', applyMode);
  // Notes change height when their sources are opened or the fonts arrive; the text when the window resizes.
  const observer = new ResizeObserver(() => layout());
  observer.observe(root);
  for (const note of notes) observer.observe(note);
  window.addEventListener('hashchange', fromHash);
  applyMode();
  // The browser scrolls to the note's element on its own once the page has loaded; scroll to the
  // passage after that, and again once any font the page waits for has changed the line breaks.
  if (document.readyState === 'complete') fromHash();
  else window.addEventListener('load', fromHash, { once: true });
  document.fonts?.ready.then(() => {
    for (const note of notes) compact(note, wide.matches);
    layout();
  });
}
