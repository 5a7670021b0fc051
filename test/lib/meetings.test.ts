import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/lib/corpus.ts';
import {
  meetingStatus,
  meetingsBetween,
  meetingsInMonth,
  meetingsOf,
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

  const day = [
    meeting('w-late', 'wg', '2019-03-05T14:00'),
    meeting('w-b', 'wg', '2019-03-05T10:00'),
    meeting('w-a', 'wg', '2019-03-05T10:00'),
    meeting('w-x1', 'wg', '2019-03-12', { status: 'cancelled' }),
    meeting('w-x2', 'wg', '2019-03-19T09:30', { status: 'cancelled' }),
    meeting('w-next', 'wg', '2019-03-26'),
    meeting('w-first', 'wg', '2019-02-26T16:00'),
  ];

  it.each([
    ['2019-02-25', 'w-first'],
    // The meeting on the day itself is not after it.
    ['2019-02-26', 'w-a'],
    // Same day and time: by id.
    ['2019-03-04', 'w-a'],
    // Two cancelled meetings in a row are skipped.
    ['2019-03-05', 'w-next'],
    ['2019-03-12', 'w-next'],
    ['2019-03-26', undefined],
  ])('several a day, several cancelled: after %s is %s', (after, expected) => {
    expect(nextMeetingOf(day, 'wg', after)?.id).toBe(expected);
  });

  it('sees a meeting added to the list after an earlier question', () => {
    const list = [meeting('a', 'tag', '2019-01-10')];
    expect(nextMeetingOf(list, 'tag', '2019-01-10')).toBeUndefined();
    list.push(meeting('b', 'tag', '2019-02-14'));
    expect(nextMeetingOf(list, 'tag', '2019-01-10')?.id).toBe('b');
  });
});

describe('meetingsOf', () => {
  it("lists a body's meetings by day, time (a meeting without one first) and id", () => {
    const list = [
      meeting('p2', 'sec-panel', '2018-09-14T10:00'),
      meeting('t1', 'tag', '2018-09-14'),
      meeting('p1', 'sec-panel', '2018-09-14'),
      meeting('p0', 'sec-panel', '2018-08-10T10:00'),
      meeting('p3', 'sec-panel', '2018-09-14T10:00'),
    ];
    expect(meetingsOf(list, 'sec-panel').map((m) => m.id)).toEqual(['p0', 'p1', 'p2', 'p3']);
    expect(meetingsOf(list, 'tag').map((m) => m.id)).toEqual(['t1']);
    expect(meetingsOf(list, 'ssc')).toEqual([]);
  });

  it('gives a list of its own each time', () => {
    const first = meetingsOf(meetings, 'sec-panel');
    first.length = 0;
    expect(meetingsOf(meetings, 'sec-panel').map((m) => m.id)).toEqual(['p59', 'p60']);
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
