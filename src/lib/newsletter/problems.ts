/**
 * Problems of newsletter files that only assembling an issue reveals, reported like every
 * other content problem (`file:line: field: message`): a month with nothing to send, and
 * keys under `sections` that name no item of the issue.
 */
import type { Problem } from '../content/problems.ts';
import { didYouMean } from '../content/suggest.ts';
import type { Corpus } from '../corpus.ts';
import { formatMonth, type IsoMonth } from '../dates.ts';
import { assembleIssueWithReport, hasContent } from './assemble.ts';
import type { AssembleOptions } from './context.ts';

export interface CheckOptions extends AssembleOptions {
  /** Check only this month's newsletter (`npm run newsletter -- MONTH`); every one by default. */
  only?: IsoMonth | undefined;
}

/**
 * Checks every newsletter of a valid corpus (run it after the loader found no problems), or
 * only one month's. `lineOf` points at a field of a newsletter file, where the caller can tell.
 */
export function newsletterProblems(
  corpus: Corpus,
  options: CheckOptions,
  lineOf: (file: string, path: readonly PropertyKey[]) => number | undefined = () => undefined,
): Problem[] {
  const problems: Problem[] = [];
  const { only, ...assemble } = options;
  for (const newsletter of corpus.newsletters) {
    if (only !== undefined && newsletter.id !== only) continue;
    const file = newsletter.filePath ?? `content/newsletters/${newsletter.id}.md`;
    const { issue, unmatched } = assembleIssueWithReport(corpus, newsletter.id, assemble);
    if (!hasContent(issue)) {
      problems.push({
        file,
        line: lineOf(file, ['issueDate']),
        field: 'issueDate',
        message: `nothing to send for ${formatMonth(newsletter.id)}: no meeting, modification event, news item, consultation, designation or party statistics falls in the month or the weeks after ${newsletter.data.issueDate}, and nothing is featured. Add the month's content, or remove this file`,
      });
    }
    for (const u of unmatched) {
      const path = ['sections', u.section, u.field, u.index];
      problems.push({
        file,
        line: lineOf(file, path),
        field: `sections.${u.section}.${u.field}[${u.index}]`,
        message: `no item “${u.key}” in the ${u.section} section of this issue${didYouMean(u.key, u.known)}${
          didYouMean(u.key, u.known) || u.known.length === 0
            ? ''
            : ` (its items: ${u.known.slice(0, 12).join(', ')}${u.known.length > 12 ? ', …' : ''})`
        }`,
      });
    }
  }
  return problems;
}

/**
 * {@link newsletterProblems}, each pointed at its line by reading again the files that have
 * problems (only those: a valid corpus costs no extra reading).
 */
export async function checkNewsletters(
  root: string,
  corpus: Corpus,
  options: CheckOptions,
): Promise<Problem[]> {
  const problems = newsletterProblems(corpus, options);
  if (problems.length === 0) return problems;
  const { readFile } = await import('node:fs/promises');
  const path = await import('node:path');
  const { parseBytes } = await import('../content/read.ts');
  const lines = new Map<string, (p: readonly PropertyKey[]) => number>();
  for (const file of new Set(problems.map((p) => p.file))) {
    const read = parseBytes(await readFile(path.join(root, file)), 'markdown');
    if (read.ok) lines.set(file, read.file.lineOf);
  }
  return newsletterProblems(corpus, options, (file, p) => lines.get(file)?.(p));
}
