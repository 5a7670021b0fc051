/**
 * Builds issues to files: assemble, render, then write `email.html`, `email.txt`,
 * `email.eml` and `issue.json` into `<outDir>/newsletters/YYYY-MM/`. An issue is rendered in
 * full before any of its files is written, and each file is written under a temporary name
 * and renamed, so a failure never leaves a half-written file. Used by `npm run newsletter`
 * and by the newsletter step of `npm run build` (which builds into a staging folder).
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { config as siteConfig, type SiteConfig } from '../../config.ts';
import type { Corpus } from '../corpus.ts';
import { assembleIssue, issueMonths } from './assemble.ts';
import type { AssembleOptions } from './context.ts';
import { type EmailSettings, ISSUE_FILES, type RenderedIssue, renderIssue } from './render/index.ts';
import { formatKb } from './render/size.ts';
import { loadTemplates, type Templates } from './render/template.ts';

/** Where an issue's files go under a build folder. */
export const issueDir = (outDir: string, month: string) => path.join(outDir, 'newsletters', month);

export function emailSettings(config: SiteConfig): EmailSettings {
  return {
    siteUrl: config.url,
    siteName: config.name,
    lang: config.lang,
    contact: config.contact,
    from: config.newsletter.from,
    unsubscribeUrl: config.newsletter.unsubscribeUrl,
    unsubscribeMailto: config.newsletter.send.unsubscribeMailto,
  };
}

export interface BuildIssueOptions {
  /** The build folder: files go in `<outDir>/newsletters/YYYY-MM/`. */
  outDir: string;
  /** The templates folder, or templates already loaded. */
  templates: string | Templates;
  config: SiteConfig;
  assemble?: Partial<AssembleOptions> | undefined;
}

export interface BuiltIssue {
  month: string;
  dir: string;
  files: { path: string; bytes: number }[];
  warnings: string[];
  rendered: RenderedIssue;
}

async function writeFileAtomic(file: string, data: string | Buffer): Promise<void> {
  const temp = `${file}.${process.pid}.tmp`;
  await writeFile(temp, data);
  await rename(temp, file);
}

export async function buildIssue(
  corpus: Corpus,
  month: string,
  options: BuildIssueOptions,
): Promise<BuiltIssue> {
  const issue = assembleIssue(corpus, month, { contact: options.config.contact, ...options.assemble });
  const rendered = await renderIssue(issue, {
    templates: options.templates,
    settings: emailSettings(options.config),
  });
  const dir = issueDir(options.outDir, month);
  await mkdir(dir, { recursive: true });
  const outputs: [string, string | Buffer][] = [
    [ISSUE_FILES.html, rendered.html],
    [ISSUE_FILES.text, rendered.text],
    [ISSUE_FILES.eml, rendered.eml],
    [ISSUE_FILES.meta, `${JSON.stringify(rendered.meta, null, 2)}\n`],
  ];
  for (const [name, data] of outputs) await writeFileAtomic(path.join(dir, name), data);
  return {
    month,
    dir,
    files: outputs.map(([name, data]) => ({
      path: path.join(dir, name),
      bytes: typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.length,
    })),
    warnings: rendered.warnings,
    rendered,
  };
}

/** Builds every issue that has a newsletter file, oldest first, with the templates read once. */
export async function buildAllIssues(
  corpus: Corpus,
  options: Omit<BuildIssueOptions, 'templates'> & { templatesDir: string },
): Promise<BuiltIssue[]> {
  const templates = await loadTemplates(options.templatesDir);
  const built: BuiltIssue[] = [];
  for (const month of issueMonths(corpus))
    built.push(await buildIssue(corpus, month, { ...options, templates }));
  return built;
}

/** The newsletter step of `npm run build`: every issue into `<staging>/newsletters/YYYY-MM/`. */
export async function newsletterStep(ctx: {
  root: string;
  outDir: string;
  corpus: Corpus;
  log: (message: string) => void;
}): Promise<void> {
  const built = await buildAllIssues(ctx.corpus, {
    outDir: ctx.outDir,
    templatesDir: path.join(ctx.root, 'templates'),
    config: siteConfig,
  });
  for (const issue of built) {
    ctx.log(`newsletters/${issue.month}/email.html ${formatKb(issue.rendered.meta.sizes.html)}`);
    for (const warning of issue.warnings) ctx.log(`⚠ ${warning}`);
  }
}
