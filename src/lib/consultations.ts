/** Consultations: open, closing soon, closed. A deadline given as a day runs to its end. */
import type { Consultation } from '../schemas/index.ts';
import type { Entry } from './corpus.ts';
import { addDays, compareWhen, dateKey, type IsoDate } from './dates.ts';

/** Open on a day: opened (if the opening is known) and not yet closed. */
export function isOpen(c: Pick<Consultation, 'opens' | 'closes'>, asOf: IsoDate): boolean {
  return (!c.opens || dateKey(c.opens) <= asOf) && dateKey(c.closes) >= asOf;
}

const byClosing = (a: Entry<Consultation>, b: Entry<Consultation>) =>
  compareWhen(a.data.closes, b.data.closes) || a.id.localeCompare(b.id);

/** Consultations open on a day, closing soonest first. */
export function openConsultations(cs: readonly Entry<Consultation>[], asOf: IsoDate): Entry<Consultation>[] {
  return cs.filter((c) => isOpen(c.data, asOf)).sort(byClosing);
}

/** Open consultations closing within `days` days of a day (inclusive), soonest first. */
export function closingWithin(
  cs: readonly Entry<Consultation>[],
  asOf: IsoDate,
  days: number,
): Entry<Consultation>[] {
  const until = addDays(asOf, days);
  return openConsultations(cs, asOf).filter((c) => dateKey(c.data.closes) <= until);
}

/** Consultations closed before a day, most recently closed first. */
export function closedConsultations(
  cs: readonly Entry<Consultation>[],
  asOf: IsoDate,
): Entry<Consultation>[] {
  return cs.filter((c) => dateKey(c.data.closes) < asOf).sort((a, b) => byClosing(b, a));
}

/** Consultations on a modification. */
export function consultationsOn(
  cs: readonly Entry<Consultation>[],
  modificationId: string,
): Entry<Consultation>[] {
  return cs.filter((c) => c.data.modifications.some((r) => r.id === modificationId)).sort(byClosing);
}
