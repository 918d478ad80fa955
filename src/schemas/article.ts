import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { pastDate } from './dates.ts';
import { isPassageId } from '../lib/ids.ts';
import { OUTLET_KINDS } from '../lib/importer/rules.ts';
import { correctionDay, correctionPair, webAddress } from './glossary.ts';

/** Where the raw source texts are kept, verbatim. */
export const SOURCES_DIR = 'content/sources';

/** How readers see each kind of outlet. */
export const OUTLET_KIND_LABELS: Record<(typeof OUTLET_KINDS)[number], string> = {
  'news-agency': 'News agency',
  'news-site': 'News site',
  blog: 'Blog',
  'advocacy-group': 'Advocacy group',
  forum: 'Forum',
};

/** An outlet that published the original text or one of its pieces. */
export const outletSchema = z
  .object({
    /** The outlet's name. */
    name: z.string().min(1),
    /** What kind of outlet it is. */
    kind: z.enum(OUTLET_KINDS),
    /** Its home page or the original's page, where known. */
    url: webAddress().optional(),
    /**
     * `text` when the copy itself names the outlet; `editors` when the edition identified it from
     * other copies (the provenance box then says how). Default `text`.
     */
    namedBy: z.enum(['text', 'editors']).default('text'),
    /**
     * `false` when the text's headline is not this outlet's words: a forum thread's title stands
     * over the agencies' reports its posts quote, and is attributed to the forum alone. Default
     * `true`: the headline is every outlet's that published the text.
     */
    headline: z.boolean().default(true),
  })
  .strict();

/** One run of lines a furniture rule removed. */
export const occurrenceSchema = z
  .object({
    /** Line or lines of the raw source, `7`, `78–81`, or `12:5` (line and column). */
    lines: z.string().min(1),
    /** The removed text, exactly. */
    text: z.string().min(1),
  })
  .strict();

/** What one furniture rule removed from the raw text, and why. */
export const removalSchema = z
  .object({
    /** Id of the rule in content/import-rules/. */
    rule: z.string().min(1),
    /** Why the lines are not article text, for readers. */
    reason: z.string().min(10),
    /** Each run of removed lines. */
    occurrences: z.array(occurrenceSchema).min(1),
  })
  .strict();

/** A known defect of the copy, kept as received and explained. */
export const defectSchema = z
  .object({
    /** Short name of the defect, e.g. "Paragraphs out of order". */
    title: z.string().min(1),
    /** What is wrong with the copy and what the original has; inline Markdown links allowed. */
    detail: z.string().min(10),
  })
  .strict();

/** A piece of a compilation: the section under one heading, with its own outlet and dateline. */
export const sectionSchema = z
  .object({
    /** Passage id of the section's heading. */
    heading: z.string().refine(isPassageId, { message: 'must be the passage id of a heading' }),
    /**
     * Passage id of the piece's first paragraph when it stands above the heading (a forum member
     * pasted a report's lead above its headline): the piece, its outlet and date begin there.
     */
    lead: z.string().refine(isPassageId, { message: 'must be the passage id of a paragraph' }).optional(),
    /** Name of the piece's outlet, one of the article's `outlets`; omit when not known. */
    outlet: z.string().min(1).optional(),
    /** Author named in the piece's byline, where there is one. */
    author: z.string().min(1).optional(),
    /** Date of the piece. */
    date: pastDate('write the day the piece was published as YYYY-MM-DD'),
    /** The dateline as written, where the piece has one. */
    dateline: z.string().min(1).optional(),
  })
  .strict();

/** Where this copy of the text came from. */
export const copySchema = z
  .object({
    /** File name of the raw text under content/sources/. */
    source: z.string().regex(/^[\w.-]+\.txt$/, 'a file name under content/sources/, e.g. 004_46ac758a32718590.txt'),
    /** Where the copy came from, for readers; inline Markdown links allowed. */
    from: z.string().default(''),
    /** URL of the page the copy was taken from, where known. */
    url: webAddress().optional(),
  })
  .strict();

