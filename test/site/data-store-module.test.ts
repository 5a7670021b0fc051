/**
 * The content store kept out of the bundle: the module Astro generates becomes one that reads
 * the same text from a file, giving the same value; only for the shape Astro generates
 * (checked against the installed Astro, so an upgrade that changes it fails here rather than
 * silently slowing the build).
 */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ResolvedConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import {
  astroStoreFile,
  DATA_STORE_MODULE_ID,
  dataStoreModule,
  STALE_AFTER_MS,
  storeText,
  writeStoreFile,
} from '../../src/lib/site/data-store-module.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** The module Astro generates for a store value. */
const astroModule = (value: unknown) => `export default JSON.parse(${JSON.stringify(JSON.stringify(value))})`;

const store = {
  entries: Array.from({ length: 40 }, (_, i) => ({
    id: `SECMP${String(i).padStart(4, '0')}`,
    body: `He said "it's fine" \\ then left.\nThe Board’s view — £10 😀 \u2028 end ${i}`,
  })),
};

/** Evaluates a module's source as a file of `dir` and returns its default export. */
async function evaluate(dir: string, code: string): Promise<unknown> {
  const file = path.join(dir, `module-${Math.random().toString(36).slice(2)}.mjs`);
  writeFileSync(file, code);
  return ((await import(pathToFileURL(file).href)) as { default: unknown }).default;
}

type Handler = (code: string, id: string) => { code: string } | null;

/** The plugin as Vite runs it, with its cache folder in a temporary folder. */
function plugin(cacheDir: string): Handler {
  const p = dataStoreModule();
  (p.configResolved as (config: ResolvedConfig) => void)({ cacheDir, root: cacheDir } as ResolvedConfig);
  return (p.transform as { handler: Handler }).handler;
}

type Loader = (id: string) => { code: string; meta?: unknown } | null;

/** The plugin's `load`, for a project at `root` (its cache folder inside). */
function loader(root: string): Loader {
  const p = dataStoreModule();
  (p.configResolved as (config: ResolvedConfig) => void)({
    cacheDir: path.join(root, 'node_modules/.vite'),
    root,
  } as ResolvedConfig);
  return (p.load as { handler: Loader }).handler;
}

/** Writes Astro's store file of the project at `root`, as its content sync does. */
function writeAstroStore(root: string, value: unknown, mtime?: number): void {
  const file = astroStoreFile(root);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(value));
  if (mtime !== undefined) utimesSync(file, mtime / 1000, mtime / 1000);
}

describe('storeText', () => {
  it("gives the text Astro's module parses", () => {
    expect(JSON.parse(storeText(astroModule(store))!)).toEqual(store);
  });

  it.each([
    ['an empty store', 'export default new Map()'],
    ['an expression, not a literal', 'export default JSON.parse(text + "x")'],
    ['a literal that is not a string', 'export default JSON.parse(42)'],
    ['other code', 'const x = JSON.parse("[]"); export default x;'],
  ])('gives nothing for %s', (_name, code) => {
    expect(storeText(code)).toBeUndefined();
  });
});

describe('the plugin', () => {
  it('makes a module that reads the same value from a file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sec-store-'));
    const result = plugin(dir)(astroModule(store), DATA_STORE_MODULE_ID);
    expect(result).not.toBeNull();
    expect(result!.code.length).toBeLessThan(300);
    expect(await evaluate(dir, result!.code)).toEqual(store);
    expect(readdirSync(path.join(dir, 'sec-press'))).toEqual([
      expect.stringMatching(/^data-store-[0-9a-f]{16}\.json$/),
    ]);
  });

  it('names the file by its text: the same store, the same file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sec-store-'));
    const handler = plugin(dir);
    const first = handler(astroModule(store), DATA_STORE_MODULE_ID)!.code;
    expect(handler(astroModule(store), DATA_STORE_MODULE_ID)!.code).toBe(first);
    expect(handler(astroModule({ other: true }), DATA_STORE_MODULE_ID)!.code).not.toBe(first);
    expect(readdirSync(path.join(dir, 'sec-press'))).toHaveLength(2);
  });

  it('applies to builds only', () => {
    expect(dataStoreModule().apply).toBe('build');
  });

  it('leaves other modules, and stores of another shape, to the bundler', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sec-store-'));
    const handler = plugin(dir);
    expect(handler(astroModule(store), '/src/pages/index.astro')).toBeNull();
    expect(handler('export default new Map()', DATA_STORE_MODULE_ID)).toBeNull();
    expect(existsSync(path.join(dir, 'sec-press'))).toBe(false);
  });

  it("matches the module id and code shape of the installed Astro's content store", () => {
    const astro = path.join(ROOT, 'node_modules/astro/dist/content');
    const consts = readFileSync(path.join(astro, 'consts.js'), 'utf8');
    expect(consts).toContain(`const DATA_STORE_VIRTUAL_ID = "${DATA_STORE_MODULE_ID.slice(1)}"`);
    expect(consts).toContain('const RESOLVED_DATA_STORE_VIRTUAL_ID = "\\0" + DATA_STORE_VIRTUAL_ID');
    const source = readFileSync(path.join(astro, 'vite-plugin-content-virtual-mod.js'), 'utf8');
    expect(source).toContain('code: `export default JSON.parse(${JSON.stringify(jsonData)})`');
  });
});

