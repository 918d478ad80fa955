/**
 * What the apparatus cites, by kind of source, for the About page's source policy: every source
 * of the published texts' notes and of the glossary, classed by its domain in
 * content/source-categories.yaml, as the editors' check counts them (`npm run check`).
 */
import { getEdition } from './edition.ts';
import { ContentErrors } from '../compiler/problems.ts';
import { loadSourceCategories, sourceMixOf, type SourceMix } from '../lib/apparatus-report.ts';

let mix: Promise<SourceMix> | undefined;

/** The edition's mix, counted once per build. */
export function getSourceMix(): Promise<SourceMix> {
  mix ??= getEdition().then((edition) => {
    // A missing or broken table stops the build as it stops `npm run check`: the About page would
    // otherwise publish every citation as "not yet classed".
    const { table, problems } = loadSourceCategories(process.cwd());
    if (problems.length > 0) throw new ContentErrors(problems);
    const urls = [
      ...edition.articles.flatMap(({ notes }) => notes.flatMap((note) => note.sources.map((source) => source.url))),
      ...edition.terms.flatMap((term) => term.data.sources.map((source) => source.url)),
    ];
    return sourceMixOf(urls, table);
  });
  return mix;
}
