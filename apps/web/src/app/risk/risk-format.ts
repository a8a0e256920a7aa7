import type { RiskScoreDto } from '@plexus/contracts';
import {
  classifyLegacyScore,
  IMPACT,
  isRiskRating,
  LIKELIHOOD,
  PRODUCT_SCORES,
  RISK_BANDS,
  RISK_RATINGS,
  type RiskBand,
  type RiskBandId,
  type RiskRating,
} from '@plexus/domain';

/** NHS tag colours for the bands; the band's name is always written in the tag too. */
export const BAND_TAG_CLASS: Readonly<Record<RiskBandId, string>> = {
  low: 'nhsuk-tag--green',
  medium: 'nhsuk-tag--yellow',
  high: 'nhsuk-tag--orange',
  extreme: 'nhsuk-tag--red',
};

export interface RatingOption {
  readonly value: RiskRating;
  /** `4 – Likely` */
  readonly label: string;
}

export const LIKELIHOOD_OPTIONS: readonly RatingOption[] = RISK_RATINGS.map((value) => ({ value, label: `${value} – ${LIKELIHOOD[value]}` }));
export const IMPACT_OPTIONS: readonly RatingOption[] = RISK_RATINGS.map((value) => ({ value, label: `${value} – ${IMPACT[value]}` }));

/** Target scores a form offers: every likelihood × impact product, with its band. */
export const TARGET_SCORE_OPTIONS: ReadonlyArray<{ value: number; label: string }> = PRODUCT_SCORES.map((value) => ({
  value,
  label: `${value} (${bandOfScore(value)?.label ?? ''})`,
}));

/** `Likely`; a number outside 1–5 (a newer API) is shown as it is. */
export function likelihoodName(value: number | null | undefined): string {
  if (value == null) return '';
  return isRiskRating(value) ? LIKELIHOOD[value] : String(value);
}

export function impactName(value: number | null | undefined): string {
  if (value == null) return '';
  return isRiskRating(value) ? IMPACT[value] : String(value);
}

/** `Likely × Major`: a heat-map cell in words. */
export function cellName(likelihood: number, impact: number): string {
  return `${likelihoodName(likelihood)} × ${impactName(impact)}`;
}

/** The band of any score: exact for a product, the nearest band for a legacy value, null when none fits. */
export function bandOfScore(score: number | null | undefined): RiskBand | null {
  if (score == null) return null;
  const band = classifyLegacyScore(score).band;
  return band ? RISK_BANDS[band] : null;
}

export function bandOf(id: RiskBandId | null | undefined): RiskBand | null {
  return id ? (RISK_BANDS[id] ?? null) : null;
}

/** Score and band of a likelihood and impact being chosen in a form (`''` when not chosen yet). */
export function previewScore(likelihood: string | number | null, impact: string | number | null): { score: number; band: RiskBand } | null {
  const l = Number(likelihood);
  const i = Number(impact);
  if (likelihood === '' || impact === '' || likelihood == null || impact == null || !isRiskRating(l) || !isRiskRating(i)) return null;
  const score = l * i;
  const band = bandOfScore(score);
  return band ? { score, band } : null;
}

/** A select's value as a rating, or undefined (which the zod schema reports as "Choose …"). */
export function ratingFromText(value: string): number | undefined {
  if (value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** "12 – High", or the legacy value with its band, or "No score". */
export function scoreText(score: RiskScoreDto | null | undefined): string {
  if (!score || score.score == null) return 'No score';
  const band = bandOf(score.band);
  return band ? `${score.score} – ${band.label}` : String(score.score);
}

/** "4 – Likely × 3 – Moderate", or '' when the score has no likelihood and impact (a legacy value). */
export function ratingsText(score: RiskScoreDto | null | undefined): string {
  if (!score || score.likelihood == null || score.impact == null) return '';
  return `Likelihood ${score.likelihood} – ${likelihoodName(score.likelihood)}, impact ${score.impact} – ${impactName(score.impact)}`;
}

/** "1 risk", "3 risks". */
export function countRisks(count: number): string {
  return `${count} ${count === 1 ? 'risk' : 'risks'}`;
}

/** Today's date in the UK, `YYYY-MM-DD`, whatever the browser's time zone. */
export function todayIso(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Names of a risk's fields, for import problems and the like. */
export const RISK_FIELD_LABELS: Readonly<Record<string, string>> = {
  reference: 'Reference',
  dateRegistered: 'Date registered',
  identifiedBy: 'Identified by',
  description: 'Description',
  category: 'Category',
  likelihoodBefore: 'Likelihood before mitigation',
  impactBefore: 'Impact before mitigation',
  scoreBefore: 'Score before mitigation',
  mitigation: 'Mitigation',
  mitigationLead: 'Mitigation lead',
  mitigationLeadName: 'Mitigation lead',
  mitigationLeadUserId: 'Mitigation lead',
  likelihoodAfter: 'Likelihood after mitigation',
  impactAfter: 'Impact after mitigation',
  scoreAfter: 'Score after mitigation',
  targetScore: 'Target score',
  outcome: 'Outcome',
  reviewFrequencyMonths: 'Review frequency',
  lastReviewedOn: 'Date last reviewed',
  nextReviewDue: 'Next review date',
  status: 'Status',
};

/** `likelihoodBefore` → "Likelihood before mitigation"; an unknown name is made readable. */
export function riskFieldLabel(field: string): string {
  if (RISK_FIELD_LABELS[field]) return RISK_FIELD_LABELS[field];
  const words = field
    .replace(/[._]/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : field;
}
