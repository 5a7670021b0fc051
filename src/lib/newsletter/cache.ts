/**
 * Rendered issues kept between runs, so that a build renders only the issues that are new or
 * changed (a sent issue never changes), and `npm run newsletter` of an unchanged issue loads
 * no renderer at all.
 *
 * An issue's entry is found by a key: a hash of everything its files are made from —
 *   - the issue model (`assembleIssue`: every item of the content it shows),
 *   - the templates (every file under `templates/`, names and bytes),
 *   - the email settings (site URL, sender, contact, unsubscribe),
 *   - the renderer: the source of every project module `render/index.ts` imports, followed
 *     through their imports, and the version of every package they import.
 * Change any of them and the key changes; nothing is ever served stale. Entries live in
 * `node_modules/.cache/sec-press/newsletters/<key>/` under the project root (`email.html`,
 * `email.txt`, `email.eml`, `issue.json` as written, and `warnings.json`), each written under
 * a temporary name and renamed into place whole. `SEC_PRESS_CACHE=0` turns the cache off,
 * as it does the content loader's.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { findPackageJSON } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FILE_NAMES, type IssueFileData } from './files.ts';
import type { EmailSettings } from './render/view.ts';
import type { Issue } from './model.ts';

/** Where the cache lives, from the project root. */
export const CACHE_DIR = 'node_modules/.cache/sec-press/newsletters';

/** Bumped when the layout of an entry changes. */
const LAYOUT_VERSION = 1;

const WARNINGS = 'warnings.json';

/** Whether the cache is on: `SEC_PRESS_CACHE=0` (or `false`, `no`, `off`) turns it off. */
export const cacheEnabled = (env: NodeJS.ProcessEnv = process.env): boolean =>
  !/^(0|false|no|off)$/i.test(env.SEC_PRESS_CACHE?.trim() ?? '');

export const cacheDirOf = (root: string) => path.join(root, CACHE_DIR);

const sha256 = () => createHash('sha256');

