/**
 * Every collection's schema, built from one reference factory so that Astro
 * (`reference()`) and the content loader outside Astro (`idRef`) validate identically.
 */
import type { z } from 'astro/zod';
import { bodySchema } from './body.ts';
import { consultationSchema } from './consultation.ts';
import { designationSchema } from './designation.ts';
import { meetingSchema } from './meeting.ts';
import { modificationSchema } from './modification.ts';
import { newsSchema } from './news.ts';
import { newsletterSchema } from './newsletter.ts';
import { pageSchema } from './page.ts';
import { partyStatsSchema } from './party-stats.ts';
import { type CollectionName, idRef, type RefFactory } from './primitives.ts';

export function collectionSchemas(ref: RefFactory) {
  return {
    modifications: modificationSchema(ref),
    bodies: bodySchema(),
    meetings: meetingSchema(ref),
    news: newsSchema(ref),
    consultations: consultationSchema(ref),
    designations: designationSchema(ref),
    'party-stats': partyStatsSchema(),
    newsletters: newsletterSchema(ref),
    pages: pageSchema(),
  } satisfies Record<CollectionName, z.ZodType>;
}

/** The schemas as used outside Astro. */
export const schemas = collectionSchemas(idRef);

export type Modification = z.output<typeof schemas.modifications>;
export type ModificationEvent = Modification['events'][number];
export type Body = z.output<typeof schemas.bodies>;
export type Meeting = z.output<typeof schemas.meetings>;
export type News = z.output<typeof schemas.news>;
export type Consultation = z.output<typeof schemas.consultations>;
export type Designation = z.output<typeof schemas.designations>;
export type PartyStats = z.output<(typeof schemas)['party-stats']>;
export type Newsletter = z.output<typeof schemas.newsletters>;
export type Page = z.output<typeof schemas.pages>;

/** Where each collection lives and which files it holds. */
export const COLLECTION_FILES: Record<CollectionName, { dir: string; extensions: string[] }> = {
  modifications: { dir: 'modifications', extensions: ['.md'] },
  bodies: { dir: 'bodies', extensions: ['.yaml'] },
  meetings: { dir: 'meetings', extensions: ['.md'] },
  news: { dir: 'news', extensions: ['.md'] },
  consultations: { dir: 'consultations', extensions: ['.md'] },
  designations: { dir: 'designations', extensions: ['.md'] },
  'party-stats': { dir: 'party-stats', extensions: ['.yaml'] },
  newsletters: { dir: 'newsletters', extensions: ['.md'] },
  pages: { dir: 'pages', extensions: ['.mdx'] },
};

export * from './primitives.ts';
export { EVENT_OUTCOMES, EVENT_TYPES, MODIFICATION_ID, type EventType } from './modification.ts';
export { MEETING_STATUSES } from './meeting.ts';
export { NEWS_CATEGORIES, type NewsCategory } from './news.ts';
export { CONSULTATION_KINDS, ISSUERS, type Issuer } from './consultation.ts';
