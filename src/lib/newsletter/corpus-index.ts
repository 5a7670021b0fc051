/**
 * The corpus indexed once for every issue assembled from it: by id, and by month for what
 * an issue reports. Building every newsletter of a large corpus (or checking them all) then
 * costs what each month holds, not the whole corpus per issue.
 */
import type {
  Body,
  Consultation,
  Designation,
  Meeting,
  Modification,
  ModificationEvent,
  News,
  PartyStats,
} from '../../schemas/index.ts';
import type { Corpus, Entry } from '../corpus.ts';
import { indexById } from '../corpus.ts';
import { dateKey, type IsoDate, type IsoMonth, monthOf, type When } from '../dates.ts';

/**
 * A date's sort key: compared as strings, keys order dates as `compareWhen` does (by day,
 * then time, none first), without parsing. Days and days with a time are their own keys
 * (one is a prefix of the other); a month-only date is the last day of its month.
 */
export function whenKey(when: When): string {
  return when.length === 7 ? dateKey(when) : when;
}

/** `compareWhen` through {@link whenKey}: negative, zero or positive. */
export function byWhen(a: When, b: When): number {
  const ka = whenKey(a);
  const kb = whenKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/** The calendar day of a date with a day (a meeting's, a consultation's): its first ten characters. */
export const dayOf = (when: When): IsoDate => when.slice(0, 10);

export interface MonthEvent {
  mod: Entry<Modification>;
  event: ModificationEvent;
}

export interface CorpusIndex {
  bodies: Map<string, Entry<Body>>;
  meetings: Map<string, Entry<Meeting>>;
  modifications: Map<string, Entry<Modification>>;
  news: Map<string, Entry<News>>;
  /** Meetings by month, in date order. */
  meetingsByMonth: Map<IsoMonth, Entry<Meeting>[]>;
  /** Meetings by body, in date order. */
  meetingsByBody: Map<string, Entry<Meeting>[]>;
  /** The day of each of a body's meetings, in the same order: for a binary search. */
  meetingDaysByBody: Map<string, IsoDate[]>;
  /** Standing bodies, in their `order`. */
  standingBodies: Entry<Body>[];
  newsByMonth: Map<IsoMonth, Entry<News>[]>;
  /** Modification events by the month they are dated in. */
  eventsByMonth: Map<IsoMonth, MonthEvent[]>;
  /** Consultations by the modifications they consult on. */
  consultationsByModification: Map<string, Entry<Consultation>[]>;
  /** Consultations by each month from the one they open in to the one they close in. */
  consultationsByOpenMonth: Map<IsoMonth, Entry<Consultation>[]>;
  /** Consultations with no opening date: open from the start until they close. */
  consultationsWithoutOpens: Entry<Consultation>[];
  /** Consultations by the month they close in. */
  consultationsByClosingMonth: Map<IsoMonth, Entry<Consultation>[]>;
  designationsByMonth: Map<IsoMonth, Entry<Designation>[]>;
  partyStatsByMonth: Map<IsoMonth, Entry<PartyStats>>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The months from one to another, inclusive. */
export function monthsBetween(from: IsoMonth, to: IsoMonth): IsoMonth[] {
  const months: IsoMonth[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (let month = from; month <= to;) {
    months.push(month);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
    month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
  }
  return months;
}

function build(corpus: Corpus): CorpusIndex {
  const meetingsByMonth = new Map<IsoMonth, Entry<Meeting>[]>();
  const meetingsByBody = new Map<string, Entry<Meeting>[]>();
  const meetingDaysByBody = new Map<string, IsoDate[]>();
  // Date order (day, then time, none first), then id: each key made once.
  const keyed = corpus.meetings.map((m) => ({ m, key: whenKey(m.data.date) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.m.id.localeCompare(b.m.id)));
  for (const { m } of keyed) {
    push(meetingsByMonth, monthOf(m.data.date), m);
    push(meetingsByBody, m.data.body.id, m);
    push(meetingDaysByBody, m.data.body.id, dayOf(m.data.date));
  }
  const newsByMonth = new Map<IsoMonth, Entry<News>[]>();
  for (const n of corpus.news) push(newsByMonth, monthOf(n.data.date), n);
  const eventsByMonth = new Map<IsoMonth, MonthEvent[]>();
  for (const mod of corpus.modifications) {
    for (const event of mod.data.events) push(eventsByMonth, monthOf(event.date), { mod, event });
  }
  const consultationsByModification = new Map<string, Entry<Consultation>[]>();
  const consultationsByOpenMonth = new Map<IsoMonth, Entry<Consultation>[]>();
  const consultationsWithoutOpens: Entry<Consultation>[] = [];
  const consultationsByClosingMonth = new Map<IsoMonth, Entry<Consultation>[]>();
  for (const c of corpus.consultations) {
    for (const r of c.data.modifications) push(consultationsByModification, r.id, c);
    const closes = monthOf(c.data.closes);
    push(consultationsByClosingMonth, closes, c);
    if (!c.data.opens) consultationsWithoutOpens.push(c);
    else
      for (const month of monthsBetween(monthOf(c.data.opens), closes))
        push(consultationsByOpenMonth, month, c);
  }
  const designationsByMonth = new Map<IsoMonth, Entry<Designation>[]>();
  for (const d of corpus.designations) push(designationsByMonth, monthOf(d.data.date), d);
  const partyStatsByMonth = new Map<IsoMonth, Entry<PartyStats>>();
  for (const s of corpus['party-stats'])
    if (!partyStatsByMonth.has(s.data.month)) partyStatsByMonth.set(s.data.month, s);
  return {
    bodies: indexById(corpus.bodies),
    meetings: indexById(corpus.meetings),
    modifications: indexById(corpus.modifications),
    news: indexById(corpus.news),
    meetingsByMonth,
    meetingsByBody,
    meetingDaysByBody,
    standingBodies: corpus.bodies
      .filter((b) => b.data.standing)
      .sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id)),
    newsByMonth,
    eventsByMonth,
    consultationsByModification,
    consultationsByOpenMonth,
    consultationsWithoutOpens,
    consultationsByClosingMonth,
    designationsByMonth,
    partyStatsByMonth,
  };
}

const cache = new WeakMap<Corpus, CorpusIndex>();

/** The index of a corpus, built on first use. A corpus is not changed once loaded. */
export function corpusIndex(corpus: Corpus): CorpusIndex {
  let index = cache.get(corpus);
  if (!index) {
    index = build(corpus);
    cache.set(corpus, index);
  }
  return index;
}
