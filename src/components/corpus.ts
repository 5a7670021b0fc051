/**
 * The content as one {@link Corpus}, loaded once per build from Astro's collections, with the
 * lookups pages need. Pages call domain functions on it; they do not sort or filter themselves.
 */
import { type CollectionEntry, getCollection, render } from 'astro:content';
import { config } from '../config.ts';
import { type Corpus, type Entry, indexById } from '../lib/corpus.ts';
import { type RegisterRow, registerRows } from '../lib/register.ts';
import type { ModificationContext } from '../lib/stage.ts';
import type {
  Body,
  Consultation,
  Designation,
  Meeting,
  Modification,
  News,
  Newsletter,
  Page,
  PartyStats,
} from '../schemas/index.ts';

/** The validated data of each collection, as our schemas type it. */
interface CollectionData {
  modifications: Modification;
  bodies: Body;
  meetings: Meeting;
  news: News;
  consultations: Consultation;
  designations: Designation;
  'party-stats': PartyStats;
  newsletters: Newsletter;
  pages: Page;
}

/** An Astro entry with its data typed by our schemas. */
export type SiteEntry<K extends keyof CollectionData> = Entry<CollectionData[K]> & { collection: K };

/** A collection's entries; their data has passed the collection's schema. */
export async function entriesOf<K extends keyof CollectionData>(name: K): Promise<SiteEntry<K>[]> {
  // TypeScript cannot relate Astro's generated entry types to ours for a generic K;
  // `astroDataFits` below proves, collection by collection, that they agree.
  return (await getCollection(name)) as unknown as SiteEntry<K>[];
}

/** Compile-time proof that the data Astro types for each collection is our schema's type. */
type Fits<K extends keyof CollectionData> = CollectionEntry<K>['data'] extends CollectionData[K]
  ? true
  : never;
export const astroDataFits: { [K in keyof CollectionData]: Fits<K> } = {
  modifications: true,
  bodies: true,
  meetings: true,
  news: true,
  consultations: true,
  designations: true,
  'party-stats': true,
  newsletters: true,
  pages: true,
};

/** Renders an entry's Markdown or MDX body. */
export function renderEntry(entry: SiteEntry<keyof CollectionData>) {
  return render(entry as unknown as Parameters<typeof render>[0]);
}

export interface SiteData {
  corpus: Corpus;
  /** The day the build treats as today. */
  asOf: string;
  ctx: ModificationContext;
  modificationsById: Map<string, Entry<Modification>>;
  meetingsById: Map<string, Entry<Meeting>>;
  bodiesById: Map<string, Entry<Body>>;
}

let cached: Promise<SiteData> | undefined;

async function load(): Promise<SiteData> {
  const [modifications, bodies, meetings, news, consultations, designations, partyStats, newsletters, pages] =
    await Promise.all([
      entriesOf('modifications'),
      entriesOf('bodies'),
      entriesOf('meetings'),
      entriesOf('news'),
      entriesOf('consultations'),
      entriesOf('designations'),
      entriesOf('party-stats'),
      entriesOf('newsletters'),
      entriesOf('pages'),
    ]);
  const corpus: Corpus = {
    modifications,
    bodies,
    meetings,
    news,
    consultations,
    designations,
    'party-stats': partyStats,
    newsletters,
    pages,
  };
  return {
    corpus,
    asOf: config.asOf,
    ctx: { consultations, designations },
    modificationsById: indexById(modifications),
    meetingsById: indexById(meetings),
    bodiesById: indexById(bodies),
  };
}

export function siteData(): Promise<SiteData> {
  cached ??= load();
  return cached;
}

let registerCache: Promise<RegisterRow[]> | undefined;

/** The register rows as of the configured day, made once per build (four pages use them). */
export function siteRegisterRows(): Promise<RegisterRow[]> {
  registerCache ??= siteData().then(({ corpus, ctx, asOf }) => registerRows(corpus.modifications, ctx, asOf));
  return registerCache;
}
