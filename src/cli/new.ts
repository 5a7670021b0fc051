/**
 * `npm run new -- <kind> …`: scaffolds a new content file, valid from the start, and prints
 * its path. Never overwrites; writes nothing if the result would not pass `npm run check`.
 */
import { loadContent } from '../lib/content/load.ts';
import { londonToday } from '../lib/dates.ts';
import { formatHelp, parseOptions } from '../lib/editing/args.ts';
import { EditError } from '../lib/editing/errors.ts';
import { KINDS, kindsHelp } from '../lib/editing/scaffold.ts';
import { writeValidated } from '../lib/editing/write.ts';
import { didYouMean } from '../lib/content/suggest.ts';
import { config } from '../config.ts';
import { newsletterProblems } from '../lib/newsletter/problems.ts';
import { runCli, UsageError } from './run.ts';

/** The checks npm run check makes beyond the loader's, so what is written passes it. */
const CHECKS = [
  (corpus: Parameters<typeof newsletterProblems>[0], lineOf: Parameters<typeof newsletterProblems>[2]) =>
    newsletterProblems(corpus, { contact: config.contact }, lineOf),
];

await runCli(async ({ root, args, out }) => {
  const [kindName, ...rest] = args;
  if (!kindName || ['--help', '-h', 'help'].includes(kindName)) {
    (kindName ? out.log : out.error)(kindsHelp());
    return kindName ? 0 : 1;
  }
  const kind = KINDS[kindName];
  if (!kind) {
    throw new UsageError(
      `“${kindName}” is not a kind of content${didYouMean(kindName, Object.keys(KINDS))} (kinds: ${Object.keys(KINDS).join(', ')})`,
    );
  }
  try {
    const { values, positionals, help } = parseOptions(kind.spec, rest);
    if (help) {
      out.log(formatHelp(kind.spec));
      return 0;
    }
    const allowed = kind.spec.positionals?.length ?? 0;
    if (positionals.length > allowed) {
      throw new EditError(
        `unexpected “${positionals[allowed]}”: put text with spaces in quotes, and options after --name`,
      );
    }
    const { corpus } = await loadContent(root);
    const scaffold = kind.build(values, { corpus, today: londonToday() }, positionals);
    const { unrelated } = await writeValidated(root, [{ file: scaffold.file, text: scaffold.text }], CHECKS);
    out.log(`✔ Created ${scaffold.file}`);
    for (const note of scaffold.notes) out.log(`  ${note}`);
    if (unrelated.length)
      out.warn(`  (npm run check reports ${unrelated.length} problem(s) elsewhere in content/)`);
    return 0;
  } catch (error) {
    if (error instanceof EditError) throw new UsageError(error.message);
    throw error;
  }
});
