/**
 * remark-guard: the first plugin of the pipeline, which refuses what must never reach a page, with
 * the file, the line and a fix, before anything else reads the tree.
 *
 * - Characters that cannot be shown as text (C0 and C1 controls, noncharacters, bidirectional
 *   overrides and isolates, which can make a page show words in another order than it stores
 *   them), anywhere in the file, front matter included: they would pass straight into the HTML and
 *   the page's <title>.
 * - Code. In MDX a line that begins with `import` or `export` is JavaScript, and `{…}` is a
 *   JavaScript expression, even in what was meant as text; an article carries no code, and only
 *   the edition's own components (<Passage>, <Note>, <Source>, <Term>, <NoTerm>).
 * - What a plain-text source cannot have, in a text's own words: emphasis, code, images, links on
 *   words and footnotes. The word-for-word check compares words and passes them.
 * - Structures nested deeper than any text needs: a few hundred levels of quotation make the
 *   bundler crash with a bare segmentation fault, long after this point.
 */
import type { Root } from 'mdast';
import type { Node, Parent } from 'unist';
import type { Plugin } from 'unified';
import type { VFile } from 'vfile';
import { readFileSync } from 'node:fs';
import { findUnsafeCharacters } from '../lib/importer/normalise.ts';
import { failOnProblems, type ContentProblem } from './content-errors.ts';
import { isArticleFile } from './kit.ts';
import { ALLOWED_COMPONENTS, meantComponent } from '../lib/components.ts';
import { COMMENT_FIX } from '../compiler/parse.ts';
import type { MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import { isWebAddress } from '../lib/urls.ts';

/** "Did you mean <Passage>? " for a misspelt or lower-case component (src/lib/components.ts), or the empty string. */
function didYouMeanComponent(name: string | null | undefined): string {
  const meant = meantComponent(name);
  return meant ? `did you mean \`<${meant}>\`? Otherwise, ` : '';
}

/** Markdown formatting a plain-text source cannot carry, by node type, as an editor would name it. */
const FORMATTING: Record<string, string> = {
  emphasis: 'emphasis (`*…*` or `_…_`)',
  strong: 'bold (`**…**`)',
  delete: 'struck text (`~~…~~`)',
  inlineCode: 'code (`` `…` ``)',
  code: 'a code block (four spaces or ``` at the start of a line)',
};

/** The words of a node, without marks. */
function plainText(node: Node): string {
  const value = (node as { value?: unknown }).value;
  if (typeof value === 'string') return value;
  return ((node as Partial<Parent>).children ?? []).map(plainText).join('');
}

/**
 * Whether a link is an address the text writes out (`https://…`, `www.…`, an email address), which
 * Markdown makes a link of, rather than words an editor linked.
 *
 * @example writtenOut(link('www.nato.int', 'http://www.nato.int')) // true
 */
function writtenOut(link: Parent, url: string): boolean {
  const words = plainText(link);
  return words === url || `http://${words}` === url || `https://${words}` === url || `mailto:${words}` === url;
}

/** How deep quotations, lists and elements may nest. */
export const MAX_DEPTH = 32;

/** The file as it is on disk (front matter included), or the text the processor was given. */
function rawText(file: VFile): string {
  const path = file.history[0];
  if (path) {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      // A file that exists only in memory (tests): its value is all there is.
    }
  }
  return String(file.value ?? '');
}

function characterProblems(file: VFile): ContentProblem[] {
  // Only an article's text comes from an imported source; a glossary entry is written by hand.
  const imported = isArticleFile(file.history[0] ?? '');
  return findUnsafeCharacters(rawText(file)).map((found): ContentProblem => {
    const place = { start: { line: found.line, column: found.column }, end: { line: found.line, column: found.column + 1 } };
    // A byte-order mark that begins the file is the editor's, saving "UTF-8 with BOM", not the
    // source's: the importer drops one that begins a source.
    if (found.char === '\uFEFF' && found.line === 1 && found.column === 1) {
      return {
        ruleId: 'byte-order-mark',
        reason: 'a byte-order mark (U+FEFF) begins the file',
        fix: 'save the file as UTF-8 without a byte-order mark (in the editor’s encoding menu, “UTF-8”, not “UTF-8 with BOM”), or delete the invisible first character of the file.',
        place,
      };
    }
    return {
      ruleId: 'unsafe-character',
      reason: `${found.label} ${found.codePoint}, which cannot be shown as text`,
      fix: imported ? 'delete it (if it came with the source text, re-import it with `npm run import -- --strip-controls`, which records what was removed).' : 'delete it.',
      place,
    };
  });
}

