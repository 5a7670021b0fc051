/** Meetings: status, upcoming and past, a body's next meeting, and how they are named. */
import type { Body, Meeting } from '../schemas/index.ts';
import type { Entry } from './corpus.ts';
import { compareWhen, dateKey, type IsoDate, type IsoMonth, monthOf } from './dates.ts';

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

/** A body's meetings, in date order. */
export function meetingsOf(meetings: readonly Entry<Meeting>[], bodyId: string): Entry<Meeting>[] {
  return meetings.filter((m) => m.data.body.id === bodyId).sort(byDate);
}

/** The first meeting of a body strictly after a day that is not cancelled. */
export function nextMeetingOf(
  meetings: readonly Entry<Meeting>[],
  bodyId: string,
  after: IsoDate,
): Entry<Meeting> | undefined {
  return meetingsOf(meetings, bodyId).find(
    (m) => dateKey(m.data.date) > after && m.data.status !== 'cancelled',
  );
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
