import { distance } from 'fastest-levenshtein';

/** Levenshtein distance, counting one swap of neighbouring letters (`titel`) as one slip. */
function slips(a: string, b: string): number {
  const d = distance(a, b);
  if (d === 2 && a.length === b.length) {
    const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
    if (
      diff.length === 2 &&
      diff[1] === diff[0]! + 1 &&
      a[diff[0]!] === b[diff[1]!] &&
      a[diff[1]!] === b[diff[0]!]
    )
      return 1;
  }
  return d;
}

const digitsOf = (s: string) => (s.match(/\d+/g) ?? []).map((d) => d.replace(/^0+(?=\d)/, '')).join(',');

/**
 * The candidate closest to a misspelt word, if it is close enough to be what was meant
 * (at most a third of its letters differ, case aside). Where the numbers in the two differ
 * (`SECMP0100` and `SECMP0005`), only a one-letter slip counts: another number is another
 * entry, not a spelling of this one.
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  const wordDigits = digitsOf(w);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const lower = c.toLowerCase();
    const d = slips(w, lower);
    if (d > 1 && digitsOf(lower) !== wordDigits) continue;
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  return bestDistance <= Math.max(1, Math.floor(Math.max(w.length, best.length) / 3)) ? best : undefined;
}

/** `; did you mean “title”?` or nothing. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const c = closest(word, candidates);
  return c ? `; did you mean “${c}”?` : '';
}
