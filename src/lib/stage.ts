/**
 * A modification's stage and next key date, derived from its timeline. The stage is never
 * stored: it is what the events dated on or before a day add up to.
 */
import type {
  Consultation,
  Designation,
  EventType,
  Modification,
  ModificationEvent,
} from '../schemas/index.ts';
import type { Entry } from './corpus.ts';
import { compareWhen, dateKey, type IsoDate, type When } from './dates.ts';

export const STAGES = [
  'development',
  'refinement',
  'report-phase',
  'change-board',
  'with-authority',
  'approved',
  'implemented',
  'rejected',
  'withdrawn',
] as const;
export type Stage = (typeof STAGES)[number];

/** Events that set a deadline rather than record something done. */
export const DEADLINE_EVENTS: ReadonlySet<EventType> = new Set([
  'referral-period-ends',
  'adoption-window-closes',
]);

/** What else in the content speaks of a modification's progress. */
export interface ModificationContext {
  consultations: readonly Entry<Consultation>[];
  designations: readonly Entry<Designation>[];
}

/**
 * A modification's own events plus those other content records: implementation by a
 * designation of the SEC. Stage and key dates are derived from this, so a fact recorded in
 * a designation is never typed again on the modification.
 */
export function eventsOf(
  mod: Pick<Modification, 'id' | 'events'>,
  ctx: Pick<ModificationContext, 'designations'>,
): ModificationEvent[] {
  const implemented = ctx.designations
    .filter((d) => d.data.modifications.some((r) => r.id === mod.id))
    .map((d): ModificationEvent => ({
      type: 'implemented',
      date: d.data.date,
      summary: `Implemented in SEC version ${d.data.version}.`,
    }));
  return [...mod.events, ...implemented];
}

/** The events of a timeline in date order; events on the same day keep the order written. */
export function timeline(mod: Pick<Modification, 'events'>): ModificationEvent[] {
  return mod.events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => compareWhen(a.event.date, b.event.date) || a.index - b.index)
    .map(({ event }) => event);
}

/** Whether an event has happened on or before a day. A month-only date counts from its last day. */
export function hasHappened(event: Pick<ModificationEvent, 'date'>, asOf: IsoDate): boolean {
  return dateKey(event.date) <= asOf;
}

/** The stage an event moves a modification to; undefined leaves the stage as it was. */
function stageAfter(event: ModificationEvent): Stage | 'restore' | undefined {
  switch (event.type) {
    case 'raised':
      return 'development';
    case 'imr-presented':
      return event.outcome === 'refinement'
        ? 'refinement'
        : event.outcome === 'report-phase'
          ? 'report-phase'
          : undefined;
    case 'refinement-started':
      return 'refinement';
    case 'dmr-presented':
    case 'decision-deferred':
      return 'report-phase';
    case 'fmr-issued':
      return 'change-board';
    case 'change-board-vote':
      switch (event.outcome) {
        case 'approved':
          return 'approved';
        case 'rejected':
          return 'rejected';
        case 'returned-to-panel':
          return 'report-phase';
        default:
          return 'change-board'; // a recommendation, awaiting the Authority
      }
    case 'sent-to-authority':
      return 'with-authority';
    case 'authority-decision':
      return event.outcome === 'approved'
        ? 'approved'
        : event.outcome === 'rejected'
          ? 'rejected'
          : 'report-phase';
    case 'withdrawn':
      return 'withdrawn';
    case 'adopted':
      return 'restore';
    case 'implemented':
      return 'implemented';
    default:
      return undefined;
  }
}

export interface StageState {
  /** The stage, or undefined when no event recorded so far sets one. */
  stage: Stage | undefined;
  /** The date of the event that set it. */
  since: When | undefined;
  /** For a withdrawn modification, the stage it had reached when withdrawn. */
  withdrawnFrom?: Stage | undefined;
}

