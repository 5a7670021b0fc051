/**
 * SEC governance: the month's governance news, then each standing body in its `order` with
 * the meetings it held in the month, the news about those meetings, and its next meeting.
 *
 * A governance or security news item goes with a body when it concerns one of that body's
 * meetings of the month (the DCC appeal and the Panel, the SSC update and the SSC);
 * otherwise it stands on its own at the top of the section (the Panel election result).
 */
import type { Body, Meeting, News } from '../../../schemas/index.ts';
import type { Entry } from '../../corpus.ts';
import { byWhen, dayOf } from '../corpus-index.ts';
import {
  type IssueContext,
  bodyUrl,
  heldMeeting,
  inIssueMonth,
  meetingRef,
  newsItem,
  optionalMarkdown,
} from '../context.ts';
import { type Arranger, bodyKey, newsKey } from '../keys.ts';
import type { BodyBlock, GovernanceBlock, GovernanceSection, NewsBlock } from '../model.ts';

/** News categories reported in this section. */
export const GOVERNANCE_CATEGORIES: ReadonlySet<News['category']> = new Set(['governance', 'security']);

/** Standing bodies, in their `order` (from the corpus index, sorted once). */
export function standingBodies(ctx: IssueContext): Entry<Body>[] {
  return ctx.index.standingBodies;
}

/** Whether a meeting took place in the issue's month, by its issue date. */
export function heldInMonth(ctx: IssueContext, m: Entry<Meeting>): boolean {
  if (m.data.status === 'cancelled' || !inIssueMonth(ctx, m.data.date)) return false;
  return m.data.status === 'held' || dayOf(m.data.date) <= ctx.issueDate;
}

/**
 * Where a body's meetings after a day begin: a binary search in the days of its meetings
 * (in date order, from the corpus index; ISO days compare as strings).
 */
export function firstAfter(days: readonly string[], day: string): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (days[mid]! <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The body's first meeting after the issue date that is not cancelled (`nextMeetingOf`, indexed). */
export function nextMeeting(
  ctx: IssueContext,
  bodyId: string,
  test: (m: Entry<Meeting>) => boolean = () => true,
): Entry<Meeting> | undefined {
  const meetings = ctx.index.meetingsByBody.get(bodyId) ?? [];
  for (
    let i = firstAfter(ctx.index.meetingDaysByBody.get(bodyId) ?? [], ctx.issueDate);
    i < meetings.length;
    i++
  ) {
    const m = meetings[i]!;
    if (m.data.status !== 'cancelled' && test(m)) return m;
  }
  return undefined;
}

export function newsBlock(ctx: IssueContext, entry: Entry<News>): NewsBlock {
  const item = newsItem(ctx, entry);
  return { kind: 'news', key: item.key, title: item.title, topic: item.title, item };
}

/** News of the month in some categories, not featured, in date order. */
export function monthNews(ctx: IssueContext, categories: ReadonlySet<News['category']>): Entry<News>[] {
  return (ctx.index.newsByMonth.get(ctx.month) ?? [])
    .filter(
      (n) =>
        categories.has(n.data.category) && inIssueMonth(ctx, n.data.date) && !ctx.featured.has(newsKey(n.id)),
    )
    .sort((a, b) => byWhen(a.data.date, b.data.date) || a.id.localeCompare(b.id));
}

export function governanceSection(ctx: IssueContext, arranger: Arranger): GovernanceSection | undefined {
  const bodies = standingBodies(ctx);
  // Already in date order.
  const held = (ctx.index.meetingsByMonth.get(ctx.month) ?? []).filter((m) => heldInMonth(ctx, m));
  const heldIds = new Set(held.map((m) => m.id));

  const attached = new Map<string, Entry<News>[]>();
  const standalone: Entry<News>[] = [];
  for (const n of monthNews(ctx, GOVERNANCE_CATEGORIES)) {
    const body = bodies.find((b) =>
      n.data.meetings.some((r) => heldIds.has(r.id) && ctx.meetings.get(r.id)?.data.body.id === b.id),
    );
    if (body) attached.set(body.id, [...(attached.get(body.id) ?? []), n]);
    else standalone.push(n);
  }

  const bodyBlocks: BodyBlock[] = [];
  for (const b of bodies) {
    const meetings = arranger.arrange(
      held.filter((m) => m.data.body.id === b.id).map((m) => heldMeeting(ctx, m)),
    );
    const news = arranger.arrange((attached.get(b.id) ?? []).map((n) => newsItem(ctx, n)));
    if (meetings.length === 0 && news.length === 0) continue;
    const next = nextMeeting(ctx, b.id);
    const { name, shortName } = b.data;
    bodyBlocks.push({
      kind: 'body',
      key: bodyKey(b.id),
      title: name === shortName ? name : `${name} (${shortName})`,
      topic: shortName,
      body: { id: b.id, name, shortName, path: bodyUrl(b.id) },
      meetings,
      news,
      next: next && meetingRef(ctx, next),
    });
  }

  const blocks = arranger.arrange<GovernanceBlock>([
    ...standalone.map((n) => newsBlock(ctx, n)),
    ...bodyBlocks,
  ]);
  if (blocks.length === 0) return undefined;
  return {
    kind: 'governance',
    id: 'governance',
    title: 'SEC governance',
    note: optionalMarkdown(ctx.newsletter.data.sections.governance.note),
    blocks,
  };
}
