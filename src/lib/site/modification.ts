/** What a modification's page shows beyond its own fields. */
import type { Consultation, Designation, Modification, ModificationEvent } from '../../schemas/index.ts';
import { type Corpus, type Entry, indexById } from '../corpus.ts';
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

/** Ids each modification is named as related by, and the entries by id, per list of modifications. */
const relatedIndexes = new WeakMap<
  readonly Entry<Modification>[],
  { byId: Map<string, Entry<Modification>>; namedBy: Map<string, string[]> }
>();

/**
 * Modifications it names as related and those that name it, in id order. The first call for a
 * list of modifications indexes who names whom; the list must not change once asked about.
 */
export function relatedModifications(
  mod: Pick<Modification, 'id' | 'related'>,
  all: readonly Entry<Modification>[],
): Entry<Modification>[] {
  let index = relatedIndexes.get(all);
  if (!index) {
    const namedBy = new Map<string, string[]>();
    for (const other of all) {
      for (const r of other.data.related) {
        const names = namedBy.get(r.id);
        if (!names) namedBy.set(r.id, [other.id]);
        else if (names.at(-1) !== other.id) names.push(other.id);
      }
    }
    relatedIndexes.set(all, (index = { byId: indexById(all), namedBy }));
  }
  const ids = new Set([...mod.related.map((r) => r.id), ...(index.namedBy.get(mod.id) ?? [])]);
  ids.delete(mod.id);
  const { byId } = index;
  return [...ids]
    .filter((id) => byId.has(id))
    .map((id) => byId.get(id)!)
    .sort((a, b) => compareIds(a.id, b.id));
}

/** The part of the context about each modification, per context. */
const contexts = new WeakMap<ModificationContext, Map<string, ModificationContext>>();

/**
 * The designations that implement a modification and the consultations on it, in the
 * context's order: what `eventsOf`, `nextKeyDate`, `consultationsOn` and `designationsOf`
 * look for in the whole context, so each gives the same answer from this one. The first call
 * for a context indexes it by modification; the context must not change once asked about.
 */
export function contextOf(modificationId: string, ctx: ModificationContext): ModificationContext {
  let byModification = contexts.get(ctx);
  if (!byModification) {
    const index = new Map<
      string,
      { consultations: Entry<Consultation>[]; designations: Entry<Designation>[] }
    >();
    const own = (id: string) => {
      let c = index.get(id);
      if (!c) index.set(id, (c = { consultations: [], designations: [] }));
      return c;
    };
    for (const d of ctx.designations) {
      for (const r of d.data.modifications) {
        const list = own(r.id).designations;
        if (list.at(-1) !== d) list.push(d);
      }
    }
    for (const c of ctx.consultations) {
      for (const r of c.data.modifications) {
        const list = own(r.id).consultations;
        if (list.at(-1) !== c) list.push(c);
      }
    }
    contexts.set(ctx, (byModification = index));
  }
  return byModification.get(modificationId) ?? { consultations: [], designations: [] };
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

type MentionCorpus = Pick<Corpus, 'newsletters' | 'news' | 'consultations'>;
type NewsletterEntry = Corpus['newsletters'][number];

interface MentionIndex {
  byId: Map<string, NewsletterEntry>;
  /** Issue ids by the modification id or alias that the issue mentions. */
  byToken: Map<string, Set<string>>;
}

/** Each word of a text (a maximal run of letters, digits and `_`): how `\bSECMP0049\b` sees it. */
const WORDS = /\w+/g;

/**
 * The issues that mention each id, built in one pass over the newsletters, the news and the
 * consultations. A modification id or alias is a single word (`MODIFICATION_ID`), so it is
 * named in a text exactly when it is one of the text's words.
 */
function buildMentionIndex(corpus: MentionCorpus): MentionIndex {
  const byId = new Map(corpus.newsletters.map((n) => [n.id, n]));
  const byToken = new Map<string, Set<string>>();
  const add = (token: string, issue: string) => {
    let issues = byToken.get(token);
    if (!issues) byToken.set(token, (issues = new Set()));
    issues.add(issue);
  };
  const addWords = (text: string | undefined, issue: string) => {
    if (text) for (const [word] of text.matchAll(WORDS)) add(word, issue);
  };
  for (const { id, data, body } of corpus.newsletters) {
    for (const f of data.featured) if ('modification' in f) add(f.modification.id, id);
    addWords(body, id);
  }
  for (const n of corpus.news) {
    const issue = monthOf(n.data.date);
    if (!byId.has(issue)) continue;
    for (const r of n.data.modifications) add(r.id, issue);
    addWords(n.body, issue);
  }
  // Issues by date, so each consultation finds the issues sent while it was open by bisection.
  const dated = corpus.newsletters
    .map((n) => ({ id: n.id, day: n.data.issueDate }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  const firstOnOrAfter = (day: IsoDate) => {
    let lo = 0;
    let hi = dated.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (dated[mid]!.day < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (const c of corpus.consultations) {
    if (c.data.modifications.length === 0) continue;
    const closes = dateKey(c.data.closes);
    for (let i = c.data.opens ? firstOnOrAfter(dateKey(c.data.opens)) : 0; i < dated.length; i++) {
      const { id, day } = dated[i]!;
      if (day > closes) break;
      // The same test the consultation pages use (open from its opening day through its closing day).
      if (isOpen(c.data, day)) for (const r of c.data.modifications) add(r.id, id);
    }
  }
  return { byId, byToken };
}

const mentionIndexes = new WeakMap<MentionCorpus, MentionIndex>();

/**
 * Newsletter issues that mention a modification, oldest first. An issue mentions it when
 * the editor features it or names it in the editorial, when a news item of the issue's
 * month concerns it, when one of its events falls in that month (the Change update reports
 * them), or when a consultation on it is open on the issue date.
 *
 * The first call for a corpus indexes it (kept while the corpus lives); each call after is a
 * lookup. The corpus must not change once asked about.
 */
export function newslettersMentioning(
  mod: Pick<Modification, 'id' | 'aliases' | 'events'>,
  corpus: MentionCorpus,
): Corpus['newsletters'] {
  let index = mentionIndexes.get(corpus);
  if (!index) mentionIndexes.set(corpus, (index = buildMentionIndex(corpus)));
  const issues = new Set<string>();
  for (const id of [mod.id, ...mod.aliases])
    for (const issue of index.byToken.get(id) ?? []) issues.add(issue);
  for (const e of mod.events) if (index.byId.has(monthOf(e.date))) issues.add(monthOf(e.date));
  return [...issues].map((id) => index.byId.get(id)!).sort((a, b) => a.id.localeCompare(b.id));
}