/** The stage of a modification as of a day (events after it are ignored). */
export function stageAsOf(mod: Pick<Modification, 'events'>, asOf: IsoDate): StageState {
  let state: StageState = { stage: undefined, since: undefined };
  let beforeWithdrawal: StageState = state;
  for (const event of timeline(mod)) {
    if (!hasHappened(event, asOf)) break;
    const next = stageAfter(event);
    if (next === undefined) continue;
    if (next === 'restore') {
      // Adopted by another Party: it carries on where it was when withdrawn.
      if (state.stage === 'withdrawn') state = { stage: beforeWithdrawal.stage, since: event.date };
      continue;
    }
    if (next === 'withdrawn' && state.stage !== 'withdrawn') beforeWithdrawal = state;
    if (next !== state.stage) state = { stage: next, since: event.date };
  }
  return state.stage === 'withdrawn' ? { ...state, withdrawnFrom: beforeWithdrawal.stage } : state;
}

export function stageOf(mod: Pick<Modification, 'events'>, asOf: IsoDate): Stage | undefined {
  return stageAsOf(mod, asOf).stage;
}

export interface KeyDate {
  date: When;
  /** What happens then. */
  kind: EventType | 'implementation' | 'consultation-closes';
  /** The consultation that closes, for `consultation-closes`. */
  consultation?: string;
}

/**
 * The next date that matters for a modification after a day: a scheduled event, a deadline
 * (open through its own day), the close of a consultation on it, or its implementation date.
 */
export function nextKeyDate(
  mod: Pick<Modification, 'id' | 'events' | 'implementationDate'>,
  asOf: IsoDate,
  consultations: readonly Entry<Consultation>[] = [],
): KeyDate | undefined {
  const candidates: KeyDate[] = [];
  for (const event of mod.events) {
    const key = dateKey(event.date);
    if (key > asOf || (DEADLINE_EVENTS.has(event.type) && key === asOf)) {
      candidates.push({ date: event.date, kind: event.type });
    }
  }
  for (const c of consultations) {
    if (c.data.modifications.some((r) => r.id === mod.id) && dateKey(c.data.closes) >= asOf) {
      candidates.push({ date: c.data.closes, kind: 'consultation-closes', consultation: c.id });
    }
  }
  if (mod.implementationDate && mod.implementationDate > asOf) {
    candidates.push({ date: mod.implementationDate, kind: 'implementation' });
  }
  return candidates.sort((a, b) => compareWhen(a.date, b.date))[0];
}

/** When the modification was raised, if recorded. */
export function raisedOn(mod: Pick<Modification, 'events'>): When | undefined {
  return mod.events.find((e) => e.type === 'raised')?.date;
}

/** Steps of the Modification Process as a reader follows them. */
export const PROCESS_STEPS = [
  'development',
  'refinement',
  'report-phase',
  'decision',
  'implemented',
] as const;
export type ProcessStep = (typeof PROCESS_STEPS)[number];

export interface Progress {
  /** Index in {@link PROCESS_STEPS} of the step reached. */
  step: number;
  /** Set when the modification stopped there: rejected or withdrawn. */
  stopped?: 'rejected' | 'withdrawn';
}

/**
 * Where a modification is on the process steps. A withdrawal stops it at the step it had
 * reached; a rejection stops it at the decision.
 */
export function progressOf(mod: Pick<Modification, 'events'>, asOf: IsoDate): Progress | undefined {
  const stepOf = (s: Stage | undefined): number | undefined => {
    switch (s) {
      case 'development':
        return 0;
      case 'refinement':
        return 1;
      case 'report-phase':
        return 2;
      case 'change-board':
      case 'with-authority':
      case 'approved':
      case 'rejected':
        return 3;
      case 'implemented':
        return 4;
      default:
        return undefined;
    }
  };
  const { stage, withdrawnFrom } = stageAsOf(mod, asOf);
  if (stage === undefined) return undefined;
  if (stage === 'withdrawn') return { step: stepOf(withdrawnFrom) ?? 0, stopped: 'withdrawn' };
  const step = stepOf(stage)!;
  return stage === 'rejected' ? { step, stopped: 'rejected' } : { step };
}
