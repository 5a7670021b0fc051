/**
 * Evidence for bench/results/analysis.md: times, in one process over a generated corpus, the
 * per-page and per-issue functions the analysis names, and prototypes of the indexed versions
 * it proposes, checking that they give the same answers.
 *
 *   SEC_AS_OF=<as of> node bench/prototypes.ts bench/work/10000/site
 *
 * The folder is a benchmark site (`bench/work/<size>/site`, left by `npm run bench`): its
 * `src/` is the sec-press snapshot that was measured, its `content/` the generated corpus.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

interface Ref {
  id: string;
}
interface E<T> {
  id: string;
  data: T;
  body?: string;
}
interface Corpus {
  modifications: E<{ aliases: string[]; events: { date: string }[] }>[];
  meetings: E<{ body: Ref; date: string; status?: string }>[];
  news: E<{ date: string; modifications: Ref[] }>[];
  consultations: E<{ opens?: string; closes: string; modifications: Ref[] }>[];
  newsletters: E<{ issueDate: string; featured: ({ modification: Ref } | { news: Ref })[] }>[];
}
type Mod = Corpus['modifications'][number];

const site = path.resolve(process.argv[2] ?? 'bench/work/10000/site');
const load = async <T>(rel: string) => (await import(pathToFileURL(path.join(site, rel)).href)) as T;

const { loadContent } = await load<{ loadContent: (root: string) => Promise<{ corpus: Corpus }> }>(
  'src/lib/content/load.ts',
);
const { newslettersMentioning } = await load<{
  newslettersMentioning: (m: Mod['data'] & { id: string }, c: Corpus) => E<unknown>[];
}>('src/lib/site/modification.ts');
const { nextMeetingOf } = await load<{
  nextMeetingOf: (ms: Corpus['meetings'], body: string, after: string) => E<unknown> | undefined;
}>('src/lib/meetings.ts');
const { dateKey, monthOf } = await load<{ dateKey: (w: string) => string; monthOf: (w: string) => string }>(
  'src/lib/dates.ts',
);
const { isOpen } = await load<{ isOpen: (c: { opens?: string; closes: string }, asOf: string) => boolean }>(
  'src/lib/consultations.ts',
);

let t = performance.now();
const { corpus } = await loadContent(site);
const lap = (label: string) => {
  const ms = performance.now() - t;
  t = performance.now();
  return `${label}: ${(ms / 1000).toFixed(2)} s`;
};
console.log(
  lap(`loadContent (${corpus.modifications.length} modifications, ${corpus.meetings.length} meetings)`),
);

// newslettersMentioning: the original, on a sample of pages, then one index for all.
const sample = corpus.modifications.slice(0, 100);
const original = sample.map((m) =>
  newslettersMentioning({ ...m.data, id: m.id }, corpus)
    .map((n) => n.id)
    .join(),
);
console.log(lap(`newslettersMentioning as it is, ${sample.length} pages`));

function mentionIndex(c: Corpus): (id: string) => string[] {
  const issues = new Set(c.newsletters.map((n) => n.id));
  const months = new Map<string, Set<string>>();
  const add = (id: string, month: string) => {
    if (!issues.has(month)) return;
    let s = months.get(id);
    if (!s) months.set(id, (s = new Set()));
    s.add(month);
  };
  const owner = new Map<string, string>();
  for (const m of c.modifications) for (const id of [m.id, ...m.data.aliases]) owner.set(id, m.id);
  const named = (text: string | undefined, month: string) => {
    for (const x of (text ?? '').matchAll(/\b(SECMP\d{4}|MP\d{3}[A-Z]?|DP\d{3})\b/g)) {
      const id = owner.get(x[1]!);
      if (id) add(id, month);
    }
  };
  for (const n of c.newsletters) {
    for (const f of n.data.featured) if ('modification' in f) add(f.modification.id, n.id);
    named(n.body, n.id);
  }
  for (const m of c.modifications) for (const e of m.data.events) add(m.id, monthOf(e.date));
  for (const n of c.news) {
    for (const r of n.data.modifications) add(r.id, monthOf(n.data.date));
    named(n.body, monthOf(n.data.date));
  }
  for (const x of c.consultations) {
    for (const n of c.newsletters) {
      if (isOpen(x.data, n.data.issueDate)) for (const r of x.data.modifications) add(r.id, n.id);
    }
  }
  return (id) => [...(months.get(id) ?? [])].sort();
}
const mentioning = mentionIndex(corpus);
for (const m of corpus.modifications) mentioning(m.id);
console.log(lap(`newslettersMentioning indexed, all ${corpus.modifications.length} pages`));
const differ = sample.filter((m, i) => mentioning(m.id).join() !== original[i]).length;
console.log(`  answers that differ from the original: ${differ} of ${sample.length}`);

// nextMeetingOf: the original for every meeting page, then each body's meetings sorted once.
const before = corpus.meetings.map(
  (m) => nextMeetingOf(corpus.meetings, m.data.body.id, dateKey(m.data.date))?.id,
);
console.log(lap(`nextMeetingOf as it is, ${corpus.meetings.length} pages`));
const byBody = new Map<string, Corpus['meetings']>();
for (const m of corpus.meetings) byBody.set(m.data.body.id, [...(byBody.get(m.data.body.id) ?? []), m]);
for (const list of byBody.values()) {
  list.sort((a, b) =>
    a.data.date < b.data.date ? -1 : a.data.date > b.data.date ? 1 : a.id < b.id ? -1 : 1,
  );
}
const next = (body: string, after: string) => {
  const list = byBody.get(body) ?? [];
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]!.data.date.slice(0, 10) <= after) lo = mid + 1;
    else hi = mid;
  }
  return list.slice(lo).find((m) => m.data.status !== 'cancelled');
};
const after = corpus.meetings.map((m) => next(m.data.body.id, m.data.date.slice(0, 10))?.id);
console.log(lap(`nextMeetingOf indexed (sort once + binary search), ${corpus.meetings.length} pages`));
console.log(`  answers that differ from the original: ${after.filter((id, i) => id !== before[i]).length}`);
