/**
 * `npm run build`: the whole site and every newsletter, built into a staging folder and
 * swapped into `dist/` only when every step has succeeded. A failed build leaves the
 * previous `dist/` as it was.
 *
 * The steps, in order:
 *   1. start Astro's build of the site (in a child process, into the staging folder) and,
 *      beside it, validate the content (the same checks as `npm run check`); on a problem, stop
 *      Astro, remove the staging folder and stop: nothing is written;
 *   2. two lanes at the same time (the site keeps one core busy, the newsletters use the others
 *      at the lowest priority):
 *      - the site's build (already running), then index its pages for search with Pagefind
 *        (web pages only: the newsletters' email files are not indexed);
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
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
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
  /** When the step started, if before its lane reached it (`performance.now()`). */
  startedAt?: number;
}

/** Astro's build of the site, running in a child process (`src/cli/site.ts`). */
interface SiteBuild {
  /** When it started (`performance.now()`). */
  startedAt: number;
  /** Resolves when Astro has built the site; rejects when it failed. */
  done: Promise<void>;
  /** From now on its messages go to this process's output, the ones held until now first. */
  release(): void;
  /** Stops it and drops its messages (the content has problems): resolves once it has exited. */
  cancel(): Promise<void>;
}

/**
 * Starts Astro's build of the site in a child process (`src/cli/site.ts`), whose memory is given
 * back when it exits, before the search index is built: at 10,000 entries Astro holds about
 * 1.2 GiB to the end, and Pagefind needs about 1.3 GiB more. It starts before the content is
 * validated, since it writes only into the staging folder: its messages are held until the
 * validation has passed, and it is stopped if it fails.
 */
function startSite(root: string, outDir: string): SiteBuild {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'site.ts');
  const child = spawn(process.execPath, [script], {
    cwd: root,
    env: {
      ...process.env,
      SEC_PRESS_ROOT: root,
      SEC_PRESS_OUT_DIR: outDir,
      // Its output goes through a pipe: keep Astro's colours when ours go to a terminal.
      ...(process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: '1' } : {}),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let released = false;
  const held: [NodeJS.WriteStream, Buffer][] = [];
  for (const [from, to] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const) {
    from.on('data', (chunk: Buffer) => (released ? to.write(chunk) : held.push([to, chunk])));
  }
  // 'close': the process has exited and its output has been read to the end.
  const closed = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
  const done = closed.then(([code, signal]) => {
    if (code !== 0) {
      throw new Error(
        `site: Astro's build failed (${signal ? `killed by ${signal}` : `exit code ${code}`}), see above`,
      );
    }
  });
  // Awaited by the site's lane, or not at all when the content has problems.
  done.catch(() => {});
  return {
    startedAt: performance.now(),
    done,
    release() {
      released = true;
      for (const [to, chunk] of held.splice(0)) to.write(chunk);
    },
    async cancel() {
      held.length = 0;
      child.kill('SIGTERM');
      await closed.catch(() => {});
    },
  };
}

/**
 * Indexes the built pages for `/search/` with Pagefind, into `pagefind/`. Only web pages
 * (`…/index.html`: not the newsletters' `email.html` nor `404.html`) are read, and of them only
 * the `<main>` of pages marked `data-pagefind-body` (see `Base.astro`).
 *
 * Pagefind's own command (the package's `bin`) rather than its Node API: the API runs the same
 * binary as a service, which took 16–21 s at 10,000 entries against 13.6–14.8 s for the
 * command on the same pages (runs alternated; `bench/results/analysis.md`, item 13).
 */
async function searchIndex(ctx: BuildContext): Promise<void> {
  const bin = fileURLToPath(new URL('./runner/bin.cjs', import.meta.resolve('pagefind')));
  const args = ['--site', ctx.outDir, '--glob', '**/index.html', '--force-language', 'en', '--quiet'];
  const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
  const [code, signal] = (await once(child, 'close')) as [number | null, NodeJS.Signals | null];
  const printed = Buffer.concat(output).toString('utf8').trim();
  if (code !== 0) {
    throw new Error(
      `search index: Pagefind failed (${signal ? `killed by ${signal}` : `exit code ${code}`})${printed ? `:\n${printed}` : ''}`,
    );
  }
  // Its warnings (quiet mode prints nothing else).
  for (const line of printed ? printed.split('\n') : []) ctx.log(`search index: ${line}`);
  const entry = JSON.parse(
    await readFile(path.join(ctx.outDir, 'pagefind', 'pagefind-entry.json'), 'utf8'),
  ) as {
    languages: Record<string, { page_count: number }>;
  };
  const pages = Object.values(entry.languages).reduce((sum, language) => sum + language.page_count, 0);
  ctx.log(`${pages} pages indexed for search`);
}

/**
 * The build's lanes: the steps of a lane run in order, the lanes at the same time. The site's
 * build is already running (see {@link startSite}): its step waits for it.
 */
function lanes(site: SiteBuild): BuildStep[][] {
  return [
    [
      { name: 'site', run: () => site.done, startedAt: site.startedAt },
      { name: 'search index', run: searchIndex },
    ],
    [{ name: 'newsletters', run: newsletterStep, ownFolder: true }],
  ];
}

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
  // Astro's build takes longest: it starts now, into the staging folder, beside the validation.
  const site = startSite(root, outDir);
  let corpus: BuildContext['corpus'];
  try {
    const loaded = await loadContent(root);
    const { problems } = loaded;
    if (problems.length === 0)
      problems.push(...(await checkNewsletters(root, loaded.corpus, { contact: config.contact })));
    if (problems.length) throw new ContentError(problems);
    corpus = loaded.corpus;
    out.log(`✔ content: ${loaded.files} files valid`);
  } catch (error) {
    // Bad content: stop Astro, and leave no staging folder behind; dist/ was never touched.
    await site.cancel();
    await Promise.all([removingLeftovers, rm(outDir, { recursive: true, force: true })]);
    throw error;
  }
  site.release();

  const ctx: BuildContext = { root, outDir, corpus, log: (m) => out.log(`  ${m}`) };
  const steps = lanes(site);
  const ownFolders = new Map(
    steps
      .flat()
      .filter((s) => s.ownFolder)
      .map((s, i) => [s, path.join(work, `step-${process.pid}-${i}`)]),
  );
  try {
    const results = await Promise.allSettled(
      steps.map(async (lane) => {
        for (const step of lane) {
          const t = step.startedAt ?? performance.now();
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
    // A failed lane: the other lanes have finished (allSettled), so has Astro.
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
