/**
 * The kinds of note the edition writes, and what each is called, looks like and means in the
 * W3C Web Annotation vocabulary. The set is closed: a note of another kind fails the build.
 */

export const NOTE_KINDS = ['context', 'fact-check', 'correction', 'discrepancy', 'aftermath', 'copy'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];

export function isNoteKind(value: string): value is NoteKind {
  return (NOTE_KINDS as readonly string[]).includes(value);
}

/** What readers see as the kind's name. */
export const NOTE_KIND_LABELS: Record<NoteKind, string> = {
  context: 'Context',
  'fact-check': 'Fact-check',
  correction: 'Correction',
  discrepancy: 'Discrepancy between sources',
  aftermath: 'What happened next',
  copy: 'Note on the copy',
};

/**
 * How a title names a note of each kind and what it is on, and how a sentence names its kind: the
 * kind's label does not always take "note" after it (“Note on the copy note on …”).
 *
 * @example noteTitle('copy', '“While they NATO…”') // 'Note on the copy at “While they NATO…”'
 * @example noteTitle('aftermath', '“recently offered…”') // 'Note on what happened after “recently offered…”'
 * @example noteTitle('fact-check', '“35 nations”', 'imprecise') // 'Fact-check (imprecise) of “35 nations”'
 */
const NOTE_KIND_TITLES: Record<NoteKind, readonly [noun: string, preposition: string, phrase: string]> = {
  context: ['Context note', 'on', 'a context note'],
  'fact-check': ['Fact-check', 'of', 'a fact-check'],
  correction: ['Correction note', 'on', 'a correction note'],
  discrepancy: ['Discrepancy note', 'on', 'a note on a discrepancy between sources'],
  aftermath: ['Note on what happened', 'after', 'a note on what happened next'],
  copy: ['Note on the copy', 'at', 'a note on the copy'],
};

/** The kind of note as a phrase in a sentence: “a fact-check”, “a note on what happened next”. */
export function noteKindPhrase(kind: NoteKind): string {
  return NOTE_KIND_TITLES[kind][2];
}

export function noteTitle(kind: NoteKind, what: string, finding?: string): string {
  const [noun, preposition] = NOTE_KIND_TITLES[kind];
  return `${noun}${finding ? ` (${finding})` : ''} ${preposition} ${what}`;
}

/** One line on what each kind is for, shown in the notes index. */
export const NOTE_KIND_DESCRIPTIONS: Record<NoteKind, string> = {
  context: 'What a claim, name or event refers to, as the record stood at the time.',
  'fact-check': 'A figure or statement checked against the record.',
  correction: 'A statement of fact that the record contradicts, and what the record shows.',
  discrepancy: 'Where two texts of the edition, or two parts of one, disagree.',
  aftermath: 'What happened after the text was written, with dates.',
  copy: 'What is wrong with this copy of the text, compared with its original.',
};

/**
 * The W3C Web Annotation motivation of each kind. A correction is `bl:correcting`, declared in the
 * edition's JSON-LD context as narrower than `oa:assessing` (the vocabulary's extension mechanism).
 */
export const NOTE_MOTIVATIONS: Record<NoteKind, string> = {
  context: 'describing',
  'fact-check': 'assessing',
  correction: 'bl:correcting',
  discrepancy: 'linking',
  aftermath: 'describing',
  copy: 'commenting',
};

/**
 * A small icon per kind (24×24 SVG path data), so that kinds are told apart by shape as well as
 * colour: i in a circle, a pair of scales, a pencil, two arrows, an arrow forward, a page.
 *
 * A fact-check is drawn as scales, the statement weighed against the record, and not as a tick:
 * the icon is the kind's, shown beside every finding, and a tick beside “Contradicted by the
 * record” would say the opposite of the note (most of the edition's fact-checks find something
 * other than “Matches the record”). The finding itself is said in words, never by the icon.
 */
export const NOTE_KIND_ICONS: Record<NoteKind, string> = {
  context: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm0 4.5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3zM10.5 11h3v7h-3z',
  'fact-check': 'M11 2h2v17h-2zM3 5h18v2H3zM6 19h12v2H6zM5.5 7 1.8 13.5h1.8l1.9-3.6 1.9 3.6h1.8zM18.5 7l-3.7 6.5h1.8l1.9-3.6 1.9 3.6h1.8zM1.5 13.5h8a4 3.5 0 0 1-8 0zM14.5 13.5h8a4 3.5 0 0 1-8 0z',
  correction: 'M3 17.2V21h3.8L17.9 9.9l-3.8-3.8zM20.7 7a1 1 0 0 0 0-1.4l-2.3-2.3a1 1 0 0 0-1.4 0l-1.8 1.8 3.8 3.8z',
  discrepancy: 'M7 7h11l-3-3 1.4-1.4L21.8 8l-5.4 5.4L15 12l3-3H7zm10 10H6l3 3-1.4 1.4L2.2 16l5.4-5.4L9 12l-3 3h11z',
  aftermath: 'M4 11h12.2l-5.6-5.6L12 4l8 8-8 8-1.4-1.4 5.6-5.6H4z',
  copy: 'M6 2h9l5 5v15H6zm8 1.5V8h4.5zM8.5 12v1.8h9V12zm0 4v1.8h9V16z',
};

/** Each kind's colour in the light theme, for share images (the site's colours are in CSS). */
export const NOTE_KIND_COLORS: Record<NoteKind, string> = {
  context: '#1f5f99',
  'fact-check': '#2d6a35',
  correction: '#a3341d',
  discrepancy: '#6c3d91',
  aftermath: '#0f6468',
  copy: '#6b5a2e',
};
