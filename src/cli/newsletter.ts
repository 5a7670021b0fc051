/**
 * `npm run newsletter -- 2018-08 [--out DIR]`: builds one issue, without the site, into
 * `DIR/newsletters/2018-08/` (default `dist/`): `email.html`, `email.txt`, `email.eml` and
 * `issue.json`. Prints what it wrote and the sizes. Content is validated first, as by
 * `npm run check`; nothing is written if anything is wrong.
 */
import { enableCompileCache } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { config } from '../config.ts';
import { loadContent } from '../lib/content/load.ts';
import { ContentError } from '../lib/content/problems.ts';
import { buildIssue } from '../lib/newsletter/build.ts';
import { checkNewsletters } from '../lib/newsletter/problems.ts';
import { RenderPool } from '../lib/newsletter/render/pool.ts';
import { formatKb } from '../lib/newsletter/render/size.ts';
import { runCli, UsageError } from './run.ts';

// Node keeps the compiled code of the renderer's modules (MJML and friends, imported below)
// between runs, in its cache folder under the system's temporary directory.
enableCompileCache();

const USAGE = 'usage: npm run newsletter -- YYYY-MM [--out DIR]';

function parseArgs(args: string[], root: string): { month: string; outDir: string } {
  let month: string | undefined;
  let outDir = path.join(root, 'dist');
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--out') {
      const dir = args[++i];
      if (!dir) throw new UsageError(`--out needs a folder\n  ${USAGE}`);
      outDir = path.resolve(dir);
    } else if (arg.startsWith('-')) {
      throw new UsageError(`unknown option ${arg}\n  ${USAGE}`);
    } else if (month) {
      throw new UsageError(`one month at a time: got ${month} and ${arg}\n  ${USAGE}`);
    } else month = arg;
  }
  if (!month) throw new UsageError(`which month? ${USAGE}`);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
    throw new UsageError(`“${month}” is not a month: write it YYYY-MM, e.g. 2018-08`);
  }
  return { month, outDir };
}

await runCli(async ({ root, args, out }) => {
  const { month, outDir } = parseArgs(args, root);
  // The renderer (MJML and friends, about a second) loads in a worker thread while the
  // content loads here; an issue the cache has needs none of it, and the worker is ended.
  const pool = new RenderPool(1, { templatesDir: path.join(root, 'templates') });
  try {
    return await buildOne(root, month, outDir, pool, out);
  } finally {
    await pool.close();
  }
});

async function buildOne(
  root: string,
  month: string,
  outDir: string,
  pool: RenderPool,
  out: Pick<Console, 'log' | 'warn'>,
): Promise<number> {
  const { corpus, problems } = await loadContent(root);
  if (problems.length) throw new ContentError(problems);
  const newsletter = corpus.newsletters.find((n) => n.id === month);
  if (!newsletter) {
    const months = corpus.newsletters.map((n) => n.id);
    throw new UsageError(
      `there is no newsletter for ${month}: content/newsletters/${month}.md does not exist${months.length ? ` (newsletters: ${months.join(', ')})` : ''}`,
    );
  }
  // This month's newsletter only: the others are `npm run check`'s and `npm run build`'s.
  const issueProblems = await checkNewsletters(root, corpus, { contact: config.contact, only: month });
  if (issueProblems.length) throw new ContentError(issueProblems);

  const built = await buildIssue(corpus, month, {
    root,
    outDir,
    templatesDir: path.join(root, 'templates'),
    config,
    renderer: () => pool,
  });
  for (const file of built.files) {
    out.log(`  ${path.relative(process.cwd(), file.path) || file.path}  ${formatKb(file.bytes)}`);
  }
  for (const warning of built.warnings) out.warn(`⚠ ${warning}`);
  // performance.now() counts from the start of the process: this is the whole command's time.
  out.log(
    `✔ newsletter ${month} in ${(performance.now() / 1000).toFixed(1)} s${built.cached ? ' (unchanged: copied from the cache)' : ''}`,
  );
  return 0;
}
