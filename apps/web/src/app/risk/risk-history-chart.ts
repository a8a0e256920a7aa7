import type { RiskScoreDto, RiskScorePointDto } from '@plexus/contracts';
import { RISK_BAND_IDS, RISK_BANDS, type RiskBand } from '@plexus/domain';
import { bandOf, bandOfScore } from './risk-format';

/**
 * The data of the small line chart of a risk's current score over time: points placed left to right
 * in date order (evenly spaced, so that close dates stay readable), on a 0–25 scale over stripes of
 * the four bands. The page draws it as SVG and shows the same points as a table for screen readers.
 */

export const SOURCE_LABELS: Readonly<Record<RiskScorePointDto['source'], string>> = {
  registered: 'Registered',
  edited: 'Edited',
  reviewed: 'Reviewed',
  imported: 'Imported',
  closed: 'Closed',
  reopened: 'Re-opened',
};

export interface ChartPoint {
  x: number;
  y: number;
  on: string;
  /** `3 Mar 2025` */
  dateLabel: string;
  /** Whether the date is written under this point (all of them when there is room). */
  showDate: boolean;
  score: number;
  band: RiskBand | null;
  legacy: boolean;
  source: string;
}

export interface ChartStripe {
  band: RiskBand;
  y: number;
  height: number;
  /** Where the band's name is written, at the right of the plot. */
  labelY: number;
}

export interface HistoryChart {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  stripes: ChartStripe[];
  points: ChartPoint[];
  /** The SVG path joining the points. */
  path: string;
  yTicks: Array<{ y: number; value: number }>;
  target: { y: number; value: number } | null;
}

export const CHART_WIDTH = 640;
export const CHART_HEIGHT = 260;
const PLOT = { left: 40, right: CHART_WIDTH - 84, top: 12, bottom: CHART_HEIGHT - 40 };
const MAX_SCORE = 25;
/** Where one band's stripe ends and the next begins: halfway across the gaps in the scores (3|4, 6|8, 12|15). */
const STRIPE_EDGES: Record<(typeof RISK_BAND_IDS)[number], [number, number]> = {
  low: [0, 3.5],
  medium: [3.5, 6.5],
  high: [6.5, 13.5],
  extreme: [13.5, MAX_SCORE],
};
const MAX_DATE_LABELS = 6;

const SHORT_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' });

export function shortDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : SHORT_DATE.format(date);
}

/** The y of a score on the chart (25 at the top, 0 at the bottom). */
export function scoreY(score: number): number {
  const clamped = Math.min(Math.max(score, 0), MAX_SCORE);
  return round(PLOT.bottom - (clamped / MAX_SCORE) * (PLOT.bottom - PLOT.top));
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function bandOfPoint(score: RiskScoreDto): RiskBand | null {
  return bandOf(score.band) ?? bandOfScore(score.score);
}

/** The chart of the current score, or null when no point has a score. */
export function historyChart(history: readonly RiskScorePointDto[], targetScore: number | null = null): HistoryChart | null {
  const scored = history
    .map((point, index) => ({ point, index }))
    .filter(({ point }) => point.current.score != null)
    // By date; points of the same day keep the order the API gave.
    .sort((a, b) => a.point.on.localeCompare(b.point.on) || a.index - b.index)
    .map(({ point }) => point);
  if (!scored.length) return null;

  const width = PLOT.right - PLOT.left;
  const step = scored.length > 1 ? width / (scored.length - 1) : 0;
  const every = Math.ceil(scored.length / MAX_DATE_LABELS);
  const points: ChartPoint[] = scored.map((point, i) => {
    const score = point.current.score as number;
    return {
      x: round(scored.length > 1 ? PLOT.left + i * step : PLOT.left + width / 2),
      y: scoreY(score),
      on: point.on,
      dateLabel: shortDate(point.on),
      showDate: scored.length <= MAX_DATE_LABELS || i === 0 || i === scored.length - 1 || (i % every === 0 && scored.length - 1 - i >= every / 2),
      score,
      band: bandOfPoint(point.current),
      legacy: point.current.legacy != null,
      source: SOURCE_LABELS[point.source] ?? point.source,
    };
  });

  const stripes: ChartStripe[] = RISK_BAND_IDS.map((id) => {
    const [low, high] = STRIPE_EDGES[id];
    const top = scoreY(high);
    const bottom = scoreY(low);
    return { band: RISK_BANDS[id], y: top, height: round(bottom - top), labelY: round((top + bottom) / 2) };
  });

  return {
    width: CHART_WIDTH,
    height: CHART_HEIGHT,
    plot: { ...PLOT },
    stripes,
    points,
    path: points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' '),
    yTicks: [0, 5, 10, 15, 20, 25].map((value) => ({ value, y: scoreY(value) })),
    target: targetScore != null ? { value: targetScore, y: scoreY(targetScore) } : null,
  };
}

/** One sentence for the chart: where the score started and where it is now. */
export function describeHistory(chart: HistoryChart): string {
  const first = chart.points[0];
  const last = chart.points[chart.points.length - 1];
  const label = (p: ChartPoint) => `${p.score}${p.band ? ` (${p.band.label})` : ''} on ${p.dateLabel}`;
  if (chart.points.length === 1) return `Current score ${label(first)}.`;
  return `Current score over time: ${chart.points.length} points, from ${label(first)} to ${label(last)}.`;
}
