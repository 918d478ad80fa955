/**
 * Property: whatever the text, the importer's MDX parses as the build parses it and renders the same characters.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { renderBody as renderBody_ } from '../../helpers/render-body.ts';
import { parse as parseYaml } from 'yaml';
import { ImportError, importText } from '../../../src/lib/importer/index.ts';
import { normaliseText } from '../../../src/lib/importer/normalise.ts';

/** Renders an importer MDX body as the build reads it (Sätteri's parse, our passage-id plugin). */
async function renderBody(mdx: string): Promise<string> {
  return renderBody_(mdx.slice(mdx.indexOf('\n---\n', 4) + 5)).text;
}

const squeeze = (text: string) => text.replace(/\s+/gu, '');

/** Pieces of text that MDX, Markdown or GFM could read as syntax. */
const hostile = fc.constantFrom(
  '{', '}', '<', '>', '</', '/>', '{x}', '<b>', '<!--', '-->', 'import x from "y"', 'export const a = 1',
  'export default 1', '#', '## ', '---', '***', '===', '1.', '2)', '- ', '+ ', '* ', '*', '_', '__', '`', '```',
  '[', ']', '](', ')', '![', '!', '&amp;', '&#123;', '&', '\\', '^', ' ^x', '^a-b', '|', '~', '~~', ':',
  'http://x.y', 'www.x.org', 'a@b.co', '$', '%', '"', "'", '\u00a0', '    ', '\t', '“', '’', '—', 'Ω', '𝔘', '👍🏽',
);
const word = fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 8 }), hostile, fc.constantFrom('NATO', 'Belarus', 'treaty', 'the'));
const line = fc
  .tuple(fc.array(word, { minLength: 1, maxLength: 12 }), fc.constantFrom(' ', ''))
  .map(([words, separator]) => words.join(separator));
const text = fc
  .array(fc.tuple(line, fc.constantFrom('\n', '\n\n', '\n\n\n', '\r\n')), { minLength: 2, maxLength: 12 })
  .map((lines) => lines.map(([l, end]) => l + end).join(''));

describe('importer properties', () => {
  it('turns any text into MDX that compiles and renders the same characters', async () => {
    let rendered = 0;
    await fc.assert(
      fc.asyncProperty(text, async (raw) => {
        let result;
        try {
          result = importText(raw, { sourceFile: 'random.txt', controls: 'strip' });
        } catch (error) {
          // A text that is empty, or only a title, gets a clear error; anything else is a failure.
          expect(error).toBeInstanceOf(ImportError);
          expect((error as Error).message).toMatch(/is empty|has a title but no body|cannot make a slug/);
          return;
        }
        const frontmatter = parseYaml(result.mdx.slice(4, result.mdx.indexOf('\n---\n', 4)));
        expect(frontmatter.titleAsReceived).toBe(result.frontmatter.titleAsReceived);
        expect(frontmatter.headerAsReceived).toEqual(result.frontmatter.headerAsReceived);
        const body = await renderBody(result.mdx);
        const expected = squeeze(normaliseText(raw, 'random.txt', 'strip').text);
        const actual = squeeze([result.frontmatter.titleAsReceived, ...result.frontmatter.headerAsReceived, body].join(' '));
        expect(actual).toBe(expected);
        rendered++;
      }),
      { numRuns: 300, seed: 20261122 },
    );
    // Most generated texts must reach the renderer, or the property tests little.
    expect(rendered).toBeGreaterThan(200);
  }, 120_000);
});
