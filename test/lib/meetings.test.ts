import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/lib/corpus.ts';
import {
  meetingStatus,
  meetingsBetween,
  meetingsInMonth,
  meetingTitle,
  nextMeetingOf,
  pastMeetings,
  upcomingMeetings,
} from '../../src/lib/meetings.ts';
import type { Meeting } from '../../src/schemas/index.ts';

const meeting = (id: string, body: string, date: string, extra: Partial<Meeting> = {}): Entry<Meeting> => ({
  id,
  data: { body: { collection: 'bodies', id: body }, date, modifications: [], documents: [], ...extra },
});

const meetings = [
  meeting('p60', 'sec-panel', '2018-09-14', { number: 60 }),
  meeting('p59', 'sec-panel', '2018-08-10'),
  meeting('tag46', 'tag', '2018-09-06', { number: 46 }),
  meeting('tag47', 'tag', '2018-09-26', { number: 47 }),
  meeting('tagx', 'tag', '2018-09-10', { status: 'cancelled' }),
  meeting('ssc63', 'ssc', '2018-09-26T10:00', { number: 63 }),
];

describe('meetingStatus', () => {
  it.each<[Partial<Meeting>, string, string]>([
    [{ date: '2018-08-10' }, '2018-08-31', 'held'],
    [{ date: '2018-08-31' }, '2018-08-31', 'scheduled'],
    [{ date: '2018-09-14' }, '2018-08-31', 'scheduled'],
    [{ date: '2018-09-14', status: 'cancelled' }, '2018-08-31', 'cancelled'],
    [{ date: '2018-08-01', status: 'cancelled' }, '2018-08-31', 'cancelled'],
  ])('%o as of %s is %s', (m, asOf, expected) => {
    expect(meetingStatus(m as Meeting, asOf)).toBe(expected);
  });
});

describe('upcoming and past', () => {
  it('lists upcoming meetings soonest first, including the day itself', () => {
    expect(upcomingMeetings(meetings, '2018-09-06').map((m) => m.id)).toEqual([
      'tag46',
      'tagx',
      'p60',
      'tag47',
      'ssc63',
    ]);
  });
  it('lists past meetings most recent first', () => {
    expect(pastMeetings(meetings, '2018-09-14').map((m) => m.id)).toEqual(['tagx', 'tag46', 'p59']);
  });
  it('selects a window of days and a month', () => {
    expect(meetingsBetween(meetings, '2018-09-01', '2018-09-14').map((m) => m.id)).toEqual([
      'tag46',
      'tagx',
      'p60',
    ]);
    expect(meetingsInMonth(meetings, '2018-08').map((m) => m.id)).toEqual(['p59']);
  });
});

describe('nextMeetingOf', () => {
  it.each([
    ['sec-panel', '2018-08-31', 'p60'],
    ['sec-panel', '2018-08-10', 'p60'],
    ['sec-panel', '2018-09-14', undefined],
    ['tag', '2018-09-06', 'tag47'], // skips the cancelled one
    ['ssc', '2018-08-31', 'ssc63'],
    ['tabasc', '2018-08-31', undefined],
  ])('%s after %s is %s', (body, after, expected) => {
    expect(nextMeetingOf(meetings, body, after)?.id).toBe(expected);
  });
});

describe('meetingTitle', () => {
  it.each<[Partial<Meeting>, string]>([
    [{ number: 60 }, 'SEC Panel meeting 60'],
    [{}, 'SEC Panel meeting'],
    [{ title: 'Modifications Question Hour', number: 3 }, 'Modifications Question Hour'],
  ])('%o → %s', (m, expected) => {
    expect(meetingTitle(m as Meeting, { shortName: 'SEC Panel' })).toBe(expected);
  });
});
