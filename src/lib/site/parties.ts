/** SEC Party statistics: the table and the chart of counts by SEC Party Category over time. */
import type { PartyCategory, PartyStats } from '../../schemas/index.ts';
import { PARTY_CATEGORIES } from '../../schemas/index.ts';
import type { Entry } from '../corpus.ts';
import { formatMonth } from '../dates.ts';
import { PARTY_LABELS } from '../labels.ts';

/** Snapshots in month order, oldest first. */
export function statsByMonth(stats: readonly Entry<PartyStats>[]): Entry<PartyStats>[] {
  return [...stats].sort((a, b) => a.data.month.localeCompare(b.data.month));
}

/** All SEC Parties in a snapshot: the sum of its categories. */
export function totalParties(s: Pick<PartyStats, 'counts'>): number {
  return PARTY_CATEGORIES.reduce((sum, c) => sum + s.counts[c], 0);
}

/** Fill colours of the categories: distinct, each at least 4.5:1 against white. */
export const CATEGORY_COLOURS: Record<PartyCategory, string> = {
  'large-suppliers': '#0b3d4f',
  'small-suppliers': '#00857c',
  'electricity-networks': '#b35900',
  'gas-networks': '#5c2d91',
  'other-sec-parties': '#c2185b',
};

export interface ChartBar {
  category: PartyCategory;
  month: string;
  value: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface PartyChart {
  width: number;
  height: number;
  /** The plot area's left and bottom edges. */
  left: number;
  bottom: number;
  right: number;
  bars: ChartBar[];
  /** Month labels, centred under each group of bars. */
  months: { x: number; label: string }[];
  /** Gridlines of the value axis. */
  ticks: { y: number; value: number }[];
  legend: { category: PartyCategory; label: string; colour: string }[];
}

/** A step for the value axis giving 3–6 gridlines: 1, 2, 5 × 10ⁿ. */
export function niceStep(max: number): number {
  if (max <= 0) return 1;
  const raw = max / 4;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
}

/**
 * The geometry of a grouped bar chart: for each of the last `months` snapshots, one bar
 * per SEC Party Category. Pure numbers; the page draws them as SVG.
 */
export function partyChart(stats: readonly Entry<PartyStats>[], months = 12): PartyChart {
  const shown = statsByMonth(stats).slice(-months);
  const [width, height, left, right, top, bottom] = [640, 300, 48, 630, 24, 260];
  const max = Math.max(0, ...shown.flatMap((s) => PARTY_CATEGORIES.map((c) => s.data.counts[c])));
  const step = niceStep(max);
  const top_ = Math.max(step, Math.ceil(max / step) * step);
  const scale = (v: number) => ((bottom - top) * v) / top_;
  const groupWidth = (right - left) / Math.max(1, shown.length);
  const barWidth = Math.min(48, (groupWidth * 0.8) / PARTY_CATEGORIES.length);
  const bars: ChartBar[] = [];
  const monthLabels: PartyChart['months'] = [];
  shown.forEach((s, i) => {
    const centre = left + groupWidth * (i + 0.5);
    const start = centre - (barWidth * PARTY_CATEGORIES.length) / 2;
    PARTY_CATEGORIES.forEach((category, j) => {
      const value = s.data.counts[category];
      const h = scale(value);
      bars.push({
        category,
        month: s.data.month,
        value,
        x: start + j * barWidth,
        y: bottom - h,
        width: barWidth - 2,
        height: h,
      });
    });
    monthLabels.push({ x: centre, label: formatMonth(s.data.month) });
  });
  const ticks: PartyChart['ticks'] = [];
  for (let v = 0; v <= top_; v += step) ticks.push({ y: bottom - scale(v), value: v });
  return {
    width,
    height,
    left,
    right,
    bottom,
    bars,
    months: monthLabels,
    ticks,
    legend: PARTY_CATEGORIES.map((category) => ({
      category,
      label: PARTY_LABELS[category],
      colour: CATEGORY_COLOURS[category],
    })),
  };
}
