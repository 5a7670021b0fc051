/** A designation: a version of the SEC coming into effect (`content/designations/5.21.md`). */
import { z } from 'astro/zod';
import { plainDate, type RefFactory } from './primitives.ts';

export function designationSchema(ref: RefFactory) {
  return z.strictObject({
    /** SEC version, quoted so YAML keeps it text: `"5.21"`. It is also the file name. */
    version: z
      .string({ error: 'expected a version in quotes, e.g. "5.21" (unquoted, YAML reads 5.20 as 5.2)' })
      .regex(/^\d+\.\d+(\.\d+)?$/, 'expected a version such as "5.21"'),
    /** The date it took effect. */
    date: plainDate,
    /** Modifications it implements. */
    modifications: z.array(ref('modifications')).default([]),
  });
}
