/**
 * Loads and validates all content outside Astro: for `npm run check`, the newsletter and
 * the editors' commands. Reports every problem at once; returns a corpus only when there
 * are none.
 */
import { type Dirent, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { COLLECTION_FILES, COLLECTIONS, type CollectionName, schemas } from '../../schemas/index.ts';
import { type Corpus, emptyCorpus, type Entry } from '../corpus.ts';
import { ContentCache, hashBytes, isRacy, stampOf } from './cache.ts';
import { DERIVED_FIELDS } from './hints.ts';
import { checkIntegrity } from './integrity.ts';
import type { Problem } from './problems.ts';
import { parseBytes, parseDecoded, type ParsedFile, type ReadResult } from './read.ts';
import { didYouMean } from './suggest.ts';
import { salvage, validate } from './validate.ts';

export interface LoadResult {
  corpus: Corpus;
  problems: Problem[];
  /** How many files were read. */
  files: number;
  /** How many of them were unchanged since the last load, their results taken from the cache. */
  fromCache: number;
}

interface Found {
  collection: CollectionName;
  abs: string;
  rel: string;
}

/** Every file under a folder (dot files and folders aside), as paths from the project root. */
function walk(abs: string, rel: string, out: { abs: string; rel: string }[]): void {
  for (const d of readdirSync(abs, { withFileTypes: true })) {
    if (d.name.startsWith('.')) continue;
    const a = path.join(abs, d.name);
    // Joined by hand: `path.relative` for each of 10,000 files is a measurable part of a check.
    const r = `${rel}/${d.name}`;
    if (d.isDirectory()) walk(a, r, out);
    else out.push({ abs: a, rel: r });
  }
}

const toPosix = (p: string) => p.split(path.sep).join('/');

/** Lists content files by collection; anything that belongs to none is a problem, not skipped. */
function discover(root: string, contentDir: string): { found: Found[]; problems: Problem[] } {
  const found: Found[] = [];
  const problems: Problem[] = [];
  const rel = (p: string) => toPosix(path.relative(root, p));
  const dirs = new Map(COLLECTIONS.map((c) => [COLLECTION_FILES[c].dir, c]));
  let top: Dirent[];
  try {
    top = readdirSync(contentDir, { withFileTypes: true });
  } catch {
    return { found, problems: [{ file: rel(contentDir), message: 'the content folder is missing' }] };
  }
  const contentRel = rel(contentDir);
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
    const files: { abs: string; rel: string }[] = [];
    walk(abs, contentRel ? `${contentRel}/${d.name}` : d.name, files);
    for (const file of files) {
      const ext = path.extname(file.abs);
      if (extensions.includes(ext)) found.push({ collection, ...file });
      else {
        problems.push({
          file: file.rel,
          message: `${collection} are ${extensions.join(' or ')} files; this one would be ignored: rename it to ${path.basename(file.abs, ext)}${extensions[0]}`,
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

export interface LoadOptions {
  /**
   * Files as they would be after an edit, by path from the project root
   * (`content/modifications/SECMP0049.md`): read instead of the disk, or added to it. The
   * editors' commands validate what they are about to write this way, before writing it.
   */
  overrides?: ReadonlyMap<string, Uint8Array>;
  /**
   * Whether to reuse what unchanged files gave last time, and record what changed files give
   * (`node_modules/.cache/sec-press/content/`, see `cache.ts`). The default is yes, unless the
   * environment says `SEC_PRESS_CACHE=0`. A load with overrides reads the cache but does not
   * update it.
   */
  cache?: boolean;
  /**
   * The time the load takes as now, in ms (default: the clock): files changed in the seconds
   * before it are checked against the cache by hash, not by size and times alone.
   */
  now?: number;
}

/** Whether the persistent cache is on by default: `SEC_PRESS_CACHE=0` (or `false`, `off`) turns it off. */
export const cacheByDefault = () => !/^(0|false|no|off)$/i.test(process.env.SEC_PRESS_CACHE?.trim() ?? '');

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

/** The kind of text a collection's files hold. */
const kindOf = (collection: CollectionName) =>
  COLLECTION_FILES[collection].extensions[0] === '.yaml' ? 'yaml' : 'markdown';

/** Extensions of the files that are YAML alone. */
const YAML_EXTENSIONS = new Set(
  COLLECTIONS.filter((c) => kindOf(c) === 'yaml').flatMap((c) => COLLECTION_FILES[c].extensions),
);

/** Reads and validates one file on its own (references are checked with the others, by {@link combine}). */
export function readEntry(file: ContentFile): FileResult {
  return entryOf(file.collection, file.rel, parseBytes(file.bytes, kindOf(file.collection)));
}

/** {@link readEntry} of a file on disk. */
function readEntryFromDisk(collection: CollectionName, rel: string, abs: string): FileResult {
  const kind = kindOf(collection);
  const read = parseDecoded(readFileSync(abs, 'utf8'), kind) ?? parseBytes(readFileSync(abs), kind);
  return entryOf(collection, rel, read);
}

/** Validates a file that has been read. */
function entryOf(collection: CollectionName, rel: string, read: ReadResult): FileResult {
  const id = path.posix.basename(rel, path.posix.extname(rel));
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
  if (kindOf(collection) === 'markdown') entry.body = read.file.body;
  return { collection, id, problems: [], entry, parsed: read.file };
}

/**
 * Puts files read by {@link readEntry} together into a corpus and checks what spans them.
 * The lines of problems that span files come from each result's parsed file or, where a
 * result has none (the loader does not keep them), from `reread`, called only for the few
 * files with such a problem.
 */
export function combine(
  results: readonly FileResult[],
  reread: (filePath: string) => ParsedFile | undefined = () => undefined,
): { corpus: Corpus; problems: Problem[] } {
  const corpus = emptyCorpus();
  const problems: Problem[] = [];
  const parsedFiles = new Map<string, ParsedFile | undefined>();
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
  const parsedOf = (filePath: string) => {
    if (!parsedFiles.has(filePath)) parsedFiles.set(filePath, reread(filePath));
    return parsedFiles.get(filePath);
  };
  for (const entries of Object.values(corpus) as Entry<unknown>[][]) {
    entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  problems.push(
    ...checkIntegrity(
      corpus,
      (entry, p) => (entry.filePath ? parsedOf(entry.filePath)?.lineOf(p) : undefined),
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
  const { found, problems } = discover(root, contentDir);
  const overrides = options.overrides ?? new Map<string, Uint8Array>();
  addOverrides(root, contentDir, found, problems, overrides);
  const cache =
    (options.cache ?? cacheByDefault())
      ? new ContentCache<FileResult>(root, contentDir, { writable: overrides.size === 0 })
      : undefined;
  const now = options.now ?? Date.now();
  let fromCache = 0;
  let results: FileResult[];
  try {
    // One file at a time, read synchronously and checked at once: for thousands of small
    // files this is several times cheaper than concurrent promise-based reads, and no file's
    // bytes outlive its check.
    results = found.map((f) => {
      const bytes = overrides.get(f.rel);
      if (cache && !bytes) {
        const [result, cached] = readThroughCache(cache, f, now);
        if (cached) fromCache++;
        return result;
      }
      const result = bytes
        ? readEntry({ collection: f.collection, rel: f.rel, bytes })
        : readEntryFromDisk(f.collection, f.rel, f.abs);
      // Its parsed form (its text, a way to its lines) is not kept either: the few files with
      // a problem that spans files are read again for their lines.
      delete result.parsed;
      return result;
    });
    cache?.save();
  } finally {
    cache?.close();
  }
  const combined = combine(results, (rel) => reread(root, rel, overrides));
  return {
    corpus: combined.corpus,
    problems: [...problems, ...combined.problems],
    files: found.length,
    fromCache,
  };
}

/** A file's result from the cache if the file is unchanged, or read and recorded there. */
function readThroughCache(
  cache: ContentCache<FileResult>,
  f: Found,
  now: number,
): [result: FileResult, cached: boolean] {
  // The stamp is taken before the bytes are read: a change in between shows next time.
  const stamp = stampOf(statSync(f.abs));
  let bytes: Uint8Array | undefined;
  const readBytes = () => (bytes ??= readFileSync(f.abs));
  const cached = cache.get(f.rel, stamp, now, readBytes);
  if (cached) return [cached, true];
  const racy = isRacy(stamp, now);
  const result =
    racy || bytes
      ? readEntry({ collection: f.collection, rel: f.rel, bytes: readBytes() })
      : readEntryFromDisk(f.collection, f.rel, f.abs);
  delete result.parsed;
  cache.set(f.rel, stamp, racy ? hashBytes(readBytes()) : null, result);
  return [result, false];
}

/** A file of the corpus parsed again, for the lines of its problems; undefined if it cannot be. */
function reread(
  root: string,
  rel: string,
  overrides: ReadonlyMap<string, Uint8Array>,
): ParsedFile | undefined {
  let bytes = overrides.get(rel);
  try {
    bytes ??= readFileSync(path.join(root, rel));
  } catch {
    return undefined;
  }
  const read = parseBytes(bytes, YAML_EXTENSIONS.has(path.extname(rel)) ? 'yaml' : 'markdown');
  return read.ok ? read.file : undefined;
}
