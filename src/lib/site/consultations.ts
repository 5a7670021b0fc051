/** Consultations as the site lists them: open, not yet open, closed. */
import type { Consultation } from '../../schemas/index.ts';
import { closedConsultations, openConsultations } from '../consultations.ts';
import type { Entry } from '../corpus.ts';
import { compareWhen, dateKey, type IsoDate } from '../dates.ts';

export interface ConsultationGroups {
  /** Open on the day, closing soonest first. */
  open: Entry<Consultation>[];
  /** Announced but opening after the day, opening soonest first. */
  upcoming: Entry<Consultation>[];
  /** Closed before the day, most recently closed first. */
  closed: Entry<Consultation>[];
}

export function consultationGroups(cs: readonly Entry<Consultation>[], asOf: IsoDate): ConsultationGroups {
  const upcoming = cs
    .filter((c) => c.data.opens !== undefined && dateKey(c.data.opens) > asOf)
    .sort((a, b) => compareWhen(a.data.opens!, b.data.opens!) || a.id.localeCompare(b.id));
  return { open: openConsultations(cs, asOf), upcoming, closed: closedConsultations(cs, asOf) };
}

/** Whole days from a day to a consultation's closing day (0 when it closes that day). */
export function daysLeft(c: Pick<Consultation, 'closes'>, asOf: IsoDate): number {
  const ms = Date.parse(`${dateKey(c.closes)}T00:00:00Z`) - Date.parse(`${asOf}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}
