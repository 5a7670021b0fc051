/**
 * `npm run build`'s site step, in a process of its own: Astro builds the website into
 * `SEC_PRESS_OUT_DIR` (the build's staging folder) and exits. Run by `src/cli/build.ts`, not by
 * editors. Its own process so that Astro's memory (about 1.4 GiB at 10,000 entries, most of it
 * garbage it never returns) is given back before the search index is built.
 */
import { runCli, UsageError } from './run.ts';

await runCli(async ({ root }) => {
  const outDir = process.env.SEC_PRESS_OUT_DIR;
  if (!outDir) throw new UsageError('src/cli/site.ts is run by npm run build (SEC_PRESS_OUT_DIR is not set)');
  const { build } = await import('astro');
  await build({ root, outDir, logLevel: process.env.DEBUG ? 'info' : 'warn' });
  return 0;
});
