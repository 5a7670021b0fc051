/**
 * Measures `npm run check` on a generated corpus:
 *
 *     node_modules/.bin/node test/content/support/measure-check.ts [files=10000]
 *
 * Generates the corpus in a temporary folder, runs the real command on it three times and
 * prints wall-clock and CPU time of each run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../src/cli/run.ts';
import { generateCorpus } from './corpus.ts';

const total = Number(process.argv[2] ?? 10_000);
const root = await mkdtemp(path.join(tmpdir(), 'sec-press-measure-'));
try {
  const files = await generateCorpus(path.join(PROJECT_ROOT, 'content'), root, total);
  console.log(`${files} files in ${root}/content`);
  for (let run = 1; run <= 3; run++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'src/cli/check.ts')], {
      env: { ...process.env, SEC_PRESS_ROOT: root },
      encoding: 'utf8',
    });
    const wall = (performance.now() - started) / 1000;
    const lastLine = (result.stdout + result.stderr).trim().split('\n').at(-1);
    console.log(`run ${run}: exit ${result.status}, ${wall.toFixed(2)} s wall: ${lastLine}`);
  }
} finally {
  await rm(root, { recursive: true, force: true });
}
