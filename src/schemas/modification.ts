/**
 * A Modification Proposal: one file per modification, `content/modifications/SECMP0049.md`.
 * Its stage and next key date are derived from the timeline by `src/lib/stage.ts`.
 */
import { z } from 'astro/zod';
import {
  documentSchema,
  eventDate,
  IMPACTED_PARTIES,
  line,
  MODIFICATION_PATHS,
  plainDate,
  type RefFactory,
} from './primitives.ts';

/** `SECMP0049` today; `MP049`/`MP049A` and `DP049` for the forms used after the Section D Review. */
export const MODIFICATION_ID = /^(SECMP\d{4}|MP\d{3}[A-Z]?|DP\d{3})$/;

/** What can happen to a modification, in the words of the Modification Process. */
export const EVENT_TYPES = [
  'raised',
  'imr-presented',
  'refinement-started',
  'dmr-presented',
  'decision-deferred',
  'fmr-issued',
  'change-board-vote',
  'referral-period-ends',
  'sent-to-authority',
  'authority-decision',
  'withdrawn',
  'adoption-window-closes',
  'adopted',
  'implemented',
  'note',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** Outcomes each decision-making event accepts. */
export const EVENT_OUTCOMES = {
  'imr-presented': ['refinement', 'report-phase'],
  'change-board-vote': [
    'approved',
    'rejected',
    'recommended-approval',
    'recommended-rejection',
    'returned-to-panel',
  ],
  'authority-decision': ['approved', 'rejected', 'sent-back'],
} as const satisfies Partial<Record<EventType, readonly string[]>>;

const ALL_OUTCOMES = [...new Set(Object.values(EVENT_OUTCOMES).flat())] as [string, ...string[]];

export function modificationSchema(ref: RefFactory) {
  const event = z
    .strictObject({
      /** What happened. */
      type: z.enum(EVENT_TYPES),
      /** When: a day, a day and time (deadlines), or a month where the day is not recorded. */
      date: eventDate,
      /** The meeting where it happened, if any. */
      meeting: ref('meetings').optional(),
      /** The decision taken, for events that decide (see `EVENT_OUTCOMES`). */
      outcome: z.enum(ALL_OUTCOMES).optional(),
      /** Which solution a vote or decision concerned, where the report offered an alternative. */
      solution: z.enum(['proposed', 'alternative']).optional(),
      /** One or two sentences of context, in Markdown. */
      summary: z.string().trim().min(1).optional(),
    })
    .superRefine((e, ctx) => {
      const allowed = (EVENT_OUTCOMES as Record<string, readonly string[]>)[e.type];
      if (e.outcome && !allowed) {
        ctx.addIssue({
          code: 'custom',
          path: ['outcome'],
          message: `a ${e.type} event has no outcome`,
        });
      } else if (e.outcome && allowed && !allowed.includes(e.outcome)) {
        ctx.addIssue({
          code: 'custom',
          path: ['outcome'],
          message: `“${e.outcome}” is not an outcome of ${e.type}: expected one of ${allowed.join(', ')}`,
        });
      } else if (!e.outcome && (e.type === 'change-board-vote' || e.type === 'authority-decision')) {
        ctx.addIssue({
          code: 'custom',
          path: ['outcome'],
          message: `a ${e.type} event needs an outcome: one of ${allowed!.join(', ')}`,
        });
      }
      if (e.type === 'note' && !e.summary) {
        ctx.addIssue({ code: 'custom', path: ['summary'], message: 'a note needs a summary' });
      }
    });

  return z.strictObject({
    /** The modification's id, which is also its file name: `SECMP0049`. */
    id: z
      .string({ error: 'expected an id such as SECMP0049' })
      .regex(MODIFICATION_ID, 'expected an id such as SECMP0049, MP049 or DP049'),
    /** Its title as raised, without quotation marks. */
    title: line,
    /** Other ids it is known by (for example its later `MP` form). */
    aliases: z.array(z.string().regex(MODIFICATION_ID, 'expected an id such as MP049')).default([]),
    /** The SEC Party or person who raised it. */
    proposer: line.optional(),
    /** The route to a decision; absent until known. */
    path: z.enum(MODIFICATION_PATHS).optional(),
    /** The parties it impacts; absent until assessed. */
    parties: z.array(z.enum(IMPACTED_PARTIES)).optional(),
    /** Whether it needs changes to DCC systems; absent until assessed. */
    dccImpact: z.boolean().optional(),
    /** SEC Sections it changes, by letter or number (`D`, `H`, `Appendix AB`). */
    secSections: z.array(line).default([]),
    /** The SEC release it is targeted at (`November 2018 SEC Release`). */
    targetRelease: line.optional(),
    /** The date it is, or was, to be implemented. Absent means unknown: never a placeholder. */
    implementationDate: plainDate.optional(),
    /** Modifications it is related to. */
    related: z.array(ref('modifications')).default([]),
    /** Its reports and other documents. */
    documents: z.array(documentSchema).default([]),
    /** What has happened to it and the deadlines ahead, in any order. */
    events: z.array(event).default([]),
  });
}
