/** Designations (SEC versions) as the site lists them, newest first. */
import type { Designation } from '../../schemas/index.ts';
import type { Entry } from '../corpus.ts';

const versionParts = (v: string) => v.split('.').map(Number);

/** Newest first: by date, then by version number (5.21 after 5.3). */
export function designationsByDate(ds: readonly Entry<Designation>[]): Entry<Designation>[] {
  return [...ds].sort((a, b) => {
    const byDate = b.data.date.localeCompare(a.data.date);
    if (byDate) return byDate;
    const [pa, pb] = [versionParts(a.data.version), versionParts(b.data.version)];
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
      const d = (pb[i] ?? 0) - (pa[i] ?? 0);
      if (d) return d;
    }
    return 0;
  });
}

/** The designations that implement a modification, oldest first. */
export function designationsOf(
  ds: readonly Entry<Designation>[],
  modificationId: string,
): Entry<Designation>[] {
  return designationsByDate(
    ds.filter((d) => d.data.modifications.some((r) => r.id === modificationId)),
  ).reverse();
}
