/**
 * `npm run record`: one event appended to a modification's timeline, from the options an
 * editor gives (“DMR presented at SEC Panel meeting 60” is
 * `npm run record -- SECMP0009 dmr-presented --meeting "sec-panel 60"`).
 */
import {
  EVENT_OUTCOMES,
  EVENT_TYPES,
  type EventType,
  type Modification,
  type ModificationEvent,
} from '../../schemas/index.ts';
import { didYouMean } from '../content/suggest.ts';
import type { Corpus, Entry } from '../corpus.ts';
import { dateKey, formatDate, type IsoDate } from '../dates.ts';
import { EVENT_LABELS, OUTCOME_LABELS, STAGE_LABELS, UNKNOWN_STAGE_LABEL } from '../labels.ts';
import { eventsOf, stageOf } from '../stage.ts';
import { type CommandSpec, oneOf, type ParsedOptions, str } from './args.ts';
import { EditError } from './errors.ts';
import { appendToList } from './front-matter.ts';
import { describeMeeting, resolveMeeting, resolveModification } from './resolve.ts';
import { dateOption } from './scaffold.ts';

const OUTCOMES = EVENT_OUTCOMES as Partial<Record<EventType, readonly string[]>>;
/** Events that record a decision and must say what it was. */
const NEEDS_OUTCOME: ReadonlySet<EventType> = new Set(['change-board-vote', 'authority-decision']);
const SOLUTIONS = ['proposed', 'alternative'] as const;

export const RECORD_SPEC: CommandSpec = {
  usage: 'npm run record --',
  positionals: [
    { name: 'modification', help: 'its id (SECMP0009) or an alias (MP009), in any case' },
    { name: 'event', help: 'what happened: one of the event types listed above' },
  ],
  description: [
    'Appends an event to a modification’s timeline (the events: list of its file), checks the',
    'result with the same checks as npm run check, and writes it only if it is valid. The rest',
    'of the file is left exactly as it was. The stage of the modification follows from its',
    'events: it is never written.',
    '',
    'Event types:',
    ...EVENT_TYPES.map(
      (t) =>
        `  ${t.padEnd(24)}${EVENT_LABELS[t]}${OUTCOMES[t] ? `\n  ${''.padEnd(24)}--outcome ${OUTCOMES[t]!.join(' | ')}${NEEDS_OUTCOME.has(t) ? ' (required)' : ''}` : ''}`,
    ),
  ],
  options: [
    {
      name: 'date',
      value: 'YYYY-MM-DD',
      help: 'when it happened: a day, a day and time (YYYY-MM-DDTHH:MM, for deadlines)\nor a month (YYYY-MM). Default: the meeting’s day with --meeting,\nelse today in Europe/London',
    },
    {
      name: 'meeting',
      value: 'meeting',
      help: 'where it happened: the meeting’s id (2018-08-10-sec-panel), or its body\nand number ("sec-panel 60", "SEC Panel 60") or day ("tag 2018-09-06")',
    },
    { name: 'outcome', value: 'outcome', help: 'the decision, for the events above that list outcomes' },
    {
      name: 'solution',
      value: 'solution',
      help: 'which solution a vote or decision concerned: proposed or alternative',
    },
    { name: 'summary', value: 'text', help: 'a sentence or two of context (required for a note)' },
    { name: 'dry-run', help: 'show what would be added, write nothing' },
  ],
  examples: [
    'npm run record -- SECMP0057 imr-presented --meeting 2018-08-10-sec-panel --outcome refinement',
    'npm run record -- SECMP0009 dmr-presented --meeting "sec-panel 60"',
    'npm run record -- SECMP0029 change-board-vote --meeting 2018-08-22-change-board --outcome approved',
    'npm run record -- SECMP0005 adoption-window-closes --date 2018-09-06T17:00',
  ],
};

export interface RecordContext {
  corpus: Corpus;
  /** Today in Europe/London: the default date. */
  today: IsoDate;
}

export interface PlannedEvent {
  modification: Entry<Modification>;
  /** The event as written in the file, keys in the content's order. */
  event: Record<string, string>;
  /** “dmr-presented on 14th September 2018 at SEC Panel meeting 60 on 2018-09-14”. */
  description: string;
}

