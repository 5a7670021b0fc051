/**
 * Loads and validates all content outside Astro: for `npm run check`, the newsletter and
 * the editors' commands. Reports every problem at once; returns a corpus only when there
 * are none.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { COLLECTION_FILES, COLLECTIONS, type CollectionName, schemas } from '../../schemas/index.ts';
import { type Corpus, emptyCorpus, type Entry } from '../corpus.ts';
import { DERIVED_FIELDS } from './hints.ts';
import { checkIntegrity } from './integrity.ts';
import type { Problem } from './problems.ts';
import { parseBytes, type ParsedFile } from './read.ts';
import { didYouMean } from './suggest.ts';
import { salvage, validate } from './validate.ts';

export interface LoadResult {
  corpus: Corpus;
  problems: Problem[];
  /** How many files were read. */
  files: number;
}

interface Found {
  collection: CollectionName;
  abs: string;
  rel: string;
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const d of await readdir(dir, { withFileTypes: true })) {
    if (d.name.startsWith('.')) continue;
    const p = path.join(dir, d.name);
    if (d.isDirectory()) out.push(...(await walk(p)));
    else out.push(p);
  }
  return out;
}

const toPosix = (p: string) => p.split(path.sep).join('/');

/** Lists content files by collection; anything that belongs to none is a problem, not skipped. */
async function discover(root: string, contentDir: string): Promise<{ found: Found[]; problems: Problem[] }> {
  const found: Found[] = [];
  const problems: Problem[] = [];
  const rel = (p: string) => toPosix(path.relative(root, p));
  const dirs = new Map(COLLECTIONS.map((c) => [COLLECTION_FILES[c].dir, c]));
  let top;
  try {
    top = await readdir(contentDir, { withFileTypes: true });
  } catch {
    return { found, problems: [{ file: rel(contentDir), message: 'the content folder is missing' }] };
  }
  for (const d of top) {
    if (d.name.startsWith('.')) continue;
    const abs = path.join(contentDir, d.name);
    const collection = dirs.get(d.name);
    if (!d.isDirectory() || !collection) {
      problems.push({
        file: rel(abs),
        message: d.isDirectory()
          ? `not a collection${didYouMean(d.name, dirs.keys())} (collections: ${[...dirs.keys()].join(', ')})`
          : `files go in a collection's folder (${[...dirs.keys()].join(', ')}), not at the top of content/`,
      });
      continue;
    }
    const { extensions } = COLLECTION_FILES[collection];
    for (const file of await walk(abs)) {
      const ext = path.extname(file);
      if (extensions.includes(ext)) found.push({ collection, abs: file, rel: rel(file) });
      else {
        problems.push({
          file: rel(file),
          message: `${collection} are ${extensions.join(' or ')} files; this one would be ignored: rename it to ${path.basename(file, ext)}${extensions[0]}`,
        });
      }
    }
  }
  return { found, problems };
}

/** Which other collection a file that fails its own schema would fit, to suggest a move. */
function fitsElsewhere(parsed: ParsedFile, own: CollectionName): CollectionName | undefined {
  return COLLECTIONS.find((c) => c !== own && schemas[c].safeParse(parsed.data).success);
}

