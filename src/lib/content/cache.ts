/**
 * The loader's persistent cache: what each content file gave last time (its validated entry,
 * or its problems), so that `npm run check`, `build`, `newsletter`, `new` and `record` read
 * and validate again only the files that changed. Checks that span files (references,
 * duplicates, ids) are never cached: they run on the whole corpus every time, so the result
 * is the same with or without the cache.
 *
 * One file, `node_modules/.cache/sec-press/content/files.bin` under the project root,
 * replaced whole (written beside it, then renamed) and checked by a CRC when read: a cache
 * that is missing, damaged, from another version of the code or from another content folder
 * is ignored and rebuilt, never an error.
 *
 * A file's result is reused while its path, size, modification time, change time and inode
 * are what they were. A file changed within {@link RACY_MS} of being read is “racy”: a
 * second save in the same tick of the file system's clock could leave all of those as they
 * were, so its result is kept with a hash of its bytes, and reused only if the bytes still
 * hash the same.
 */
import { createHash, hash } from 'node:crypto';
import {
  closeSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  renameSync,
  rmSync,
  type Stats,
  writevSync,
} from 'node:fs';
import { findPackageJSON } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { crc32 } from 'node:zlib';

/** Where the cache lives, from the project root. */
export const CACHE_DIR = 'node_modules/.cache/sec-press/content';
/** The project's `src/`. */
const SRC = fileURLToPath(new URL('../../', import.meta.url));
export const CACHE_FILE = 'files.bin';
const MAGIC = Buffer.from('sec-press content cache 1\n');
/**
 * How recent a change must be for size and times not to prove a file unchanged: wide enough
 * for file systems that keep times to the second or two (FAT, HFS+) and for a file system
 * clock a few seconds off this machine's.
 */
export const RACY_MS = 10_000;

/** What identifies a file's version on disk without reading it. */
export type Stamp = readonly [size: number, mtimeMs: number, ctimeMs: number, ino: number];

export const stampOf = (s: Stats): Stamp => [s.size, s.mtimeMs, s.ctimeMs, s.ino];

const sameStamp = (a: Stamp, b: Stamp) => a[0] === b[0] && a[1] === b[1] && a[2] === b[2] && a[3] === b[3];

/** Whether a stamp is too recent, at `now`, to prove its file unchanged later. */
export const isRacy = (s: Stamp, now: number) => Math.max(s[1], s[2]) > now - RACY_MS;

export const hashBytes = (bytes: Uint8Array) => hash('sha256', bytes, 'base64');

/**
 * The sources whose code decides a file's result, with their contents: every module of the
 * loader and of the schemas, and every module they import (dates, corpus), found by following
 * relative imports.
 */
export function loaderSources(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  const add = (file: string) => {
    if (files.has(file)) return;
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return;
    }
    files.set(file, bytes);
    for (const m of bytes.toString('utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+\.ts)'/g)) {
      add(path.resolve(path.dirname(file), m[1]!));
    }
  };
  for (const dir of ['lib/content', 'schemas']) {
    for (const e of readdirSync(path.join(SRC, dir), { recursive: true, withFileTypes: true })) {
      if (e.isFile() && e.name.endsWith('.ts')) add(path.join(e.parentPath, e.name));
    }
  }
  return files;
}

/** The version of a package as this module resolves it (through `via` if given). */
function packageVersion(name: string, via?: string): string {
  try {
    const base = via ? pathToFileURL(findPackageJSON(via, import.meta.url)!) : import.meta.url;
    const file = findPackageJSON(name, base);
    return file ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version : 'none';
  } catch {
    return 'unknown';
  }
}

let versionKey: string | undefined;

/**
 * What the cached results depend on besides the files themselves: the code of the loader and
 * the schemas (file contents, hashed), the packages that parse and validate, and Node's
 * (the cache is in V8's serialisation format). Computed once a process, in a few milliseconds.
 */
export function cacheVersion(): string {
  if (versionKey) return versionKey;
  const h = createHash('sha256');
  h.update(`node ${process.versions.node}\0v8 ${process.versions.v8}\0`);
  h.update(`zod ${packageVersion('zod', 'astro/zod')}\0js-yaml ${packageVersion('js-yaml')}\0`);
  h.update(`yaml ${packageVersion('yaml')}\0fastest-levenshtein ${packageVersion('fastest-levenshtein')}\0`);
  const sources = loaderSources();
  for (const file of [...sources.keys()].sort()) {
    h.update(`${path.relative(SRC, file)}\0`);
    h.update(sources.get(file)!);
    h.update('\0');
  }
  versionKey = h.digest('base64');
  return versionKey;
}

/**
 * The cache file: `MAGIC`, each file's result serialised (V8's format), the header (which
 * file each is, and its stamp, hash and length), the header's length, and a CRC-32 of all
 * that. The header comes last so that the results can be written as they are serialised.
 */
