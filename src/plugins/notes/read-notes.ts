/**
 * Job 2 of remark-notes: each <Note> read and checked on its own: id, kind, dates, what changed,
 * attributes, sources and body.
 */
import type { Root, RootContent } from 'mdast';
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx';
import { toString } from 'mdast-util-to-string';
import { idFault, isKebabId } from '../../lib/ids.ts';
import { isNoteKind, NOTE_KINDS, type NoteKind } from '../../lib/notes.ts';
import { FINDINGS, isFinding, type Finding } from '../../lib/findings.ts';
import { didYouMean } from '../../lib/suggest.ts';
import { orderProblem, pastDayProblem } from '../../lib/dates.ts';
import { listOf } from '../../lib/edition-summary.ts';
import { attributes, expressionFix } from '../kit.ts';
import type { NoteSource } from '../remark-notes.ts';
import type { Report } from './passages.ts';
import { isWebAddress } from '../../lib/urls.ts';

/** The attributes a <Note> takes. */
const NOTE_ATTRIBUTES = ['id', 'kind', 'added', 'updated', 'change', 'finding'];
/** The attributes a <Source> takes. */
const SOURCE_ATTRIBUTES = ['title', 'url', 'date', 'verified'];

/**
 * The attributes of a component that it does not take, each with its fix: a misspelt attribute
 * would otherwise be read as a missing one (`verifed` gave "has no date of verification").
 *
 * @example unknownAttributes(new Map([['verifed', '2026-12-03']]), SOURCE_ATTRIBUTES)
 * // [{ name: 'verifed', fix: 'use title, url, date and verified. Did you mean `verified`?' }]
 */
function unknownAttributes(values: ReadonlyMap<string, string>, allowed: readonly string[]): { name: string; fix: string }[] {
  return [...values.keys()].filter((name) => !allowed.includes(name)).map((name) => ({ name, fix: `use ${listOf(allowed)}.${didYouMean(name, allowed)}` }));
}

/** A note as read. */
export interface FoundNote {
  element: MdxJsxFlowElement;
  /** Index of the note among the tree's top-level nodes. */
  top: number;
  id: string;
  kind: NoteKind;
  added: string;
  updated?: string;
  change?: string;
  /** What a fact-check note found (src/lib/findings.ts). */
  finding?: Finding;
  sources: NoteSource[];
  body: RootContent[];
}

