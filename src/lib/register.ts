/**
 * The Modifications Register: one row per modification, the same rows for the page, the
 * CSV, the spreadsheet and the JSON. Filtering and sorting live here too.
 */
import type { ImpactedParty, Modification, ModificationPath } from '../schemas/index.ts';
import type { Entry } from './corpus.ts';
import type { IsoDate, When } from './dates.ts';
import {
  eventsOf,
  type KeyDate,
  type ModificationContext,
  nextKeyDate,
  raisedOn,
  type Stage,
  STAGES,
  stageOf,
} from './stage.ts';

export interface RegisterRow {
  /** `SECMP0049`. */
  id: string;
  title: string;
  /** Derived stage; undefined when no event sets one. */
  stage: Stage | undefined;
  path: ModificationPath | undefined;
  proposer: string | undefined;
  /** Date raised, when recorded. */
  raised: When | undefined;
  nextKeyDate: KeyDate | undefined;
  targetRelease: string | undefined;
  implementationDate: IsoDate | undefined;
  /** Parties impacted; undefined until assessed. */
  parties: ImpactedParty[] | undefined;
  /** Whether the DCC is impacted; undefined until assessed. */
  dccImpact: boolean | undefined;
}

/** Number part of an id, for ordering `SECMP0009` before `SECMP0041` and `MP049` after `SECMP0058`. */
function idOrder(id: string): [number, number] {
  const family = id.startsWith('SECMP') ? 0 : id.startsWith('MP') ? 1 : 2;
  return [family, Number(/\d+/.exec(id)?.[0] ?? 0)];
}

export function compareIds(a: string, b: string): number {
  const [fa, na] = idOrder(a);
  const [fb, nb] = idOrder(b);
  return fa - fb || na - nb || a.localeCompare(b);
}

export function registerRows(
  modifications: readonly Entry<Modification>[],
  ctx: ModificationContext,
  asOf: IsoDate,
): RegisterRow[] {
  return modifications
    .map(({ data: m }): RegisterRow => {
      const events = eventsOf(m, ctx);
      return {
        id: m.id,
        title: m.title,
        stage: stageOf({ events }, asOf),
        path: m.path,
        proposer: m.proposer,
        raised: raisedOn(m),
        nextKeyDate: nextKeyDate({ ...m, events }, asOf, ctx.consultations),
        targetRelease: m.targetRelease,
        implementationDate: m.implementationDate,
        parties: m.parties,
        dccImpact: m.dccImpact,
      };
    })
    .sort((a, b) => compareIds(a.id, b.id));
}

export interface RegisterFilter {
  stage?: Stage | 'unknown' | undefined;
  path?: ModificationPath | undefined;
  party?: ImpactedParty | undefined;
  /** Free text matched against id, title and proposer, case and accents aside. */
  q?: string | undefined;
}

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

export function matchesFilter(row: RegisterRow, f: RegisterFilter): boolean {
  if (f.stage && (row.stage ?? 'unknown') !== f.stage) return false;
  if (f.path && row.path !== f.path) return false;
  if (f.party && !(row.parties ?? []).includes(f.party)) return false;
  if (f.q?.trim()) {
    const haystack = fold([row.id, row.title, row.proposer ?? ''].join(' '));
    return fold(f.q)
      .split(/\s+/)
      .filter(Boolean)
      .every((word) => haystack.includes(word));
  }
  return true;
}

export function filterRows(rows: readonly RegisterRow[], f: RegisterFilter): RegisterRow[] {
  return rows.filter((r) => matchesFilter(r, f));
}

export const SORT_KEYS = [
  'id',
  'title',
  'stage',
  'path',
  'raised',
  'nextKeyDate',
  'implementationDate',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];

/** Sorts rows by a column; rows without a value go last whichever the direction. */
export function sortRows(
  rows: readonly RegisterRow[],
  key: SortKey,
  direction: 'asc' | 'desc' = 'asc',
): RegisterRow[] {
  const value = (r: RegisterRow): string | undefined => {
    switch (key) {
      case 'nextKeyDate':
        return r.nextKeyDate?.date;
      case 'id':
        return r.id;
      case 'stage': // in process order, not alphabetical
        return r.stage && String(STAGES.indexOf(r.stage)).padStart(2, '0');
      default:
        return r[key];
    }
  };
  const sign = direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === undefined || vb === undefined) {
      return va === vb ? compareIds(a.id, b.id) : va === undefined ? 1 : -1;
    }
    const c = key === 'id' ? compareIds(va, vb) : va.localeCompare(vb);
    return sign * c || compareIds(a.id, b.id);
  });
}
