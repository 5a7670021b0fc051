/** A consultation by SECAS, the DCC, BEIS, Ofgem or another (`content/consultations/<slug>.md`). */
import { z } from 'astro/zod';
import { dateTime, line, plainDate, type RefFactory, url } from './primitives.ts';

export const ISSUERS = ['secas', 'dcc', 'beis', 'ofgem', 'elexon', 'other'] as const;
export type Issuer = (typeof ISSUERS)[number];

export const CONSULTATION_KINDS = ['modification-report', 'industry'] as const;

export function consultationSchema(ref: RefFactory) {
  return z
    .strictObject({
      /** Title as published. */
      title: line,
      /** Who consults; absent where not stated. */
      issuer: z.enum(ISSUERS).optional(),
      /** A Modification Report Consultation, or any other industry consultation. */
      kind: z.enum(CONSULTATION_KINDS).default('industry'),
      /** When it opened, Europe/London. */
      opens: dateTime.optional(),
      /** Deadline for responses, Europe/London; a day alone means the end of that day. */
      closes: dateTime,
      /** Date of a briefing or webinar held on it. */
      briefing: plainDate.optional(),
      /** Modifications it consults on. */
      modifications: z.array(ref('modifications')).default([]),
      /** What it proposes, in one or two sentences (the body says more). */
      summary: z.string().trim().min(1),
      /** Where to read and answer it. */
      url: url.optional(),
      /** What was concluded, once the issuer has published its conclusions (Markdown). */
      conclusion: z.string().trim().min(1).optional(),
    })
    .superRefine((c, ctx) => {
      if (c.opens && c.opens.slice(0, 10) > c.closes.slice(0, 10)) {
        ctx.addIssue({
          code: 'custom',
          path: ['closes'],
          message: `closes (${c.closes}) before it opens (${c.opens})`,
        });
      }
    });
}
