/**
 * The benchmark corpus: the example content, followed by as many months of synthetic history
 * as it takes to reach a given number of content files. Deterministic: the same seed and the
 * same example content give the same bytes.
 *
 * Proportions follow what SECAS publishes in a month (the August 2018 newsletter, the SEC's
 * meeting calendar and the pace of Modification Proposals from SECMP0001 in 2014 to MP200-odd
 * by 2022): see {@link PER_MONTH}.
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { createRandom, type Random } from './random.ts';
import { type BodyKind, markdownBody, SITE } from './text.ts';

/** Synthetic entries per month of history, by collection. */
export const PER_MONTH = {
  /** The standing bodies' calendar: Panel, Change Board, TAG, TABASC, SMKI PMA and the
   * Operations Group monthly, the SSC twice a month, plus Working Groups and SECAS events. */
  meetings: 10.5,
  /** Raised per month: about 40 a year, the SEC's pace from 2018 to 2022. */
  modifications: 3,
  news: 3,
  /** Modification Report Consultations and industry (DCC, BEIS, Ofgem) consultations. */
  consultations: 2,
  /** A new SEC version every other month or so. */
  designations: 0.5,
  newsletters: 1,
  'party-stats': 1,
} as const;
export type SyntheticCollection = keyof typeof PER_MONTH;
export const SYNTHETIC_COLLECTIONS = Object.keys(PER_MONTH) as SyntheticCollection[];
const MONTH_TOTAL = Object.values(PER_MONTH).reduce((a, b) => a + b, 0);

export interface GenerateOptions {
  /** Total content files wanted, the example content included. */
  entries: number;
  seed: number;
  /** The example content to start from (`content/` of the project). */
  baseContent: string;
  /** The `content/` folder to write (emptied first). */
  outDir: string;
}

export interface GeneratedCorpus {
  /** Content files written, the example content included (equals `entries`). */
  files: number;
  /** Files copied from the example content. */
  baseFiles: number;
  /** Synthetic entries by collection. */
  synthetic: Record<SyntheticCollection, number>;
  /** Months of synthetic history, in order. */
  months: string[];
  /** The day to build as of: the last synthetic newsletter's issue date. */
  asOf: string;
  /** Mean size in bytes of the synthetic Markdown bodies. */
  meanBodyBytes: number;
  /** A synthetic modification file (relative to `outDir`) to edit for the incremental case. */
  touchFile: string;
}

// ---------------------------------------------------------------------------------------
// Dates, as the content writes them (wall time in Europe/London, no zone arithmetic needed).

const DAY = 86_400_000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const isoDay = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
const dayMs = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
export const addDays = (iso: string, n: number) => isoDay(dayMs(iso) + n * DAY);
const weekday = (iso: string) => new Date(dayMs(iso)).getUTCDay();
/** The next Monday–Friday on or after a day. */
const workday = (iso: string) => {
  let d = iso;
  while (weekday(d) === 0 || weekday(d) === 6) d = addDays(d, 1);
  return d;
};
export const nextMonth = (month: string) => {
  const y = +month.slice(0, 4);
  const m = +month.slice(5, 7);
  return m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
};
const monthPlus = (month: string, n: number) => {
  let m = month;
  for (let i = 0; i < n; i++) m = nextMonth(m);
  return m;
};
const daysIn = (month: string) => new Date(Date.UTC(+month.slice(0, 4), +month.slice(5, 7), 0)).getUTCDate();
/** The n-th (1-based) given weekday of a month. */
function nthWeekday(month: string, dow: number, n: number): string {
  let d = `${month}-01`;
  while (weekday(d) !== dow) d = addDays(d, 1);
  return addDays(d, 7 * (n - 1));
}
/** The last Monday–Friday of a month. */
function lastWorkday(month: string): string {
  let d = `${month}-${pad(daysIn(month))}`;
  while (weekday(d) === 0 || weekday(d) === 6) d = addDays(d, -1);
  return d;
}
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const monthName = (month: string) => `${MONTH_NAMES[+month.slice(5, 7) - 1]} ${month.slice(0, 4)}`;

