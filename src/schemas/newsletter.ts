/**
 * The editorial file of one monthly newsletter (`content/newsletters/2018-08.md`).
 * The Markdown body is the editorial introduction; every other item of the issue is
 * assembled from the other collections (`src/lib/newsletter/`). Under `sections`, the editor
 * adds a note to a section, and leaves out or moves up any item by its key
 * (docs/newsletter.md lists the keys).
 */
import { z } from 'astro/zod';
import { line, plainDate, type RefFactory } from './primitives.ts';

/** The key of an item of the issue: `news/<id>`, `modification/<id>`, `meeting/<id>`, `calendar`… */
const itemKey = z
  .string({ error: 'expected the key of an item, e.g. news/2018-08-newsletter-changes' })
  .trim()
  .regex(/^[a-z][a-z-]*(\/[^\s/]+)*$/i, 'expected the key of an item, e.g. news/2018-08-newsletter-changes');

/** What the editor changes in one section of the issue. */
const sectionOptions = z.strictObject({
  /** A note in Markdown, shown under the section's heading. */
  note: z.string().trim().min(1, 'must not be empty: leave the note out instead').optional(),
  /** Keys of items to leave out of this issue. */
  exclude: z.array(itemKey).default([]),
  /** Keys of items to put first, in this order, among the items listed with them. */
  order: z.array(itemKey).default([]),
});

/** The sections an editor can adjust, in the order of the issue. */
export const NEWSLETTER_SECTIONS = ['editorial', 'contents', 'governance', 'change', 'information'] as const;

export function newsletterSchema(ref: RefFactory) {
  const featured = z.union(
    [
      z.strictObject({ /** A news article. */ news: ref('news') }),
      z.strictObject({ /** A modification. */ modification: ref('modifications') }),
    ],
    { error: 'expected `news: <slug>` or `modification: <id>`' },
  );
  return z.strictObject({
    /** Title, also the email subject: “SEC Newsletter August 2018”. */
    title: line,
    /** The day it is sent; must fall in the month of its file name. */
    issueDate: plainDate,
    /** The line mail clients show after the subject. */
    preheader: line,
    /** Who signs the editorial. */
    signedBy: z.strictObject({
      /** Name. */
      name: line,
      /** Role and organisation. */
      role: line,
    }),
    /** Articles the editor leads with, in order. */
    featured: z.array(featured).default([]),
    /** Notes, exclusions and order per section (`editorial`, `contents`, `governance`, `change`, `information`). */
    sections: z
      .strictObject({
        /** The introduction and featured articles. */
        editorial: sectionOptions.prefault({}),
        /** “Also in this edition”. */
        contents: sectionOptions.prefault({}),
        /** SEC governance: the Panel, its Sub-Committees and their news. */
        governance: sectionOptions.prefault({}),
        /** Change update: the month's Modification Proposals. */
        change: sectionOptions.prefault({}),
        /** Information and consultations. */
        information: sectionOptions.prefault({}),
      })
      .prefault({}),
  });
}
