/**
 * Writes what an editors' command made, only if the content is valid with it: the new text
 * is validated by the same loader as `npm run check` before anything touches the disk, and
 * then written whole (a temporary file renamed into place), never partially.
 */
import { link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { loadContent } from '../content/load.ts';
import { ContentError, formatProblem, type Problem } from '../content/problems.ts';
import { parseBytes } from '../content/read.ts';
import type { Corpus } from '../corpus.ts';
import { EditError } from './errors.ts';

export interface PlannedWrite {
  /** Path from the project root: `content/modifications/SECMP0059.md`. */
  file: string;
  /** The whole new text. */
  text: string;
  /** The bytes it replaces, or undefined for a new file (which must not exist yet). */
  previous?: Uint8Array;
}

export interface WriteResult {
  /** Problems already in the content, elsewhere, that this edit did not cause. */
  unrelated: Problem[];
}

const encoder = new TextEncoder();

async function exists(p: string): Promise<boolean> {
  return readFile(p).then(
    () => true,
    () => false,
  );
}

/**
 * A check that needs the whole valid corpus, run as `npm run check` runs it (only when the
 * loader finds no problem): the newsletter's “nothing to send” check, for one.
 */
export type CorpusCheck = (
  corpus: Corpus,
  lineOf: (file: string, path: readonly PropertyKey[]) => number | undefined,
) => Problem[];

/** Loads the content, as it is or with overrides, and runs the corpus checks if it is valid. */
async function loadAndCheck(
  root: string,
  overrides: ReadonlyMap<string, Uint8Array>,
  checks: readonly CorpusCheck[],
): Promise<Problem[]> {
  const loaded = await loadContent(root, undefined, { overrides });
  if (loaded.problems.length || checks.length === 0) return loaded.problems;
  const lines = new Map<string, (p: readonly PropertyKey[]) => number>();
  for (const entry of loaded.corpus.newsletters) {
    if (!entry.filePath) continue;
    const bytes = overrides.get(entry.filePath) ?? (await readFile(path.join(root, entry.filePath)));
    const read = parseBytes(bytes, 'markdown');
    if (read.ok) lines.set(entry.filePath, read.file.lineOf);
  }
  return checks.flatMap((check) => check(loaded.corpus, (file, p) => lines.get(file)?.(p)));
}

/** Problems that an edit would introduce: all of those in its files, and new ones elsewhere. */
export async function problemsOfEdit(
  root: string,
  writes: readonly PlannedWrite[],
  checks: readonly CorpusCheck[] = [],
): Promise<{ introduced: Problem[]; unrelated: Problem[] }> {
  const overrides = new Map(writes.map((w) => [w.file, encoder.encode(w.text)]));
  const [before, after] = await Promise.all([
    loadAndCheck(root, new Map(), checks),
    loadAndCheck(root, overrides, checks),
  ]);
  const existing = new Set(before.map(formatProblem));
  const touched = new Set(writes.map((w) => w.file));
  const introduced: Problem[] = [];
  const unrelated: Problem[] = [];
  for (const p of after) {
    if (touched.has(p.file) || !existing.has(formatProblem(p))) introduced.push(p);
    else unrelated.push(p);
  }
  return { introduced, unrelated };
}

/**
 * Validates and writes. Throws {@link ContentError} with every problem the edit would
 * introduce, or {@link EditError} if a new file exists already or a file changed meanwhile;
 * in both cases nothing is written.
 */
export async function writeValidated(
  root: string,
  writes: readonly PlannedWrite[],
  checks: readonly CorpusCheck[] = [],
): Promise<WriteResult> {
  for (const w of writes) {
    if (!w.previous && (await exists(path.join(root, w.file)))) {
      throw new EditError(`${w.file} exists already: nothing was written (it is never overwritten)`);
    }
  }
  const { introduced, unrelated } = await problemsOfEdit(root, writes, checks);
  if (introduced.length) throw new ContentError(introduced);

  const temps: { temp: string; target: string; create: boolean }[] = [];
  try {
    for (const w of writes) {
      const target = path.join(root, w.file);
      if (w.previous) {
        const now = await readFile(target);
        if (!Buffer.from(w.previous).equals(now)) {
          throw new EditError(`${w.file} changed while the command ran: nothing was written; run it again`);
        }
      }
      await mkdir(path.dirname(target), { recursive: true });
      // A dot file: the loader and Astro ignore it should it ever be left behind.
      const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
      await writeFile(temp, w.text);
      temps.push({ temp, target, create: !w.previous });
    }
    for (const t of temps) {
      if (t.create) {
        // link() refuses to replace an existing file, unlike rename().
        await link(t.temp, t.target).catch((e: NodeJS.ErrnoException) => {
          if (e.code === 'EEXIST')
            throw new EditError(`${path.relative(root, t.target)} exists already: nothing was written`);
          throw e;
        });
        await unlink(t.temp);
      } else await rename(t.temp, t.target);
    }
  } finally {
    await Promise.all(temps.map((t) => unlink(t.temp).catch(() => undefined)));
  }
  return { unrelated };
}
