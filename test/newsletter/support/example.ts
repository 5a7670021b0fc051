/**
 * The example content and its August 2018 issue, assembled and rendered once per test file.
 */
import path from 'node:path';
import { siteConfig } from '../../../src/config.ts';
import { loadContent } from '../../../src/lib/content/load.ts';
import type { Corpus } from '../../../src/lib/corpus.ts';
import { assembleIssue } from '../../../src/lib/newsletter/assemble.ts';
import { emailSettings } from '../../../src/lib/newsletter/build.ts';
import type { Issue } from '../../../src/lib/newsletter/model.ts';
import { type RenderedIssue, renderIssue } from '../../../src/lib/newsletter/render/index.ts';

export const ROOT = path.resolve(import.meta.dirname, '../../..');
export const TEMPLATES = path.join(ROOT, 'templates');
/** The configuration of the example site, whatever the environment says. */
export const CONFIG = siteConfig({});

let corpus: Promise<Corpus> | undefined;
let issue: Promise<Issue> | undefined;
let rendered: Promise<RenderedIssue> | undefined;

export function exampleCorpus(): Promise<Corpus> {
  corpus ??= loadContent(ROOT).then(({ corpus: c, problems }) => {
    if (problems.length) throw new Error(`the example content has problems: ${JSON.stringify(problems)}`);
    return c;
  });
  return corpus;
}

export function augustIssue(): Promise<Issue> {
  issue ??= exampleCorpus().then((c) => assembleIssue(c, '2018-08', { contact: CONFIG.contact }));
  return issue;
}

export function augustEmail(): Promise<RenderedIssue> {
  rendered ??= augustIssue().then((i) =>
    renderIssue(i, { templates: TEMPLATES, settings: emailSettings(CONFIG) }),
  );
  return rendered;
}
