/**
 * The Modifications Register's view state in a URL query, so a filtered, sorted view has a
 * permalink: `?stage=refinement&path=self-governance&party=dcc&q=firmware&sort=raised&order=desc`.
 * Unknown or invalid values are ignored, never an error.
 *
 * The vocabularies of paths and parties are passed in (from `src/schemas` on the server, from
 * the filter form in the browser), so the browser script does not bundle the schema library.
 */
import type { ImpactedParty, ModificationPath } from '../../schemas/index.ts';
import type { RegisterFilter, SortKey } from '../register.ts';
import { SORT_KEYS } from '../register.ts';
import { STAGES } from '../stage.ts';

export interface RegisterView {
  filter: RegisterFilter;
  sort: SortKey;
  order: 'asc' | 'desc';
}

export const DEFAULT_VIEW: RegisterView = { filter: {}, sort: 'id', order: 'asc' };

const oneOf = <T extends string>(values: readonly T[], v: string | null): T | undefined =>
  v !== null && (values as readonly string[]).includes(v) ? (v as T) : undefined;

export interface Vocabulary {
  paths: readonly ModificationPath[];
  parties: readonly ImpactedParty[];
}

export function parseRegisterQuery(search: string | URLSearchParams, vocabulary: Vocabulary): RegisterView {
  const p = typeof search === 'string' ? new URLSearchParams(search) : search;
  const q = p.get('q')?.trim();
  const filter: RegisterFilter = {};
  const stage = oneOf([...STAGES, 'unknown'] as const, p.get('stage'));
  const path = oneOf(vocabulary.paths, p.get('path'));
  const party = oneOf(vocabulary.parties, p.get('party'));
  if (stage) filter.stage = stage;
  if (path) filter.path = path;
  if (party) filter.party = party;
  if (q) filter.q = q;
  return {
    filter,
    sort: oneOf(SORT_KEYS, p.get('sort')) ?? DEFAULT_VIEW.sort,
    order: p.get('order') === 'desc' ? 'desc' : 'asc',
  };
}

/** The query for a view, `''` for the default view; parameters in a fixed order. */
export function registerQuery(view: RegisterView): string {
  const p = new URLSearchParams();
  const { stage, path, party, q } = view.filter;
  if (stage) p.set('stage', stage);
  if (path) p.set('path', path);
  if (party) p.set('party', party);
  if (q?.trim()) p.set('q', q.trim());
  if (view.sort !== DEFAULT_VIEW.sort || view.order !== DEFAULT_VIEW.order) {
    p.set('sort', view.sort);
    if (view.order !== 'asc') p.set('order', view.order);
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Whether any filter is set. */
export function isFiltered(view: RegisterView): boolean {
  return Object.values(view.filter).some((v) => v !== undefined && v !== '');
}
