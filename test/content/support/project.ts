/**
 * Temporary copies of the project's content for tests that run the real commands on
 * fixtures, and a way to run those commands as an editor does.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { PROJECT_ROOT } from '../../../src/cli/run.ts';

export const FIXTURES = path.join(PROJECT_ROOT, 'test/fixtures');
/** Node 24, pinned in the project (the system Node may be older). */
export const NODE = path.join(PROJECT_ROOT, 'node_modules/.bin/node');

/** A temporary project root holding a copy of the example content, plus fixture overlays. */
export async function tempProject(...overlays: string[]): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), 'sec-press-'));
  await cp(path.join(PROJECT_ROOT, 'content'), path.join(root, 'content'), { recursive: true });
  for (const overlay of overlays) await cp(path.join(FIXTURES, overlay), root, { recursive: true });
  return root;
}

export async function removeProject(root: string): Promise<void> {
  await rm(root, { recursive: true, force: true });
}

/**
 * Temporary projects for one test file: the function returned makes one (as `tempProject`),
 * and every one it made is removed after the file's tests. Call it at the top of the file.
 */
export function tempProjects(): (...overlays: string[]) => Promise<string> {
  const roots: string[] = [];
  afterAll(async () => {
    await Promise.all(roots.map(removeProject));
  });
  return async (...overlays) => {
    const root = await tempProject(...overlays);
    roots.push(root);
    return root;
  };
}

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command of `src/cli` on a project root, as `npm run <name>` would. */
export function runCommand(
  script: 'check' | 'build' | 'new' | 'record',
  args: string[],
  root: string,
  env: Record<string, string> = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(NODE, [path.join(PROJECT_ROOT, 'src/cli', `${script}.ts`), ...args], {
      cwd: root,
      env: {
        ...process.env,
        SEC_PRESS_ROOT: root,
        DEBUG: '',
        FORCE_COLOR: '0',
        // Node's compile cache keeps the stripped TypeScript between runs: each command starts faster.
        NODE_COMPILE_CACHE: path.join(tmpdir(), 'sec-press-test-compile-cache'),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * Every file under a folder with a hash of its bytes: to prove nothing was written. Files
 * under `skip` (paths from the folder) are left out: the loader's own cache, say.
 */
export async function snapshot(dir: string, skip?: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (skip && path.relative(path.join(dir, skip), p).split(path.sep)[0] !== '..') continue;
      if (e.isDirectory()) await walk(p);
      else
        out[path.relative(dir, p)] = createHash('sha256')
          .update(await readFile(p))
          .digest('hex');
    }
  };
  await walk(dir);
  return out;
}
