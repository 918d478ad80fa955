/**
 * The site's icon, written into each page as a data: URL (about 0.2 KB compressed) rather than
 * linked: a browser fetches a linked icon with every first visit, a request that cost more in
 * headers than the icon itself. public/favicon.svg is the same drawing, for hosts and tools that
 * ask for /favicon.svg.
 */
import icon from '../../public/favicon.svg?raw';

const svg = icon.trim();

/** `data:image/svg+xml,…`, percent-encoded where a URL needs it (spaces, quotes, brackets, `#`, `%`). */
export const FAVICON = `data:image/svg+xml,${svg.replace(/[%#<>"\s]/g, (character) => encodeURIComponent(character))}`;
