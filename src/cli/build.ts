/**
 * `npm run build`: the whole site and every newsletter, built into a staging folder and
 * swapped into `dist/` only when every step has succeeded. A failed build leaves the
 * previous `dist/` as it was.
 *
 * The steps, in order:
 *   1. validate content (the same checks as `npm run check`); stop before writing anything;
 *   2. two lanes at the same time (the site keeps one core busy, the newsletters use the others
 *      at the lowest priority):
 *      - build the site with Astro (in a child process), then index its pages for search with Pagefind (web pages
 *        only: the newsletters' email files are not indexed);
 *      - build each newsletter issue (email HTML, text and .eml; rendered in worker threads,
 *        or copied from the cache when unchanged) into a folder of its own (Astro empties its
 *        output folder when it starts);
 *   3. move the newsletters' files into `newsletters/YYYY-MM/` of the staging folder;
 *   4. swap the staging folder into `dist/`; the build it replaces is kept beside it in
 *      `.dist-build/previous/` until the next build, which removes it while it builds.
 * A step that fails ends its lane, and fails the build once the other lane has finished.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { loadContent } from '../lib/content/load.ts';
import { ContentError } from '../lib/content/problems.ts';
import { config } from '../config.ts';
import { newsletterStep } from '../lib/newsletter/build.ts';
import { checkNewsletters } from '../lib/newsletter/problems.ts';
import { runCli, UsageError } from './run.ts';

export interface BuildContext {
  root: string;
  /** The staging folder being filled. */
  outDir: string;
  corpus: Awaited<ReturnType<typeof loadContent>>['corpus'];
  log: (message: string) => void;
}

export interface BuildStep {
  name: string;
  run(ctx: BuildContext): Promise<void>;
  /**
   * Builds into a folder of its own (its `ctx.outDir`), whose files are moved into the
   * staging folder once every lane is done: for a step that runs beside the site, which
   * empties the staging folder when it starts.
   */
  ownFolder?: boolean;
}

/**
 * Builds the site with Astro in a child process (`src/cli/site.ts`), whose memory is given back
 * when it exits, before the search index is built: at 10,000 entries Astro holds about 1.4 GiB
 * to the end, and Pagefind needs about 1 GiB more. Its messages go to this process's output.
 */
async function astroBuild(ctx: BuildContext): Promise<void> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'site.ts');
  const child = spawn(process.execPath, [script], {
    cwd: ctx.root,
    env: { ...process.env, SEC_PRESS_ROOT: ctx.root, SEC_PRESS_OUT_DIR: ctx.outDir },
    stdio: 'inherit',
  });
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  if (code !== 0) {
    throw new Error(
      `site: Astro's build failed (${signal ? `killed by ${signal}` : `exit code ${code}`}), see above`,
    );
  }
}

/**
 * Indexes the built pages for `/search/` with Pagefind's Node API, into `pagefind/`. Only web
 * pages (`…/index.html`: not the newsletters' `email.html` nor `404.html`) are read, and of
 * them only the `<main>` of pages marked `data-pagefind-body` (see `Base.astro`).
 */
async function searchIndex(ctx: BuildContext): Promise<void> {
  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  try {
    if (!index) throw new Error(`search index: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: ctx.outDir, glob: '**/index.html' });
    if (added.errors.length) throw new Error(`search index: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: path.join(ctx.outDir, 'pagefind') });
    if (written.errors.length) throw new Error(`search index: ${written.errors.join('; ')}`);
    ctx.log(`${added.page_count} pages indexed for search`);
  } finally {
    await pagefind.close();
  }
}

/** The build's lanes: the steps of a lane run in order, the lanes at the same time. */
export const LANES: BuildStep[][] = [
  [
    { name: 'site', run: astroBuild },
    { name: 'search index', run: searchIndex },
  ],
  [{ name: 'newsletters', run: newsletterStep, ownFolder: true }],
];

/** Every step. */
export const STEPS: BuildStep[] = LANES.flat();

/** Moves every file of a folder to the same place under another, creating folders as needed. */
async function moveInto(from: string, to: string): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) await moveInto(source, path.join(to, entry.name));
    else await rename(source, path.join(to, entry.name));
  }
}

/** `--out DIR` builds somewhere other than `dist/` (tests build into their own folder). */
function outDirFrom(args: string[], root: string): string {
  const i = args.indexOf('--out');
  if (i === -1) return path.join(root, 'dist');
  const dir = args[i + 1];
  if (!dir) throw new UsageError('--out needs a folder');
  return path.resolve(dir);
}

await runCli(async ({ root, args, out }) => {
  const started = performance.now();
  const { corpus, problems, files } = await loadContent(root);
  if (problems.length === 0)
    problems.push(...(await checkNewsletters(root, corpus, { contact: config.contact })));
  if (problems.length) throw new ContentError(problems);
  out.log(`✔ content: ${files} files valid`);

  const dist = outDirFrom(args, root);
  // Staging and the previous build sit beside the target, so the swap is a rename on one disk.
  const work = path.join(path.dirname(dist), `.${path.basename(dist)}-build`);
  const outDir = path.join(work, `staging-${process.pid}`);
  // What earlier builds left in the work folder (the build before the last one, kept as
  // `previous/`; the folders of a build that was killed) is removed while this one builds.
  const leftovers = await readdir(work).catch(() => []);
  const removingLeftovers = Promise.all(
    leftovers.map((name) => rm(path.join(work, name), { recursive: true, force: true })),
  );
  await mkdir(outDir, { recursive: true });
  const ctx: BuildContext = { root, outDir, corpus, log: (m) => out.log(`  ${m}`) };
  const ownFolders = new Map(
    STEPS.filter((s) => s.ownFolder).map((s, i) => [s, path.join(work, `step-${process.pid}-${i}`)]),
  );
  try {
    const results = await Promise.allSettled(
      LANES.map(async (lane) => {
        for (const step of lane) {
          const t = performance.now();
          const folder = ownFolders.get(step) ?? outDir;
          await mkdir(folder, { recursive: true });
          await step.run({ ...ctx, outDir: folder });
          out.log(`✔ ${step.name} (${((performance.now() - t) / 1000).toFixed(1)} s)`);
        }
      }),
    );
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    for (const folder of ownFolders.values()) {
      await moveInto(folder, outDir);
      await rm(folder, { recursive: true, force: true });
    }
  } catch (error) {
    await removingLeftovers;
    await Promise.all([outDir, ...ownFolders.values()].map((f) => rm(f, { recursive: true, force: true })));
    out.error('✘ build failed: dist/ is unchanged');
    throw error;
  }
  await removingLeftovers;
  // The build this one replaces is kept as `previous/` (rename it back to roll back) until the
  // next build removes it beside its steps: removing some 20,000 files here took 5–7 s of
  // every build at 10,000 entries.
  await rename(dist, path.join(work, 'previous')).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
  });
  await rename(outDir, dist);
  out.log(
    `✔ built ${path.relative(root, dist) || dist}/ in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  return 0;
});
