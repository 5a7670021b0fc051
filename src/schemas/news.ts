/** A dated news item (`content/news/<slug>.md`); the Markdown body is the article. */
import { z } from 'astro/zod';
import { documentSchema, line, plainDate, type RefFactory } from './primitives.ts';

export const NEWS_CATEGORIES = [
  'governance',
  'change',
  'security',
  'events',
  'reminder',
  'dcc',
  'newsletter',
  'general',
] as const;
export type NewsCategory = (typeof NEWS_CATEGORIES)[number];

export function newsSchema(ref: RefFactory) {
  return z.strictObject({
    /** Headline. */
    title: line,
    /** Date published. */
    date: plainDate,
    /** Where it belongs on the site and in the newsletter. */
    category: z.enum(NEWS_CATEGORIES),
    /** One sentence for lists, feeds and search results. */
    summary: z.string().trim().min(1).optional(),
    /** Bodies it concerns. */
    bodies: z.array(ref('bodies')).default([]),
    /** Modifications it concerns. */
    modifications: z.array(ref('modifications')).default([]),
    /** Meetings it concerns. */
    meetings: z.array(ref('meetings')).default([]),
    /** Documents it links to. */
    documents: z.array(documentSchema).default([]),
  });
}
