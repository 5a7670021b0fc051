/** What a modification's page shows beyond its own fields. */
import type { Modification, ModificationEvent } from '../../schemas/index.ts';
import type { Corpus, Entry } from '../corpus.ts';
import { dateKey, type IsoDate, monthOf } from '../dates.ts';
import { EVENT_LABELS, OUTCOME_LABELS, STAGE_LABELS, UNKNOWN_STAGE_LABEL } from '../labels.ts';
import { isOpen } from '../consultations.ts';
import { compareIds } from '../register.ts';
import {
  DEADLINE_EVENTS,
  eventsOf,
  hasHappened,
  type KeyDate,
  type ModificationContext,
  stageAsOf,
  timeline,
} from '../stage.ts';

/** Modifications it names as related and those that name it, in id order. */
export function relatedModifications(
  mod: Pick<Modification, 'id' | 'related'>,
  all: readonly Entry<Modification>[],
): Entry<Modification>[] {
  const ids = new Set(mod.related.map((r) => r.id));
  for (const other of all) {
    if (other.data.related.some((r) => r.id === mod.id)) ids.add(other.id);
  }
  ids.delete(mod.id);
  return all.filter((m) => ids.has(m.id)).sort((a, b) => compareIds(a.id, b.id));
}

/** How an event reads: its label, the outcome and which solution, where recorded. */
export function eventLabel(event: Pick<ModificationEvent, 'type' | 'outcome' | 'solution'>): string {
  const base = EVENT_LABELS[event.type];
  if (!event.outcome) return base;
  const outcome = OUTCOME_LABELS[event.outcome] ?? event.outcome;
  const solution = event.solution ? ` (${event.solution} solution)` : '';
  return `${base}: ${outcome}${solution}`;
}

/** How a key date reads: “Consultation closes”, “Implementation”, or the event's label. */
export function keyDateLabel(k: Pick<KeyDate, 'kind'>): string {
  if (k.kind === 'implementation') return 'Implementation';
  if (k.kind === 'consultation-closes') return 'Modification Report Consultation closes';
  return EVENT_LABELS[k.kind];
}

export interface TimelineItem {
  event: ModificationEvent;
  label: string;
  /** Whether it has happened by the as-of day (false: scheduled, or a deadline still open). */
  happened: boolean;
  /** A deadline rather than something done. */
  deadline: boolean;
}

/** The full timeline of a modification (its events and implementation by designations). */
export function timelineItems(
  mod: Pick<Modification, 'id' | 'events'>,
  ctx: Pick<ModificationContext, 'designations'>,
  asOf: IsoDate,
): TimelineItem[] {
  return timeline({ events: eventsOf(mod, ctx) }).map((event) => {
    const deadline = DEADLINE_EVENTS.has(event.type);
    // A deadline is still open through its own day.
    const happened = deadline ? dateKey(event.date) < asOf : hasHappened(event, asOf);
    return { event, label: eventLabel(event), happened, deadline };
  });
}

/** The stage as readers see it: “Withdrawn (in the Report Phase)”, “Not recorded”. */
export function stageText(
  mod: Pick<Modification, 'id' | 'events'>,
  ctx: Pick<ModificationContext, 'designations'>,
  asOf: IsoDate,
): string {
  const { stage, withdrawnFrom } = stageAsOf({ events: eventsOf(mod, ctx) }, asOf);
  if (!stage) return UNKNOWN_STAGE_LABEL;
  if (stage === 'withdrawn' && withdrawnFrom) return `Withdrawn (in the ${STAGE_LABELS[withdrawnFrom]})`;
  return STAGE_LABELS[stage];
}

const mentionsId = (text: string | undefined, ids: readonly string[]) =>
  !!text && ids.some((id) => new RegExp(`\\b${id}\\b`).test(text));

/**
 * Newsletter issues that mention a modification, oldest first. An issue mentions it when
 * the editor features it or names it in the editorial, when a news item of the issue's
 * month concerns it, when one of its events falls in that month (the Change update reports
 * them), or when a consultation on it is open on the issue date.
 */
export function newslettersMentioning(
  mod: Pick<Modification, 'id' | 'aliases' | 'events'>,
  corpus: Pick<Corpus, 'newsletters' | 'news' | 'consultations'>,
): Corpus['newsletters'] {
  const ids = [mod.id, ...mod.aliases];
  return corpus.newsletters
    .filter(({ id: month, data: issue, body }) => {
      if (issue.featured.some((f) => 'modification' in f && ids.includes(f.modification.id))) return true;
      if (mentionsId(body, ids)) return true;
      if (mod.events.some((e) => monthOf(e.date) === month)) return true;
      const monthNews = corpus.news.filter((n) => monthOf(n.data.date) === month);
      if (
        monthNews.some((n) => n.data.modifications.some((r) => ids.includes(r.id)) || mentionsId(n.body, ids))
      ) {
        return true;
      }
      return corpus.consultations.some(
        (c) => c.data.modifications.some((r) => ids.includes(r.id)) && isOpen(c.data, issue.issueDate),
      );
    })
    .sort((a, b) => a.id.localeCompare(b.id));
}
