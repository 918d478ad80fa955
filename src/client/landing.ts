/**
 * Arriving at a permalink: an old fragment id recorded in the anchor ledger is replaced by its
 * successor's, so a link made before a paragraph was split or renamed still lands on its words;
 * and a paragraph or heading that is the target receives focus (without scrolling again), so that
 * a keyboard or screen-reader user continues from it. The highlight and its fade are CSS
 * (`:target`), and do not move when the reader prefers reduced motion.
 */
function aliases(): Record<string, string> {
  const data = document.getElementById('anchor-aliases')?.textContent;
  if (!data) return {};
  try {
    return JSON.parse(data) as Record<string, string>;
  } catch {
    return {};
  }
}

function currentId(): string | undefined {
  if (!location.hash) return undefined;
  try {
    return decodeURIComponent(location.hash.slice(1));
  } catch {
    return undefined;
  }
}

export function setupLanding(root: HTMLElement): void {
  const successors = aliases();
  const land = (): void => {
    const id = currentId();
    if (!id) return;
    const successor = successors[id];
    if (!document.getElementById(id) && successor && document.getElementById(successor)) {
      // A real navigation to the successor's fragment, so that :target and scrolling apply.
      location.replace(`${location.pathname}${location.search}#${encodeURIComponent(successor)}`);
      return;
    }
    const target = document.getElementById(id);
    if (!target || !root.contains(target) || !target.matches('[data-passage]')) return;
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  };
  window.addEventListener('hashchange', land);
  land();
}
