/**
 * Property: whatever an editor saves, the loader either accepts it or reports problems
 * that name the file and say what is wrong (with a field and a line where it can), and it
 * never throws. Thousands of documents: the example files mutated (keys dropped, renamed,
 * retyped, added), random YAML, random bytes and random edits of the text.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import jsyaml from 'js-yaml';
import { stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/run.ts';
import { combine, type ContentFile, type FileResult, readEntry } from '../../src/lib/content/load.ts';
import { formatProblem, type Problem } from '../../src/lib/content/problems.ts';
import { COLLECTION_FILES, COLLECTIONS, type CollectionName } from '../../src/schemas/index.ts';

/** Thousands of documents take a few seconds; a machine busy with other work may need more. */
const TIMEOUT = 120_000;

let files: ContentFile[];
let results: FileResult[];

beforeAll(async () => {
  files = [];
  for (const collection of COLLECTIONS) {
    const dir = path.join(PROJECT_ROOT, 'content', COLLECTION_FILES[collection].dir);
    for (const name of (await readdir(dir)).filter((n) =>
      COLLECTION_FILES[collection].extensions.includes(path.extname(n)),
    )) {
      files.push({
        collection,
        rel: `content/${COLLECTION_FILES[collection].dir}/${name}`,
        bytes: await readFile(path.join(dir, name)),
      });
    }
  }
  results = files.map(readEntry);
  expect(combine(results).problems).toEqual([]);
});

/** Loads the example content with one file replaced (or added), as the loader does. */
function loadWith(file: ContentFile): { problems: Problem[]; valid: boolean } {
  const own = readEntry(file);
  const rest = results.filter((_r, i) => files[i]!.rel !== file.rel);
  const { problems, corpus } = combine([...rest, own]);
  const valid = (corpus[file.collection] as { filePath?: string }[]).some((e) => e.filePath === file.rel);
  return { problems, valid };
}

const known = () => new Set(files.map((f) => f.rel));

/** The property: no exception; either valid, or problems that make sense. */
function check(file: ContentFile): void {
  let outcome: ReturnType<typeof loadWith>;
  try {
    outcome = loadWith(file);
  } catch (error) {
    throw new Error(
      `the loader threw on ${file.rel}: ${(error as Error).stack}\n--- input ---\n${Buffer.from(file.bytes).toString('utf8').slice(0, 2000)}`,
      { cause: error },
    );
  }
  const { problems, valid } = outcome;
  const lines = Buffer.from(file.bytes)
    .toString('utf8')
    .split(/\r\n|\r|\n/).length;
  const rels = known().add(file.rel);
  if (!valid) expect(problems.length, 'an invalid file must be reported').toBeGreaterThan(0);
  for (const p of problems) {
    const text = formatProblem(p);
    expect(rels.has(p.file), text).toBe(true);
    expect(p.message.trim().length, text).toBeGreaterThan(5);
    expect(text).not.toMatch(/\bundefined\b|\[object Object\]|\bNaN\b|^\s+at /m);
    if (p.line !== undefined) {
      expect(Number.isInteger(p.line) && p.line >= 1, text).toBe(true);
      if (p.file === file.rel) expect(p.line, text).toBeLessThanOrEqual(lines + 1);
    }
    if (p.field !== undefined) expect(p.field.length, text).toBeGreaterThan(0);
  }
}

// ---------------------------------------------------------------------------------------
// Mutations of the data of an example file

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path in a value, to pick one from. */
function pathsOf(value: Json, at: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...pathsOf(v, [...at, i])));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...at, k]));
  return out;
}

const mutation = fc.record({
  op: fc.constantFrom('drop', 'rename', 'retype', 'add', 'misspell', 'emptyString', 'push'),
  at: fc.nat(),
  key: fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('stage', 'tittle', 'id', 'date', 'meeting', 'type', '__proto__', 'constructor'),
  ),
  value: fc.oneof(
    fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
    fc.constantFrom<Json>(
      '2018-02-30',
      '31/08/2018',
      '2018-13',
      '2018-08-10T25:00',
      'SECMP0100',
      'sec-panle',
      '',
      ' ',
      '5.20',
      'https://',
      'dcc',
      null,
    ),
  ),
});

function applyMutation(data: Json, m: { op: string; at: number; key: string; value: Json }): Json {
  const copy = structuredClone(data);
  const paths = pathsOf(copy);
  const target = paths[m.at % paths.length]!;
  if (target.length === 0) return m.op === 'retype' ? m.value : copy;
  const parent = target
    .slice(0, -1)
    .reduce<Json>((v, k) => (v as Record<string | number, Json>)[k]!, copy) as Record<string | number, Json>;
  const last = target.at(-1)!;
  switch (m.op) {
    case 'drop':
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
      break;
    case 'rename':
      if (!Array.isArray(parent)) {
        parent[m.key] = parent[last]!;
        if (m.key !== last) delete parent[last];
      }
      break;
    case 'misspell':
      if (!Array.isArray(parent) && typeof last === 'string' && last.length > 1) {
        const bad = last.slice(0, -2) + last.at(-1) + last.at(-2);
        parent[bad] = parent[last]!;
        if (bad !== last) delete parent[last];
      }
      break;
    case 'retype':
      parent[last] = m.value;
      break;
    case 'emptyString':
      parent[last] = '';
      break;
    case 'add':
      if (!Array.isArray(parent)) parent[m.key] = m.value;
      break;
    case 'push':
      if (Array.isArray(parent[last])) (parent[last] as Json[]).push(m.value);
      break;
  }
  return copy;
}