// ---------------------------------------------------------------------------------------
// Apportionment.

/** Splits `total` over `weights` by largest remainder, so the parts add up to `total` exactly. */
export function apportion<K extends string>(total: number, weights: Record<K, number>): Record<K, number> {
  const keys = Object.keys(weights) as K[];
  const sum = keys.reduce((s, k) => s + weights[k], 0);
  const exact = keys.map((k) => (total * weights[k]) / sum);
  const out = Object.fromEntries(keys.map((k, i) => [k, Math.floor(exact[i]!)])) as Record<K, number>;
  let left = total - keys.reduce((s, k) => s + out[k], 0);
  const order = keys
    .map((k, i) => ({ k, rem: exact[i]! - Math.floor(exact[i]!), i }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (const { k } of order) {
    if (left-- <= 0) break;
    out[k]++;
  }
  return out;
}

/** How many of `total` fall in slot `i` of `slots`, spread as evenly as whole numbers allow. */
const spread = (total: number, slots: number, i: number) =>
  Math.floor(((i + 1) * total) / slots) - Math.floor((i * total) / slots);

/** Synthetic entries per collection for `synthetic` files: one newsletter and one party-stats a month. */
export function plan(synthetic: number): { months: number; counts: Record<SyntheticCollection, number> } {
  if (synthetic < Math.ceil(MONTH_TOTAL)) {
    throw new Error(
      `too few entries: at least ${Math.ceil(MONTH_TOTAL)} synthetic files (one month) are needed`,
    );
  }
  const months = Math.max(1, Math.round(synthetic / MONTH_TOTAL));
  const { newsletters: _n, 'party-stats': _p, ...rest } = PER_MONTH;
  const others = apportion(synthetic - 2 * months, rest);
  return { months, counts: { ...others, newsletters: months, 'party-stats': months } };
}

// ---------------------------------------------------------------------------------------
// Vocabulary (made up; no real organisation's facts).

const PROPOSERS = [
  'Northfield Energy',
  'Brightwater Power',
  'Kestrel Supply',
  'Harbour Gas Distribution',
  'Cadence Networks',
  'Meridian Metering Services',
  'SECAS',
  'DCC',
  'Lowland Electricity Distribution',
  'Pennine Energy',
];
const AREAS = [
  'Section H',
  'the Security Controls Framework',
  'the Threshold Anomaly Detection Procedures',
  'SMETS1 enrolment',
  'the Smart Metering Inventory',
  'Communications Hub returns',
  'the Incident Management Policy',
  'the Release Management Policy',
  'Device Certificates',
  'User Entry Process Tests',
  'the Enduring Test Approach Document',
  'Service Request processing',
  'the Change of Supplier process',
  'Performance Measurement reporting',
];
const PURPOSES = [
  'to reduce duplicate reporting',
  'for Small Suppliers',
  'to clarify User obligations',
  'to align with the Retail Energy Code',
  'for prepayment customers',
  'to support faster switching',
  'to remove obsolete obligations',
  'for Network Operators',
  'to improve incident reporting',
  'for SMETS2+ devices',
];
const VERB_TITLES = [
  'Changes to',
  'Amending',
  'Clarifying',
  'Simplifying',
  'Extending',
  'Removing redundancy in',
];
const SECTIONS = ['A', 'D', 'E', 'F', 'G', 'H', 'I', 'L', 'M', 'Appendix AB', 'Appendix AC', 'Appendix AD'];
const PARTIES = [
  'large-suppliers',
  'small-suppliers',
  'electricity-networks',
  'gas-networks',
  'other-sec-parties',
  'dcc',
] as const;
const NEWS_TOPICS = [
  ['governance', 'Panel decisions'],
  ['change', 'Modification Process update'],
  ['security', 'Security assessments'],
  ['events', 'SEC seminar'],
  ['reminder', 'Reporting deadline'],
  ['dcc', 'DCC service update'],
  ['general', 'SEC website improvements'],
  ['change', 'SEC Release'],
  ['governance', 'Sub-Committee membership'],
] as const;
const ISSUERS = [
  ['dcc', 'DCC'],
  ['beis', 'BEIS'],
  ['ofgem', 'Ofgem'],
  ['other', 'Code administrator'],
] as const;

interface Slot {
  body: string;
  dow: number;
  n: number;
  time: string;
  end: string;
  title?: string;
  location: string;
}
/** The calendar of meetings, most regular first: a month takes as many as it needs. */
const SCHEDULE: Slot[] = [
  { body: 'sec-panel', dow: 5, n: 2, time: '10:00', end: '15:00', location: 'SECAS offices, London' },
  { body: 'change-board', dow: 3, n: 4, time: '10:00', end: '12:00', location: 'Teleconference' },
  { body: 'ssc', dow: 3, n: 2, time: '10:00', end: '16:00', location: 'SECAS offices, London' },
  { body: 'tag', dow: 4, n: 1, time: '10:00', end: '13:00', location: 'SECAS offices, London' },
  { body: 'tabasc', dow: 4, n: 3, time: '10:00', end: '13:00', location: 'SECAS offices, London' },
  { body: 'smki-pma', dow: 2, n: 3, time: '10:00', end: '13:00', location: 'SECAS offices, London' },
  { body: 'ops-group', dow: 2, n: 4, time: '10:00', end: '13:00', location: 'SECAS offices, London' },
  { body: 'ssc', dow: 3, n: 4, time: '10:00', end: '16:00', location: 'SECAS offices, London' },
  {
    body: 'secas',
    dow: 1,
    n: 2,
    time: '11:00',
    end: '12:00',
    title: 'Modifications Question Hour',
    location: 'Teleconference',
  },
  { body: 'working-groups', dow: 1, n: 1, time: '10:00', end: '15:00', location: 'SECAS offices, London' },
  { body: 'working-groups', dow: 1, n: 3, time: '10:00', end: '15:00', location: 'Teleconference' },
  { body: 'working-groups', dow: 4, n: 4, time: '13:00', end: '16:00', location: 'Teleconference' },
  { body: 'working-groups', dow: 2, n: 1, time: '13:00', end: '16:00', location: 'Teleconference' },
  { body: 'working-groups', dow: 5, n: 4, time: '10:00', end: '12:00', location: 'Teleconference' },
];

// ---------------------------------------------------------------------------------------
// Model of what is generated, written out at the end.

interface Doc {
  type: string;
  title: string;
  date?: string;
  url?: string;
}
interface MeetingDraft {
  id: string;
  month: string;
  body: string;
  title?: string;
  number?: number;
  date: string;
  end: string;
  location: string;
  modifications: string[];
  documents: Doc[];
}
interface EventDraft {
  type: string;
  date: string;
  meeting?: string;
  outcome?: string;
  solution?: string;
  summary?: string;
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...listFiles(p));
    else out.push(p);
  }
  return out;
}