/** The notes of `tree`, in document order. A note of an unknown kind is reported and read as context, so one mistake gives one message. */
export function readNotes(tree: Root, problem: Report): FoundNote[] {
  const notes: FoundNote[] = [];
  tree.children.forEach((top, topIndex) => {
    if (top.type !== 'mdxJsxFlowElement' || top.name !== 'Note') return;
    const { values, expressions } = attributes(top);
    const id = values.get('id') ?? '';
    const label = id ? `note \`${id}\`` : 'a <Note>';
    if (expressions.length > 0) {
      problem('note-attribute-expression', top.position, `${label} has an attribute written as an expression (${expressions.join(', ')})`, expressionFix(values, expressions, 'kind="context"'));
    }
    if (!isKebabId(id) || id.length > 64) {
      problem('invalid-note-id', top.position, id ? `${label}: the id is not valid (${idFault(id)})` : 'a <Note> has no id', 'give it an id of lowercase letters, digits and hyphens, at most 64 characters, e.g. id="union-state-date"; it is the note\'s permanent address.');
    }
    const kind = values.get('kind') ?? '';
    if (!isNoteKind(kind)) {
      problem(
        'unknown-note-kind',
        top.position,
        kind ? `${label} has the unknown kind \`${kind}\`` : `${label} has no kind`,
        `use one of ${NOTE_KINDS.map((k) => `\`${k}\``).join(', ')}.${didYouMean(kind, NOTE_KINDS)}`,
      );
    }
    const added = values.get('added') ?? '';
    const addedProblem = added ? pastDayProblem(added) : undefined;
    if (!added || addedProblem) {
      problem('note-date', top.position, added ? `${label}: \`added\`: ${addedProblem}` : `${label} has no date in \`added\``, 'write the day the note was written as added="YYYY-MM-DD".');
    }
    const updated = values.get('updated');
    const updatedProblem = updated === undefined ? undefined : pastDayProblem(updated);
    if (updatedProblem) {
      problem('note-date', top.position, `${label}: \`updated\`: ${updatedProblem}`, 'write the day of the correction as updated="YYYY-MM-DD".');
    }
    const corrected = added && !addedProblem && updated !== undefined && !updatedProblem ? orderProblem(['added', added], ['updated', updated]) : undefined;
    if (corrected) {
      problem('note-date', top.position, `${label}: ${corrected}`, 'a note is corrected after it is written: correct updated="…" (the day of the correction) or added="…" (the day the note was written).');
    }
    if (updated !== undefined && !values.get('change')) {
      problem('note-change', top.position, `${label} is updated but does not say what changed`, 'add change="…": a sentence for readers on what was corrected (see the corrections policy).');
    }
    if (updated === undefined && values.get('change') !== undefined) {
      problem('note-change', top.position, `${label} says what changed (\`change\`) but not when`, 'add updated="YYYY-MM-DD", the day of the correction, and record the earlier wording with `npm run correction -- note:' + (values.get('id') ?? '…') + ' --append`; or delete change="…" if the note was not corrected.');
    }
    const finding = values.get('finding');
    if (kind === 'fact-check' && (finding === undefined || !isFinding(finding))) {
      problem(
        'note-finding',
        top.position,
        finding === undefined ? `fact-check ${label} gives no finding` : `fact-check ${label} has the unknown finding \`${finding}\``,
        `add finding="…", one of ${FINDINGS.map((f) => `\`${f}\``).join(', ')} (defined on the About page).${finding === undefined ? '' : didYouMean(finding, FINDINGS)}`,
      );
    } else if (finding !== undefined && kind !== 'fact-check' && isNoteKind(kind)) {
      problem('note-finding', top.position, `${label} is a ${kind} note with a finding (\`${finding}\`)`, 'only a fact-check note gives a finding: delete finding="…", or make the note kind="fact-check".');
    }
    for (const { name, fix } of unknownAttributes(values, NOTE_ATTRIBUTES)) {
      problem('note-attribute', top.position, `${label} has the unknown attribute \`${name}\``, fix);
    }

    const sources: NoteSource[] = [];
    const body: RootContent[] = [];
    // A source named with a fault: the note has one, and is not told to add one too.
    let badSource = false;
    for (const child of top.children) {
      if (child.type === 'mdxJsxFlowElement' && child.name === 'Source') {
        const { values: source, expressions: sourceExpressions } = attributes(child);
        if (sourceExpressions.length > 0) {
          problem('source-attribute-expression', child.position, `a source of ${label} has an attribute written as an expression (${sourceExpressions.join(', ')})`, expressionFix(source, sourceExpressions, 'verified="2026-12-03"'));
        }
        for (const { name, fix } of unknownAttributes(source, SOURCE_ATTRIBUTES)) {
          problem('source-attribute', child.position, `a source of ${label} has the unknown attribute \`${name}\``, fix);
        }
        const title = source.get('title')?.trim() ?? '';
        const url = source.get('url')?.trim() ?? '';
        const date = source.get('date')?.trim();
        const verified = source.get('verified')?.trim();
        const valid = isWebAddress(url);
        // A page's date is a day it was published: one to come, or one after an editor read it, is a slip.
        const dateProblem = date === undefined ? undefined : pastDayProblem(date, new Date(), { partial: true });
        const verifiedProblem = verified === undefined ? undefined : pastDayProblem(verified);
        const readEarly = date !== undefined && verified !== undefined && !dateProblem && !verifiedProblem ? orderProblem(['date', date], ['verified', verified]) : undefined;
        if (!title || !valid) {
          badSource = true;
          problem('source-incomplete', child.position, `a source of ${label} has ${!title ? 'no title' : `the address \`${url || '(none)'}\``}`, 'give each source a title and the full http(s) address of a page that says what the note says: <Source title="…" url="https://…" date="YYYY-MM-DD" verified="YYYY-MM-DD" /> (date: the page’s own, where it gives one; verified: the day you read it).');
        } else if (dateProblem) {
          badSource = true;
          problem('source-date', child.position, `a source of ${label}: \`date\`: ${dateProblem}`, 'write the day the page was published as YYYY-MM-DD, YYYY-MM or YYYY, or leave it out.');
        } else if (verifiedProblem) {
          badSource = true;
          problem('source-verified', child.position, `a source of ${label}: \`verified\`: ${verifiedProblem}`, 'write verified="YYYY-MM-DD": the day an editor last opened the page and found it says what the note says.');
        } else if (readEarly) {
          badSource = true;
          problem('source-date', child.position, `a source of ${label}: ${readEarly}`, 'a page is published before it is read: correct date="…" (the day the page was published) or verified="…" (the day you last opened it).');
        } else {
          sources.push({ title, url, ...(date ? { date } : {}), ...(verified ? { verified } : {}) });
        }
      } else {
        body.push(child as RootContent);
      }
    }
    if (sources.length === 0 && !badSource) {
      problem('missing-source', top.position, `${label} cites no source`, 'every note cites at least one source: add <Source title="…" url="https://…" verified="YYYY-MM-DD" /> inside the note (`verified`: the day you read the page; `date`, the page\'s own date, where it gives one).');
    }
    if (body.every((node) => toString(node).trim() === '')) {
      problem('empty-note', top.position, `${label} has no text`, 'write the note between <Note …> and the first <Source>.');
    }
    // A note of an unknown kind is reported above; it is still matched with its passage, so that
    // the one mistake gives one message.
    const change = values.get('change');
    notes.push({ element: top, top: topIndex, id, kind: isNoteKind(kind) ? kind : 'context', added, ...(updated ? { updated } : {}), ...(change ? { change } : {}), ...(finding && isFinding(finding) && kind === 'fact-check' ? { finding } : {}), sources, body });
  });

  return notes;
}