describe("the plugin's load, from Astro's store file", () => {
  it('makes the module from the store file this build wrote, without Astro quoting it', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'sec-store-'));
    const load = loader(root);
    // Astro's content sync writes the store after the configuration (and the plugin) is made.
    writeAstroStore(root, store);
    const result = load(DATA_STORE_MODULE_ID);
    expect(result).not.toBeNull();
    expect(result!.code.length).toBeLessThan(300);
    expect(result!.meta).toEqual({ astroIncremental: { kind: 'content-data' } });
    expect(await evaluate(root, result!.code)).toEqual(store);
    // The same file name as the module Astro would have made: the same store, the same file.
    const transformed = plugin(path.join(root, 'node_modules/.vite'))(
      astroModule(store),
      DATA_STORE_MODULE_ID,
    );
    expect(transformed!.code).toBe(result!.code);
  });

  it.each([
    ['there is no store file', undefined],
    ['the store file is older than the build (Astro left it as it was)', Date.now() - 60_000],
  ])('leaves the module to Astro when %s', (_name, mtime) => {
    const root = mkdtempSync(path.join(tmpdir(), 'sec-store-'));
    if (mtime !== undefined) writeAstroStore(root, store, mtime);
    expect(loader(root)(DATA_STORE_MODULE_ID)).toBeNull();
  });

  it('leaves other modules alone', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'sec-store-'));
    const load = loader(root);
    writeAstroStore(root, store);
    expect(load('/src/pages/index.astro')).toBeNull();
    expect((dataStoreModule().load as { order?: string }).order).toBe('pre');
  });

  it('reads the file where the installed Astro writes the store of a build', () => {
    const paths = readFileSync(path.join(ROOT, 'node_modules/astro/dist/content/paths.js'), 'utf8');
    expect(paths).toContain(
      'new URL(DATA_STORE_FILE, isDev ? settings.dotAstroDir : settings.config.cacheDir)',
    );
    const consts = readFileSync(path.join(ROOT, 'node_modules/astro/dist/content/consts.js'), 'utf8');
    expect(consts).toContain('const DATA_STORE_FILE = "data-store.json"');
    const defaults = readFileSync(
      path.join(ROOT, 'node_modules/astro/dist/core/config/schemas/defaults.js'),
      'utf8',
    );
    expect(defaults).toContain('cacheDir: "./node_modules/.astro"');
    expect(astroStoreFile('/p')).toBe('/p/node_modules/.astro/data-store.json');
  });
});

describe('writeStoreFile', () => {
  it("removes other builds' store files once they are stale, and nothing else", () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sec-store-'));
    const now = Date.now();
    const stale = path.join(dir, 'data-store-0000000000000001.json');
    const recent = path.join(dir, 'data-store-0000000000000002.json');
    const unrelated = path.join(dir, 'notes.json');
    for (const file of [stale, recent, unrelated]) writeFileSync(file, '{}');
    const old = (now - STALE_AFTER_MS - 60_000) / 1000;
    utimesSync(stale, old, old);
    utimesSync(unrelated, old, old);
    const written = writeStoreFile(dir, '{"a":1}', now);
    expect(readFileSync(written, 'utf8')).toBe('{"a":1}');
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    expect(existsSync(unrelated)).toBe(true);
    // No temporary file left behind.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('passes over a store file gone since the listing (another build removed it)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sec-store-'));
    // Listed, but nothing there when its age is looked at.
    symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'data-store-0000000000000003.json'));
    expect(readFileSync(writeStoreFile(dir, '{"b":2}'), 'utf8')).toBe('{"b":2}');
  });
});
