/** Items of the RSS feeds: news and newsletters (`/rss.xml`) and consultations. */
import type { Consultation, News, Newsletter } from '../../schemas/index.ts';
import type { Entry } from '../corpus.ts';
import { dateKey, formatDate, type IsoDate } from '../dates.ts';
import { consultationUrl, newsletterUrl, newsUrl } from './urls.ts';

export interface FeedItem {
  title: string;
  /** Site-relative link. */
  link: string;
  /** Publication day, `YYYY-MM-DD`. */
  date: IsoDate;
  description: string;
}

/** Noon UTC on a day: the same calendar day in London and in any reader's zone near it. */
export function pubDate(day: IsoDate): Date {
  return new Date(`${day}T12:00:00Z`);
}

const newestFirst = (a: FeedItem, b: FeedItem) =>
  b.date.localeCompare(a.date) || a.link.localeCompare(b.link);

/** News items and newsletter issues published by a day, newest first. */
export function newsFeedItems(
  news: readonly Entry<News>[],
  newsletters: readonly Entry<Newsletter>[],
  asOf: IsoDate,
): FeedItem[] {
  return [
    ...news
      .filter((n) => n.data.date <= asOf)
      .map((n) => ({
        title: n.data.title,
        link: newsUrl(n.id),
        date: n.data.date,
        description: n.data.summary ?? n.data.title,
      })),
    ...newsletters
      .filter((n) => n.data.issueDate <= asOf)
      .map((n) => ({
        title: n.data.title,
        link: newsletterUrl(n.id),
        date: n.data.issueDate,
        description: n.data.preheader,
      })),
  ].sort(newestFirst);
}

/** Consultations that have opened by a day (or have no opening date), newest first. */
export function consultationFeedItems(cs: readonly Entry<Consultation>[], asOf: IsoDate): FeedItem[] {
  return cs
    .filter((c) => !c.data.opens || dateKey(c.data.opens) <= asOf)
    .map((c) => ({
      title: c.data.title,
      link: consultationUrl(c.id),
      date: c.data.opens ? dateKey(c.data.opens) : dateKey(c.data.closes),
      description: `${c.data.summary} Closes ${formatDate(c.data.closes)}.`,
    }))
    .sort(newestFirst);
}
