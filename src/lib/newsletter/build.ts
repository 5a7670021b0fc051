/**
 * Builds issues to files: assemble, then `email.html`, `email.txt`, `email.eml` and
 * `issue.json` into `<outDir>/newsletters/YYYY-MM/`, from the cache when the issue, the
 * templates, the settings and the renderer are what they were (`cache.ts`), else rendered in
 * worker threads (`render/pool.ts`) and stored in the cache. An issue is rendered in full
 * before any of its files is written, and each file is written under a temporary name and
 * renamed, so a failure never leaves a half-written file. Used by `npm run newsletter` and by
 * the newsletter step of `npm run build` (which builds into a staging folder).
 *
 * Nothing here loads the renderer (MJML and friends): a build whose issues are all cached
 * never does.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { config as siteConfig, type SiteConfig } from '../../config.ts';
import type { Corpus } from '../corpus.ts';
import { assembleIssue, issueMonths } from './assemble.ts';
import {
  cacheDirOf,
  cacheEnabled,
  copyEntry,
  fingerprints,
  issueKey,
  pruneEntries,
  readEntry,
} from './cache.ts';
import type { AssembleOptions } from './context.ts';
import { FILE_NAMES } from './files.ts';
import type { Issue } from './model.ts';
import { ISSUE_FILES, type IssueMeta } from './render/meta.ts';
import type { RenderedFiles, WriteTo } from './render/pool.ts';
import { formatKb } from './render/size.ts';
import type { EmailSettings } from './render/view.ts';
import { emailSettings } from './settings.ts';

export { emailSettings } from './settings.ts';

/** Where an issue's files go under a build folder. */
export const issueDir = (outDir: string, month: string) => path.join(outDir, 'newsletters', month);

/** Renders issues: a pool of worker threads (`render/pool.ts`), or anything that renders the same. */
export interface Renderer {
  /** Renders an issue and writes its files (and its cache entry) where `write` says. */
  render(issue: Issue, settings: EmailSettings, templatesDir: string, write: WriteTo): Promise<RenderedFiles>;
  close(): Promise<void>;
}

export interface BuildIssuesOptions {
  /** The project root: the cache is under its `node_modules/.cache/`. */
  root: string;
  /** The build folder: files go in `<outDir>/newsletters/YYYY-MM/`. */
  outDir: string;
  templatesDir: string;
  config: SiteConfig;
  assemble?: Partial<AssembleOptions> | undefined;
  /** Use and fill the cache (default: unless `SEC_PRESS_CACHE=0`). */
  cache?: boolean | undefined;
  /**
   * What renders the issues the cache lacks, made only when one does (the caller closes a
   * renderer it passes). Default: a pool of worker threads, one per core but one.
   */
  renderer?: ((misses: number, templatesDir: string) => Renderer | Promise<Renderer>) | undefined;
  /** The default renderer's workers at the lowest CPU priority (beside the site's build). */
  background?: boolean | undefined;
}

export interface BuiltIssue {
  month: string;
  dir: string;
  files: { path: string; bytes: number }[];
  warnings: string[];
  meta: IssueMeta;
  /** Copied from the cache rather than rendered. */
  cached: boolean;
  /** The cache key (when the cache is on). */
  key?: string | undefined;
}

function defaultRenderer(background: boolean) {
  return async (misses: number, templatesDir: string): Promise<Renderer> => {
    const { RenderPool, defaultWorkers } = await import('./render/pool.ts');
    return new RenderPool(Math.min(misses, defaultWorkers()), { templatesDir, background });
  };
}

/**
 * Builds the issues of some months (each must have a newsletter file), in the order given:
 * the cached ones copied, the others rendered (several at once) and cached.
 */