const frontMatter = (data: Record<string, unknown>) =>
  stringify(data, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
    .replace(/-$/, '');

export function generateCorpus(opts: GenerateOptions): GeneratedCorpus {
  const { entries, seed, baseContent, outDir } = opts;
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  cpSync(baseContent, outDir, { recursive: true, filter: (src) => !path.basename(src).startsWith('.') });
  const baseFiles = listFiles(outDir);
  const rel = (p: string) => path.relative(outDir, p).split(path.sep).join('/');
  const baseIds = new Set(baseFiles.map((f) => rel(f).replace(/\.[^./]+$/, '')));
  const { months: monthCount, counts } = plan(entries - baseFiles.length);
  const root = createRandom(seed);

  // Where the example content ends and the synthetic history starts.
  const baseMonths = baseFiles
    .map(rel)
    .filter((f) => /^(newsletters|party-stats)\/\d{4}-\d{2}\./.test(f))
    .map((f) => f.split('/')[1]!.slice(0, 7))
    .sort();
  const first = nextMonth(baseMonths.at(-1) ?? '2018-08');
  const months = Array.from({ length: monthCount }, (_, i) => monthPlus(first, i));
  const asOf = lastWorkday(months.at(-1)!);

  const readBase = (collection: string) =>
    baseFiles.filter((f) => rel(f).startsWith(`${collection}/`)).map((f) => readFileSync(f, 'utf8'));
  const maxOf = (collection: string, re: RegExp) =>
    Math.max(0, ...readBase(collection).flatMap((t) => [...t.matchAll(re)].map((m) => +m[1]!)));

  // --- Meetings: the calendar of each month, as many slots as that month's share.
  const meetings: MeetingDraft[] = [];
  const meetingNumber = new Map<string, number>();
  for (const s of new Set(SCHEDULE.map((s) => s.body))) {
    const nums = baseFiles
      .filter((f) => rel(f).startsWith('meetings/') && rel(f).endsWith(`-${s}.md`))
      .map((f) => /^number: (\d+)/m.exec(readFileSync(f, 'utf8'))?.[1])
      .filter((n): n is string => n !== undefined)
      .map(Number);
    meetingNumber.set(s, nums.length ? Math.max(...nums) : 0);
  }
  const meetingIds = new Set<string>();
  months.forEach((month, i) => {
    const n = spread(counts.meetings, monthCount, i);
    for (let k = 0; k < n; k++) {
      const slot = SCHEDULE[k % SCHEDULE.length]!;
      let day = nthWeekday(month, slot.dow, slot.n);
      let id = `${day}-${slot.body}`;
      // Clashes with the example content's meetings (or a repeated slot): the next free day.
      while (baseIds.has(`meetings/${id}`) || meetingIds.has(id)) {
        day = addDays(day, 1);
        if (day.slice(0, 7) !== month) day = `${month}-01`;
        id = `${day}-${slot.body}`;
      }
      meetingIds.add(id);
      const number =
        slot.body === 'secas' || slot.body === 'working-groups'
          ? undefined
          : meetingNumber.get(slot.body)! + 1;
      if (number !== undefined) meetingNumber.set(slot.body, number);
      meetings.push({
        id,
        month,
        body: slot.body,
        ...(slot.title ? { title: slot.title } : {}),
        ...(number !== undefined ? { number } : {}),
        date: `${day}T${slot.time}`,
        end: `${day}T${slot.end}`,
        location: slot.location,
        modifications: [],
        documents: [],
      });
    }
  });
  meetings.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  /** The first meeting of a body on or after a day and up to `until`. */
  const meetingOf = (body: string, from: string, until = asOf) =>
    meetings.find((m) => m.body === body && m.date.slice(0, 10) >= from && m.date.slice(0, 10) <= until);

  // --- Designations: their dates come first, modifications are implemented by them.
  const designationMonths: string[] = [];
  months.forEach((month, i) => {
    for (let k = 0; k < spread(counts.designations, monthCount, i); k++) designationMonths.push(month);
  });
  let [major, minor] = (() => {
    const versions = baseFiles
      .map(rel)
      .filter((f) => f.startsWith('designations/'))
      .map((f) => path.basename(f, '.md').split('.').map(Number));
    versions.sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!);
    const last = versions.at(-1) ?? [5, 0];
    return [last[0]!, last[1]!];
  })();
  const designations = designationMonths.map((month, k) => {
    minor++;
    if (minor > 99) {
      major++;
      minor = 0;
    }
    const day = workday(addDays(`${month}-01`, 20 + (k % 5)));
    return { version: `${major}.${minor}`, date: day, month, modifications: [] as string[] };
  });

  // --- Modifications, raised month by month, each with the timeline the process gives it.
  let nextId = maxOf('modifications', /^id: SECMP(\d{4})$/gm) + 1;
  if (nextId < 59) nextId = 59;
  interface ModDraft {
    id: string;
    month: string;
    data: Record<string, unknown>;
    events: EventDraft[];
    documents: Doc[];
    /** When the Panel presented the Draft Modification Report, to open its consultation. */
    dmr?: string;
  }
  const mods: ModDraft[] = [];
  const inRefinement: { id: string; from: string; to: string }[] = [];
  months.forEach((month, i) => {
    for (let k = 0; k < spread(counts.modifications, monthCount, i); k++) {
      const id = `SECMP${pad(nextId++, 4)}`;
      if (nextId > 9999) throw new Error('more than 9,999 modifications: SECMP ids run out');
      const r = root.fork(`mod:${id}`);
      const title = `${r.pick(VERB_TITLES)} ${r.pick(AREAS)} ${r.pick(PURPOSES)}`;
      const raised = workday(`${month}-${pad(r.int(1, Math.min(26, daysIn(month))))}`);
      const events: EventDraft[] = [{ type: 'raised', date: raised }];
      const documents: Doc[] = [];
      const modPath = r.weighted([
        ['self-governance', 5],
        ['authority-determined', 3],
        ['fast-track', 2],
      ] as const);
      const at = (body: string, from: string) => meetingOf(body, from);
      const draft: ModDraft = { id, month, data: {}, events, documents };
      const withdrawn = r.chance(0.08);
      let cursor = raised;
      let decided: string | undefined;

      const step = (ev: EventDraft, body?: string) => {
        const m = body ? at(body, ev.date) : undefined;
        if (body && !m) return false;
        if (m) {
          ev.date = m.date.slice(0, 10);
          ev.meeting = m.id;
          m.modifications.push(id);
        }
        if (ev.date > asOf) return false;
        events.push(ev);
        cursor = ev.date;
        return true;
      };
      const doc = (type: string, name: string, date: string) =>
        documents.push({
          type,
          title: `${id} ${name}`,
          date,
          ...(r.chance(0.7) ? { url: `${SITE}/documents/${id.toLowerCase()}-${type}.pdf` } : {}),
        });

      (() => {
        if (modPath === 'fast-track') {
          if (
            !step(
              { type: 'change-board-vote', date: addDays(cursor, r.int(14, 40)), outcome: 'approved' },
              'change-board',
            )
          )
            return;
          decided = cursor;
          return;
        }
        const refinement = r.chance(0.6);
        if (
          !step(
            {
              type: 'imr-presented',
              date: addDays(cursor, r.int(10, 35)),
              outcome: refinement ? 'refinement' : 'report-phase',
            },
            'sec-panel',
          )
        )
          return;
        doc('imr', 'Initial Modification Report', cursor);
        if (withdrawn && r.chance(0.5)) return;
        if (refinement) {
          const from = cursor;
          const span = r.int(60, 270);
          inRefinement.push({ id, from, to: addDays(from, span) });
          cursor = addDays(cursor, span);
        }
        if (
          !step(
            {
              type: 'dmr-presented',
              date: addDays(cursor, r.int(5, 30)),
              summary: 'The Panel sent it to Modification Report Consultation.',
            },
            'sec-panel',
          )
        )
          return;
        doc('dmr', 'Draft Modification Report', cursor);
        draft.dmr = cursor;
        if (
          r.chance(0.1) &&
          !step({ type: 'decision-deferred', date: addDays(cursor, r.int(28, 40)) }, 'sec-panel')
        )
          return;
        if (!step({ type: 'fmr-issued', date: workday(addDays(cursor, r.int(30, 45))) })) return;
        doc('fmr', 'Final Modification Report', cursor);
        if (modPath === 'self-governance') {
          const approved = r.chance(0.85);
          if (
            !step(
              { type: 'change-board-vote', date: cursor, outcome: approved ? 'approved' : 'rejected' },
              'change-board',
            )
          )
            return;
          if (approved) {
            decided = cursor;
            const end = workday(addDays(cursor, 21));
            if (end <= addDays(asOf, 31)) events.push({ type: 'referral-period-ends', date: `${end}T17:00` });
          }
        } else {
          const recommend = r.chance(0.8);
          const alternative = r.chance(0.2);
          if (
            !step(
              {
                type: 'change-board-vote',
                date: cursor,
                outcome: recommend ? 'recommended-approval' : 'recommended-rejection',
                ...(alternative ? { solution: 'alternative' } : {}),
              },
              'change-board',
            )
          )
            return;
          if (!step({ type: 'sent-to-authority', date: addDays(cursor, r.int(3, 10)) })) return;
          const outcome = r.weighted([
            ['approved', 8],
            ['rejected', 1],
            ['sent-back', 1],
          ] as const);
          if (
            !step({
              type: 'authority-decision',
              date: workday(addDays(cursor, r.int(20, 90))),
              outcome,
              ...(alternative ? { solution: 'alternative' } : {}),
            })
          )
            return;
          if (outcome === 'approved') decided = cursor;
        }
      })();

      if (withdrawn && events.length > 1 && !decided) {
        const date = workday(addDays(cursor, r.int(5, 40)));
        if (date <= asOf) {
          events.push({ type: 'withdrawn', date, summary: 'The Proposer withdrew it.' });
          events.push({ type: 'adoption-window-closes', date: workday(addDays(date, 10)) });
        }
      }
      if (r.chance(0.15)) {
        const noteDate = addDays(raised, r.int(1, 20));
        if (noteDate <= asOf)
          events.push({
            type: 'note',
            date: noteDate.slice(0, 7),
            summary: 'SECAS published a summary of the issue for Parties to comment on.',
          });
      }

      const assessed = events.length > 1;
      if (decided) {
        const design = designations.find((d) => d.date > addDays(decided!, 30));
        if (design) design.modifications.push(id);
        const implementation = design ? design.date : workday(addDays(decided, r.int(60, 150)));
        draft.data.implementationDate = implementation;
        draft.data.targetRelease = `${MONTH_NAMES[+implementation.slice(5, 7) - 1]} ${implementation.slice(0, 4)} SEC Release`;
      }
      draft.data = {
        id,
        title,
        proposer: r.pick(PROPOSERS),
        ...(assessed || modPath === 'fast-track' ? { path: modPath } : {}),
        ...(assessed ? { parties: r.sample(PARTIES, r.int(1, 4)), dccImpact: r.chance(0.4) } : {}),
        secSections: r.sample(SECTIONS, r.int(1, 2)),
        ...draft.data,
        related:
          mods.length && r.chance(0.2)
            ? r.sample(
                mods.slice(-40).map((m) => m.id),
                r.int(1, 2),
              )
            : [],
      };
      mods.push(draft);
    }
  });

  // Working Groups discuss the modifications in refinement.
  for (const m of meetings) {
    if (m.body !== 'working-groups') continue;
    const d = m.date.slice(0, 10);
    const active = inRefinement.filter((x) => x.from <= d && d <= x.to).slice(0, 3);
    for (const a of active) if (!m.modifications.includes(a.id)) m.modifications.push(a.id);
  }

  // --- Consultations: first the Modification Report Consultations of the month, then industry ones.
  interface Drafted {
    file: string;
    data: Record<string, unknown>;
    kind: BodyKind;
    r: Random;
    year: number;
  }
  const out: Drafted[] = [];
  const consultationIds = new Set<string>();
  months.forEach((month, i) => {
    const budget = spread(counts.consultations, monthCount, i);
    const mrcs = mods.filter((m) => m.dmr?.slice(0, 7) === month);
    let made = 0;
    for (const m of mrcs) {
      if (made >= budget) break;
      const r = root.fork(`mrc:${m.id}`);
      const opens = workday(addDays(m.dmr!, r.int(1, 5)));
      const closes = workday(addDays(opens, r.int(14, 21)));
      const id = `${m.id.toLowerCase()}-modification-report-consultation`;
      consultationIds.add(id);
      out.push({
        file: `consultations/${id}.md`,
        kind: 'consultation',
        r,
        year: +month.slice(0, 4),
        data: {
          title: `${m.id} Modification Report Consultation`,
          issuer: 'secas',
          kind: 'modification-report',
          opens,
          closes: r.chance(0.5) ? `${closes}T17:00` : closes,
          modifications: [m.id],
          summary: `Views on the Draft Modification Report for ${m.id} ‘${m.data.title as string}’.`,
          ...(r.chance(0.6) ? { url: `${SITE}/consultations/${id}/` } : {}),
          ...(closes < asOf && r.chance(0.5)
            ? {
                conclusion:
                  'Respondents supported the solution; the Final Modification Report sets out their views.',
              }
            : {}),
        },
      });
      made++;
    }
    for (let k = 0; made < budget; k++, made++) {
      const r = root.fork(`consultation:${month}:${k}`);
      const [issuer, who] = r.pick(ISSUERS);
      const topic = r.pick(AREAS);
      const title = `${who} consultation on ${topic}`;
      let id = `${month}-${slug(title)}`;
      while (consultationIds.has(id)) id = `${id}-${k + 2}`;
      consultationIds.add(id);
      const opens = workday(`${month}-${pad(r.int(1, 20))}`);
      const closes = workday(addDays(opens, r.int(20, 45)));
      out.push({
        file: `consultations/${id}.md`,
        kind: 'consultation',
        r,
        year: +month.slice(0, 4),
        data: {
          title,
          issuer,
          opens,
          closes,
          ...(r.chance(0.3) ? { briefing: workday(addDays(opens, 7)) } : {}),
          summary: `${who} asks for views on proposed changes to ${topic}.`,
          ...(r.chance(0.8) ? { url: `${SITE}/consultations/${id}/` } : {}),
          ...(closes < asOf && r.chance(0.4)
            ? { conclusion: `${who} has published its conclusions; the changes go ahead as proposed.` }
            : {}),
        },
      });
    }
  });

  // --- News.
  const newsByMonth = new Map<string, string[]>();
  const newsIds = new Set<string>();
  months.forEach((month, i) => {
    const list: string[] = [];
    for (let k = 0; k < spread(counts.news, monthCount, i); k++) {
      const r = root.fork(`news:${month}:${k}`);
      const [category, topic] = r.pick(NEWS_TOPICS);
      const title = `${topic}: ${r.pick(AREAS)}`;
      let id = `${month}-${slug(title)}`;
      for (let n = 2; newsIds.has(id); n++) id = `${month}-${slug(title)}-${n}`;
      newsIds.add(id);
      list.push(id);
      const date = workday(`${month}-${pad(r.int(1, 25))}`);
      const monthMeetings = meetings.filter((m) => m.month === month && m.date.slice(0, 10) <= date);
      const known = mods.filter((m) => m.month <= month);
      out.push({
        file: `news/${id}.md`,
        kind: 'news',
        r,
        year: +month.slice(0, 4),
        data: {
          title,
          date,
          category,
          summary: `${topic} for ${monthName(month)}: what changes for SEC Parties.`,
          bodies: r.chance(0.5)
            ? r.sample(['sec-panel', 'change-board', 'ssc', 'tag', 'tabasc', 'ops-group'], r.int(1, 2))
            : [],
          modifications:
            known.length && r.chance(0.4)
              ? r.sample(
                  known.slice(-30).map((m) => m.id),
                  r.int(1, 2),
                )
              : [],
          meetings: monthMeetings.length && r.chance(0.3) ? [r.pick(monthMeetings).id] : [],
          documents: r.chance(0.3)
            ? [{ type: 'other', title: `${topic} guidance`, date: date, url: `${SITE}/documents/${id}.pdf` }]
            : [],
        },
      });
    }
    newsByMonth.set(month, list);
  });

  // --- Modifications and meetings, now that their cross-references are known.
  for (const m of mods) {
    out.push({
      file: `modifications/${m.id}.md`,
      kind: 'modification',
      r: root.fork(`mod-body:${m.id}`),
      year: +m.month.slice(0, 4),
      data: { ...m.data, documents: m.documents, events: m.events },
    });
  }
  for (const m of meetings) {
    const r = root.fork(`meeting:${m.id}`);
    const held = m.date.slice(0, 10) < asOf;
    const documents: Doc[] = held
      ? [
          { type: 'agenda', title: `Agenda, ${m.date.slice(0, 10)}`, date: addDays(m.date.slice(0, 10), -5) },
          {
            type: 'headlines',
            title: `Headlines, ${m.date.slice(0, 10)}`,
            date: addDays(m.date.slice(0, 10), 2),
            url: `${SITE}/documents/${m.id}-headlines.pdf`,
          },
        ]
      : [];
    out.push({
      file: `meetings/${m.id}.md`,
      kind: 'meeting',
      r,
      year: +m.month.slice(0, 4),
      data: {
        body: m.body,
        ...(m.title ? { title: m.title } : {}),
        ...(m.number !== undefined ? { number: m.number } : {}),
        date: m.date,
        end: m.end,
        location: m.location,
        ...(held ? { status: 'held' } : {}),
        modifications: [...new Set(m.modifications)],
        documents,
      },
    });
  }
  for (const d of designations) {
    out.push({
      file: `designations/${d.version}.md`,
      kind: 'designation',
      r: root.fork(`designation:${d.version}`),
      year: +d.month.slice(0, 4),
      data: { version: d.version, date: d.date, modifications: d.modifications },
    });
  }

  // --- Newsletters and party statistics, one each a month.
  const counts0 = (() => {
    const base = readBase('party-stats').at(-1) ?? '';
    const get = (k: string, d: number) => +(new RegExp(`${k}: (\\d+)`).exec(base)?.[1] ?? d);
    return {
      'large-suppliers': get('large-suppliers', 24),
      'small-suppliers': get('small-suppliers', 146),
      'electricity-networks': get('electricity-networks', 26),
      'gas-networks': get('gas-networks', 20),
      'other-sec-parties': get('other-sec-parties', 92),
    };
  })();
  const party = { ...counts0 };
  for (const month of months) {
    const r = root.fork(`month:${month}`);
    const featured = (newsByMonth.get(month) ?? []).slice(0, r.int(1, 2)).map((news) => ({ news }));
    out.push({
      file: `newsletters/${month}.md`,
      kind: 'newsletter',
      r,
      year: +month.slice(0, 4),
      data: {
        title: `SEC Newsletter ${monthName(month)}`,
        issueDate: lastWorkday(month),
        preheader: `The Change update for ${monthName(month)}, with SEC governance news and the consultations closing soon.`,
        signedBy: { name: 'Alex Morgan', role: 'Change Delivery Manager, SECAS' },
        featured,
      },
    });
    let accessions = 0;
    let withdrawals = 0;
    for (const k of Object.keys(party) as (keyof typeof party)[]) {
      const delta = r.weighted([
        [0, 8],
        [1, 2],
        [-1, 1],
      ] as const);
      if (delta < 0 && party[k] === 0) continue;
      party[k] += delta;
      if (delta > 0) accessions += delta;
      else withdrawals -= delta;
    }
    out.push({
      file: `party-stats/${month}.yaml`,
      kind: 'newsletter',
      r,
      year: 0,
      data: {
        month,
        counts: { ...party },
        accessions,
        withdrawals,
        expulsions: r.chance(0.05) ? 1 : 0,
        panelEmploymentChanges: r.chance(0.1) ? 1 : 0,
      },
    });
  }

  // --- Write.
  let bodyBytes = 0;
  let bodies = 0;
  for (const d of out) {
    const file = path.join(outDir, d.file);
    mkdirSync(path.dirname(file), { recursive: true });
    if (d.file.endsWith('.yaml')) {
      writeFileSync(file, frontMatter(d.data));
      continue;
    }
    const body = markdownBody(d.r, d.kind, d.year || 2019);
    bodyBytes += Buffer.byteLength(body);
    bodies++;
    writeFileSync(file, `---\n${frontMatter(d.data)}---\n\n${body}`);
  }

  const synthetic = Object.fromEntries(SYNTHETIC_COLLECTIONS.map((c) => [c, 0])) as Record<
    SyntheticCollection,
    number
  >;
  for (const d of out) synthetic[d.file.split('/')[0] as SyntheticCollection]++;
  const middle = mods[Math.floor(mods.length / 2)];
  return {
    files: baseFiles.length + out.length,
    baseFiles: baseFiles.length,
    synthetic,
    months,
    asOf,
    meanBodyBytes: bodies ? Math.round(bodyBytes / bodies) : 0,
    touchFile: middle ? `modifications/${middle.id}.md` : rel(baseFiles[0]!),
  };
}
