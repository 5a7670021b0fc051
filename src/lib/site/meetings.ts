/** Meetings as the site lists them: by body, upcoming and past. */
import type { Body, Meeting } from '../../schemas/index.ts';
import type { Entry } from '../corpus.ts';
import { type IsoDate } from '../dates.ts';
import { meetingsOf, pastMeetings, upcomingMeetings } from '../meetings.ts';

/** Bodies in their listing order (`order`, then name). */
export function bodiesInOrder(bodies: readonly Entry<Body>[]): Entry<Body>[] {
  return [...bodies].sort((a, b) => a.data.order - b.data.order || a.data.name.localeCompare(b.data.name));
}

export interface BodyMeetings {
  body: Entry<Body>;
  /** On or after the as-of day, soonest first. */
  upcoming: Entry<Meeting>[];
  /** Before the as-of day, most recent first. */
  past: Entry<Meeting>[];
}

/** Each body that has meetings, in listing order, with its upcoming and past meetings. */
export function meetingsByBody(
  meetings: readonly Entry<Meeting>[],
  bodies: readonly Entry<Body>[],
  asOf: IsoDate,
): BodyMeetings[] {
  return bodiesInOrder(bodies)
    .map((body) => {
      const own = meetingsOf(meetings, body.id);
      return { body, upcoming: upcomingMeetings(own, asOf), past: pastMeetings(own, asOf) };
    })
    .filter((g) => g.upcoming.length + g.past.length > 0);
}
