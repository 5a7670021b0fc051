/**
 * Astro's binding of the content collections: the schemas of `src/schemas` with Astro's
 * `reference()`, loaded from the top-level `content/` folder. Ids are file names without
 * their extension, exactly as the content loader outside Astro makes them.
 */
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import type { z } from 'astro/zod';
import {
  COLLECTION_FILES,
  type CollectionName,
  collectionSchemas,
  type RefFactory,
} from './schemas/index.ts';

const schemas = collectionSchemas(reference as unknown as RefFactory);

const fileStem = ({ entry }: { entry: string }) => entry.replace(/^.*\//, '').replace(/\.[^.]+$/, '');

/** A collection of `content/<dir>/`, typed by its own schema (so `getCollection` data is typed). */
function collection<S extends z.ZodType>(name: CollectionName, schema: S) {
  const { dir, extensions } = COLLECTION_FILES[name];
  return defineCollection({
    loader: glob({
      pattern: extensions.map((ext) => `**/*${ext}`),
      base: `./content/${dir}`,
      generateId: fileStem,
    }),
    schema,
  });
}

export const collections = {
  modifications: collection('modifications', schemas.modifications),
  bodies: collection('bodies', schemas.bodies),
  meetings: collection('meetings', schemas.meetings),
  news: collection('news', schemas.news),
  consultations: collection('consultations', schemas.consultations),
  designations: collection('designations', schemas.designations),
  'party-stats': collection('party-stats', schemas['party-stats']),
  newsletters: collection('newsletters', schemas.newsletters),
  pages: collection('pages', schemas.pages),
};