interface Header {
  version: string;
  contentDir: string;
  /** Per file, in the order of the results: path from the project root, stamp, hash of the bytes if racy, length. */
  files: [rel: string, stamp: Stamp, hash: string | null, length: number][];
}

interface CacheRecord<T> {
  stamp: Stamp;
  hash: string | null;
  value: T;
  /** Where the serialised value is in the old cache file; none for a new record. */
  payload?: { offset: number; length: number };
}

/**
 * Reads a file front to back through one small buffer that is reused (fresh memory is what
 * costs most in reading a cache of tens of megabytes), with a running CRC of what was read.
 */
class SequentialReader {
  readonly #fd: number;
  #buf = Buffer.allocUnsafe(1 << 20);
  #start = 0;
  #end = 0;
  /** Offset in the file of the next byte to take. */
  offset = 0;
  crc = 0;

  constructor(fd: number) {
    this.#fd = fd;
  }

  /** The next `n` bytes, valid until the next call. */
  take(n: number): Buffer {
    if (this.#end - this.#start < n) {
      const kept = this.#buf.subarray(this.#start, this.#end);
      if (n > this.#buf.length) this.#buf = Buffer.concat([kept], Math.max(n, this.#buf.length * 2));
      else kept.copy(this.#buf, 0);
      this.#end = kept.length;
      this.#start = 0;
      while (this.#end < n) {
        const read = readSync(
          this.#fd,
          this.#buf,
          this.#end,
          this.#buf.length - this.#end,
          this.offset + this.#end,
        );
        if (read === 0) throw new Error('the cache file ends early');
        this.#end += read;
      }
    }
    const out = this.#buf.subarray(this.#start, this.#start + n);
    this.#start += n;
    this.offset += n;
    this.crc = crc32(out, this.crc);
    return out;
  }
}

/** `n` bytes at a position of a file. */
function readAt(fd: number, position: number, n: number): Buffer {
  const buf = Buffer.allocUnsafe(n);
  for (let done = 0; done < n;) {
    const read = readSync(fd, buf, done, n - done, position + done);
    if (read === 0) throw new Error('the cache file ends early');
    done += read;
  }
  return buf;
}

/** Reads a cache file; undefined if there is none or it cannot be trusted. */
function readCacheFile<T>(
  fd: number,
  contentDir: string,
  version: string,
): Map<string, CacheRecord<T>> | undefined {
  try {
    const size = fstatSync(fd).size;
    if (size < MAGIC.length + 8) return undefined;
    const trailer = readAt(fd, size - 8, 8);
    const headerLength = trailer.readUInt32LE(0);
    const headerStart = size - 8 - headerLength;
    if (headerStart < MAGIC.length) return undefined;
    const headerBytes = readAt(fd, headerStart, headerLength);
    const header = v8.deserialize(headerBytes) as Header;
    if (header.version !== version || header.contentDir !== contentDir) return undefined;
    const reader = new SequentialReader(fd);
    if (!reader.take(MAGIC.length).equals(MAGIC)) return undefined;
    const records = new Map<string, CacheRecord<T>>();
    for (const [rel, stamp, hash, length] of header.files) {
      if (reader.offset + length > headerStart) return undefined;
      const offset = reader.offset;
      const value = v8.deserialize(reader.take(length)) as T;
      records.set(rel, { stamp, hash, value, payload: { offset, length } });
    }
    if (reader.offset !== headerStart) return undefined;
    const crc = crc32(trailer.subarray(0, 4), crc32(headerBytes, reader.crc));
    return crc === trailer.readUInt32LE(4) ? records : undefined;
  } catch {
    return undefined;
  }
}

/** Writes buffers to a file in batches, with a running CRC. */
class BatchWriter {
  readonly #fd: number;
  #batch: Uint8Array[] = [];
  #bytes = 0;
  crc = 0;

  constructor(fd: number) {
    this.#fd = fd;
  }

  write(b: Uint8Array): void {
    this.crc = crc32(b, this.crc);
    this.#batch.push(b);
    this.#bytes += b.length;
    if (this.#batch.length >= 512 || this.#bytes >= 1 << 20) this.flush();
  }

  flush(): void {
    let batch = this.#batch;
    while (batch.length) {
      let written = writevSync(this.#fd, batch);
      // A short write: carry on from where it stopped.
      let i = 0;
      while (i < batch.length && written >= batch[i]!.length) written -= batch[i++]!.length;
      batch = batch.slice(i);
      if (written > 0) batch[0] = batch[0]!.subarray(written);
    }
    this.#batch = [];
    this.#bytes = 0;
  }
}

const u32 = (n: number) => {
  const b = Buffer.allocUnsafe(4);
  b.writeUInt32LE(n);
  return b;
};

/**
 * The cache of one content folder, for one load: look files up, record what was read, save,
 * close. Every method is safe to call whatever state the cache file is in; none throws.
 */
export class ContentCache<T> {
  readonly #file: string;
  readonly #contentDir: string;
  readonly #writable: boolean;
  readonly #version: string;
  #fd: number | undefined;
  readonly #old: Map<string, CacheRecord<T>>;
  readonly #new = new Map<string, CacheRecord<T>>();
  #changed: boolean;

  /**
   * @param root the project root, whose `node_modules/.cache` holds the cache.
   * @param options.writable false to use the cache without updating it.
   * @param options.version what the results depend on besides the files ({@link cacheVersion}).
   */
  constructor(root: string, contentDir: string, options: { writable?: boolean; version?: string } = {}) {
    this.#file = path.join(root, CACHE_DIR, CACHE_FILE);
    this.#contentDir = contentDir;
    this.#writable = options.writable ?? true;
    this.#version = options.version ?? cacheVersion();
    try {
      this.#fd = openSync(this.#file, 'r');
    } catch {
      this.#fd = undefined;
    }
    const old = this.#fd === undefined ? undefined : readCacheFile<T>(this.#fd, contentDir, this.#version);
    this.#old = old ?? new Map();
    this.#changed = !old;
    if (!old || !this.#writable) this.close();
  }

  /** How many files the cache held when it was opened. */
  get size(): number {
    return this.#old.size;
  }

  /**
   * The result recorded for a file, if its stamp is unchanged (and, for a racy file, its
   * bytes, read through `bytes`, still hash the same).
   */
  get(rel: string, stamp: Stamp, now: number, bytes: () => Uint8Array): T | undefined {
    const record = this.#old.get(rel);
    if (!record || !sameStamp(record.stamp, stamp)) return undefined;
    if (record.hash !== null && record.hash !== hashBytes(bytes())) return undefined;
    // Settled since: kept without its hash from now on.
    if (record.hash !== null && !isRacy(stamp, now)) {
      this.#new.set(rel, { ...record, hash: null });
      this.#changed = true;
    } else this.#new.set(rel, record);
    return record.value;
  }

  /** Records what a file gave (serialised when saved; a value that cannot be is left out). */
  set(rel: string, stamp: Stamp, hash: string | null, value: T): void {
    this.#changed = true;
    this.#new.set(rel, { stamp, hash, value });
  }

  /**
   * Writes the cache if anything changed (a file added, changed, renamed or removed), whole:
   * written beside it then renamed, so a reader sees the old cache or the new one. A cache
   * that cannot be written is no error: the next run reads the files again.
   */
  save(): void {
    if (!this.#writable || (!this.#changed && this.#new.size === this.#old.size)) return this.close();
    const temp = `${this.#file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    let fd: number | undefined;
    try {
      mkdirSync(path.dirname(this.#file), { recursive: true });
      fd = openSync(temp, 'w');
      const out = new BatchWriter(fd);
      out.write(MAGIC);
      const files: Header['files'] = [];
      // Unchanged results are copied from the old file, in runs, through one buffer; new ones
      // are serialised one at a time as they are written.
      const copy = Buffer.allocUnsafe(1 << 20);
      let run: { offset: number; length: number } | undefined;
      const flushRun = () => {
        if (!run) return;
        out.flush();
        for (let done = 0; done < run.length;) {
          const n = Math.min(copy.length, run.length - done);
          const read = readSync(this.#fd!, copy, 0, n, run.offset + done);
          if (read === 0) throw new Error('the old cache file ends early');
          out.write(copy.subarray(0, read));
          out.flush();
          done += read;
        }
        run = undefined;
      };
      for (const [rel, r] of this.#new) {
        if (r.payload) {
          if (run && run.offset + run.length === r.payload.offset) run.length += r.payload.length;
          else {
            flushRun();
            run = { ...r.payload };
          }
          files.push([rel, r.stamp, r.hash, r.payload.length]);
          continue;
        }
        let payload: Uint8Array;
        try {
          payload = v8.serialize(r.value);
        } catch {
          continue; // Read again next time.
        }
        flushRun();
        out.write(payload);
        files.push([rel, r.stamp, r.hash, payload.length]);
      }
      flushRun();
      const header = v8.serialize({
        version: this.#version,
        contentDir: this.#contentDir,
        files,
      } satisfies Header);
      out.write(header);
      out.write(u32(header.length));
      out.write(u32(out.crc));
      out.flush();
      closeSync(fd);
      fd = undefined;
      renameSync(temp, this.#file);
    } catch {
      try {
        if (fd !== undefined) closeSync(fd);
        rmSync(temp, { force: true });
      } catch {
        // Nothing was written.
      }
    } finally {
      this.close();
    }
  }

  /** Lets go of the old cache file (save does it). */
  close(): void {
    if (this.#fd === undefined) return;
    try {
      closeSync(this.#fd);
    } catch {
      // Closed already.
    }
    this.#fd = undefined;
  }
}