/** The event an editor asks for, checked against the content. */
export function planEvent(
  ctx: RecordContext,
  modificationId: string | undefined,
  typeName: string | undefined,
  values: ParsedOptions,
): PlannedEvent {
  if (!modificationId || !typeName) {
    throw new EditError(
      'give the modification and the event: npm run record -- SECMP0009 dmr-presented [options] (see --help)',
    );
  }
  const modification = resolveModification(ctx.corpus, modificationId);
  const type = typeName.trim().toLowerCase() as EventType;
  if (!EVENT_TYPES.includes(type)) {
    throw new EditError(
      `“${typeName}” is not an event type${didYouMean(type, EVENT_TYPES)} (event types: ${EVENT_TYPES.join(', ')})`,
    );
  }
  const meetingGiven = str(values, 'meeting');
  const meeting = meetingGiven ? resolveMeeting(ctx.corpus, meetingGiven) : undefined;
  const dateGiven = str(values, 'date');
  const date = dateGiven
    ? dateOption('date', dateGiven, { time: true, month: true })
    : meeting
      ? meeting.data.date.slice(0, 10)
      : ctx.today;

  const allowed = OUTCOMES[type];
  const outcomeGiven = str(values, 'outcome');
  let outcome: string | undefined;
  if (outcomeGiven) {
    if (!allowed) throw new EditError(`a ${type} event has no outcome: leave out --outcome`);
    outcome = oneOf('outcome', outcomeGiven, allowed);
  } else if (NEEDS_OUTCOME.has(type)) {
    throw new EditError(`a ${type} event needs --outcome: one of ${allowed!.join(', ')}`);
  }
  const solutionGiven = str(values, 'solution');
  const summary = str(values, 'summary');
  if (type === 'note' && !summary) throw new EditError('a note needs --summary "…"');

  const event: Record<string, string> = { type, date };
  if (meeting) event.meeting = meeting.id;
  if (outcome) event.outcome = outcome;
  if (solutionGiven) event.solution = oneOf('solution', solutionGiven, SOLUTIONS);
  if (summary) event.summary = summary;

  // The same event twice is a slip; two notes on one day are not, unless they say the same.
  const same = modification.data.events.find(
    (e) =>
      (type !== 'note' || e.summary === summary) &&
      e.type === type &&
      e.date === date &&
      (e.meeting?.id ?? undefined) === event.meeting &&
      (e.outcome ?? undefined) === outcome,
  );
  if (same) {
    throw new EditError(
      `${modification.id} already has ${type} on ${date}${meeting ? ` at ${meeting.id}` : ''}: nothing was written`,
    );
  }
  const description =
    `${EVENT_LABELS[type]}${outcome ? `: ${OUTCOME_LABELS[outcome] ?? outcome}` : ''}, ${formatDate(date)}` +
    (meeting ? `, at ${describeMeeting(ctx.corpus, meeting)}` : '');
  return { modification, event, description };
}

/** The file's text with the event appended to its timeline. */
export function withEvent(text: string, planned: PlannedEvent): string {
  return appendToList(
    text,
    'events',
    planned.event,
    planned.modification.filePath ?? planned.modification.id,
  );
}

/** The stage of a modification after an event, and before it, on the event's day. */
export function stageChange(
  ctx: Pick<RecordContext, 'corpus'>,
  planned: PlannedEvent,
): { before: string; after: string } {
  const mod = planned.modification;
  const day = dateKey(planned.event.date!);
  const label = (events: ModificationEvent[]) => {
    const s = stageOf({ events }, day);
    return s ? STAGE_LABELS[s] : UNKNOWN_STAGE_LABEL;
  };
  const current = eventsOf(mod.data, ctx.corpus);
  const added = {
    ...planned.event,
    ...(planned.event.meeting ? { meeting: { collection: 'meetings', id: planned.event.meeting } } : {}),
  } as unknown as ModificationEvent;
  return { before: label(current), after: label([...current, added]) };
}
