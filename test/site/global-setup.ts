/**
 * Builds the site once per test run into `test/output/site` (`npm run build -- --out …`), or
 * reuses a built site when `SITE_DIR` is set. Runs that select no site tests skip the build.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

const ROOT = path.resolve(import.meta.dirname, '../..');
export const DEFAULT_SITE_DIR = path.join(ROOT, 'test/output/site');

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
    siteBuildSeconds: number;
  }
}

/** Whether the command line selects any test under test/site (no filter selects them all). */
function selectsSiteTests(argv: string[]): boolean {
  const i = argv.findIndex((a) => a === 'run' || a.endsWith('vitest') || a.endsWith('vitest.mjs'));
  const filters = argv.slice(i + 1).filter((a) => !a.startsWith('-') && a !== 'run');
  return filters.length === 0 || filters.some((f) => f.includes('site') || 'test/site'.includes(f));
}

function build(out: string): Promise<number> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, 'node_modules/.bin/node'), ['src/cli/build.ts', '--out', out], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolve((Date.now() - started) / 1000)
        : reject(new Error(`npm run build -- --out ${out} failed (${code}):\n${output}`)),
    );
  });
}

export default async function setup(project: TestProject): Promise<void> {
  if (process.env.SITE_DIR) {
    project.provide('siteDir', path.resolve(process.env.SITE_DIR));
    project.provide('siteBuildSeconds', 0);
    return;
  }
  if (!selectsSiteTests(process.argv)) return;
  const seconds = await build(DEFAULT_SITE_DIR);
  project.provide('siteDir', DEFAULT_SITE_DIR);
  project.provide('siteBuildSeconds', seconds);
}
