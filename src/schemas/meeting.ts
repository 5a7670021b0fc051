/**
 * A meeting of a body, held or scheduled (`content/meetings/2018-08-10-sec-panel.md`).
 * The Markdown body holds its headlines.
 */
import { z } from 'astro/zod';
import { dateTime, documentSchema, line, type RefFactory } from './primitives.ts';

export const MEETING_STATUSES = ['scheduled', 'held', 'cancelled'] as const;

export function meetingSchema(ref: RefFactory) {
  return z.strictObject({
    /** The body that meets. */
    body: ref('bodies'),
    /** A name other than “<body> meeting <number>”, e.g. “Modifications Question Hour”. */
    title: line.optional(),
    /** The body's running number for the meeting: SEC Panel meeting 60. */
    number: z.number().int().positive().optional(),
    /** When it starts, Europe/London; a day alone where the time is not published. */
    date: dateTime,
    /** When it ends, Europe/London. */
    end: dateTime.optional(),
    /** Where: an address, “Teleconference”… */
    location: line.optional(),
    /** Scheduled or held is derived from the date when left out; cancelled must be said. */
    status: z.enum(MEETING_STATUSES).optional(),
    /** Modifications discussed. */
    modifications: z.array(ref('modifications')).default([]),
    /** Agenda, headlines, minutes and papers. */
    documents: z.array(documentSchema).default([]),
  });
}