export async function buildIssues(
  corpus: Corpus,
  months: readonly string[],
  options: BuildIssuesOptions,
): Promise<BuiltIssue[]> {
  const settings = emailSettings(options.config);
  const useCache = options.cache ?? cacheEnabled();
  const cacheDir = cacheDirOf(options.root);
  const prints = useCache ? await fingerprints(options.templatesDir, settings) : undefined;
  const assemble = { contact: options.config.contact, ...options.assemble };

  // The model of every issue, its key, and what the cache has of it.
  const planned = await Promise.all(
    months.map(async (month) => {
      const issue = assembleIssue(corpus, month, assemble);
      const key = prints && issueKey(issue, prints);
      const entry = key === undefined ? undefined : await readEntry(cacheDir, key);
      return { month, issue, key, entry, dir: issueDir(options.outDir, month) };
    }),
  );
  const misses = planned.filter((p) => !p.entry).length;
  let renderer: Renderer | undefined;
  const own = !options.renderer;
  try {
    if (misses > 0) {
      renderer = await (options.renderer ?? defaultRenderer(options.background ?? false))(
        misses,
        options.templatesDir,
      );
    }
    return await Promise.all(
      planned.map(async ({ month, issue, key, entry, dir }): Promise<BuiltIssue> => {
        if (entry) {
          await copyEntry(entry.dir, dir);
          const metaText = await readFile(path.join(dir, ISSUE_FILES.meta), 'utf8');
          const meta = JSON.parse(metaText) as IssueMeta;
          const bytes: Record<string, number> = {
            [ISSUE_FILES.html]: meta.sizes.html,
            [ISSUE_FILES.text]: meta.sizes.text,
            [ISSUE_FILES.eml]: meta.sizes.eml,
            [ISSUE_FILES.meta]: Buffer.byteLength(metaText),
          };
          return {
            month,
            dir,
            files: FILE_NAMES.map((name) => ({ path: path.join(dir, name), bytes: bytes[name]! })),
            warnings: entry.warnings,
            meta,
            cached: true,
            key,
          };
        }
        // Rendered in full, then written (files and cache entry) by the worker.
        const rendered = await renderer!.render(issue, settings, options.templatesDir, {
          dir,
          cache: key === undefined ? undefined : { dir: cacheDir, key },
        });
        return {
          month,
          dir,
          files: FILE_NAMES.map((name) => ({ path: path.join(dir, name), bytes: rendered.bytes[name] })),
          warnings: rendered.warnings,
          meta: rendered.meta,
          cached: false,
          key,
        };
      }),
    );
  } finally {
    if (own) await renderer?.close();
  }
}

/** Builds one issue (see {@link buildIssues}). */
export async function buildIssue(
  corpus: Corpus,
  month: string,
  options: BuildIssuesOptions,
): Promise<BuiltIssue> {
  return (await buildIssues(corpus, [month], options))[0]!;
}

/** The newsletter step of `npm run build`: every issue into `<staging>/newsletters/YYYY-MM/`. */
export async function newsletterStep(ctx: {
  root: string;
  outDir: string;
  corpus: Corpus;
  log: (message: string) => void;
}): Promise<void> {
  const built = await buildIssues(ctx.corpus, issueMonths(ctx.corpus), {
    root: ctx.root,
    outDir: ctx.outDir,
    templatesDir: path.join(ctx.root, 'templates'),
    config: siteConfig,
    // Beside the site's build (src/cli/build.ts): the site is the longer step, let it go first.
    background: true,
  });
  for (const issue of built) {
    ctx.log(`newsletters/${issue.month}/email.html ${formatKb(issue.meta.sizes.html)}`);
    for (const warning of issue.warnings) ctx.log(`⚠ ${warning}`);
  }
  const cached = built.filter((b) => b.cached).length;
  ctx.log(
    `${built.length} issue${built.length === 1 ? '' : 's'}: ${built.length - cached} rendered, ${cached} from the cache`,
  );
  const used = new Set(built.flatMap((b) => (b.key === undefined ? [] : [b.key])));
  if (used.size > 0) await pruneEntries(cacheDirOf(ctx.root), used);
}