/** An example file's front matter (or YAML) and body. */
function split(file: ContentFile): { data: Json; body: string | undefined } {
  const text = Buffer.from(file.bytes).toString('utf8');
  if (file.rel.endsWith('.yaml'))
    return { data: jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA }) as Json, body: undefined };
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text)!;
  return { data: jsyaml.load(m[1]!, { schema: jsyaml.CORE_SCHEMA }) as Json, body: m[2]! };
}

function join(data: Json, body: string | undefined): Uint8Array {
  const yaml = stringify(data);
  return new TextEncoder().encode(body === undefined ? yaml : `---\n${yaml}---\n${body}`);
}

const anyFile = () => fc.nat().map((i) => files[i % files.length]!);
const anyCollection = fc.constantFrom<CollectionName>(...COLLECTIONS);

describe('the loader never throws, and explains every rejection', () => {
  it(
    'example files with their data mutated (keys dropped, renamed, misspelt, retyped, added)',
    () => {
      fc.assert(
        fc.property(
          anyFile(),
          fc.array(mutation, { minLength: 1, maxLength: 4 }),
          fc.boolean(),
          (file, mutations, moved) => {
            const { data, body } = split(file);
            const mutated = mutations.reduce((d, m) => applyMutation(d, m), data);
            // Sometimes saved in the wrong collection's folder.
            const collection = moved
              ? COLLECTIONS[(file.rel.length + mutations.length) % COLLECTIONS.length]!
              : file.collection;
            const dir = COLLECTION_FILES[collection];
            const rel = `content/${dir.dir}/${path.basename(file.rel, path.extname(file.rel))}${dir.extensions[0]}`;
            check({
              collection,
              rel,
              bytes: join(mutated, dir.extensions[0] === '.yaml' ? undefined : (body ?? '')),
            });
          },
        ),
        { numRuns: 1000 },
      );
    },
    TIMEOUT,
  );

  it(
    'example files with their text edited at random (cuts, insertions, tabs, stray bytes)',
    () => {
      const edit = fc.record({
        at: fc.nat(),
        cut: fc.nat({ max: 40 }),
        insert: fc.oneof(
          fc.string({ maxLength: 20 }),
          fc.constantFrom(
            '\t',
            '\n',
            ':',
            ': ',
            '- ',
            '[',
            '{',
            '"',
            "'",
            '#',
            '---\n',
            '\uFEFF',
            '\r',
            '&a',
            '*a',
            '!!binary ',
            '? ',
            '|\n',
            '>-\n',
          ),
        ),
        byte: fc.option(fc.integer({ min: 0x80, max: 0xff }), { nil: undefined }),
      });
      fc.assert(
        fc.property(anyFile(), fc.array(edit, { minLength: 1, maxLength: 3 }), (file, edits) => {
          let bytes = Buffer.from(file.bytes);
          for (const e of edits) {
            const at = e.at % (bytes.length + 1);
            const insert = e.byte === undefined ? Buffer.from(e.insert) : Buffer.from([e.byte]);
            bytes = Buffer.concat([
              bytes.subarray(0, at),
              insert,
              bytes.subarray(Math.min(bytes.length, at + e.cut)),
            ]);
          }
          check({ ...file, bytes });
        }),
        { numRuns: 1000 },
      );
    },
    TIMEOUT,
  );

  it(
    'random YAML, with and without front matter',
    () => {
      const yamlish = fc
        .array(
          fc.oneof(
            fc.constantFrom(
              'id',
              'title',
              'date',
              'events',
              'type',
              'body',
              'month',
              'counts',
              'version',
              'closes',
              'opens',
            ),
            fc.constantFrom(
              ': ',
              ':',
              '\n',
              '  ',
              '- ',
              '\t',
              '[',
              ']',
              '{',
              '}',
              ',',
              '"',
              "'",
              '#',
              '&x ',
              '*x',
              '|',
              '>',
              '!',
              '%',
              '@',
              '`',
              '~',
              'null',
              'true',
              '2018-08-10',
              '5.21',
              '---',
            ),
            fc.string({ maxLength: 8 }),
          ),
          { maxLength: 40 },
        )
        .map((parts) => parts.join(''));
      fc.assert(
        fc.property(
          anyCollection,
          yamlish,
          fc.boolean(),
          fc.string({ maxLength: 30 }),
          (collection, yaml, fm, body) => {
            const dir = COLLECTION_FILES[collection];
            const text = dir.extensions[0] === '.yaml' || !fm ? yaml : `---\n${yaml}\n---\n${body}`;
            check({
              collection,
              rel: `content/${dir.dir}/fuzz${dir.extensions[0]}`,
              bytes: new TextEncoder().encode(text),
            });
          },
        ),
        { numRuns: 800 },
      );
    },
    TIMEOUT,
  );

  it(
    'random bytes',
    () => {
      fc.assert(
        fc.property(
          anyCollection,
          fc.uint8Array({ maxLength: 300 }),
          fc.boolean(),
          (collection, random, fm) => {
            const dir = COLLECTION_FILES[collection];
            const bytes = fm
              ? Buffer.concat([Buffer.from('---\ntitle: x\n'), random, Buffer.from('\n---\n')])
              : random;
            check({ collection, rel: `content/${dir.dir}/bytes${dir.extensions[0]}`, bytes });
          },
        ),
        { numRuns: 500 },
      );
    },
    TIMEOUT,
  );
});
