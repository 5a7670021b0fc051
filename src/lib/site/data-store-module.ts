/**
 * A Vite plugin that keeps Astro's content data store out of the site's bundle.
 *
 * Astro bundles its content layer's store as one module, `export default JSON.parse("…")`,
 * whose string literal holds every entry (22 MB at 10,000 entries). The bundler parses,
 * transforms and writes that module into the build's server code, and V8 compiles it when the
 * pages are built. The plugin writes the literal's text to a file of its own instead (in Vite's
 * cache folder, named by the text's hash) and makes the module read and parse that file when it
 * is evaluated: the same value, without the bundling and the compiling. At 10,000 entries
 * Astro's bundling step took 4.6 s instead of 8.8 s, and its page phase about 4 s less (V8
 * compiled the literal even when cut into 1 MB pieces, as an earlier version of this plugin did).
 *
 * Code of any other shape is left to the bundler, and so is the dev server's store.
 *
 * Astro makes that module by reading its store file (`node_modules/.astro/data-store.json`),
 * checking that it parses and quoting it as a string literal, which this plugin would then
 * unquote again: about 1.5 s at 10,000 entries. So the plugin first loads the module itself,
 * from Astro's store file, when that file was written by this build (not before the plugin was
 * made, when the configuration was loaded); otherwise Astro makes the module and the plugin
 * rewrites it as above.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

/** Astro's id for the store module (`RESOLVED_DATA_STORE_VIRTUAL_ID` in `astro/dist/content/consts.js`). */
export const DATA_STORE_MODULE_ID = '\0astro:data-layer-content';

const PREFIX = 'export default JSON.parse(';
const SUFFIX = ')';

/** Store files of other builds are removed once they are this old (an hour). */
export const STALE_AFTER_MS = 60 * 60 * 1000;

const STORE_FILE = /^data-store-[0-9a-f]{16}\.json$/;

/**
 * The JSON text that `export default JSON.parse("<text>")` parses, or `undefined` when the code
 * has another shape (the argument must be exactly one string literal, as JSON.stringify made it).
 */
export function storeText(code: string): string | undefined {
  const source = code.trim();
  if (!source.startsWith(PREFIX) || !source.endsWith(SUFFIX)) return undefined;
  try {
    const text: unknown = JSON.parse(source.slice(PREFIX.length, -SUFFIX.length));
    return typeof text === 'string' ? text : undefined;
  } catch {
    return undefined;
  }
}

/** The module that stands for the store: it reads and parses the file when evaluated. */
export function readerModule(file: string): string {
  return `import { readFileSync } from 'node:fs';\nexport default JSON.parse(readFileSync(${JSON.stringify(file)}, 'utf8'));\n`;
}

/**
 * Writes the store's text to `dir/data-store-<hash>.json` (under a temporary name, then
 * renamed, so a reader never sees half a file) and returns the file's path. Store files of
 * other builds left in `dir` are removed once older than {@link STALE_AFTER_MS}; a build
 * running at the same time from the same project reads a file of its own name.
 */
export function writeStoreFile(dir: string, text: string, now = Date.now()): string {
  mkdirSync(dir, { recursive: true });
  const name = `data-store-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.json`;
  const file = path.join(dir, name);
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
  for (const other of readdirSync(dir)) {
    if (other === name || !STORE_FILE.test(other)) continue;
    const otherPath = path.join(dir, other);
    // Another build may have removed it since the listing.
    const stat = statSync(otherPath, { throwIfNoEntry: false });
    if (stat && now - stat.mtimeMs > STALE_AFTER_MS) rmSync(otherPath, { force: true });
  }
  return file;
}

/** Where Astro keeps the content store of a build of the project at `root` (its default cache folder). */
export const astroStoreFile = (root: string) => path.join(root, 'node_modules', '.astro', 'data-store.json');

/** How far behind Date.now() a file's modification time may be, written at the same moment. */
const FILE_CLOCK_SLACK_MS = 100;

/** The metadata Astro gives the store module (`createContentDataIncrementalMetadata`). */
const STORE_META = { astroIncremental: { kind: 'content-data' } };

/**
 * The text of Astro's store file if this build wrote it: it exists and is no older than
 * `since` (when the plugin was made); otherwise undefined, and Astro makes the module.
 */
export function freshStoreText(file: string, since: number): string | undefined {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (!stat || stat.mtimeMs < since) return undefined;
  return readFileSync(file, 'utf8');
}

/** The ids the plugin's hooks look at: the store module's only. */
const STORE_MODULE_ONLY = new RegExp(`^${DATA_STORE_MODULE_ID}$`);

/** The store module the plugin gives Vite, by either hook: it reads the store's text from a file. */
const storeModule = (dir: string, text: string) => ({
  code: readerModule(writeStoreFile(dir, text)),
  map: { mappings: '' },
  meta: STORE_META,
});

/** The plugin, for `vite.plugins` in `astro.config.mjs`. */
export function dataStoreModule(): Plugin {
  // Before Astro syncs the content: a store file written since is this build's. (Less a
  // tenth of a second: file times come from a coarser clock than Date.now().)
  const madeAt = Date.now() - FILE_CLOCK_SLACK_MS;
  let dir: string | undefined;
  let astroStore: string | undefined;
  return {
    name: 'sec-press:data-store-module',
    // Builds only: the dev server keeps Astro's own module, which it reloads as content changes.
    apply: 'build',
    configResolved(config) {
      dir = path.join(config.cacheDir, 'sec-press');
      astroStore = astroStoreFile(config.root);
    },
    load: {
      // Before Astro's own plugin (itself `enforce: 'pre'`) makes the module.
      order: 'pre',
      filter: { id: STORE_MODULE_ONLY },
      handler(id: string) {
        if (id !== DATA_STORE_MODULE_ID || dir === undefined || astroStore === undefined) return null;
        const text = freshStoreText(astroStore, madeAt);
        return text === undefined ? null : storeModule(dir, text);
      },
    },
    transform: {
      filter: { id: STORE_MODULE_ONLY },
      handler(code: string, id: string) {
        if (id !== DATA_STORE_MODULE_ID || dir === undefined) return null;
        const text = storeText(code);
        return text === undefined ? null : storeModule(dir, text);
      },
    },
  };
}
