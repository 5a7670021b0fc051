/**
 * Change update: derived from the modification events of the month.
 *
 * In order: change news; the reports presented to the Panel (IMRs by the Panel's decision,
 * DMRs with their Modification Report Consultation, modifications held back from a
 * decision); open Modification Report Consultations; withdrawn modifications and their
 * adoption windows; Change Board votes by meeting, outcome and path, with the referral
 * period, implementation date and what went to the Authority; designations of the month;
 * then, when any of those is present, the Modifications Register and the next
 * Modifications Question Hour.
 */
import {
  EVENT_OUTCOMES,
  type Modification,
  type ModificationEvent,
  type News,
} from '../../../schemas/index.ts';
import type { When } from '../../dates.ts';
import { consultationsOn, isOpen } from '../../consultations.ts';
import { compareIds } from '../../register.ts';
import { designationUrl, REGISTER_DOWNLOADS, REGISTER_URL } from '../../site/urls.ts';
import {
  consultationItem,
  inIssueMonth,
  type IssueContext,
  meetingRef,
  meetingRefById,
  modificationRef,
  optionalMarkdown,
  possiblyOpen,
} from '../context.ts';
import { type Arranger, consultationKey, designationKey, modificationKey } from '../keys.ts';
import type {
  ChangeBlock,
  ChangeItem,
  ChangeSection,
  ConsultationsBlock,
  DeferredGroup,
  DesignationsBlock,
  DmrGroup,
  DmrItem,
  ImrGroup,
  Markdown,
  QuestionHourBlock,
  RegisterBlock,
  ReportGroup,
  ReportsBlock,
  VoteGroup,
  VoteItem,
  VotesBlock,
  WithdrawnBlock,
  WithdrawnItem,
} from '../model.ts';
import { byWhen, type MonthEvent, whenKey } from '../corpus-index.ts';
import { monthNews, newsBlock, nextMeeting } from './governance.ts';

/** The body whose meetings of this title are the Modifications Question Hour. */
export const QUESTION_HOUR = { body: 'secas', title: 'Modifications Question Hour' } as const;

const CHANGE_CATEGORIES: ReadonlySet<News['category']> = new Set(['change']);

/** Events of some types that happened in the issue's month, by date, then modification id. */
export function monthEvents(ctx: IssueContext, types: ReadonlySet<string>): MonthEvent[] {
  return (ctx.index.eventsByMonth.get(ctx.month) ?? [])
    .filter(({ event }) => types.has(event.type) && inIssueMonth(ctx, event.date))
    .sort((a, b) => byWhen(a.event.date, b.event.date) || compareIds(a.mod.id, b.mod.id));
}

/** The first event of a type on or after a date: the deadline that follows a decision. */
function eventAfter(
  mod: Modification,
  type: ModificationEvent['type'],
  from: When,
): ModificationEvent | undefined {
  // A day: the day a date falls on (a month-only date, the last of its month), as dateKey gives.
  const day = whenKey(from).slice(0, 10);
  return mod.events
    .filter((e) => e.type === type && whenKey(e.date).slice(0, 10) >= day)
    .sort((a, b) => byWhen(a.date, b.date))[0];
}

/** Groups events by a key, keeping the order in which keys first appear. */
function groupBy<T>(items: readonly T[], keyOf: (t: T) => string): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return [...groups];
}

/** The value every item has, or undefined when they differ or any lacks one. */
export function shared<T>(values: readonly (T | undefined)[]): T | undefined {
  const first = values[0];
  return first !== undefined && values.every((v) => v === first) ? first : undefined;
}

/** Where an event happened, for grouping: its meeting, or else its date. */
const placeOf = (e: ModificationEvent) => e.meeting?.id ?? e.date;

/** Items of a group, with the summary moved up to the group when all share it. */
function itemsWithSummary<I extends ChangeItem>(
  events: readonly MonthEvent[],
  toItem: (e: MonthEvent) => Omit<I, 'summary' | 'key' | 'modification'>,
  ctx: IssueContext,
  arranger: Arranger,
): { items: I[]; summary: Markdown | undefined } {
  const summaries = events.map((e) => e.event.summary);
  const common = shared(summaries);
  const items = events.map(
    (e) =>
      ({
        key: modificationKey(e.mod.id),
        modification: modificationRef(ctx, e.mod.id),
        summary: common === undefined ? optionalMarkdown(e.event.summary) : undefined,
        ...toItem(e),
      }) as I,
  );
  return { items: arranger.arrange(items), summary: optionalMarkdown(common) };
}

