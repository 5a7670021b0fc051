/**
 * Item keys, and the editor's exclusions and ordering applied by them.
 *
 * Every item of an issue an editor may leave out or move carries a key: content items by
 * their collection and id (`news/2018-08-newsletter-changes`, `modification/SECMP0005`,
 * `consultation/dcc-bcdr-testing`, `meeting/2018-08-10-sec-panel`, `body/tag`,
 * `designation/5.21`), the fixed blocks by their name (`register`, `calendar`…) and
 * groups by their kind and meeting (`imrs/2018-08-10-sec-panel`).
 */

export const newsKey = (id: string) => `news/${id}`;
export const modificationKey = (id: string) => `modification/${id}`;
export const meetingKey = (id: string) => `meeting/${id}`;
export const bodyKey = (id: string) => `body/${id}`;
export const consultationKey = (id: string) => `consultation/${id}`;
export const designationKey = (version: string) => `designation/${version}`;

export interface Arrangement {
  /** Keys to leave out. */
  exclude: readonly string[];
  /** Keys to put first, in this order. */
  order: readonly string[];
}

/**
 * Applies one section's exclusions and order to each list of the section, and remembers
 * every key it met, so that keys matching nothing can be reported.
 */
export class Arranger {
  readonly #exclude: Set<string>;
  readonly #rank: Map<string, number>;
  /** Every key met in the lists arranged so far. */
  readonly seen = new Set<string>();

  constructor(arrangement: Arrangement) {
    this.#exclude = new Set(arrangement.exclude);
    this.#rank = new Map(arrangement.order.map((key, i) => [key, i]));
  }

  /** Whether an item is left out. Records its key as met. */
  excludes(key: string): boolean {
    this.seen.add(key);
    return this.#exclude.has(key);
  }

  /**
   * The list without its excluded items; items named in `order` come first, in that order;
   * the others keep theirs.
   */
  arrange<T extends { key: string }>(items: readonly T[]): T[] {
    const kept = items.filter((item) => !this.excludes(item.key));
    const rank = (item: T) => this.#rank.get(item.key) ?? Infinity;
    return kept
      .map((item, index) => ({ item, index }))
      .sort((a, b) => rank(a.item) - rank(b.item) || a.index - b.index)
      .map(({ item }) => item);
  }
}

/** Keys an arrangement names that no item of the section has. */
export function unmatchedKeys(
  arrangement: Arrangement,
  seen: ReadonlySet<string>,
): { field: 'exclude' | 'order'; index: number; key: string }[] {
  const out: { field: 'exclude' | 'order'; index: number; key: string }[] = [];
  for (const field of ['exclude', 'order'] as const) {
    arrangement[field].forEach((key, index) => {
      if (!seen.has(key)) out.push({ field, index, key });
    });
  }
  return out;
}
