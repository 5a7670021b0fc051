/**
 * `npm run check` starts faster from its second run: Node's compile cache keeps the compiled
 * code (and stripped TypeScript) of the loader, the schemas and their packages. It applies
 * only to modules loaded after it is on, so check.ts must load everything else dynamically.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/run.ts';
import { NODE } from './support/project.ts';

let temp: string | undefined;
afterAll(async () => {
  if (temp) await rm(temp, { recursive: true, force: true });
});

it('check.ts imports nothing statically but node:module, so the compile cache covers the rest', async () => {
  const source = await readFile(path.join(PROJECT_ROOT, 'src/cli/check.ts'), 'utf8');
  const statics = [...source.matchAll(/^import\s[^;]*?from\s+'([^']+)'/gm)].map((m) => m[1]);
  expect(statics).toEqual(['node:module']);
  expect(source).toMatch(/^enableCompileCache\(\);$/m);
});

it('a check fills the compile cache with the modules it loads, and runs the same from it', async () => {
  temp = await mkdtemp(path.join(tmpdir(), 'sec-press-compile-cache-'));
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: temp, SEC_PRESS_CACHE: '0' };
  delete env.NODE_COMPILE_CACHE;
  const run = () =>
    spawnSync(NODE, [path.join(PROJECT_ROOT, 'src/cli/check.ts')], {
      env,
      encoding: 'utf8',
      cwd: PROJECT_ROOT,
    });
  const first = run();
  expect(first.status, first.stderr).toBe(0);
  const entries = (
    await readdir(path.join(temp, 'node-compile-cache'), { recursive: true, withFileTypes: true })
  ).filter((e) => e.isFile());
  // The loader, the schemas, zod, js-yaml, the newsletter check…: dozens of modules, each
  // with its code (and its stripped TypeScript for our own).
  expect(entries.length).toBeGreaterThan(40);
  const second = run();
  expect(second.status, second.stderr).toBe(0);
  expect(second.stdout.replace(/\(\d+ ms\)/, '')).toBe(first.stdout.replace(/\(\d+ ms\)/, ''));
});