function reportGroups(ctx: IssueContext, arranger: Arranger): ReportGroup[] {
  const groups: ReportGroup[] = [];
  const imrs = monthEvents(ctx, new Set(['imr-presented']));
  for (const [key, events] of groupBy(
    imrs,
    (e) => `imrs/${placeOf(e.event)}${e.event.outcome ? `/${e.event.outcome}` : ''}`,
  )) {
    const { event } = events[0]!;
    const { items, summary } = itemsWithSummary<ChangeItem>(events, () => ({}), ctx, arranger);
    const group: ImrGroup = {
      kind: 'imrs',
      key,
      meeting: meetingRefById(ctx, event.meeting?.id),
      date: event.date,
      outcome: event.outcome,
      items,
      summary,
    };
    groups.push(group);
  }
  const dmrs = monthEvents(ctx, new Set(['dmr-presented']));
  for (const [key, events] of groupBy(dmrs, (e) => `dmrs/${placeOf(e.event)}`)) {
    const { event } = events[0]!;
    const { items, summary } = itemsWithSummary<DmrItem>(
      events,
      (e) => {
        const mrc = consultationsOn(ctx.index.consultationsByModification.get(e.mod.id) ?? [], e.mod.id).find(
          (c) =>
            c.data.kind === 'modification-report' &&
            whenKey(c.data.closes).slice(0, 10) >= whenKey(e.event.date).slice(0, 10),
        );
        return {
          consultation: mrc && {
            key: consultationKey(mrc.id),
            title: mrc.data.title,
            closes: mrc.data.closes,
            path: consultationItem(ctx, mrc).path,
          },
        };
      },
      ctx,
      arranger,
    );
    const group: DmrGroup = {
      kind: 'dmrs',
      key,
      meeting: meetingRefById(ctx, event.meeting?.id),
      date: event.date,
      items,
      summary,
    };
    groups.push(group);
  }
  const deferred = monthEvents(ctx, new Set(['decision-deferred']));
  for (const [key, events] of groupBy(deferred, (e) => `deferred/${placeOf(e.event)}`)) {
    const { event } = events[0]!;
    const { items, summary } = itemsWithSummary<ChangeItem>(events, () => ({}), ctx, arranger);
    const group: DeferredGroup = {
      kind: 'deferred',
      key,
      meeting: meetingRefById(ctx, event.meeting?.id),
      date: event.date,
      items,
      summary,
    };
    groups.push(group);
  }
  return arranger.arrange(groups.filter((g) => g.items.length > 0));
}

function mrcBlock(ctx: IssueContext, arranger: Arranger): ConsultationsBlock {
  const open = possiblyOpen(ctx)
    .filter((c) => c.data.kind === 'modification-report' && isOpen(c.data, ctx.issueDate))
    .sort((a, b) => byWhen(a.data.closes, b.data.closes) || a.id.localeCompare(b.id));
  return {
    kind: 'modification-report-consultations',
    key: 'modification-report-consultations',
    title: 'Open Modification Report Consultations',
    topic: 'Modification consultations',
    items: arranger.arrange(open.map((c) => consultationItem(ctx, c))),
  };
}

function withdrawnBlock(ctx: IssueContext, arranger: Arranger): WithdrawnBlock {
  const items: WithdrawnItem[] = monthEvents(ctx, new Set(['withdrawn'])).map(({ mod, event }) => ({
    key: modificationKey(mod.id),
    modification: modificationRef(ctx, mod.id),
    summary: optionalMarkdown(event.summary),
    withdrawn: event.date,
    adoptionWindowCloses: eventAfter(mod.data, 'adoption-window-closes', event.date)?.date,
  }));
  return {
    kind: 'withdrawn',
    key: 'withdrawn',
    title: 'Withdrawn modifications',
    topic: 'Withdrawn modifications',
    items: arranger.arrange(items),
    contact: ctx.options.contact,
  };
}

const VOTE_OUTCOME_ORDER: readonly string[] = EVENT_OUTCOMES['change-board-vote'];

