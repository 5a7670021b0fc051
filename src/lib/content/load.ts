/**
 * Loads and validates all content outside Astro: for `npm run check`, the newsletter and
 * the editors' commands. Reports every problem at once; returns a corpus only when there
 * are none.
 */
import { type Dirent, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { COLLECTION_FILES, COLLECTIONS, type CollectionName, schemas } from '../../schemas/index.ts';
import { type Corpus, emptyCorpus, type Entry } from '../corpus.ts';
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

/** The kind of text a collection's files hold. */
const kindOf = (collection: CollectionName) =>
  COLLECTION_FILES[collection].extensions[0] === '.yaml' ? 'yaml' : 'markdown';

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
  const { found, problems } = discover(root, contentDir);
  const overrides = options.overrides ?? new Map<string, Uint8Array>();
  addOverrides(root, contentDir, found, problems, overrides);
  // One file at a time, read synchronously and checked at once: for thousands of small files
  // this is several times cheaper than concurrent promise-based reads, and no file's bytes
  // outlive its check.
  const results = found.map((f) => {
    const bytes = overrides.get(f.rel);
    return bytes
      ? readEntry({ collection: f.collection, rel: f.rel, bytes })
      : readEntryFromDisk(f.collection, f.rel, f.abs);
  });
  const combined = combine(results);
  return { corpus: combined.corpus, problems: [...problems, ...combined.problems], files: found.length };
}
