/** Meetings: status, upcoming and past, a body's next meeting, and how they are named. */
import type { Body, Meeting } from '../schemas/index.ts';
import type { Entry } from './corpus.ts';
import { compareWhen, dateKey, type IsoDate, type IsoMonth, monthOf, timeOf } from './dates.ts';

export type MeetingStatus = 'scheduled' | 'held' | 'cancelled';

/** The status given, or else held once its day has passed and scheduled until then. */
export function meetingStatus(meeting: Pick<Meeting, 'status' | 'date'>, asOf: IsoDate): MeetingStatus {
  if (meeting.status) return meeting.status;
  return dateKey(meeting.date) < asOf ? 'held' : 'scheduled';
}

const byDate = (a: Entry<Meeting>, b: Entry<Meeting>) =>
  compareWhen(a.data.date, b.data.date) || a.id.localeCompare(b.id);

/** Meetings on or after a day, soonest first (cancelled ones included, to be shown as such). */
export function upcomingMeetings(meetings: readonly Entry<Meeting>[], asOf: IsoDate): Entry<Meeting>[] {
  return meetings.filter((m) => dateKey(m.data.date) >= asOf).sort(byDate);
}

/** Meetings before a day, most recent first. */
export function pastMeetings(meetings: readonly Entry<Meeting>[], asOf: IsoDate): Entry<Meeting>[] {
  return meetings.filter((m) => dateKey(m.data.date) < asOf).sort((a, b) => byDate(b, a));
}

/** Meetings on days from `from` to `to` inclusive, in date order. */
export function meetingsBetween(
  meetings: readonly Entry<Meeting>[],
  from: IsoDate,
  to: IsoDate,
): Entry<Meeting>[] {
  return meetings.filter((m) => dateKey(m.data.date) >= from && dateKey(m.data.date) <= to).sort(byDate);
}

/** Meetings in a month, in date order. */
export function meetingsInMonth(meetings: readonly Entry<Meeting>[], month: IsoMonth): Entry<Meeting>[] {
  return meetings.filter((m) => monthOf(m.data.date) === month).sort(byDate);
}

interface BodyMeetings {
  /** In date order ({@link byDate}). */
  meetings: Entry<Meeting>[];
  /** The day of each meeting ({@link dateKey}), in the same order: ISO days compare as strings. */
  days: IsoDate[];
}

interface MeetingIndex {
  /** How many meetings were indexed: a list that grew is indexed again. */
  size: number;
  byBody: Map<string, BodyMeetings>;
}

/** Each body's meetings, sorted once per list of meetings (the corpus's, for the site). */
const meetingIndexes = new WeakMap<readonly Entry<Meeting>[], MeetingIndex>();

function indexOf(meetings: readonly Entry<Meeting>[]): MeetingIndex {
  const known = meetingIndexes.get(meetings);
  if (known?.size === meetings.length) return known;
  // The order of byDate, computed once per meeting: the day, then the time (none first), then id.
  const keyed = meetings.map((m) => {
    const day = dateKey(m.data.date);
    return { m, day, key: `${day}T${timeOf(m.data.date) ?? ''}` };
  });
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.m.id.localeCompare(b.m.id)));
  const byBody = new Map<string, BodyMeetings>();
  for (const { m, day } of keyed) {
    let own = byBody.get(m.data.body.id);
    if (!own) byBody.set(m.data.body.id, (own = { meetings: [], days: [] }));
    own.meetings.push(m);
    own.days.push(day);
  }
  const index = { size: meetings.length, byBody };
  meetingIndexes.set(meetings, index);
  return index;
}

/**
 * A body's meetings, in date order. The first call for a list of meetings sorts it by body
 * once; later calls copy the body's part. The list must not change once asked about.
 */
export function meetingsOf(meetings: readonly Entry<Meeting>[], bodyId: string): Entry<Meeting>[] {
  return [...(indexOf(meetings).byBody.get(bodyId)?.meetings ?? [])];
}

/** The first meeting of a body strictly after a day that is not cancelled. */
export function nextMeetingOf(
  meetings: readonly Entry<Meeting>[],
  bodyId: string,
  after: IsoDate,
): Entry<Meeting> | undefined {
  const own = indexOf(meetings).byBody.get(bodyId);
  if (!own) return undefined;
  // Bisect for the first meeting on a later day, then skip cancelled ones.
  let lo = 0;
  let hi = own.days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (own.days[mid]! <= after) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < own.meetings.length; i++) {
    if (own.meetings[i]!.data.status !== 'cancelled') return own.meetings[i];
  }
  return undefined;
}

/** “SEC Panel meeting 60”, “TAG meeting”, or the meeting's own title. */
export function meetingTitle(
  meeting: Pick<Meeting, 'title' | 'number'>,
  body: Pick<Body, 'shortName'>,
): string {
  if (meeting.title) return meeting.title;
  return meeting.number === undefined
    ? `${body.shortName} meeting`
    : `${body.shortName} meeting ${meeting.number}`;
}
