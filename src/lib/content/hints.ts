/**
 * What to tell an editor who writes a field that does not exist because it is worked out,
 * not written: a modification's stage, an entry's id (its file name).
 */
import type { CollectionName } from '../../schemas/index.ts';

const STAGE =
  'a modification’s stage is derived from its events, never written: remove this line and record what happened as an event (npm run record)';
const NEXT_KEY_DATE =
  'the next key date is derived from the events, consultations and implementation date: remove this line';
const ID_IS_FILE_NAME = 'an entry’s id is its file name: remove this line (rename the file to change the id)';

/** Messages for fields that are derived or implied, by collection. */
export const DERIVED_FIELDS: Partial<Record<CollectionName, Record<string, string>>> = {
  modifications: {
    stage: STAGE,
    status: STAGE,
    currentStage: STAGE,
    phase: STAGE,
    nextKeyDate: NEXT_KEY_DATE,
    keyDate: NEXT_KEY_DATE,
  },
  meetings: { id: ID_IS_FILE_NAME },
  news: { id: ID_IS_FILE_NAME },
  consultations: { id: ID_IS_FILE_NAME },
  designations: { id: 'a designation’s id is its version: remove this line' },
  newsletters: {
    id: ID_IS_FILE_NAME,
    month: 'a newsletter’s month is its file name (YYYY-MM.md): remove this line',
  },
  bodies: { id: ID_IS_FILE_NAME },
  pages: { id: ID_IS_FILE_NAME },
};

/**
 * A date written the British way, `31/08/2018` or `31-08-2018` or `31.08.2018`, as the ISO
 * date the editor meant; undefined if it is not one.
 */
export function isoFromBritish(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const m = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:[ T,]+(\d{1,2})[:.](\d{2}))?\s*$/.exec(value);
  if (!m) return undefined;
  const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined;
  const p = (n: number) => String(n).padStart(2, '0');
  const day = `${y}-${p(mo)}-${p(d)}`;
  return m[4] ? `${day}T${p(Number(m[4]))}:${m[5]}` : day;
}