/** Front matter of an article (`content/articles/<slug>.mdx`). */
export const articleSchema = z
  .object({
    /** Display title. */
    title: z.string().min(1),
    /** The title exactly as the raw text gives it. */
    titleAsReceived: z.string().min(1),
    /** Other header lines of the raw text (byline, date stamp, URL), exactly as received. */
    headerAsReceived: z.array(z.string().min(1)).default([]),
    /** What kind of text this is, in a few words ("News agency report", "Forum thread"). Required once published. */
    form: z.string().min(3).optional(),
    /** Kind of the principal outlet behind the text. Required once published. */
    kind: z.enum(OUTLET_KINDS).optional(),
    /** Outlet or outlets of the original text or texts. */
    outlets: z.array(outletSchema).default([]),
    /**
     * Author or authors, where known, one name a line. A hyphen joins two parts of one name
     * (“Jean-Paul”): one with a space beside it is a typo in a byline or two authors on one line.
     */
    authors: z
      .array(
        z
          .string()
          .min(1)
          .refine((name) => !/\s-|-\s|^-|-$/.test(name.trim()), {
            message: 'a hyphen with a space beside it: write a double name without spaces (“Jean-Paul”), and each author on a line of its own (“- Jane Doe”)',
          }),
      )
      .default([]),
    /** Date or dates of the original text or texts. */
    dates: z.array(pastDate('write each day of publication as YYYY-MM-DD')).default([]),
    /** URL of the original, where known. */
    originalUrl: webAddress().optional(),
    /** Where this copy came from. */
    copy: copySchema,
    /** A short neutral summary: what the text says, not whether it is right. */
    summary: z.string().max(420, 'keep the summary under 420 characters').default(''),
    /** What furniture was removed from the raw text, and why. */
    removed: z.array(removalSchema).default([]),
    /** Known defects of the copy. */
    defects: z.array(defectSchema).default([]),
    /** The pieces of a compilation. */
    sections: z.array(sectionSchema).default([]),
    /**
     * The day of the provenance's latest correction (summary, where the copy came from, defects),
     * `YYYY-MM-DD`, with `change`; its earlier wording is kept in content/corrections.yaml.
     */
    updated: correctionDay.optional(),
    /** What that correction changed: a sentence for readers. */
    change: z.string().min(10).optional(),
    /** A draft is built in development only. */
    draft: z.boolean().default(false),
    /** What remains to finish by hand; must be empty once published. */
    todo: z.array(z.string()).default([]),
  })
  .strict()
  .superRefine((article, ctx) => {
    correctionPair(article, ctx);
    if (!existsSync(join(process.cwd(), SOURCES_DIR, article.copy.source))) {
      ctx.addIssue({
        code: 'custom',
        path: ['copy', 'source'],
        message: `${SOURCES_DIR}/${article.copy.source} does not exist; keep the raw text there, verbatim`,
      });
    }
    const outletNames = new Set(article.outlets.map((outlet) => outlet.name));
    if (article.outlets.length > 0 && article.outlets.every((outlet) => !outlet.headline)) {
      ctx.addIssue({
        code: 'custom',
        path: ['outlets'],
        message: 'every outlet is marked `headline: false`, so the headline would be attributed to none; remove `headline: false` from the outlet whose words the headline is',
      });
    }
    article.sections.forEach((section, index) => {
      if (section.outlet !== undefined && !outletNames.has(section.outlet)) {
        ctx.addIssue({
          code: 'custom',
          path: ['sections', index, 'outlet'],
          message: `“${section.outlet}” is not one of the article's outlets (${[...outletNames].join(', ') || 'none'})`,
        });
      }
    });
    if (article.draft) return;
    const required: [keyof typeof article, boolean, string][] = [
      ['form', article.form === undefined, 'say what kind of text this is (form)'],
      ['kind', article.kind === undefined, 'say what kind of outlet is behind the text'],
      ['outlets', article.outlets.length === 0, 'name at least one outlet'],
      ['dates', article.dates.length === 0, 'give at least one date of the original'],
      ['summary', article.summary.trim() === '', 'write a short neutral summary'],
      ['copy', article.copy.from.trim() === '', 'say where the copy came from (copy.from)'],
      ['todo', article.todo.length > 0, 'finish the items listed under todo, then delete them'],
    ];
    for (const [path, missing, message] of required) {
      if (missing) ctx.addIssue({ code: 'custom', path: [path], message: `${message} before publishing (or keep draft: true)` });
    }
  });

export type Article = z.output<typeof articleSchema>;
export type Outlet = z.output<typeof outletSchema>;
