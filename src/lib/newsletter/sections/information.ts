/**
 * Information and consultations, in order: reminders; open consultations closing within a
 * short window of the issue date (“short deadline”); other open DCC consultations; other
 * open consultations; conclusions published for consultations that closed in the month;
 * the SEC Parties and accessions table; the SEC calendar (standing bodies' meetings in the
 * weeks after the issue date); then other notices (DCC, events, general and newsletter news).
 *
 * Modification Report Consultations belong to the Change update, not here.
 */
import type { Consultation, News, PartyCategory, PartyStats } from '../../../schemas/index.ts';
import type { Entry } from '../../corpus.ts';
import { closingWithin, openConsultations } from '../../consultations.ts';
import { addDays } from '../../dates.ts';
import { byWhen, dayOf } from '../corpus-index.ts';
import { PARTY_LABELS } from '../../labels.ts';
import {
  consultationItem,
  inIssueMonth,
  type IssueContext,
  meetingRef,
  optionalMarkdown,
  possiblyOpen,
} from '../context.ts';
import type { Arranger } from '../keys.ts';
import type {
  CalendarBlock,
  ConsultationListKind,
  ConsultationsBlock,
  InformationBlock,
  InformationSection,
  PartyStatsBlock,
} from '../model.ts';
import { monthNews, newsBlock, standingBodies } from './governance.ts';

const REMINDERS: ReadonlySet<News['category']> = new Set(['reminder']);
const NOTICES: ReadonlySet<News['category']> = new Set(['dcc', 'events', 'general', 'newsletter']);

/** Party Categories in the order of the SEC's own table: networks, suppliers, others. */
export const PARTY_TABLE_ORDER: readonly PartyCategory[] = [
  'electricity-networks',
  'gas-networks',
  'large-suppliers',
  'small-suppliers',
  'other-sec-parties',
];

/** The movements the table lists after the counts, with their labels. */
export const PARTY_CHANGES: readonly { field: keyof PartyStats & string; label: string }[] = [
  { field: 'accessions', label: 'Accessions of new Parties since the last newsletter' },
  { field: 'withdrawals', label: 'Parties withdrawing from the SEC' },
  { field: 'expulsions', label: 'Parties expelled from the SEC' },
  { field: 'panelEmploymentChanges', label: "Changes to SEC Panel Members' employment status" },
];

const TITLES: Record<ConsultationListKind, [title: string, topic: string]> = {
  'modification-report-consultations': [
    'Open Modification Report Consultations',
    'Modification consultations',
  ],
  'short-deadline': ['Short deadline consultations', 'Short deadline consultations'],
  'dcc-consultations': ['DCC consultations', 'DCC consultations'],
  'other-consultations': ['Other open consultations', 'Other consultations'],
  conclusions: ['Consultation conclusions', 'Consultation conclusions'],
};

function consultationsBlock(
  ctx: IssueContext,
  arranger: Arranger,
  kind: ConsultationListKind,
  entries: readonly Entry<Consultation>[],
): ConsultationsBlock {
  const [title, topic] = TITLES[kind];
  return {
    kind,
    key: kind,
    title,
    topic,
    items: arranger.arrange(entries.map((c) => consultationItem(ctx, c))),
  };
}

/** Party statistics of the issue's month as a table, with the derived total. */
export function partyStatsBlock(stats: PartyStats): PartyStatsBlock {
  const counts = PARTY_TABLE_ORDER.map((category) => ({
    category,
    label: PARTY_LABELS[category],
    count: stats.counts[category],
  }));
  return {
    kind: 'party-stats',
    key: 'party-stats',
    title: 'SEC Parties and accessions',
    topic: 'SEC Parties and accessions',
    month: stats.month,
    total: counts.reduce((sum, c) => sum + c.count, 0),
    counts,
    changes: PARTY_CHANGES.map(({ field, label }) => ({ field, label, count: stats[field] as number })),
    path: '/parties/',
  };
}

/** The months from one day's to another's, inclusive. */
export function monthsFrom(from: string, to: string): string[] {
  const months: string[] = [];
  let [y, m] = from.slice(0, 7).split('-').map(Number) as [number, number];
  const last = to.slice(0, 7);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    months.push(month);
    if (month >= last) return months;
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
}

function calendarBlock(ctx: IssueContext, arranger: Arranger): CalendarBlock {
  const from = addDays(ctx.issueDate, 1);
  const to = addDays(ctx.issueDate, ctx.options.calendarDays);
  const order = new Map(standingBodies(ctx).map((b, i) => [b.id, i]));
  const items = monthsFrom(from, to)
    .flatMap((month) => ctx.index.meetingsByMonth.get(month) ?? [])
    .filter(
      (m) =>
        order.has(m.data.body.id) &&
        m.data.status !== 'cancelled' &&
        dayOf(m.data.date) >= from &&
        dayOf(m.data.date) <= to,
    )
    // By day, then the bodies' order, then time: the calendar reads as a list of days.
    .sort(
      (a, b) =>
        dayOf(a.data.date).localeCompare(dayOf(b.data.date)) ||
        order.get(a.data.body.id)! - order.get(b.data.body.id)! ||
        byWhen(a.data.date, b.data.date) ||
        a.id.localeCompare(b.id),
    )
    .map((m) => meetingRef(ctx, m));
  return {
    kind: 'calendar',
    key: 'calendar',
    title: 'Upcoming SEC calendar dates',
    topic: 'SEC dates',
    from,
    to,
    items: arranger.arrange(items),
    path: '/meetings/',
  };
}

export function informationSection(ctx: IssueContext, arranger: Arranger): InformationSection | undefined {
  const current = possiblyOpen(ctx).filter((c) => c.data.kind === 'industry');
  const shortDeadline = closingWithin(current, ctx.issueDate, ctx.options.shortDeadlineDays);
  const listed = new Set(shortDeadline.map((c) => c.id));
  const open = openConsultations(current, ctx.issueDate).filter((c) => !listed.has(c.id));
  const concluded = (ctx.index.consultationsByClosingMonth.get(ctx.month) ?? [])
    .filter((c) => c.data.kind === 'industry' && c.data.conclusion && inIssueMonth(ctx, c.data.closes))
    .sort((a, b) => byWhen(a.data.closes, b.data.closes) || a.id.localeCompare(b.id));
  const stats = ctx.index.partyStatsByMonth.get(ctx.month);

  const candidates: InformationBlock[] = [
    ...monthNews(ctx, REMINDERS).map((n) => newsBlock(ctx, n)),
    consultationsBlock(ctx, arranger, 'short-deadline', shortDeadline),
    consultationsBlock(
      ctx,
      arranger,
      'dcc-consultations',
      open.filter((c) => c.data.issuer === 'dcc'),
    ),
    consultationsBlock(
      ctx,
      arranger,
      'other-consultations',
      open.filter((c) => c.data.issuer !== 'dcc'),
    ),
    consultationsBlock(ctx, arranger, 'conclusions', concluded),
    ...(stats ? [partyStatsBlock(stats.data)] : []),
    calendarBlock(ctx, arranger),
    ...monthNews(ctx, NOTICES).map((n) => newsBlock(ctx, n)),
  ];
  const blocks = arranger.arrange(candidates.filter((b) => !('items' in b) || b.items.length > 0));
  if (blocks.length === 0) return undefined;
  return {
    kind: 'information',
    id: 'information',
    title: 'Information and consultations',
    note: optionalMarkdown(ctx.newsletter.data.sections.information.note),
    blocks,
  };
}
