/**
 * The loader scales with the content: a generated corpus of 2,000 files (modifications,
 * meetings, consultations, news and newsletters referring to one another) loads with no
 * problem and nothing left out. How long it takes is measured by the benchmark (`npm run
 * bench`) and `test/content/support/measure-check.ts`, not asserted here.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/run.ts';
import { loadContent } from '../../src/lib/content/load.ts';
import { generateCorpus } from './support/corpus.ts';

let root: string | undefined;
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

it('loads 2,000 generated files without a problem, every one of them', async () => {
  root = await mkdtemp(path.join(tmpdir(), 'sec-press-scale-'));
  const files = await generateCorpus(path.join(PROJECT_ROOT, 'content'), root, 2000);
  const { problems, files: read, corpus } = await loadContent(root);
  expect(problems).toEqual([]);
  expect(read).toBe(files);
  expect(corpus.modifications.length).toBeGreaterThan(700);
});
