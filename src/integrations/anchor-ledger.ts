/**
 * An Astro integration that holds the built site to the anchor ledger (src/lib/ledger.ts): at the
 * end of `astro build` it reads every anchor the pages publish and fails the build, naming the
 * anchor and the file, when one that was published is gone without an alias or a redirect.
 */
import type { AstroIntegration } from 'astro';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { remove } from 'unist-util-remove';
import type { Element, Root } from 'hast';
import { checkLedger, fingerprint, LEDGER_FILE, parseLedger, type Published } from '../lib/ledger.ts';

/** The text of an element without the apparatus inside it (links to itself, note numbers). */
function sourceText(element: Element): string {
  const copy = structuredClone(element);
  remove(copy, (node) => node.type === 'element' && ((node as Element).properties['dataApparatus'] !== undefined || ((node as Element).properties['className'] as string[] | undefined)?.includes('passage-link') === true));
  return toString(copy);
}

/** Every anchor the built site in `dist` publishes. */
export function readPublished(dist: string): Published {
  const published: Published = { articles: {}, terms: {} };
  const articlesDir = join(dist, 'articles');
  for (const slug of existsSync(articlesDir) ? readdirSync(articlesDir) : []) {
    const file = join(articlesDir, slug, 'index.html');
    if (!existsSync(file)) continue;
    const html = readFileSync(file, 'utf8');
    if (/<meta http-equiv="refresh"/i.test(html)) continue;
    const tree: Root = fromHtml(html);
    const anchors: Record<string, string> = {};
    for (const element of selectAll('[data-passage][id]', tree)) anchors[String(element.properties['id'])] = fingerprint(sourceText(element));
    for (const element of selectAll('aside[data-note][id]', tree)) {
      const body = selectAll('.note__body', element)[0];
      anchors[String(element.properties['id'])] = fingerprint(body ? toString(body) : '');
    }
    published.articles[slug] = anchors;
  }
  const glossaryDir = join(dist, 'glossary');
  for (const id of existsSync(glossaryDir) ? readdirSync(glossaryDir) : []) {
    const file = join(glossaryDir, id, 'index.html');
    if (!existsSync(file)) continue;
    const title = /<h1[^>]*>([^<]*)<\/h1>/.exec(readFileSync(file, 'utf8'))?.[1] ?? id;
    published.terms[id] = fingerprint(title);
  }
  return published;
}

export function anchorLedger({ root = process.cwd() }: { root?: string } = {}): AstroIntegration {
  return {
    name: 'borderlines:anchor-ledger',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const ledgerPath = join(root, LEDGER_FILE);
        if (!existsSync(ledgerPath)) {
          logger.warn(`${LEDGER_FILE} does not exist: run \`npm run ledger\` to record the published anchors.`);
          return;
        }
        const ledger = parseLedger(readFileSync(ledgerPath, 'utf8'));
        const result = checkLedger(ledger, readPublished(fileURLToPath(dir)));
        if (result.missing.length > 0) {
          const lines = result.missing.map((missing) => {
            if (missing.term) return `  glossary term \`${missing.term}\` (content/glossary/${missing.term}.md): ${missing.reason}.`;
            if (!missing.id) return `  article \`${missing.article}\` (content/articles/${missing.article}.mdx): ${missing.reason}. Fix: add \`${missing.article}: <new slug>\` under redirects in ${LEDGER_FILE}.`;
            return `  #${missing.id} of content/articles/${missing.article}.mdx: ${missing.reason}.\n    Fix: restore it, or add \`${missing.id}: <id of its successor>\` under aliases → ${missing.article} in ${LEDGER_FILE}.`;
          });
          throw new Error(`${result.missing.length} published anchor${result.missing.length === 1 ? ' is' : 's are'} gone; links to ${result.missing.length === 1 ? 'it' : 'them'} would break:\n${lines.join('\n')}`);
        }
        if (result.unrecorded.length > 0) {
          logger.warn(`${result.unrecorded.length} anchors are not in ${LEDGER_FILE} yet (e.g. ${result.unrecorded.slice(0, 3).map((a) => `${a.article ?? 'glossary'}#${a.id}`).join(', ')}); record them with \`npm run ledger\` when you publish.`);
        }
        if (result.changed.length > 0) logger.info(`${result.changed.length} anchors changed their text since they were recorded (corrections keep their address).`);
      },
    },
  };
}