async function mapLimited<T, R>(items: T[], limit: number, fn: (t: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export interface LoadOptions {
  /**
   * Files as they would be after an edit, by path from the project root
   * (`content/modifications/SECMP0049.md`): read instead of the disk, or added to it. The
   * editors' commands validate what they are about to write this way, before writing it.
   */
  overrides?: ReadonlyMap<string, Uint8Array>;
}

/** Adds files that exist only as overrides to those found on disk. */
function addOverrides(
  root: string,
  contentDir: string,
  found: Found[],
  problems: Problem[],
  overrides: ReadonlyMap<string, Uint8Array>,
) {
  const known = new Set(found.map((f) => f.rel));
  const dirs = new Map(COLLECTIONS.map((c) => [COLLECTION_FILES[c].dir, c]));
  for (const rel of overrides.keys()) {
    if (known.has(rel)) continue;
    const abs = path.join(root, rel);
    const [dir, ...rest] = toPosix(path.relative(contentDir, abs)).split('/');
    const collection = dirs.get(dir ?? '');
    if (
      collection &&
      rest.length > 0 &&
      !rest.includes('..') &&
      COLLECTION_FILES[collection].extensions.includes(path.extname(abs))
    ) {
      found.push({ collection, abs, rel });
    } else {
      problems.push({ file: rel, message: 'not a file of any collection' });
    }
  }
}

/** A content file's bytes, by collection. */
export interface ContentFile {
  collection: CollectionName;
  /** Path from the project root. */
  rel: string;
  bytes: Uint8Array;
}

/** What one file gives: an entry, or the valid parts of one that failed, and its problems. */
export interface FileResult {
  collection: CollectionName;
  id: string;
  problems: Problem[];
  /** The validated entry, when the file has no problem of its own. */
  entry?: Entry<unknown>;
  /** The parts of a failed file that are valid on their own: their references are checked. */
  partial?: Entry<unknown>;
  parsed?: ParsedFile;
}

/** Reads and validates one file on its own (references are checked with the others, by {@link combine}). */
export function readEntry(file: ContentFile): FileResult {
  const { collection, rel, bytes } = file;
  const id = path.posix.basename(rel, path.posix.extname(rel));
  const kind = COLLECTION_FILES[collection].extensions[0] === '.yaml' ? 'yaml' : 'markdown';
  const read = parseBytes(bytes, kind);
  if (!read.ok) {
    return {
      collection,
      id,
      problems: [{ file: rel, line: read.line, field: read.field, message: read.message }],
    };
  }
  const checked = validate(schemas[collection], read.file, rel, DERIVED_FIELDS[collection]);
  if (!checked.ok) {
    const elsewhere = fitsElsewhere(read.file, collection);
    if (elsewhere) {
      const message = `this looks like a file of ${elsewhere}, not ${collection}: move it to content/${COLLECTION_FILES[elsewhere].dir}/`;
      return { collection, id, problems: [{ file: rel, message }] };
    }
    const partial = { id, data: salvage(schemas[collection], read.file.data) ?? {}, filePath: rel };
    return { collection, id, problems: checked.problems, partial, parsed: read.file };
  }
  const entry: Entry<unknown> = { id, data: checked.data, filePath: rel };
  if (kind === 'markdown') entry.body = read.file.body;
  return { collection, id, problems: [], entry, parsed: read.file };
}

/** Puts files read by {@link readEntry} together into a corpus and checks what spans them. */
export function combine(results: readonly FileResult[]): { corpus: Corpus; problems: Problem[] } {
  const corpus = emptyCorpus();
  const problems: Problem[] = [];
  const parsedFiles = new Map<string, ParsedFile>();
  /** Ids of files that failed to load: references to them are not reported again. */
  const failed = new Map<string, Set<string>>(COLLECTIONS.map((c) => [c, new Set()]));
  const partial: Entry<unknown>[] = [];
  for (const r of results) {
    problems.push(...r.problems);
    if (r.entry) {
      (corpus[r.collection] as Entry<unknown>[]).push(r.entry);
      if (r.parsed) parsedFiles.set(r.entry.filePath!, r.parsed);
    } else {
      failed.get(r.collection)!.add(r.id);
      if (r.partial) {
        partial.push(r.partial);
        if (r.parsed) parsedFiles.set(r.partial.filePath!, r.parsed);
      }
    }
  }
  for (const entries of Object.values(corpus) as Entry<unknown>[][]) {
    entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  problems.push(
    ...checkIntegrity(
      corpus,
      (entry, p) => (entry.filePath ? parsedFiles.get(entry.filePath)?.lineOf(p) : undefined),
      failed,
      partial,
    ),
  );
  return { corpus, problems };
}

/** Loads `<root>/content`. */
export async function loadContent(
  root: string,
  contentDir = path.join(root, 'content'),
  options: LoadOptions = {},
): Promise<LoadResult> {
  const { found, problems } = await discover(root, contentDir);
  const overrides = options.overrides ?? new Map<string, Uint8Array>();
  addOverrides(root, contentDir, found, problems, overrides);
  const files = await mapLimited(found, 64, async (f) => ({
    collection: f.collection,
    rel: f.rel,
    bytes: overrides.get(f.rel) ?? (await readFile(f.abs)),
  }));
  const combined = combine(files.map(readEntry));
  return { corpus: combined.corpus, problems: [...problems, ...combined.problems], files: found.length };
}
