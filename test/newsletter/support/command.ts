/** Runs a command-line entry point as a process, on Node 24, as `npm run` would. */
import { execFile } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './example.ts';

export const NODE = path.join(ROOT, 'node_modules/.bin/node');

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

export function run(
  script: string,
  args: string[],
  env: Record<string, string> = {},
  cwd = ROOT,
): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      NODE,
      [path.join(ROOT, script), ...args],
      {
        cwd,
        env: {
          ...process.env,
          NODE_COMPILE_CACHE: path.join(tmpdir(), 'sec-press-newsletter-compile-cache'),
          ...env,
        },
      },
      (error, stdout, stderr) =>
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          stdout,
          stderr,
          ms: performance.now() - started,
        }),
    );
  });
}
