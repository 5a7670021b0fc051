/**
 * `npm run record -- SECMP0009 dmr-presented --meeting "sec-panel 60"`: appends an event to
 * a modification's timeline without touching the rest of its file, if the result is valid.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadContent } from '../lib/content/load.ts';
import { ContentError } from '../lib/content/problems.ts';
import { londonToday } from '../lib/dates.ts';
import { formatHelp, parseOptions } from '../lib/editing/args.ts';
import { EditError } from '../lib/editing/errors.ts';
import { planEvent, RECORD_SPEC, stageChange, withEvent } from '../lib/editing/record.ts';
import { writeValidated } from '../lib/editing/write.ts';
import { config } from '../config.ts';
import { newsletterProblems } from '../lib/newsletter/problems.ts';
import { runCli, UsageError } from './run.ts';

/** The checks npm run check makes beyond the loader's, so what is written passes it. */
const CHECKS = [
  (corpus: Parameters<typeof newsletterProblems>[0], lineOf: Parameters<typeof newsletterProblems>[2]) =>
    newsletterProblems(corpus, { contact: config.contact }, lineOf),
];

await runCli(async ({ root, args, out }) => {
  try {
    const { values, positionals, help } = parseOptions(RECORD_SPEC, args);
    if (help || args.length === 0) {
      (help ? out.log : out.error)(formatHelp(RECORD_SPEC));
      return help ? 0 : 1;
    }
    if (positionals.length > 2) {
      throw new EditError(
        `unexpected “${positionals[2]}”: put text with spaces in quotes, e.g. --summary "…"`,
      );
    }
    const loaded = await loadContent(root);
    const ctx = { corpus: loaded.corpus, today: londonToday() };
    // A modification whose file has problems is not in the corpus: show them, not “no such modification”.
    const wanted = `content/modifications/${positionals[0]?.toUpperCase()}.md`;
    const ownProblems = loaded.problems.filter((p) => p.file === wanted);
    if (ownProblems.length) throw new ContentError(ownProblems);
    const planned = planEvent(ctx, positionals[0], positionals[1], values);
    const file = planned.modification.filePath!;
    const previous = await readFile(path.join(root, file));
    const text = withEvent(previous.toString('utf8'), planned);
    const { before, after } = stageChange(ctx, planned);
    if (values['dry-run']) {
      const old = previous.toString('utf8');
      let start = 0;
      while (start < old.length && old[start] === text[start]) start++;
      const added = text.slice(start, start + text.length - old.length);
      out.log(`Would add to ${file} (nothing written):\n${added.replace(/\r?\n$/, '')}`);
      return 0;
    }
    const { unrelated } = await writeValidated(root, [{ file, text, previous }], CHECKS);
    out.log(`✔ ${planned.modification.id}: ${planned.description}`);
    out.log(`  recorded in ${file}`);
    out.log(before === after ? `  stage: ${after}` : `  stage: ${before} → ${after}`);
    if (unrelated.length)
      out.warn(`  (npm run check reports ${unrelated.length} problem(s) elsewhere in content/)`);
    return 0;
  } catch (error) {
    if (error instanceof EditError) throw new UsageError(error.message);
    throw error;
  }
});
