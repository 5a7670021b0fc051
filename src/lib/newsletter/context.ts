/**
 * What every section of an issue is assembled from: the corpus indexed once, the issue's
 * month and date, the editor's options, and the references items make to each other.
 */
import type {
  Body,
  Consultation,
  Meeting,
  Modification,
  News,
  Newsletter,
  SecDocument,
} from '../../schemas/index.ts';
import type { Corpus, Entry } from '../corpus.ts';
import { type IsoDate, type IsoMonth, monthOf, type When } from '../dates.ts';
import { meetingTitle } from '../meetings.ts';
import {
  bodyUrl,
  consultationUrl,
  meetingUrl,
  modificationUrl,
  newsletterUrl,
  newsUrl,
} from '../site/urls.ts';
import { corpusIndex, type CorpusIndex, dayOf } from './corpus-index.ts';
import { consultationKey, meetingKey, newsKey } from './keys.ts';
import type {
  ConsultationItem,
  DocumentRef,
  HeldMeeting,
  Markdown,
  MeetingRef,
  ModificationRef,
  NewsItem,
} from './model.ts';

export interface AssembleOptions {
  /** SECAS contact details printed where readers are asked to get in touch. */
  contact: { email: string; phone: string };
  /** Open consultations closing within this many days of the issue date have a short deadline (default 7). */
  shortDeadlineDays?: number | undefined;
  /** The calendar lists standing bodies' meetings this many days after the issue date (default 28). */
  calendarDays?: number | undefined;
}

export const DEFAULT_SHORT_DEADLINE_DAYS = 7;
export const DEFAULT_CALENDAR_DAYS = 28;

export interface IssueContext {
  corpus: Corpus;
  newsletter: Entry<Newsletter>;
  month: IsoMonth;
  issueDate: IsoDate;
  options: Required<AssembleOptions>;
  /** The corpus indexed by id and by month (built once per corpus). */
  index: CorpusIndex;
  bodies: Map<string, Entry<Body>>;
  meetings: Map<string, Entry<Meeting>>;
  modifications: Map<string, Entry<Modification>>;
  news: Map<string, Entry<News>>;
  /** Keys of the featured items: they appear in the editorial, not again further down. */
  featured: Set<string>;
}

export function issueContext(
  corpus: Corpus,
  newsletter: Entry<Newsletter>,
  options: AssembleOptions,
): IssueContext {
  const index = corpusIndex(corpus);
  return {
    corpus,
    newsletter,
    month: newsletter.id,
    issueDate: newsletter.data.issueDate,
    options: {
      contact: options.contact,
      shortDeadlineDays: options.shortDeadlineDays ?? DEFAULT_SHORT_DEADLINE_DAYS,
      calendarDays: options.calendarDays ?? DEFAULT_CALENDAR_DAYS,
    },
    index,
    bodies: index.bodies,
    meetings: index.meetings,
    modifications: index.modifications,
    news: index.news,
    featured: new Set(
      newsletter.data.featured.map((f) =>
        'news' in f ? newsKey(f.news.id) : `modification/${f.modification.id}`,
      ),
    ),
  };
}

/**
 * Consultations that may be open on the issue date: those of the index's month (open some
 * time in it) and those without an opening date, checked by comparing days as text (`opens`
 * and `closes` always have one). The few left are then checked by `src/lib/consultations.ts`
 * itself, which sorts them. Each issue looks at its own month only.
 */
export function possiblyOpen(ctx: IssueContext): Entry<Consultation>[] {
  const day = ctx.issueDate;
  return [
    ...(ctx.index.consultationsByOpenMonth.get(ctx.month) ?? []),
    ...ctx.index.consultationsWithoutOpens,
  ].filter((c) => dayOf(c.data.closes) >= day && (!c.data.opens || dayOf(c.data.opens) <= day));
}

