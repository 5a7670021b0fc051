/**
 * Words and dates as the newsletter prints them, for the email's templates and the web
 * version alike.
 */
import { formatClock, formatDate, partsOf, type When } from '../../dates.ts';
import { ISSUER_LABELS, OUTCOME_LABELS, PARTY_LABELS, PATH_LABELS } from '../../labels.ts';

export interface WhenFormat {
  /** “Thursday 6th September 2018”. */
  weekday?: boolean | undefined;
  /** Times as readers say them: “5pm on …” rather than “17:00 on …”. */
  clock?: boolean | undefined;
}

/** `10th August 2018`, `August 2018`, `17:00 on 6th September 2018`, `5pm on Thursday 6th September 2018`. */
export function formatWhen(when: When, options: WhenFormat = {}): string {
  const text = formatDate(when, { weekday: options.weekday === true });
  const time = partsOf(when).time;
  return options.clock && time ? text.replace(`${time} on`, `${formatClock(time)} on`) : text;
}

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** Small counts in words, as prose writes them: `two`, `four`; 11 and above in figures. */
export function numberWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/** The word for a count: `modification` for 1, `modifications` otherwise. */
export function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

export const LABELS = {
  path: PATH_LABELS as Record<string, string>,
  outcome: OUTCOME_LABELS,
  issuer: ISSUER_LABELS as Record<string, string>,
  party: PARTY_LABELS as Record<string, string>,
} as const;

/** A reader-facing label from `src/lib/labels.ts`: `label('path', 'self-governance')` → `Self-Governance`. */
export function label(kind: keyof typeof LABELS, value: string | undefined): string {
  if (value === undefined) return '';
  return LABELS[kind][value] ?? value;
}

/**
 * A meeting's time: `10am to 2pm on Wednesday 19th September 2018` when it has a start and
 * end time on one day, otherwise its start as {@link formatWhen} gives it.
 */
export function formatSpan(start: When, end?: When): string {
  const s = partsOf(start);
  const e = end ? partsOf(end) : undefined;
  const sameDay = e && end!.slice(0, 10) === start.slice(0, 10);
  if (s.time && e?.time && sameDay) {
    return `${formatClock(s.time)} to ${formatClock(e.time)} on ${formatDate(start.slice(0, 10), { weekday: true })}`;
  }
  return formatWhen(start, { weekday: true, clock: true });
}
