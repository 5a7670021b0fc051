/**
 * Once content is loaded, only the corpus and the problems stay in memory: the parsed files
 * and the YAML documents built to find the lines of problems are let go (they are several
 * times the size of the corpus; a file's lines are found again by reading it if needed).
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { queryObjects } from 'node:v8';
import { Document, LineCounter } from 'yaml';
import { afterAll, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load.ts';
import { FIXTURES, removeProject, tempProject } from './support/project.ts';

let root: string | undefined;
afterAll(async () => {
  if (root) await removeProject(root);
});

const live = (ctor: new (...args: never[]) => unknown) => queryObjects(ctor, { format: 'count' }) as number;

it.each([
  ['without the cache', false],
  ['filling the cache', true],
  ['from the cache', true],
])(
  'no YAML document outlives a load with problems at lines in and across files (%s)',
  async (_name, cache) => {
    root ??= await tempProject(...readdirSync(path.join(FIXTURES, 'bad-input')).map((c) => `bad-input/${c}`));
    // Other test files run in this process may have left some behind: none may be added.
    const before = [live(Document), live(LineCounter)];
    const loaded = await loadContent(root, undefined, { cache });
    // Lines were looked up, in YAML documents, for problems in files and across them.
    expect(loaded.problems.filter((p) => p.line !== undefined).length).toBeGreaterThan(10);
    expect(loaded.problems.map((p) => p.message)).toContainEqual(
      expect.stringMatching(/^no body “sec-panle”/),
    );
    expect(live(Document)).toBeLessThanOrEqual(before[0]!);
    expect(live(LineCounter)).toBeLessThanOrEqual(before[1]!);
    expect(loaded.corpus.modifications.length).toBeGreaterThan(0);
  },
);
