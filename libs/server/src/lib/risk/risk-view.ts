import type { RiskHeatMapCellDto, RiskScoreDto } from '@plexus/contracts';
import { classifyLegacyScore, heatMapCells, riskBand, type IsoDate } from '@plexus/domain';
import type { Risk } from './risk.entity';
import { RiskScoreChange, type RiskScoreSource } from './risk-score-change.entity';

/** Score, band and legacy flag for one side (before or after mitigation) of a risk. */
export function scoreView(likelihood: number | null, impact: number | null, legacy: number | null): RiskScoreDto {
  if (likelihood != null && impact != null) {
    const score = likelihood * impact;
    return { likelihood, impact, score, band: riskBand(score).id, legacy: null };
  }
  if (legacy != null) {
    const c = classifyLegacyScore(legacy);
    const reason = c.legacy
      ? c.reason
      : `Imported from an old register as a score of ${legacy} without likelihood and impact; re-score it at the next review`;
    return { likelihood: null, impact: null, score: legacy, band: c.band, legacy: { value: legacy, reason } };
  }
  return { likelihood: null, impact: null, score: null, band: null, legacy: null };
}

export function beforeOf(r: Pick<Risk, 'likelihoodBefore' | 'impactBefore' | 'legacyScoreBefore'>): RiskScoreDto {
  return scoreView(r.likelihoodBefore, r.impactBefore, r.legacyScoreBefore);
}

/** The current score is the after-mitigation one; without it, the risk stands as it was before mitigation. */
export function currentOf(
  r: Pick<Risk, 'likelihoodBefore' | 'impactBefore' | 'legacyScoreBefore' | 'likelihoodAfter' | 'impactAfter' | 'legacyScoreAfter'>,
): RiskScoreDto {
  const after = scoreView(r.likelihoodAfter, r.impactAfter, r.legacyScoreAfter);
  return after.score != null ? after : beforeOf(r);
}

/** A snapshot of a risk's scores as they stand, for its history. */
export function scoreChange(r: Risk, source: RiskScoreSource, effectiveOn: string, actorUserId: string | null = null): RiskScoreChange {
  return Object.assign(new RiskScoreChange(), {
    networkId: r.networkId,
    riskId: r.id,
    effectiveOn,
    source,
    likelihoodBefore: r.likelihoodBefore,
    impactBefore: r.impactBefore,
    legacyScoreBefore: r.legacyScoreBefore,
    likelihoodAfter: r.likelihoodAfter,
    impactAfter: r.impactAfter,
    legacyScoreAfter: r.legacyScoreAfter,
    actorUserId,
  });
}

export function isOverdue(r: Pick<Risk, 'status' | 'nextReviewDue'>, today: IsoDate): boolean {
  return r.status === 'open' && r.nextReviewDue != null && r.nextReviewDue < today;
}

/** ISO date plus whole months, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function formatReference(prefix: string, n: number): string {
  return `${prefix}/${String(n).padStart(2, '0')}`;
}

/** The 5×5 heat map of open risks: counts and ids per cell; legacy-only scores cannot be placed. */
export function heatMap(risks: Risk[]): {
  current: RiskHeatMapCellDto[][];
  before: RiskHeatMapCellDto[][];
  unplaced: { current: number; before: number };
} {
  const open = risks.filter((r) => r.status === 'open');
  const side = (pick: (r: Risk) => RiskScoreDto) => {
    const placed = open.map((r) => ({ r, s: pick(r) })).filter((x) => x.s.likelihood != null && x.s.impact != null);
    const grid = heatMapCells(placed.map((x) => ({ likelihood: x.s.likelihood as number, impact: x.s.impact as number }))).map((row) =>
      row.map((cell) => ({
        likelihood: cell.likelihood,
        impact: cell.impact,
        score: cell.score,
        band: cell.band,
        count: cell.count,
        riskIds: placed.filter((x) => x.s.likelihood === cell.likelihood && x.s.impact === cell.impact).map((x) => x.r.id),
      })),
    );
    return { grid, unplaced: open.length - placed.length };
  };
  const current = side(currentOf);
  const before = side(beforeOf);
  return { current: current.grid, before: before.grid, unplaced: { current: current.unplaced, before: before.unplaced } };
}
