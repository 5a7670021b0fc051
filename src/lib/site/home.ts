/** What the home page shows: latest news, recent stage changes, the latest newsletter. */
import type { Newsletter, News } from '../../schemas/index.ts';
import type { Entry } from '../corpus.ts';
import { addDays, dateKey, type IsoDate, type When } from '../dates.ts';
import { compareIds } from '../register.ts';
import { eventsOf, type ModificationContext, type Stage, stageAsOf } from '../stage.ts';
import type { Modification } from '../../schemas/index.ts';

/** News published on or before a day, newest first. */
export function latestNews(news: readonly Entry<News>[], asOf: IsoDate, count = Infinity): Entry<News>[] {
  return newsByDate(news.filter((n) => n.data.date <= asOf)).slice(0, count);
}

/** All news, newest first; same-day items by id. */
export function newsByDate(news: readonly Entry<News>[]): Entry<News>[] {
  return [...news].sort((a, b) => b.data.date.localeCompare(a.data.date) || a.id.localeCompare(b.id));
}

export interface StageChange {
  id: string;
  title: string;
  stage: Stage;
  /** The date of the event that set the stage. */
  since: When;
}

/**
 * Modifications whose stage changed in the `days` days up to a day (inclusive), most
 * recent first. A month-only event counts from the last day of its month.
 */
export function recentStageChanges(
  modifications: readonly Entry<Modification>[],
  ctx: Pick<ModificationContext, 'designations'>,
  asOf: IsoDate,
  days = 31,
): StageChange[] {
  const from = addDays(asOf, -(days - 1));
  const out: StageChange[] = [];
  for (const { data: m } of modifications) {
    const { stage, since } = stageAsOf({ events: eventsOf(m, ctx) }, asOf);
    if (stage && since && dateKey(since) >= from && dateKey(since) <= asOf) {
      out.push({ id: m.id, title: m.title, stage, since });
    }
  }
  return out.sort((a, b) => dateKey(b.since).localeCompare(dateKey(a.since)) || compareIds(a.id, b.id));
}

/** Newsletter issues sent on or before a day, newest first. */
export function newslettersByDate(
  newsletters: readonly Entry<Newsletter>[],
  asOf?: IsoDate,
): Entry<Newsletter>[] {
  return newsletters
    .filter((n) => asOf === undefined || n.data.issueDate <= asOf)
    .sort((a, b) => b.data.issueDate.localeCompare(a.data.issueDate) || b.id.localeCompare(a.id));
}

/** The latest issue sent on or before a day. */
export function latestNewsletter(
  newsletters: readonly Entry<Newsletter>[],
  asOf: IsoDate,
): Entry<Newsletter> | undefined {
  return newslettersByDate(newsletters, asOf)[0];
}
