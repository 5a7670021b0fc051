/**
 * Checks that span files: references that dangle, ids that clash or disagree with their
 * file names, and timelines that contradict themselves.
 */
import type { Ref } from '../../schemas/index.ts';
import type { Corpus, Entry } from '../corpus.ts';
import { isCertainlyBefore } from '../dates.ts';
import { fieldPath, type Problem } from './problems.ts';
import { didYouMean } from './suggest.ts';

/** Finds the line of a field in an entry's source file. */
export type Locate = (entry: Entry<unknown>, path: readonly PropertyKey[]) => number | undefined;

const SINGULAR: Record<string, string> = {
  modifications: 'modification',
  bodies: 'body',
  meetings: 'meeting',
  news: 'news item',
  consultations: 'consultation',
  designations: 'designation',
  newsletters: 'newsletter',
};

/** Every reference in an entry, with its field path. */
function forEachRef(
  value: unknown,
  visit: (ref: Ref, path: readonly PropertyKey[]) => void,
  path: PropertyKey[] = [],
): void {
  // One path array, pushed and popped: references are many, dangling ones few.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      forEachRef(value[i], visit, path);
      path.pop();
    }
  } else if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.collection === 'string' && typeof o.id === 'string' && Object.keys(o).length === 2) {
      visit(o as unknown as Ref, path);
      return;
    }
    for (const k in o) {
      path.push(k);
      forEachRef(o[k], visit, path);
      path.pop();
    }
  }
}

/**
 * @param unloaded ids, by collection, of files that exist but failed to load: their own
 * problems are reported already, so references to them are not.
 * @param partial the valid parts of files that failed their schema: their references are
 * checked too, so an editor sees every problem of a file at once.
 */
export function checkIntegrity(
  corpus: Corpus,
  locate: Locate,
  unloaded: ReadonlyMap<string, ReadonlySet<string>> = new Map(),
  partial: readonly Entry<unknown>[] = [],
): Problem[] {
  const problems: Problem[] = [];
  const report = (entry: Entry<unknown>, path: PropertyKey[], message: string) =>
    problems.push({
      file: entry.filePath ?? entry.id,
      line: locate(entry, path),
      field: path.length ? fieldPath(path) : undefined,
      message,
    });

  // Ids are unique, and unique once lower-cased too: they become URLs.
  for (const [name, entries] of Object.entries(corpus) as [string, Entry<unknown>[]][]) {
    const seen = new Map<string, Entry<unknown>>();
    for (const entry of entries) {
      const key = entry.id.toLowerCase();
      const first = seen.get(key);
      if (first) {
        report(
          entry,
          [],
          `duplicate id “${entry.id}”: ${first.filePath} has it too (ids must be unique in ${name}, whatever their case)`,
        );
      } else seen.set(key, entry);
    }
  }

  // File names agree with the ids inside.
  for (const m of corpus.modifications) {
    if (m.data.id !== m.id)
      report(
        m,
        ['id'],
        `“${m.data.id}” does not match the file name: rename the file to ${m.data.id}.md or correct the id`,
      );
  }
  for (const d of corpus.designations) {
    if (d.data.version !== d.id)
      report(
        d,
        ['version'],
        `“${d.data.version}” does not match the file name: name the file ${d.data.version}.md`,
      );
  }
  for (const s of corpus['party-stats']) {
    if (s.data.month !== s.id)
      report(
        s,
        ['month'],
        `“${s.data.month}” does not match the file name: name the file ${s.data.month}.yaml`,
      );
  }
  for (const n of corpus.newsletters) {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(n.id)) {
      report(
        n,
        [],
        `a newsletter's file is named after its month, YYYY-MM.md (e.g. 2018-08.md), not “${n.id}”`,
      );
    } else if (n.data.issueDate.slice(0, 7) !== n.id) {
      report(
        n,
        ['issueDate'],
        `${n.data.issueDate} is not in ${n.id}, the month this newsletter's file is named after`,
      );
    }
  }
  for (const m of corpus.meetings) {
    const prefix = /^(\d{4}-\d{2}-\d{2})-/.exec(m.id)?.[1];
    if (prefix && prefix !== m.data.date.slice(0, 10)) {
      report(m, ['date'], `${m.data.date} is not the date in the file name (${prefix})`);
    }
  }

  // References resolve.
  const ids = new Map<string, Set<string>>(
    Object.entries(corpus).map(([name, entries]) => [
      name,
      new Set((entries as Entry<unknown>[]).map((e) => e.id)),
    ]),
  );
  const aliases = new Map<string, string>();
  for (const m of corpus.modifications) {
    for (const [i, alias] of m.data.aliases.entries()) {
      const owner = aliases.get(alias) ?? (ids.get('modifications')!.has(alias) ? alias : undefined);
      if (owner) report(m, ['aliases', i], `“${alias}” is already the id or an alias of ${owner}`);
      else aliases.set(alias, m.id);
    }
  }
  for (const entries of [...(Object.values(corpus) as Entry<unknown>[][]), partial]) {
    for (const entry of entries) {
      forEachRef(entry.data, (ref, path) => {
        const known = ids.get(ref.collection) ?? new Set<string>();
        if (known.has(ref.id) || unloaded.get(ref.collection)?.has(ref.id)) return;
        const what = SINGULAR[ref.collection] ?? ref.collection;
        const alias = ref.collection === 'modifications' ? aliases.get(ref.id) : undefined;
        report(
          entry,
          [...path],
          alias
            ? `“${ref.id}” is an alias: refer to the modification by its id, ${alias}`
            : `no ${what} “${ref.id}” in content/${ref.collection}/${didYouMean(ref.id, known)}`,
        );
      });
    }
  }

  // Timelines make sense.
  for (const m of corpus.modifications) {
    const raised = m.data.events.find((e) => e.type === 'raised');
    if (!raised) continue;
    m.data.events.forEach((e, i) => {
      if (e !== raised && isCertainlyBefore(e.date, raised.date)) {
        report(
          m,
          ['events', i, 'date'],
          `${e.type} on ${e.date} is before the modification was raised (${raised.date})`,
        );
      }
    });
  }
  return problems;
}
