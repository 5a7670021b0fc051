/**
 * The editorial file of one monthly newsletter (`content/newsletters/2018-08.md`).
 * The Markdown body is the editorial introduction; every other item of the issue is
 * assembled from the other collections.
 */
import { z } from 'astro/zod';
import { line, plainDate, type RefFactory } from './primitives.ts';

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
  });
}
