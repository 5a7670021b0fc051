/**
 * Calendar dates as the SEC writes them.
 *
 * Content stores dates as ISO strings in one of three precisions, all wall-clock time in
 * Europe/London (the SEC's time zone) with no offset:
 *
 * - `YYYY-MM`          a month, where the day was never recorded (“withdrawn in August 2018”);
 * - `YYYY-MM-DD`       a calendar day;
 * - `YYYY-MM-DDTHH:MM` a day and a time (“17:00 on 6th September 2018”).
 *
 * Strings of one precision compare correctly as strings. Across precisions use
 * {@link dateKey}: a month-only date sorts after every day of its month, because what
 * happened “in August” is only known to have happened once August is over.
 */

export type IsoMonth = string;
export type IsoDate = string;
/** A date in any of the three precisions above. */
export type When = string;

const MONTH_RE = /^(\d{4})-(\d{2})$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATETIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

export const MONTH_NAMES = [
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
] as const;

export const WEEKDAY_NAMES = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
] as const;

/** Days in a month of the Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export interface WhenParts {
  year: number;
  month: number;
  /** Absent for a month-only date. */
  day?: number;
  /** `HH:MM`, absent unless a time was given. */
  time?: string;
}

/**
 * Parses a date string of any precision, or returns an explanation of what is wrong.
 * `allow` limits the precisions accepted.
 */
export function parseWhen(
  value: string,
  allow: { month?: boolean; time?: boolean } = {},
): { ok: true; value: WhenParts } | { ok: false; reason: string } {
  const month = MONTH_RE.exec(value);
  if (month) {
    if (!allow.month) return { ok: false, reason: 'needs a day' };
    const [y, m] = [Number(month[1]), Number(month[2])];
    if (m < 1 || m > 12) return { ok: false, reason: `there is no month ${month[2]}` };
    return { ok: true, value: { year: y, month: m } };
  }
  const dt = DATETIME_RE.exec(value) ?? DATE_RE.exec(value);
  if (!dt) return { ok: false, reason: 'is not a date' };
  const [y, m, d] = [Number(dt[1]), Number(dt[2]), Number(dt[3])];
  if (m < 1 || m > 12) return { ok: false, reason: `there is no month ${dt[2]}` };
  if (d < 1 || d > daysInMonth(y, m)) {
    return { ok: false, reason: `${MONTH_NAMES[m - 1]} ${y} has no day ${d}` };
  }
  if (dt[4] === undefined) return { ok: true, value: { year: y, month: m, day: d } };
  if (!allow.time) return { ok: false, reason: 'takes a date without a time' };
  const [hh, mm] = [Number(dt[4]), Number(dt[5])];
  if (hh > 23 || mm > 59) return { ok: false, reason: `${dt[4]}:${dt[5]} is not a time of day` };
  return { ok: true, value: { year: y, month: m, day: d, time: `${dt[4]}:${dt[5]}` } };
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/**
 * {@link partsOf}'s answers by date string, frozen: a build sorts and formats the same few
 * thousand dates again and again (at 10,000 entries, parsing them was about 1.3 s of the site's
 * build). Emptied when it reaches {@link PARTS_CACHE_LIMIT} dates.
 */
const partsCache = new Map<string, Readonly<WhenParts>>();
const PARTS_CACHE_LIMIT = 100_000;

/** Parts of a date string already known to be valid (content that passed its schema). */
export function partsOf(when: When): Readonly<WhenParts> {
  let parts = partsCache.get(when);
  if (parts === undefined) {
    const parsed = parseWhen(when, { month: true, time: true });
    if (!parsed.ok) throw new RangeError(`Not a valid date: ${when}`);
    if (partsCache.size >= PARTS_CACHE_LIMIT) partsCache.clear();
    parts = Object.freeze(parsed.value);
    partsCache.set(when, parts);
  }
  return parts;
}

/** The calendar day a date falls on; a month-only date gives the last day of its month. */
export function dateKey(when: When): IsoDate {
  const p = partsOf(when);
  const day = p.day ?? daysInMonth(p.year, p.month);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(day)}`;
}

/** The `YYYY-MM` month a date falls in. */
export function monthOf(when: When): IsoMonth {
  return when.slice(0, 7);
}

/** The time of day, `HH:MM`, when the date carries one. */
export function timeOf(when: When): string | undefined {
  return partsOf(when).time;
}

/** Negative, zero or positive as `a` sorts before, with or after `b` (by {@link dateKey}, then time). */
export function compareWhen(a: When, b: When): number {
  const ka = dateKey(a);
  const kb = dateKey(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  const ta = timeOf(a) ?? '';
  const tb = timeOf(b) ?? '';
  return ta === tb ? 0 : ta < tb ? -1 : 1;
}

/** Adds whole days to a calendar date. */
export function addDays(date: IsoDate, days: number): IsoDate {
  const p = partsOf(date);
  const t = new Date(Date.UTC(p.year, p.month - 1, (p.day ?? 1) + days));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Today's calendar date in Europe/London. */
export function londonToday(now: Date = new Date()): IsoDate {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** English ordinal suffix: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st… */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  switch (n % 10) {
    case 1:
      return `${n}st`;
    case 2:
      return `${n}nd`;
    case 3:
      return `${n}rd`;
    default:
      return `${n}th`;
  }
}

/** The day of the week of a calendar date. */
export function weekdayOf(date: When): (typeof WEEKDAY_NAMES)[number] {
  const p = partsOf(date);
  const dow = new Date(Date.UTC(p.year, p.month - 1, p.day ?? 1)).getUTCDay();
  return WEEKDAY_NAMES[dow]!;
}

export interface FormatOptions {
  /** Put the day of the week first: “Wednesday 5th September 2018”. */
  weekday?: boolean;
}

/**
 * Formats a date the way the SEC newsletter writes it:
 * `10th August 2018`, `August 2018`, `17:00 on 6th September 2018`.
 */
export function formatDate(when: When, options: FormatOptions = {}): string {
  const p = partsOf(when);
  const monthYear = `${MONTH_NAMES[p.month - 1]} ${p.year}`;
  if (p.day === undefined) return monthYear;
  const day = `${options.weekday ? `${weekdayOf(when)} ` : ''}${ordinal(p.day)} ${monthYear}`;
  return p.time ? `${p.time} on ${day}` : day;
}

/** `14:00` → `2pm`, `11:00` → `11am`, `10:30` → `10.30am`: times as readers say them. */
export function formatClock(time: string): string {
  const [h, m] = time.split(':').map(Number) as [number, number];
  const suffix = h < 12 ? 'am' : 'pm';
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return m === 0 ? `${h12}${suffix}` : `${h12}.${pad(m)}${suffix}`;
}

/** `August 2018` for a `YYYY-MM` month. */
export function formatMonth(month: IsoMonth): string {
  return formatDate(month.slice(0, 7));
}

/**
 * Whether `a` certainly falls on an earlier day than `b`. A month-only date is compared by
 * its month, since its day is unknown.
 */
export function isCertainlyBefore(a: When, b: When): boolean {
  if (a.length === 7 || b.length === 7) return monthOf(a) < monthOf(b);
  return dateKey(a) < dateKey(b);
}