/** Whether something dated `when` happened in the issue's month, by its issue date. */
export function inIssueMonth(ctx: IssueContext, when: When): boolean {
  // A month-only date (“withdrawn in August 2018”) counts whatever the issue date.
  // `when.slice(0, 10)` is the day of a date with a day: cheaper than parsing it, as validated content allows.
  return monthOf(when) === ctx.month && (when.length === 7 || dayOf(when) <= ctx.issueDate);
}

export const markdown = (text: string): Markdown => ({ markdown: text });

/** Markdown, or nothing for a missing or blank text (HTML comments alone count as blank). */
export const optionalMarkdown = (text: string | undefined): Markdown | undefined =>
  text?.replace(/<!--[\s\S]*?-->/g, '').trim() ? markdown(text.trim()) : undefined;

export function modificationRef(ctx: IssueContext, id: string): ModificationRef {
  const entry = ctx.modifications.get(id);
  return { id, title: entry?.data.title ?? id, path: modificationUrl(id) };
}

function bodyOf(ctx: IssueContext, id: string): { id: string; name: string; shortName: string } {
  const body = ctx.bodies.get(id)?.data;
  return { id, name: body?.name ?? id, shortName: body?.shortName ?? id };
}

export function meetingRef(ctx: IssueContext, entry: Entry<Meeting>): MeetingRef {
  const body = bodyOf(ctx, entry.data.body.id);
  return {
    key: meetingKey(entry.id),
    id: entry.id,
    title: meetingTitle(entry.data, body),
    date: entry.data.date,
    end: entry.data.end,
    location: entry.data.location,
    body,
    path: meetingUrl(entry.id),
  };
}

/** A meeting by id, if it exists. */
export function meetingRefById(ctx: IssueContext, id: string | undefined): MeetingRef | undefined {
  const entry = id === undefined ? undefined : ctx.meetings.get(id);
  return entry && meetingRef(ctx, entry);
}

/** Documents, each reachable: by its own URL, or else through the page that lists it. */
export function documentRefs(documents: readonly SecDocument[], pagePath: string): DocumentRef[] {
  return documents.map((d) => ({
    type: d.type,
    title: d.title,
    date: d.date,
    url: d.url,
    path: d.url ? undefined : pagePath,
  }));
}

export function heldMeeting(ctx: IssueContext, entry: Entry<Meeting>): HeldMeeting {
  const ref = meetingRef(ctx, entry);
  return {
    ...ref,
    headlines: optionalMarkdown(entry.body),
    documents: documentRefs(entry.data.documents, ref.path),
  };
}

export function newsItem(ctx: IssueContext, entry: Entry<News>): NewsItem {
  const path = newsUrl(entry.id);
  const events = entry.data.meetings
    .map((r) => ctx.meetings.get(r.id))
    .filter((m): m is Entry<Meeting> => m !== undefined && dayOf(m.data.date) > ctx.issueDate)
    .map((m) => meetingRef(ctx, m));
  return {
    kind: 'news',
    key: newsKey(entry.id),
    id: entry.id,
    title: entry.data.title,
    date: entry.data.date,
    category: entry.data.category,
    summary: entry.data.summary,
    body: markdown(entry.body?.trim() ?? ''),
    path,
    documents: documentRefs(entry.data.documents, path),
    events,
  };
}

export function consultationItem(ctx: IssueContext, entry: Entry<Consultation>): ConsultationItem {
  const c = entry.data;
  return {
    key: consultationKey(entry.id),
    id: entry.id,
    title: c.title,
    issuer: c.issuer,
    opens: c.opens,
    closes: c.closes,
    briefing: c.briefing,
    summary: markdown(c.summary),
    body: optionalMarkdown(entry.body),
    conclusion: optionalMarkdown(c.conclusion),
    modifications: c.modifications.map((r) => modificationRef(ctx, r.id)),
    url: c.url,
    path: consultationUrl(entry.id),
  };
}

export { bodyUrl, newsletterUrl };
