/**
 * Risk scoring: score = likelihood × impact on the 5×5 matrix used by NHS networks (seed 001).
 * Bands: 1–3 Low, 4–6 Medium, 8–12 High, 15–25 Extreme.
 */
import { readableTextOn } from '../colour';

/** A likelihood or impact rating, 1–5. */
export type RiskRating = 1 | 2 | 3 | 4 | 5;
export const RISK_RATINGS: readonly RiskRating[] = [1, 2, 3, 4, 5];

export const LIKELIHOOD: Readonly<Record<RiskRating, string>> = {
  1: 'Rare',
  2: 'Unlikely',
  3: 'Possible',
  4: 'Likely',
  5: 'Almost certain',
};

export const IMPACT: Readonly<Record<RiskRating, string>> = {
  1: 'Negligible',
  2: 'Minor',
  3: 'Moderate',
  4: 'Major',
  5: 'Catastrophic',
};

export type RiskRatingField = 'likelihood' | 'impact';

/** Thrown when a likelihood or impact is not a whole number from 1 to 5. `field` names which. */
export class RiskRatingError extends RangeError {
  override readonly name = 'RiskRatingError';
  constructor(
    readonly field: RiskRatingField,
    readonly value: unknown,
  ) {
    super(`${field === 'likelihood' ? 'Likelihood' : 'Impact'} must be a whole number from 1 to 5 (got ${describe(value)})`);
  }
}

/** Thrown by `riskBand` for a number that lies in no band (0, 7, 13, 14, 26, 7.5…). */
export class RiskScoreError extends RangeError {
  override readonly name = 'RiskScoreError';
  constructor(readonly value: unknown) {
    super(`${describe(value)} is not a risk score in any band (1–3, 4–6, 8–12, 15–25); use classifyLegacyScore for imported scores`);
  }
}

function describe(value: unknown): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