function votesBlock(ctx: IssueContext, arranger: Arranger): VotesBlock {
  const votes = monthEvents(ctx, new Set(['change-board-vote'])).sort(
    (a, b) =>
      byWhen(a.event.date, b.event.date) ||
      VOTE_OUTCOME_ORDER.indexOf(a.event.outcome ?? '') - VOTE_OUTCOME_ORDER.indexOf(b.event.outcome ?? '') ||
      compareIds(a.mod.id, b.mod.id),
  );
  const groups: VoteGroup[] = [];
  const keyOf = (e: MonthEvent) =>
    ['votes', placeOf(e.event), e.event.outcome, e.mod.data.path].filter(Boolean).join('/');
  for (const [key, events] of groupBy(votes, keyOf)) {
    const { event, mod } = events[0]!;
    const details = events.map(({ mod: m, event: e }) => ({
      referralPeriodEnds: eventAfter(m.data, 'referral-period-ends', e.date)?.date,
      implementationDate: m.data.implementationDate,
      sent: eventAfter(m.data, 'sent-to-authority', e.date),
    }));
    const referralPeriodEnds = shared(details.map((d) => d.referralPeriodEnds));
    const implementationDate = shared(details.map((d) => d.implementationDate));
    const { items, summary } = itemsWithSummary<VoteItem>(
      events,
      (e) => {
        const d = details[events.indexOf(e)]!;
        return {
          solution: e.event.solution,
          referralPeriodEnds: referralPeriodEnds === undefined ? d.referralPeriodEnds : undefined,
          implementationDate: implementationDate === undefined ? d.implementationDate : undefined,
          sentToAuthority: d.sent && { date: d.sent.date, summary: optionalMarkdown(d.sent.summary) },
        };
      },
      ctx,
      arranger,
    );
    groups.push({
      key,
      outcome: event.outcome ?? '',
      path: mod.data.path,
      meeting: meetingRefById(ctx, event.meeting?.id),
      date: event.date,
      items,
      summary,
      referralPeriodEnds,
      implementationDate,
    });
  }
  return {
    kind: 'votes',
    key: 'votes',
    title: 'Change Board votes',
    topic: 'Change Board',
    groups: arranger.arrange(groups.filter((g) => g.items.length > 0)),
  };
}

function designationsBlock(ctx: IssueContext, arranger: Arranger): DesignationsBlock {
  const items = (ctx.index.designationsByMonth.get(ctx.month) ?? [])
    .filter((d) => inIssueMonth(ctx, d.data.date))
    .sort((a, b) => byWhen(a.data.date, b.data.date) || a.id.localeCompare(b.id))
    .map((d) => ({
      key: designationKey(d.data.version),
      version: d.data.version,
      date: d.data.date,
      modifications: d.data.modifications.map((r) => modificationRef(ctx, r.id)),
      path: designationUrl(d.data.version),
    }));
  return {
    kind: 'designations',
    key: 'designations',
    title: 'Recent designations of the SEC',
    topic: 'Designations',
    items: arranger.arrange(items),
  };
}

function registerBlock(): RegisterBlock {
  return {
    kind: 'register',
    key: 'register',
    title: 'Modifications Register',
    topic: 'Modifications Register',
    page: REGISTER_URL,
    xlsx: REGISTER_DOWNLOADS.xlsx,
    csv: REGISTER_DOWNLOADS.csv,
  };
}

function questionHourBlock(ctx: IssueContext): QuestionHourBlock | undefined {
  const next = nextMeeting(ctx, QUESTION_HOUR.body, (m) => m.data.title === QUESTION_HOUR.title);
  if (!next) return undefined;
  return {
    kind: 'question-hour',
    key: 'question-hour',
    title: QUESTION_HOUR.title,
    topic: QUESTION_HOUR.title,
    meeting: meetingRef(ctx, next),
  };
}

const isNonEmpty = (b: ChangeBlock): boolean => {
  switch (b.kind) {
    case 'reports':
    case 'votes':
      return b.groups.length > 0;
    case 'modification-report-consultations':
    case 'withdrawn':
    case 'designations':
      return b.items.length > 0;
    default:
      return true;
  }
};

export function changeSection(ctx: IssueContext, arranger: Arranger): ChangeSection | undefined {
  const reports: ReportsBlock = {
    kind: 'reports',
    key: 'reports',
    title: 'Modification Reports presented to the Panel',
    topic: 'Modification reports',
    groups: reportGroups(ctx, arranger),
  };
  const content: ChangeBlock[] = [
    ...monthNews(ctx, CHANGE_CATEGORIES).map((n) => newsBlock(ctx, n)),
    reports,
    mrcBlock(ctx, arranger),
    withdrawnBlock(ctx, arranger),
    votesBlock(ctx, arranger),
    designationsBlock(ctx, arranger),
  ].filter(isNonEmpty);
  if (content.length === 0) {
    // Nothing happened to any modification: no register or Question Hour on their own.
    return undefined;
  }
  const qh = questionHourBlock(ctx);
  const blocks = arranger.arrange([...content, registerBlock(), ...(qh ? [qh] : [])]);
  if (!blocks.some((b) => b.kind !== 'register' && b.kind !== 'question-hour')) return undefined;
  return {
    kind: 'change',
    id: 'change',
    title: 'Change update',
    note: optionalMarkdown(ctx.newsletter.data.sections.change.note),
    blocks,
  };
}
