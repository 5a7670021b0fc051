/**
 * `npm run check`: validates all content (schemas and cross-references) without building,
 * printing every problem as `file:line: field: message`. Exits 1 if there is any.
 */
import { performance } from 'node:perf_hooks';
import { loadContent } from '../lib/content/load.ts';
import { formatProblem, sortProblems } from '../lib/content/problems.ts';
import { config } from '../config.ts';
import { checkNewsletters } from '../lib/newsletter/problems.ts';
import { runCli } from './run.ts';

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
