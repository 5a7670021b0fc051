/**
 * The validated content as domain functions see it. Astro's `getCollection()` entries and the
 * content loader's entries both fit {@link Entry}, so every function in `src/lib` serves the
 * site, the newsletter and the command-line tools alike.
 */
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
  Ref,
} from '../schemas/index.ts';

export interface Entry<T> {
  /** The file name without its extension: `SECMP0049`, `2018-08-10-sec-panel`. */
  id: string;
  /** The validated front matter. */
  data: T;
  /** The Markdown body, if the collection has one. */
  body?: string | undefined;
  /** Path of the source file from the project root. */
  filePath?: string | undefined;
}

export interface Corpus {
  modifications: Entry<Modification>[];
  bodies: Entry<Body>[];
  meetings: Entry<Meeting>[];
  news: Entry<News>[];
  consultations: Entry<Consultation>[];
  designations: Entry<Designation>[];
  'party-stats': Entry<PartyStats>[];
  newsletters: Entry<Newsletter>[];
  pages: Entry<Page>[];
}

export function emptyCorpus(): Corpus {
  return {
    modifications: [],
    bodies: [],
    meetings: [],
    news: [],
    consultations: [],
    designations: [],
    'party-stats': [],
    newsletters: [],
    pages: [],
  };
}

/** Entries of a collection by id, for resolving references. */
export function indexById<T>(entries: readonly Entry<T>[]): Map<string, Entry<T>> {
  return new Map(entries.map((e) => [e.id, e]));
}

/** Resolves a reference, throwing if it dangles (the loader has already reported any that do). */
export function resolve<T>(index: Map<string, Entry<T>>, ref: Ref): Entry<T> {
  const entry = index.get(ref.id);
  if (!entry) throw new Error(`No ${ref.collection} entry “${ref.id}”`);
  return entry;
}
