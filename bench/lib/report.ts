/** Summaries of repeated measurements and the Markdown table of results. */

export interface Spread {
  median: number;
  min: number;
  max: number;
  n: number;
}

/** Median (mean of the middle two for an even count), min and max; undefined for no values. */
export function spread(values: readonly number[]): Spread | undefined {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return undefined;
  const mid = Math.floor(v.length / 2);
  const median = v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
  return { median, min: v[0]!, max: v.at(-1)!, n: v.length };
}

/** `12.3 [11.9–13.0]`, or the median alone for a single value; `n/a` for none. */
export function fmtSpread(s: Spread | undefined, digits = 1, scale = 1): string {
  if (!s) return 'n/a';
  const f = (x: number) => (x / scale).toFixed(digits);
  return s.n === 1 || s.min === s.max ? f(s.median) : `${f(s.median)} [${f(s.min)}–${f(s.max)}]`;
}

/** A GitHub-flavoured Markdown table, columns padded for reading as text. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(header), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map(line)].join('\n');
}

/** The `✔ step (12.3 s)` lines `npm run build` prints, from its log. */
export function stepTimes(log: string): Record<string, number> {
  const steps: Record<string, number> = {};
  for (const m of log.matchAll(/^✔ ([a-z][a-z ]*?) \((\d+(?:\.\d+)?) s\)$/gm)) steps[m[1]!] = Number(m[2]);
  return steps;
}

/**
 * The shortest wall time a build's CPU time allows on `cores` cores, however well its steps
 * overlap, and that as a multiple of a peer's wall time; `utilisation` is how busy the cores
 * were in the build as it ran. Undefined when a figure is missing.
 */
export function cpuFloor(
  m: { cpuS?: number | undefined; wallS?: number | undefined; bareWallS?: number | undefined },
  cores: number,
): { cpuS: number; wallS: number; ratio: number; actualWallS: number; utilisation: number } | undefined {
  const { cpuS, wallS: actualWallS, bareWallS } = m;
  if (cpuS === undefined || actualWallS === undefined || bareWallS === undefined || !(cores > 0))
    return undefined;
  const wallS = cpuS / cores;
  return { cpuS, wallS, ratio: wallS / bareWallS, actualWallS, utilisation: wallS / actualWallS };
}

/** One build's figure and its peer's, from the same run; either may be missing (a failed build). */
export type Pair = readonly [number | undefined, number | undefined];

/**
 * The ratios of each pair's first figure to its second, taken within each run, summarised:
 * pairs with a missing figure, or a peer figure of zero, are left out.
 */
export function ratioSpread(pairs: readonly Pair[]): Spread | undefined {
  return spread(pairs.flatMap(([a, b]) => (a !== undefined && b !== undefined && b > 0 ? [a / b] : [])));
}
