/** A governance body: the SEC Panel, its Sub-Committees, the Change Board… (`content/bodies/<id>.yaml`). */
import { z } from 'astro/zod';
import { line } from './primitives.ts';

export function bodySchema() {
  return z.strictObject({
    /** Full name: “Technical Architecture and Business Architecture Sub-Committee”. */
    name: line,
    /** The name readers use: “TABASC”. */
    shortName: line,
    /** What the body does, in a sentence or two. */
    description: z.string().trim().min(1),
    /** A standing body reports its meetings in every newsletter's governance section. */
    standing: z.boolean().default(false),
    /** Position in lists of bodies, lowest first. */
    order: z.number().int().default(100),
  });
}
