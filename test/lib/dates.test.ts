import { describe, expect, it } from 'vitest';
import {
  addDays,
  compareWhen,
  dateKey,
  formatClock,
  formatDate,
  isCertainlyBefore,
  londonToday,
  ordinal,
  parseWhen,
  partsOf,
} from '../../src/lib/dates.ts';

describe('formatDate writes dates as the SEC newsletter does', () => {
  it.each([
    ['2018-08-10', {}, '10th August 2018'],
    ['2018-09-01', {}, '1st September 2018'],
    ['2018-09-02', {}, '2nd September 2018'],
    ['2018-09-03', {}, '3rd September 2018'],
    ['2018-09-11', {}, '11th September 2018'],
    ['2018-09-12', {}, '12th September 2018'],
    ['2018-09-13', {}, '13th September 2018'],
    ['2018-08-21', {}, '21st August 2018'],
    ['2018-08-22', {}, '22nd August 2018'],
    ['2018-08-23', {}, '23rd August 2018'],
    ['2018-09-06T17:00', {}, '17:00 on 6th September 2018'],
    ['2018-08', {}, 'August 2018'],
    ['2018-09-05', { weekday: true }, 'Wednesday 5th September 2018'],
    ['2018-11-01', { weekday: true }, 'Thursday 1st November 2018'],
    ['2018-09-10T11:00', { weekday: true }, '11:00 on Monday 10th September 2018'],
  ])('%s %o → %s', (when, options, expected) => {
    expect(formatDate(when, options)).toBe(expected);
  });

  it.each([
    [1, '1st'],
    [101, '101st'],
    [111, '111th'],
    [112, '112th'],
    [122, '122nd'],
  ])('ordinal(%i) = %s', (n, expected) => expect(ordinal(n)).toBe(expected));

  it.each([
    ['10:00', '10am'],
    ['14:00', '2pm'],
    ['12:00', '12pm'],
    ['00:00', '12am'],
    ['17:30', '5.30pm'],
  ])('formatClock(%s) = %s', (t, expected) => expect(formatClock(t)).toBe(expected));
});

describe('parseWhen accepts real dates only', () => {
  it.each([
    ['2018-02-30', {}, 'February 2018 has no day 30'],
    ['2019-02-29', {}, 'February 2019 has no day 29'],
    ['2018-13-01', {}, 'there is no month 13'],
    ['31/08/2018', {}, 'is not a date'],
    ['2018-08', {}, 'needs a day'],
    ['2018-09-06T17:00', {}, 'takes a date without a time'],
    ['2018-09-06T24:00', { time: true }, '24:00 is not a time of day'],
  ])('%s is refused: %s', (value, allow, reason) => {
    expect(parseWhen(value, allow)).toEqual({ ok: false, reason });
  });

  it.each([
    ['2020-02-29', {}],
    ['2018-08', { month: true }],
    ['2018-09-06T17:00', { time: true }],
  ])('%s is accepted with %o', (value, allow) => {
    expect(parseWhen(value, allow).ok).toBe(true);
  });
});

describe('partsOf: the parts of a valid date, the same answer every time', () => {
  it.each([
    ['2018-08', { year: 2018, month: 8 }],
    ['2018-08-31', { year: 2018, month: 8, day: 31 }],
    ['2018-09-06T17:00', { year: 2018, month: 9, day: 6, time: '17:00' }],
  ])('%s, asked twice', (value, parts) => {
    expect(partsOf(value)).toEqual(parts);
    expect(partsOf(value)).toEqual(parts);
  });

  it.each(['2018-02-30', '2018-13', 'soon'])('%s throws each time it is asked', (value) => {
    expect(() => partsOf(value)).toThrow(`Not a valid date: ${value}`);
    expect(() => partsOf(value)).toThrow(`Not a valid date: ${value}`);
  });

  it('answers cannot be changed by a caller (they are shared)', () => {
    const parts = partsOf('2020-02-29') as { day?: number };
    expect(() => {
      parts.day = 1;
    }).toThrow(TypeError);
    expect(dateKey('2020-02-29')).toBe('2020-02-29');
  });
});

describe('ordering across precisions', () => {
  it('puts a month-only date after every day of its month', () => {
    expect(dateKey('2018-08')).toBe('2018-08-31');
    expect(dateKey('2016-02')).toBe('2016-02-29');
    expect(compareWhen('2018-08', '2018-08-31')).toBe(0);
    expect(compareWhen('2018-08', '2018-09-01')).toBeLessThan(0);
  });

  it('orders a timed deadline after the untimed day it falls on', () => {
    expect(compareWhen('2018-09-06', '2018-09-06T17:00')).toBeLessThan(0);
    expect(compareWhen('2018-09-06T09:00', '2018-09-06T17:00')).toBeLessThan(0);
  });

  it('compares month-only dates by month when asked what is certainly earlier', () => {
    expect(isCertainlyBefore('2018-08-10', '2018-08')).toBe(false);
    expect(isCertainlyBefore('2018-07-31', '2018-08')).toBe(true);
    expect(isCertainlyBefore('2018-08-09', '2018-08-10')).toBe(true);
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2018-08-31', 1)).toBe('2018-09-01');
    expect(addDays('2018-12-31', 1)).toBe('2019-01-01');
    expect(addDays('2018-09-01', -1)).toBe('2018-08-31');
  });

  it('knows the London date around midnight in summer time', () => {
    expect(londonToday(new Date('2018-08-30T23:30:00Z'))).toBe('2018-08-31');
    expect(londonToday(new Date('2018-12-30T23:30:00Z'))).toBe('2018-12-30');
  });
});
