/**
 * Astro's binding of the content collections: the schemas of `src/schemas` with Astro's
 * `reference()`, loaded from the top-level `content/` folder. Ids are file names without
 * their extension, exactly as the content loader outside Astro makes them.
 */
import { defineCollection, reference } from 'astro:content';
import { glob } from 'astro/loaders';
import { COLLECTION_FILES, collectionSchemas, type RefFactory } from './schemas/index.ts';

const schemas = collectionSchemas(reference as unknown as RefFactory);

const fileStem = ({ entry }: { entry: string }) => entry.replace(/^.*\//, '').replace(/\.[^.]+$/, '');

function collection<K extends keyof typeof schemas>(name: K) {
  const { dir, extensions } = COLLECTION_FILES[name];
  return defineCollection({
    loader: glob({
      pattern: extensions.map((ext) => `**/*${ext}`),
      base: `./content/${dir}`,
      generateId: fileStem,
    }),
    schema: schemas[name],
  });
}

export const collections = {
  modifications: collection('modifications'),
  bodies: collection('bodies'),
  meetings: collection('meetings'),
  news: collection('news'),
  consultations: collection('consultations'),
  designations: collection('designations'),
  'party-stats': collection('party-stats'),
  newsletters: collection('newsletters'),
  pages: collection('pages'),
};
