/**
 * Measures `npm run check` on a large corpus:
 *
 *     node_modules/.bin/node test/content/support/measure-check.ts [files=10000] [--content DIR] [--runs N]
 *
 * Generates the corpus in a temporary folder (or copies `--content DIR`, e.g. the benchmark's
 * `bench/work/10000/site/content`), then runs the real command on it: once cold (no content
 * cache, an empty compile cache), then N times warm (both caches filled by the cold run).
 * The files are left to settle for a few seconds first, as an editor's files are.
 * Prints wall-clock and CPU time of each run, and the machine's load.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT } from '../../../src/cli/run.ts';
import { RACY_MS } from '../../../src/lib/content/cache.ts';
import { generateCorpus } from './corpus.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { content: { type: 'string' }, runs: { type: 'string', default: '3' } },
});
const total = Number(positionals[0] ?? 10_000);
const root = await mkdtemp(path.join(tmpdir(), 'sec-press-measure-'));
const compileCache = path.join(root, 'compile-cache');

/** CPU seconds of this process's finished children, from /proc (Linux); undefined elsewhere. */
async function childrenCpu(): Promise<number | undefined> {
  try {
    const { readFile } = await import('node:fs/promises');
    const fields = (await readFile('/proc/self/stat', 'utf8')).split(') ')[1]!.split(' ');
    // cutime and cstime, fields 16 and 17 of stat (14 and 15 after the command name).
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

async function run(label: string): Promise<void> {
  const cpuBefore = await childrenCpu();
  const started = performance.now();
  const result = spawnSync(process.execPath, [path.join(PROJECT_ROOT, 'src/cli/check.ts')], {
    env: { ...process.env, SEC_PRESS_ROOT: root, NODE_COMPILE_CACHE: compileCache },
    encoding: 'utf8',
  });
  const wall = (performance.now() - started) / 1000;
  const cpuAfter = await childrenCpu();
  const cpu =
    cpuBefore !== undefined && cpuAfter !== undefined ? `, ${(cpuAfter - cpuBefore).toFixed(2)} s CPU` : '';
  const lastLine = (result.stdout + result.stderr).trim().split('\n').at(-1);
  const load = loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
  console.log(`${label}: exit ${result.status}, ${wall.toFixed(2)} s wall${cpu}, load ${load}: ${lastLine}`);
}

try {
  let files: number | string;
  if (values.content) {
    await cp(path.resolve(values.content), path.join(root, 'content'), { recursive: true });
    files = `the files of ${values.content}`;
  } else files = await generateCorpus(path.join(PROJECT_ROOT, 'content'), root, total);
  console.log(`${files} in ${root}/content`);
  // Files written moments ago are checked against the cache by hash (see cache.ts): wait until
  // they are settled, as an editor's files are.
  await setTimeout(RACY_MS + 1000);
  await run('cold (no content cache, empty compile cache)');
  for (let i = 1; i <= Number(values.runs); i++) await run(`warm ${i}`);
} finally {
  await rm(root, { recursive: true, force: true });
}
