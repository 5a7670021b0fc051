/**
 * Runs a command-line entry point: editors see messages, never stack traces. Content
 * problems print as `file:line: field: message`; anything unexpected prints one line and
 * the stack only when `DEBUG` is set.
 */
import { enableCompileCache } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ContentError, formatProblem, sortProblems } from '../lib/content/problems.ts';

export interface CliContext {
  /** The project root. */
  root: string;
  /** Command-line arguments after the script. */
  args: string[];
  out: Pick<Console, 'log' | 'error' | 'warn'>;
}

/** The project root: two folders up from `src/cli`. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A usage or input mistake: print the message alone. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export async function runCli(main: (ctx: CliContext) => Promise<number>): Promise<void> {
  // Node's compile cache (V8 code and stripped TypeScript, kept between runs under the
  // system's temporary directory, or NODE_COMPILE_CACHE) for every module the command loads
  // from here on: Astro, Pagefind, the newsletter renderer. Modules imported statically by a
  // command are loaded before this runs: src/cli/check.ts shows how to have them cached too.
  enableCompileCache();
  const ctx: CliContext = {
    root: process.env.SEC_PRESS_ROOT ? path.resolve(process.env.SEC_PRESS_ROOT) : PROJECT_ROOT,
    args: process.argv.slice(2),
    out: console,
  };
  try {
    process.exitCode = await main(ctx);
  } catch (error) {
    if (error instanceof ContentError) {
      for (const p of sortProblems(error.problems)) console.error(formatProblem(p));
      console.error(
        `\n✘ ${error.problems.length} problem${error.problems.length === 1 ? '' : 's'}: nothing was written`,
      );
    } else if (error instanceof UsageError) {
      console.error(`✘ ${error.message}`);
    } else {
      console.error(`✘ ${error instanceof Error ? error.message : String(error)}`);
      if (process.env.DEBUG) console.error(error);
      else console.error('  (set DEBUG=1 for details)');
    }
    process.exitCode = process.exitCode || 1;
  }
}
