import { getCompiledEdition, type CompiledEdition } from '../compiler/index.ts';

/**
 * The compiled edition for the pages. Astro renders pages apart from where the content loader ran,
 * so the pages ask for it again with the site's base path; the compiler's cache on disk makes that
 * a read of what the loader wrote, not a second compile.
 */
export function compiledEdition(): CompiledEdition {
  return getCompiledEdition({ base: import.meta.env.BASE_URL, ...(import.meta.env.SITE ? { site: import.meta.env.SITE } : {}) });
}