/** The first node nested deeper than MAX_DEPTH, found without recursion (the tree may be very deep). */
function tooDeep(tree: Root): Node | undefined {
  const stack: [Node, number][] = [[tree, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > MAX_DEPTH) return node;
    const children = (node as Partial<Parent>).children;
    if (children) for (let index = children.length - 1; index >= 0; index--) stack.push([children[index]!, depth + 1]);
  }
  return undefined;
}

/**
 * An attribute written twice on one component (`<Note id="a" kind="context" kind="aftermath">`):
 * MDX keeps both, and which one a page would use is not for it to guess.
 */
function duplicateAttributes(element: MdxJsxFlowElement | MdxJsxTextElement): ContentProblem[] {
  const byName = new Map<string, (typeof element.attributes)[number][]>();
  for (const attribute of element.attributes) {
    if (attribute.type === 'mdxJsxAttribute') byName.set(attribute.name, [...(byName.get(attribute.name) ?? []), attribute]);
  }
  return [...byName].flatMap(([name, written]): ContentProblem[] => {
    if (written.length < 2) return [];
    const values = written.flatMap((attribute) => (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string' ? [`\`${name}="${attribute.value}"\``] : []));
    const times = written.length === 2 ? 'twice' : `${written.length} times`;
    return [
      {
        ruleId: 'duplicate-attribute',
        reason: `the <${element.name ?? ''}> has \`${name}\` ${times}${values.length > 1 ? ` (${values.join(', ')})` : ''}`,
        fix: 'keep the one you mean and delete the others: a component takes each attribute once.',
        place: written[1]!.position ?? element.position,
      },
    ];
  });
}

function codeProblems(tree: Root, glossary: boolean): ContentProblem[] {
  const problems: ContentProblem[] = [];
  // A <Term> of a glossary entry named, whose closing tag is not named again.
  let termOpen = false;
  // With each node, the id of the note it is in ('' for a note without one), or false, and its parent.
  const stack: [Node, string | false, Node | undefined][] = [[tree, false, undefined]];
  while (stack.length > 0) {
    const [node, inNote, parent] = stack.pop()!;
    const place = node.position;
    const name = (node as { name?: string | null }).name;
    const url = String((node as { url?: string }).url ?? '');
    const id = (node as { attributes?: { type: string; name?: string; value?: unknown }[] }).attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id')?.value;
    if (node.type === 'link' && inNote === false && !/^(https?:|mailto:)/.test(url)) {
      // Links of the edition (passage:, article:, note:, term:) are checked and rewritten in notes.
      problems.push({
        ruleId: 'text-link',
        reason: `a ${node.type} to \`${url}\` in the ${glossary ? 'glossary entry' : 'text'}`,
        fix: glossary
          ? `a glossary entry links only full addresses (\`[words](https://…)\`); to link ${url.startsWith('term:') ? `the entry \`${url.slice(5)}\`` : 'another entry'} from this one, add its id to \`related:\` in the front matter and write the words plainly.`
          : 'a text is reproduced as received: put links to the edition in a <Note>, link a term with <Term id="…">, or escape the bracket as `\\[` if it is text.',
        place,
      });
    }
    // The text is a plain-text file: a link or an image in it is an editor's addition, which the
    // word-for-word check passes (it compares the words, and an image's alt text can be the words).
    // An address written out in the text (`https://…`, `www.…`) is its own link.
    if (inNote === false && node.type === 'image') {
      problems.push({
        ruleId: 'text-image',
        reason: glossary ? `an image (\`${url}\`) in the glossary entry` : `an image (\`${url}\`) in the text, which its plain-text source cannot have`,
        fix: glossary
          ? 'no page of the edition loads anything from another site, and an entry shows no images: link the page that shows it instead, as `[words](https://…)`.'
          : 'a text is reproduced as received, and no page of the edition loads anything from another site: delete the image and keep its words as text (`![words](…)` → `words`); to point readers at a picture, link its page in a <Note>.',
        place,
      });
    } else if (!glossary && inNote === false && node.type === 'link' && /^(https?:|mailto:)/.test(url) && !writtenOut(node as Parent, url)) {
      problems.push({
        ruleId: 'text-link',
        reason: `a link to \`${url}\` on the words “${plainText(node)}” in the text, which its plain-text source cannot have`,
        fix: 'a text is reproduced as received: write the words plainly (`[words](…)` → `words`) and put the address in a <Note> on them, as `[words](https://…)` or a <Source>.',
        place,
      });
    }
    // The same written by reference (`![words][x]`, `[words][x]` with `[x]: https://…` below): the
    // definition is what carries the address.
    if (inNote === false && (node.type === 'imageReference' || (!glossary && node.type === 'linkReference'))) {
      const label = String((node as { label?: string; identifier?: string }).label ?? (node as { identifier?: string }).identifier ?? '');
      problems.push({
        ruleId: node.type === 'imageReference' ? 'text-image' : 'text-link',
        reason: `${node.type === 'imageReference' ? 'an image' : `a link on the words “${plainText(node)}”`} by reference (\`[${label}]\`) in the ${glossary ? 'glossary entry' : 'text, which its plain-text source cannot have'}`,
        fix: `delete it and its \`[${label}]: …\` line, keeping the words as text; ${glossary ? 'an entry shows no images' : 'a text is reproduced as received: put the address in a <Note>'}.`,
        place,
      });
    }
    if (!glossary && (node.type === 'footnoteReference' || node.type === 'footnoteDefinition')) {
      const label = String((node as { label?: string; identifier?: string }).label ?? (node as { identifier?: string }).identifier ?? '');
      problems.push({
        ruleId: 'footnote',
        reason: `a footnote${node.type === 'footnoteDefinition' ? ' text' : ''} \`[^${label}]\` ${inNote === false ? 'in the text' : `in the note \`${inNote}\``}, which the page would show as part of the text`,
        fix:
          inNote === false
            ? 'a text is reproduced as received, and the edition speaks only in its notes: delete the footnote and say it in a <Note> on the passage.'
            : 'a note has no footnotes: say it in the note\'s own words, and cite the page with a <Source>.',
        place,
      });
    }
    // `[words](https://)`, `(https://unian/…)`: an address with no site, or a site's name without its domain.
    if (node.type === 'link' && /^https?:/i.test(url) && !isWebAddress(url)) {
      problems.push({
        ruleId: 'link-address',
        reason: `a link to \`${url}\`, which is no page's full address`,
        fix: "copy the page's whole address from the browser, e.g. `https://www.example.org/news/2021/04/story`.",
        place,
      });
    }
    if (node.type === 'image' && inNote !== false) {
      problems.push({
        ruleId: 'note-image',
        reason: `an image (\`${url}\`) in the note \`${inNote}\``,
        fix: 'a note shows no images, and no page of the edition loads anything from another site: link the page that shows it instead, as `[words](https://…)`.',
        place,
      });
    }
    if (node.type === 'heading' && inNote !== false) {
      problems.push({
        ruleId: 'note-heading',
        reason: `a heading (\`${'#'.repeat((node as { depth?: number }).depth ?? 2)} \`) in the note \`${inNote}\`: the page's headings are the text's and the edition's, and a note's would break their outline`,
        fix: 'make it the first words of a paragraph (in bold, `**Background.**`, if it must stand out), or leave it out.',
        place,
      });
    }
    if (node.type === 'text' && inNote !== false) {
      // `[words](note: id)`: a space after the scheme's colon makes Markdown leave the link as text.
      const broken = /\]\(\s*(note|term|passage|article)\s*:\s+[^)]*\)|\]\(\s+(note|term|passage|article):[^)]*\)/.exec(String((node as { value?: string }).value ?? ''));
      if (broken) {
        problems.push({
          ruleId: 'broken-link',
          reason: `\`${broken[0].slice(1)}\` in the note \`${inNote}\` is not a link: Markdown reads a link's address only without spaces`,
          fix: `write it without spaces, as \`(${broken[1] ?? broken[2]}:${broken[0].replace(/^\]\(\s*\w+\s*:\s*|\)$/g, '').trim()})\`.`,
          place,
        });
      } else {
        // `[words](https://… with a space)` or `[words][ref]`: Markdown left it as text, brackets and all,
        // and readers would see them.
        const unread = /\[([^\]\n]*)\](\(|\[)/.exec(String((node as { value?: string }).value ?? ''));
        if (unread) {
          problems.push({
            ruleId: 'broken-link',
            reason: `\`[${unread[1]}]${unread[2]}\` in the note \`${inNote}\` is not a link: Markdown reads \`[words](address)\` as a link only when the address has no space${unread[2] === '[' ? ', and the edition has no \`[words][name]\` links' : ''}`,
            fix: 'write it as `[words](https://…)`, the whole address without spaces (a space in an address is `%20`), or take the brackets out.',
            place,
          });
        }
      }
    }
    // The text is the source's, a plain-text file: emphasis, bold, struck or code text in it is an
    // editor's addition, which the word-for-word check (it compares words) cannot see.
    if (!glossary && inNote === false && FORMATTING[node.type]) {
      problems.push({
        ruleId: 'text-formatting',
        reason: `${FORMATTING[node.type]} in the text, which its plain-text source cannot have`,
        fix:
          node.type === 'code'
            ? 'a text is reproduced as received: remove the indentation (or the ``` lines) that makes these lines code, so that they are paragraphs of the text.'
            : 'a text is reproduced as received: remove the marks (`*`, `_`, `~` or backticks); if the source has these characters as text, escape each with `\\` (as `npm run import` does). To stress something, say so in a <Note>.',
        place,
      });
    }
    if (node.type === 'mdxjsEsm') {
      const word = /^\s*(import|export)/.exec(String((node as { value?: string }).value ?? ''))?.[1] ?? 'import';
      problems.push({
        ruleId: 'mdx-code',
        reason: `a line beginning with \`${word}\`, which MDX runs as JavaScript`,
        fix: `if it is text, write its first letter as a character reference (\`&#${word.charCodeAt(0)};${word.slice(1)} …\`), as \`npm run import\` does; an article carries no code.`,
        place,
      });
    } else if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
      const comment = /^\s*\/\*[^]*\*\/\s*$/.test(String((node as { value?: string }).value ?? ''));
      problems.push({
        ruleId: 'mdx-code',
        reason: comment ? 'a comment `{/* … */}`, which MDX reads as a JavaScript expression' : '`{…}`, which MDX runs as a JavaScript expression',
        fix: comment
          ? COMMENT_FIX
          : 'if it is text, escape the brace as `\\{`; an article carries no code.',
        place,
      });
    } else if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      problems.push(...duplicateAttributes(node as MdxJsxFlowElement | MdxJsxTextElement));
      const label = typeof id === 'string' ? `the <Note> \`${id}\`` : 'a <Note>';
      if (name === 'Source' && inNote === false) {
        problems.push({
          ruleId: 'source-outside-note',
          reason: 'a <Source> outside a note',
          fix: 'a source belongs to the note whose words it supports: move it inside that <Note>, on a line of its own before </Note>.',
          place,
        });
      } else if (name === 'Note' && inNote !== false) {
        problems.push({
          ruleId: 'note-placement',
          reason: `${label} inside the note \`${inNote}\``,
          fix: `close the note \`${inNote}\` with </Note> first: notes follow one another, each after the paragraph of its passage.`,
          place,
        });
      } else if (name === 'Source' && (node.type === 'mdxJsxTextElement' || (parent as { name?: string } | undefined)?.name?.toLowerCase() !== 'note')) {
        problems.push({
          ruleId: 'source-placement',
          reason: `a <Source> ${node.type === 'mdxJsxTextElement' ? 'within a line of text' : 'inside a list or quotation'} of the note \`${inNote}\``,
          fix: 'put each <Source … /> on a line of its own, directly inside the <Note>, after the note\'s text and before </Note>.',
          place,
        });
      } else if ((name === 'Term' || name === 'NoTerm' || name === 'Passage') && inNote !== false) {
        problems.push({
          ruleId: 'note-component',
          reason: `a <${name}> inside the note \`${inNote}\`, where the edition's own words are`,
          fix:
            name === 'Term'
              ? `link the words to the glossary entry as \`[words](term:${typeof id === 'string' ? id : 'id'})\`.`
              : name === 'NoTerm'
                ? 'delete the <NoTerm> tags: a note links a term only where you link it with `[words](term:id)`.'
                : 'mark passages in the text, not in a note: to point at one, link it as `[words](passage:<article>#<paragraph-id>)`.',
          place,
        });
      } else if (name === 'Note' && node.type === 'mdxJsxTextElement') {
        problems.push({
          ruleId: 'note-placement',
          reason: `${label} inside a paragraph`,
          fix: 'put the note on lines of its own after the paragraph of its passage, with a blank line before <Note …> and </Note> on a line of its own; mark its words with <Passage note="…">.',
          place,
        });
      }
      if (!ALLOWED_COMPONENTS.has(name ?? '')) {
        problems.push({
          ruleId: 'mdx-element',
          reason: name ? `the element \`<${name}>\`, which an article may not use` : 'a fragment `<>`, which an article may not use',
          fix: `${didYouMeanComponent(name)}if it is text, escape the bracket as \`\\<\`; the components an article may use are ${[...ALLOWED_COMPONENTS].map((c) => `<${c}>`).join(', ')}.`,
          place,
        });
      }
    } else if (node.type === 'html') {
      // A glossary entry is Markdown, where the articles' <Term> is raw HTML: its link is Markdown's.
      const html = String((node as { value?: string }).value ?? '');
      const term = /^<Term\b[^>]*\bid=["']([^"']*)["']/.exec(html);
      // Its closing tag is part of the same slip, named once at the opening one.
      if (/^<\/Term>/.test(html) && termOpen) {
        termOpen = false;
        continue;
      }
      if (term) termOpen = true;
      problems.push(
        term
          ? { ruleId: 'raw-html', reason: 'a <Term> element, which a glossary entry does not read (it is Markdown, not MDX)', fix: `write the words plainly, and add \`${term[1]}\` to \`related:\` in the front matter to link that entry from this one.`, place }
          : { ruleId: 'raw-html', reason: 'raw HTML, which is not reproduced as text', fix: 'if it is text, escape the bracket as `\\<`.', place },
      );
    }
    const children = (node as Partial<Parent>).children;
    // (A <note> in lower case, refused as such, holds a note's contents all the same: its sources are not also "outside a note".)
    const inside = inNote !== false ? inNote : name?.toLowerCase() === 'note' ? (typeof id === 'string' ? id : '') : false;
    if (children) for (let index = children.length - 1; index >= 0; index--) stack.push([children[index]!, inside, node]);
  }
  return problems;
}

export const remarkGuard: Plugin<[], Root> = function () {
  return (tree: Root, file: VFile) => {
    const problems = characterProblems(file);
    const deep = tooDeep(tree);
    if (deep) {
      problems.push({
        ruleId: 'too-deep',
        reason: `quotations, lists or elements nested more than ${MAX_DEPTH} deep`,
        fix: `nest at most ${MAX_DEPTH} levels; so deep a structure is almost certainly a copying fault (a run of \`>\` at a line's start): flatten it or escape the first \`>\` as \`\\>\`.`,
        place: deep.position,
      });
    } else {
      // A glossary entry (Markdown) links other entries through its front matter, not in its text.
      problems.push(...codeProblems(tree, /\.md$/.test(file.history[0] ?? '')));
    }
    failOnProblems(file, 'remark-guard', problems);
  };
};
