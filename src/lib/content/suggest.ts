import { distance } from 'fastest-levenshtein';

/**
 * The candidate closest to a misspelt word, if it is close enough to be what was meant
 * (at most a third of its letters differ, case aside).
 */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  const w = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const d = distance(w, c.toLowerCase());
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  return bestDistance <= Math.max(1, Math.floor(Math.max(w.length, best.length) / 3))
    ? best
    : undefined;
}

/** `; did you mean “title”?` or nothing. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const c = closest(word, candidates);
  return c ? `; did you mean “${c}”?` : '';
}
