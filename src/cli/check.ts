/**
 * `npm run check`: validates all content (schemas and cross-references) without building,
 * printing every problem as `file:line: field: message`. Exits 1 if there is any.
 */
import { enableCompileCache } from 'node:module';

// Node's compile cache (V8 code and stripped TypeScript, kept between runs in its cache folder
// under the system's temporary directory, or NODE_COMPILE_CACHE) applies only to modules
// loaded after it is on: so this file imports nothing else statically, and loads the rest
// below, once it is.
enableCompileCache();

const [
  { performance },
  { loadContent },
  { formatProblem, sortProblems },
  { config },
  { checkNewsletters },
  { runCli },
] = await Promise.all([
  import('node:perf_hooks'),
  import('../lib/content/load.ts'),
  import('../lib/content/problems.ts'),
  import('../config.ts'),
  import('../lib/newsletter/problems.ts'),
  import('./run.ts'),
]);

await runCli(async ({ root, out }) => {
  const started = performance.now();
  const { problems, files, corpus } = await loadContent(root);
  if (problems.length === 0)
    problems.push(...(await checkNewsletters(root, corpus, { contact: config.contact })));
  const ms = Math.round(performance.now() - started);
  if (problems.length === 0) {
    out.log(`✔ ${files} content files are valid (${ms} ms)`);
    return 0;
  }
  for (const p of sortProblems(problems)) out.error(formatProblem(p));
  out.error(
    `\n✘ ${problems.length} problem${problems.length === 1 ? '' : 's'} in ${new Set(problems.map((p) => p.file)).size} of ${files} files`,
  );
  return 1;
});
