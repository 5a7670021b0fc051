/**
 * Meetings as iCalendar (RFC 5545): one calendar of every meeting and one per body.
 * Times are Europe/London wall-clock times with a VTIMEZONE; a meeting without a time is an
 * all-day event; cancelled meetings stay in the feed as `STATUS:CANCELLED`, so calendars
 * that subscribed to them remove them. UIDs are the meeting ids, stable across builds.
 */
import ical, { ICalEventStatus } from 'ical-generator';
import { Temporal } from 'temporal-polyfill';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { Body, Meeting } from '../../schemas/index.ts';
import type { Entry } from '../corpus.ts';
import { compareWhen, type IsoDate, timeOf } from '../dates.ts';
import { meetingStatus, meetingTitle } from '../meetings.ts';
import { absoluteUrl, meetingUrl } from '../site/urls.ts';

export const TIME_ZONE = 'Europe/London';

export interface CalendarOptions {
  /** Calendar name shown by calendar apps. */
  name: string;
  siteUrl: string;
  /** The as-of day: the DTSTAMP of every event, so the file changes only when content does. */
  asOf: IsoDate;
}

/** The UID of a meeting's event: its id at the site's host. */
export function meetingUid(meetingId: string, siteUrl: string): string {
  return `${meetingId}@${new URL(siteUrl).host}`;
}

function vtimezone(tz: string): string | null {
  const block = tzlib_get_ical_block(tz);
  return Array.isArray(block) ? (block[0] ?? null) : null;
}

export function meetingsCalendar(
  meetings: readonly Entry<Meeting>[],
  bodies: ReadonlyMap<string, Entry<Body>>,
  options: CalendarOptions,
): string {
  // No calendar-wide zone (it would make DTSTAMP floating); each timed event names its zone
  // and the generator adds the VTIMEZONE it needs.
  const cal = ical({
    name: options.name,
    prodId: { company: 'SECAS', product: 'sec-press', language: 'EN' },
  });
  cal.timezone({ name: null, generator: vtimezone });
  const stamp = Temporal.Instant.from(`${options.asOf}T00:00:00Z`);
  const sorted = [...meetings].sort(
    (a, b) => compareWhen(a.data.date, b.data.date) || a.id.localeCompare(b.id),
  );
  for (const { id, data: m, body: headlines } of sorted) {
    const body = bodies.get(m.body.id);
    if (!body) throw new Error(`Meeting ${id}: no body “${m.body.id}”`);
    const url = absoluteUrl(options.siteUrl, meetingUrl(id));
    const allDay = timeOf(m.date) === undefined;
    const title = meetingTitle(m, body.data);
    const description = [
      body.data.name,
      m.status === 'cancelled' ? 'This meeting is cancelled.' : undefined,
      headlines?.trim() || undefined,
      url,
    ]
      .filter(Boolean)
      .join('\n\n');
    cal.createEvent({
      id: meetingUid(id, options.siteUrl),
      stamp,
      ...(allDay
        ? { start: Temporal.PlainDate.from(m.date), allDay: true }
        : {
            start: Temporal.PlainDateTime.from(m.date),
            ...(m.end && timeOf(m.end) ? { end: Temporal.PlainDateTime.from(m.end) } : {}),
            timezone: TIME_ZONE,
          }),
      summary: m.status === 'cancelled' ? `Cancelled: ${title}` : title,
      description,
      url,
      ...(m.location ? { location: m.location } : {}),
      status:
        meetingStatus(m, options.asOf) === 'cancelled'
          ? ICalEventStatus.CANCELLED
          : ICalEventStatus.CONFIRMED,
    });
  }
  return cal.toString();
}
