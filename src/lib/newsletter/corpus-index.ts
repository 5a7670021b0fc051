/**
 * The corpus indexed once for every issue assembled from it: by id, and by month for what
 * an issue reports. Building every newsletter of a large corpus (or checking them all) then
 * costs what each month holds, not the whole corpus per issue.
 */
import type {
  Body,
  Consultation,
  Meeting,
  Modification,
  ModificationEvent,
  News,
} from '../../schemas/index.ts';
import type { Corpus, Entry } from '../corpus.ts';
import { indexById } from '../corpus.ts';
import { compareWhen, type IsoMonth, monthOf } from '../dates.ts';

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
  newsByMonth: Map<IsoMonth, Entry<News>[]>;
  /** Modification events by the month they are dated in. */
  eventsByMonth: Map<IsoMonth, MonthEvent[]>;
  /** Consultations by the modifications they consult on. */
  consultationsByModification: Map<string, Entry<Consultation>[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const byDate = (a: Entry<Meeting>, b: Entry<Meeting>) =>
  compareWhen(a.data.date, b.data.date) || a.id.localeCompare(b.id);

function build(corpus: Corpus): CorpusIndex {
  const meetingsByMonth = new Map<IsoMonth, Entry<Meeting>[]>();
  const meetingsByBody = new Map<string, Entry<Meeting>[]>();
  for (const m of [...corpus.meetings].sort(byDate)) {
    push(meetingsByMonth, monthOf(m.data.date), m);
    push(meetingsByBody, m.data.body.id, m);
  }
  const newsByMonth = new Map<IsoMonth, Entry<News>[]>();
  for (const n of corpus.news) push(newsByMonth, monthOf(n.data.date), n);
  const eventsByMonth = new Map<IsoMonth, MonthEvent[]>();
  for (const mod of corpus.modifications) {
    for (const event of mod.data.events) push(eventsByMonth, monthOf(event.date), { mod, event });
  }
  const consultationsByModification = new Map<string, Entry<Consultation>[]>();
  for (const c of corpus.consultations) {
    for (const r of c.data.modifications) push(consultationsByModification, r.id, c);
  }
  return {
    bodies: indexById(corpus.bodies),
    meetings: indexById(corpus.meetings),
    modifications: indexById(corpus.modifications),
    news: indexById(corpus.news),
    meetingsByMonth,
    meetingsByBody,
    newsByMonth,
    eventsByMonth,
    consultationsByModification,
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
