/**
 * Astro's binding of the content collections: the schemas of `src/schemas` with Astro's
 * `reference()`, loaded from the top-level `content/` folder. Ids are file names without
 * their extension, exactly as the content loader outside Astro makes them.
 */
import { defineCollection, reference } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';
import type { z } from 'astro/zod';
import {
  COLLECTION_FILES,
  type CollectionName,
  collectionSchemas,
  type RefFactory,
} from './schemas/index.ts';

const schemas = collectionSchemas(reference as unknown as RefFactory);

const fileStem = ({ entry }: { entry: string }) => entry.replace(/^.*\//, '').replace(/\.[^.]+$/, '');

/**
 * The glob loader, storing each Markdown entry's data and Markdown but no rendered copy. With
 * `deferRender` the loader leaves rendering for later and marks the entry so; the mark is
 * dropped as the entry is stored (it would make every file a module of the site's bundle).
 * Pages render a body when they are built, with the same processor (`renderBody`,
 * `src/lib/site/body.ts`). At 10,000 entries the rendered copies were half of the store that
 * every page build serialises, bundles, compiles and holds in memory.
 */
function markdownWithoutRendering(options: Parameters<typeof glob>[0]): Loader {
  const loader = glob({ ...options, deferRender: true });
  return {
    ...loader,
    load: (context) =>
      loader.load({
        ...context,
        store: new Proxy(context.store, {
          get(target, key) {
            if (key === 'set') {
              return (entry: Parameters<typeof target.set>[0]) => {
                const { deferredRender: _, ...stored } = entry;
                return target.set(stored);
              };
            }
            const value: unknown = Reflect.get(target, key, target);
            return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
          },
        }),
      }),
  };
}

/** A collection of `content/<dir>/`, typed by its own schema (so `getCollection` data is typed). */
function collection<S extends z.ZodType>(name: CollectionName, schema: S) {
  const { dir, extensions } = COLLECTION_FILES[name];
  const options = {
    pattern: extensions.map((ext) => `**/*${ext}`),
    base: `./content/${dir}`,
    generateId: fileStem,
  };
  // MDX pages keep Astro's rendering (their components); data files have nothing to render.
  const markdown = extensions.every((ext) => ext === '.md');
  return defineCollection({
    loader: markdown ? markdownWithoutRendering(options) : glob(options),
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
