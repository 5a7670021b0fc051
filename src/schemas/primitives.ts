/**
 * Field types shared by every collection: dates in their three precisions, references,
 * documents and the SEC's fixed vocabularies.
 */
import { z } from 'astro/zod';
import { parseWhen } from '../lib/dates.ts';

/** Renders a YAML Date (Astro's YAML parser makes Dates of bare `2018-08-10`) back to the text the editor wrote. */
function fromYamlDate(value: Date): string {
  const iso = value.toISOString(); // YAML dates without an offset are read as UTC
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 16);
}

function whenSchema(allow: { month?: boolean; time?: boolean }, example: string) {
  const forms = [
    'YYYY-MM-DD',
    ...(allow.time ? ['YYYY-MM-DDTHH:MM'] : []),
    ...(allow.month ? ['YYYY-MM'] : []),
  ].join(' or ');
  return z
    .union([z.string(), z.date()], { error: `expected a date written ${forms}, e.g. ${example}` })
    .transform((raw, ctx) => {
      const value = raw instanceof Date ? fromYamlDate(raw) : raw.trim();
      const parsed = parseWhen(value, allow);
      if (parsed.ok) return value;
      ctx.issues.push({
        code: 'custom',
        input: raw,
        message: `“${value}” ${parsed.reason}: write ${forms}, e.g. ${example}`,
      });
      return z.NEVER;
    });
}

/** A calendar day, `YYYY-MM-DD`. */
export const plainDate = whenSchema({}, '2018-08-31');
/** A day with an optional Europe/London time: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`. */
export const dateTime = whenSchema({ time: true }, '2018-09-06T17:00');
/** A day, a day and time, or only a month (`YYYY-MM`) where the day was never recorded. */
export const eventDate = whenSchema({ month: true, time: true }, '2018-08-22');
/** A month, `YYYY-MM`. */
export const isoMonth = z
  .string({ error: 'expected a month written YYYY-MM, e.g. 2018-08' })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month written YYYY-MM, e.g. 2018-08');

/** Non-empty text on one line (titles, names). */
export const line = z
  .string({ error: 'expected text' })
  .trim()
  .min(1, 'must not be empty')
  .refine((s) => !/[\r\n]/.test(s), 'must be on one line');

/** An absolute http(s) or mailto URL. */
export const url = z
  .string({ error: 'expected a URL' })
  .refine(
    (s) => /^(https?:\/\/[^\s]+|mailto:[^\s]+)$/.test(s),
    'expected an absolute URL starting https://, http:// or mailto:',
  );

/** The output of a reference, in Astro and outside it alike. */
export interface Ref<C extends string = string> {
  collection: C;
  id: string;
}

/** Makes the schema of a reference to an entry of a collection. */
export type RefFactory = <C extends CollectionName>(collection: C) => z.ZodType<Ref<C>, unknown>;

/**
 * References outside Astro: the entry id as written, checked for existence afterwards by
 * the content loader. Inside Astro, `reference()` from `astro:content` takes its place.
 */
export const idRef: RefFactory = <C extends CollectionName>(collection: C) =>
  z
    .union([z.string(), z.number()], { error: `expected the id of an entry in ${collection}` })
    .transform((id): Ref<C> => ({ collection, id: String(id) }));

export const COLLECTIONS = [
  'modifications',
  'bodies',
  'meetings',
  'news',
  'consultations',
  'designations',
  'party-stats',
  'newsletters',
  'pages',
] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/** Routes by which a Modification Proposal is decided. */
export const MODIFICATION_PATHS = ['self-governance', 'authority-determined', 'fast-track'] as const;
export type ModificationPath = (typeof MODIFICATION_PATHS)[number];

/** SEC Party Categories, plus the DCC, as parties a modification can impact. */
export const PARTY_CATEGORIES = [
  'large-suppliers',
  'small-suppliers',
  'electricity-networks',
  'gas-networks',
  'other-sec-parties',
] as const;
export type PartyCategory = (typeof PARTY_CATEGORIES)[number];
export const IMPACTED_PARTIES = [...PARTY_CATEGORIES, 'dcc'] as const;
export type ImpactedParty = (typeof IMPACTED_PARTIES)[number];

/** Kinds of document attached to modifications, meetings and news. */
export const DOCUMENT_TYPES = [
  'imr',
  'dmr',
  'fmr',
  'impact-assessment',
  'consultation',
  'consultation-responses',
  'headlines',
  'minutes',
  'agenda',
  'letter',
  'legal-text',
  'other',
] as const;

/** A published document. */
export const documentSchema = z.strictObject({
  /** What kind of document it is. */
  type: z.enum(DOCUMENT_TYPES).default('other'),
  /** Its title as published. */
  title: line,
  /** When it was published (a month where the day is not known). */
  date: eventDate.optional(),
  /** Where to read it. Absent when it is not online. */
  url: url.optional(),
});
export type SecDocument = z.output<typeof documentSchema>;