export function isRiskRating(value: unknown): value is RiskRating {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

/** Throws a `RiskRatingError` naming the field unless `value` is 1–5. */
export function assertRiskRating(field: RiskRatingField, value: unknown): asserts value is RiskRating {
  if (!isRiskRating(value)) throw new RiskRatingError(field, value);
}

/** likelihood × impact, after checking both are whole numbers 1–5. */
export function riskScore(likelihood: number, impact: number): number {
  assertRiskRating('likelihood', likelihood);
  assertRiskRating('impact', impact);
  return likelihood * impact;
}

export type RiskBandId = 'low' | 'medium' | 'high' | 'extreme';
export const RISK_BAND_IDS: readonly RiskBandId[] = ['low', 'medium', 'high', 'extreme'];

export interface RiskBand {
  id: RiskBandId;
  /** `Low`, `Medium`, `High`, `Extreme` */
  label: string;
  /** Lowest and highest score in the band. */
  min: number;
  max: number;
  /** `1–3` */
  range: string;
  /** The required action, e.g. `Urgent action`. */
  action: string;
  /** The longer wording of the seed 001 register key. */
  description: string;
  /** Background colour, `#rrggbb`. */
  colour: string;
  /** Text colour that reads on `colour` (WCAG contrast ≥ 4.5). */
  textColour: string;
}

function band(id: RiskBandId, label: string, min: number, max: number, action: string, description: string, colour: string): RiskBand {
  return { id, label, min, max, range: `${min}–${max}`, action, description, colour, textColour: readableTextOn(colour) };
}

/** The four bands, with NHS identity colours (green, warm yellow, orange, red). */
export const RISK_BANDS: Readonly<Record<RiskBandId, RiskBand>> = {
  low: band('low', 'Low', 1, 3, 'No action required; re-assess if anything changes', 'No action (re-assess if any changes)', '#007f3b'),
  medium: band('medium', 'Medium', 4, 6, 'Act within a reasonable time', 'Action to reduce risk within reasonable timescale', '#ffb81c'),
  high: band('high', 'High', 8, 12, 'Urgent action', 'Urgent action to remove or reduce risk', '#ed8b00'),
  extreme: band('extreme', 'Extreme', 15, 25, 'Immediate action', 'Immediate action to remove or reduce risk', '#d5281b'),
};

/** The band of a score; throws a `RiskScoreError` for a number in no band (see `classifyLegacyScore`). */
export function riskBand(score: number): RiskBand {
  if (typeof score === 'number' && Number.isInteger(score)) {
    for (const id of RISK_BAND_IDS) {
      const b = RISK_BANDS[id];
      if (score >= b.min && score <= b.max) return b;
    }
  }
  throw new RiskScoreError(score);
}

/** The band of a likelihood and impact pair. */
export function riskBandOf(likelihood: number, impact: number): RiskBand {
  return riskBand(riskScore(likelihood, impact));
}

/** Every score that is likelihood × impact for some pair of 1–5 ratings. */
export const PRODUCT_SCORES: readonly number[] = [...new Set(RISK_RATINGS.flatMap((l) => RISK_RATINGS.map((i) => l * i)))].sort((a, b) => a - b);

/** Is it l × i for some 1–5 pair? (1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 25) */
export function isProductScore(score: unknown): score is number {
  return typeof score === 'number' && PRODUCT_SCORES.includes(score);
}

/** The likelihood × impact pairs that give a score (for explaining a legacy value). */
export function factorPairs(score: number): { likelihood: RiskRating; impact: RiskRating }[] {
  return RISK_RATINGS.flatMap((likelihood) =>
    RISK_RATINGS.filter((impact) => likelihood * impact === score).map((impact) => ({ likelihood, impact })),
  );
}

export interface LegacyScore {
  /** The number read (NaN when nothing numeric could be read). */
  value: number;
  /** Nearest sensible band, or null when none can be given (not a number, outside 1–25, not whole). */
  band: RiskBandId | null;
  /** True when the value is not a likelihood × impact product, and so must be kept as a legacy value. */
  legacy: boolean;
  reason: string;
}

/**
 * Classifies a score imported from an old register. Scores that are products of two 1–5 ratings are
 * ordinary (`legacy: false`). Others (seed 001 has a 7) are kept as legacy values: a number inside a
 * band's range (11, 18…) gets that band; one in a gap between bands (7, 13, 14) gets the nearer band,
 * and the higher one on a tie (7 → High), because a risk should not be under-rated by a guess.
 */
export function classifyLegacyScore(input: number | string): LegacyScore {
  const value = typeof input === 'number' ? input : typeof input === 'string' && input.trim() !== '' ? Number(input.trim()) : NaN;
  if (!Number.isFinite(value)) {
    return { value: NaN, band: null, legacy: true, reason: `${describe(input)} is not a number` };
  }
  if (isProductScore(value)) {
    const pairs = factorPairs(value)
      .map((p) => `${p.likelihood}×${p.impact}`)
      .join(', ');
    return { value, band: riskBand(value).id, legacy: false, reason: `A likelihood × impact score (${pairs})` };
  }
  if (!Number.isInteger(value)) {
    return { value, band: null, legacy: true, reason: `${value} is not a whole number, so it cannot be a likelihood × impact score` };
  }
  if (value < 1 || value > 25) {
    return { value, band: null, legacy: true, reason: `${value} is outside the 1–25 range of a 5×5 matrix` };
  }
  const inside = RISK_BAND_IDS.find((id) => value >= RISK_BANDS[id].min && value <= RISK_BANDS[id].max);
  if (inside) {
    return {
      value,
      band: inside,
      legacy: true,
      reason: `${value} is not likelihood × impact on a 5×5 matrix; it lies in the ${RISK_BANDS[inside].label} range (${RISK_BANDS[inside].range})`,
    };
  }
  // In a gap between two bands: the nearer one, the higher one on a tie.
  const below = [...RISK_BAND_IDS].reverse().find((id) => RISK_BANDS[id].max < value) as RiskBandId;
  const above = RISK_BAND_IDS.find((id) => RISK_BANDS[id].min > value) as RiskBandId;
  const chosen = value - RISK_BANDS[below].max < RISK_BANDS[above].min - value ? below : above;
  const tie = value - RISK_BANDS[below].max === RISK_BANDS[above].min - value;
  return {
    value,
    band: chosen,
    legacy: true,
    reason:
      `${value} is not likelihood × impact on a 5×5 matrix and falls between ${RISK_BANDS[below].label} (${RISK_BANDS[below].range}) ` +
      `and ${RISK_BANDS[above].label} (${RISK_BANDS[above].range}); treated as ${RISK_BANDS[chosen].label}` +
      (tie ? ' (equally near both; the higher band is taken)' : ' (the nearer band)') +
      '. Re-score it with a likelihood and an impact.',
  };
}

export interface RiskAssessment {
  likelihood: RiskRating;
  impact: RiskRating;
  score: number;
  band: RiskBand;
}

/** Score and band for a likelihood and impact pair (validating both). */
export function assessRisk(likelihood: number, impact: number): RiskAssessment {
  const score = riskScore(likelihood, impact);
  return { likelihood: likelihood as RiskRating, impact: impact as RiskRating, score, band: riskBand(score) };
}

export interface HeatMapCell {
  likelihood: RiskRating;
  impact: RiskRating;
  likelihoodLabel: string;
  impactLabel: string;
  score: number;
  band: RiskBandId;
  /** How many of the given risks sit in this cell (0 when no risks were given). */
  count: number;
}

/**
 * The 5×5 grid as it is drawn (seed 001): rows from likelihood 5 (Almost certain) at the top down to 1
 * (Rare), and in each row impact 1 (Negligible) to 5 (Catastrophic) left to right. Pass risks to count
 * them per cell; ratings outside 1–5 are not counted.
 */
export function heatMapCells(risks: ReadonlyArray<{ likelihood: number; impact: number }> = []): HeatMapCell[][] {
  return [...RISK_RATINGS].reverse().map((likelihood) =>
    RISK_RATINGS.map((impact) => {
      const score = likelihood * impact;
      return {
        likelihood,
        impact,
        likelihoodLabel: LIKELIHOOD[likelihood],
        impactLabel: IMPACT[impact],
        score,
        band: riskBand(score).id,
        count: risks.filter((r) => r.likelihood === likelihood && r.impact === impact).length,
      };
    }),
  );
}