/** `import … from 'x'`, `export … from 'x'`, `import('x')`, `import 'x'`. */
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])([^'"\n]+)\1/g;

/** The package a bare specifier names (`@scope/name/sub` → `@scope/name`). */
const packageOf = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/**
 * The renderer's fingerprint: the sources of a module and every project module it imports,
 * followed through their imports, and the versions of the packages they import.
 */
export async function sourceFingerprint(entry: string): Promise<string> {
  const files = new Map<string, string>();
  const packages = new Map<string, string>();
  const visit = async (file: string): Promise<void> => {
    if (files.has(file)) return;
    const source = await readFile(file, 'utf8');
    files.set(file, source);
    const imports: Promise<void>[] = [];
    for (const [, , specifier] of source.matchAll(IMPORT)) {
      if (specifier!.startsWith('.')) imports.push(visit(path.resolve(path.dirname(file), specifier!)));
      else if (!specifier!.startsWith('node:') && !packages.has(packageOf(specifier!))) {
        const name = packageOf(specifier!);
        packages.set(name, '');
        try {
          const pkg = findPackageJSON(name, pathToFileURL(file));
          packages.set(name, pkg ? JSON.parse(await readFile(pkg, 'utf8')).version : 'unknown');
        } catch {
          packages.set(name, 'unknown');
        }
      }
    }
    await Promise.all(imports);
  };
  await visit(entry);
  const h = sha256();
  const root = path.dirname(entry);
  for (const file of [...files.keys()].sort()) h.update(`${path.relative(root, file)}\0${files.get(file)}\0`);
  for (const name of [...packages.keys()].sort()) h.update(`${name}@${packages.get(name)}\0`);
  return h.digest('hex');
}

let renderer: Promise<string> | undefined;

/** The fingerprint of the email renderer (`render/index.ts` and all it imports), once per process. */
export function rendererFingerprint(): Promise<string> {
  renderer ??= sourceFingerprint(fileURLToPath(new URL('./render/index.ts', import.meta.url)));
  return renderer;
}

/** Every file of a folder (the templates), by its path in the folder, names and bytes hashed. */
export async function folderFingerprint(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
  const h = sha256();
  const contents = await Promise.all(files.map((f) => readFile(path.join(dir, f))));
  files.forEach((f, i) =>
    h
      .update(`${f.split(path.sep).join('/')}\0`)
      .update(contents[i]!)
      .update('\0'),
  );
  return h.digest('hex');
}

export interface Fingerprints {
  renderer: string;
  templates: string;
  settings: EmailSettings;
}

/** The fingerprints an issue's key is made with, besides the issue itself. */
export async function fingerprints(templatesDir: string, settings: EmailSettings): Promise<Fingerprints> {
  const [r, t] = await Promise.all([rendererFingerprint(), folderFingerprint(templatesDir)]);
  return { renderer: r, templates: t, settings };
}

/** The cache key of an issue: a hash of its model and of what renders it. */
export function issueKey(issue: Issue, f: Fingerprints): string {
  return sha256()
    .update(JSON.stringify([LAYOUT_VERSION, f.renderer, f.templates, f.settings, issue]))
    .digest('hex');
}

/** What an issue's build wrote: its files' bytes and its warnings. */
export interface IssueFiles {
  files: IssueFileData;
  warnings: string[];
}

/** A cached entry: where its files are, and its warnings; undefined when there is none. */
export async function readEntry(
  cacheDir: string,
  key: string,
): Promise<{ dir: string; warnings: string[] } | undefined> {
  const dir = path.join(cacheDir, key);
  try {
    const warnings = JSON.parse(await readFile(path.join(dir, WARNINGS), 'utf8')) as string[];
    // Used now: pruning keeps what is in use.
    const now = new Date();
    await utimes(dir, now, now).catch(() => undefined);
    return { dir, warnings };
  } catch {
    return undefined;
  }
}

/** Copies a cached entry's files into an issue's folder, each under a temporary name first. */
export async function copyEntry(entryDir: string, outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  await Promise.all(
    FILE_NAMES.map(async (name) => {
      const temp = path.join(outDir, `${name}.${process.pid}.tmp`);
      await copyFile(path.join(entryDir, name), temp);
      await rename(temp, path.join(outDir, name));
    }),
  );
}

/**
 * Stores an issue's files under its key: written into a temporary folder, then renamed
 * into place whole. Another process storing the same key first wins (the same bytes).
 * A cache that cannot be written is no error: the build goes on without it.
 */
export async function writeEntry(cacheDir: string, key: string, issue: IssueFiles): Promise<void> {
  const temp = path.join(cacheDir, `.tmp-${process.pid}-${key}`);
  try {
    await mkdir(temp, { recursive: true });
    await Promise.all([
      ...FILE_NAMES.map((name) => writeFile(path.join(temp, name), issue.files[name])),
      writeFile(path.join(temp, WARNINGS), JSON.stringify(issue.warnings)),
    ]);
    await rename(temp, path.join(cacheDir, key));
  } catch {
    // Already there (another build), or no room: either way the build's files are written.
  } finally {
    await rm(temp, { recursive: true, force: true }).catch(() => undefined);
  }
}

/** Entries not used for this long are removed by a build that does not use them. */
export const PRUNE_AFTER_MS = 7 * 24 * 3600 * 1000;

/** Removes entries that are not `used` and have not been used for {@link PRUNE_AFTER_MS}. */
export async function pruneEntries(
  cacheDir: string,
  used: ReadonlySet<string>,
  now = Date.now(),
): Promise<number> {
  let removed = 0;
  const names = await readdir(cacheDir).catch(() => [] as string[]);
  for (const name of names) {
    if (used.has(name)) continue;
    const dir = path.join(cacheDir, name);
    const s = await stat(dir).catch(() => undefined);
    if (s && now - s.mtimeMs > PRUNE_AFTER_MS) {
      await rm(dir, { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}
