/**
 * The answer scales of a self-assessment against a standard set (issue 9). A criterion is answered on one of two
 * scales: Red / Amber / Green (the RAG column of seed 001's assessment tool) or Met / Partially met / Not met /
 * Not applicable (national measures). Compliance is reported as "N of M applicable measures met (x%)", measures
 * marked not applicable left out (domain.md). Colour is never the only signal: every answer has a label and a
 * meaning in words.
 */

export const ASSESSMENT_SCALE_IDS = ['rag', 'met'] as const;
export type AssessmentScaleId = (typeof ASSESSMENT_SCALE_IDS)[number];

export const RAG_ANSWERS = ['green', 'amber', 'red'] as const;
export type RagAnswer = (typeof RAG_ANSWERS)[number];

export const MET_ANSWERS = ['met', 'partially_met', 'not_met', 'not_applicable'] as const;
export type MetAnswer = (typeof MET_ANSWERS)[number];

export type AssessmentAnswer = RagAnswer | MetAnswer;

/** What an answer counts as in a compliance summary, whatever its scale. */
export type AnswerOutcome = 'met' | 'partially_met' | 'not_met' | 'not_applicable';

export interface AssessmentAnswerInfo<A extends AssessmentAnswer = AssessmentAnswer> {
  value: A;
  /** `Green`, `Partially met`… */
  label: string;
  /** One or two letters for tight table cells: G, A, R; M, PM, NM, N/A. */
  letter: string;
  /** What it means, in words (for RAG) or a fuller sentence (for Met…). */
  meaning: string;
  outcome: AnswerOutcome;
}

export interface AssessmentScale<A extends AssessmentAnswer = AssessmentAnswer> {
  id: AssessmentScaleId;
  /** `Red / Amber / Green` */
  label: string;
  /** Best first. */
  answers: ReadonlyArray<AssessmentAnswerInfo<A>>;
}

const RAG_SCALE: AssessmentScale<RagAnswer> = {
  id: 'rag',
  label: 'Red / Amber / Green',
  answers: [
    { value: 'green', label: 'Green', letter: 'G', meaning: 'Met: the evidence shows the criterion is in place', outcome: 'met' },
    { value: 'amber', label: 'Amber', letter: 'A', meaning: 'Partly met: in place in part, or with gaps being closed', outcome: 'partially_met' },
    { value: 'red', label: 'Red', letter: 'R', meaning: 'Not met: not in place, or no evidence', outcome: 'not_met' },
  ],
};

const MET_SCALE: AssessmentScale<MetAnswer> = {
  id: 'met',
  label: 'Met / Partially met / Not met / Not applicable',
  answers: [
    { value: 'met', label: 'Met', letter: 'M', meaning: 'The evidence shows the measure is met in full', outcome: 'met' },
    { value: 'partially_met', label: 'Partially met', letter: 'PM', meaning: 'Met in part, or not yet consistently', outcome: 'partially_met' },
    { value: 'not_met', label: 'Not met', letter: 'NM', meaning: 'Not met, or no evidence', outcome: 'not_met' },
    {
      value: 'not_applicable',
      label: 'Not applicable',
      letter: 'N/A',
      meaning: 'Does not apply to this organisation: left out of compliance',
      outcome: 'not_applicable',
    },
  ],
};

/** Both scales, by id. */
export const ASSESSMENT_SCALES: Readonly<{ rag: AssessmentScale<RagAnswer>; met: AssessmentScale<MetAnswer> }> = { rag: RAG_SCALE, met: MET_SCALE };

export function isAssessmentScaleId(value: unknown): value is AssessmentScaleId {
  return typeof value === 'string' && (ASSESSMENT_SCALE_IDS as readonly string[]).includes(value);
}

/** The answers a scale takes, best first. */
export function scaleAnswers(scale: AssessmentScaleId): readonly AssessmentAnswer[] {
  return ASSESSMENT_SCALES[scale].answers.map((a) => a.value);
}

/** Whether `answer` is one of `scale`'s answers (`green` is not a Met… answer, `met` is not a RAG one). */
export function isAnswerOf(scale: AssessmentScaleId, answer: unknown): answer is AssessmentAnswer {
  return typeof answer === 'string' && (scaleAnswers(scale) as readonly string[]).includes(answer);
}

/** Label, letter, meaning and outcome of one answer on its scale; throws for an answer the scale does not take. */
export function answerInfo(scale: AssessmentScaleId, answer: AssessmentAnswer): AssessmentAnswerInfo {
  const found = (ASSESSMENT_SCALES[scale].answers as ReadonlyArray<AssessmentAnswerInfo>).find((a) => a.value === answer);
  if (!found) throw new RangeError(`"${String(answer)}" is not an answer on the ${ASSESSMENT_SCALES[scale].label} scale`);
  return found;
}

export interface ComplianceSummary {
  /** Answers that count as met (Green, Met). */
  met: number;
  partiallyMet: number;
  notMet: number;
  notApplicable: number;
  /** Criteria not answered yet: they count against compliance (applicable until said otherwise). */
  unanswered: number;
  /** Every criterion but those marked not applicable. */
  applicable: number;
  /** Whole per cent of applicable measures met, or null when none is applicable. */
  percent: number | null;
  /** `12 of 20 applicable measures met (60%)` */
  text: string;
}

/**
 * Compliance with a standard set: "N of M applicable measures met (x%)". Measures answered not applicable are left
 * out; unanswered ones count as applicable and not met. Percentages are rounded down, so 100% means every one met.
 */
export function complianceSummary(scale: AssessmentScaleId, answers: ReadonlyArray<AssessmentAnswer | null | undefined>): ComplianceSummary {
  const s = { met: 0, partiallyMet: 0, notMet: 0, notApplicable: 0, unanswered: 0 };
  for (const answer of answers) {
    if (answer === null || answer === undefined) {
      s.unanswered++;
      continue;
    }
    const outcome = answerInfo(scale, answer).outcome;
    if (outcome === 'met') s.met++;
    else if (outcome === 'partially_met') s.partiallyMet++;
    else if (outcome === 'not_met') s.notMet++;
    else s.notApplicable++;
  }
  const applicable = answers.length - s.notApplicable;
  const percent = applicable > 0 ? Math.floor((s.met * 100) / applicable) : null;
  const measures = applicable === 1 ? 'applicable measure' : 'applicable measures';
  const text = applicable > 0 ? `${s.met} of ${applicable} ${measures} met (${percent}%)` : 'No applicable measures';
  return { ...s, applicable, percent, text };
}

/**
 * The band of a compliance figure, for a heat map of organisations × sections: 80% or more met, 50% to 79%, under 50%,
 * or none applicable. The colour (pale NHS green, yellow, red, grey) always comes with the per cent and counts in words.
 */
export const COMPLIANCE_BANDS = ['high', 'mid', 'low', 'none'] as const;
export type ComplianceBand = (typeof COMPLIANCE_BANDS)[number];

export const COMPLIANCE_BAND_INFO: Readonly<Record<ComplianceBand, { label: string; colour: string; textColour: string }>> = {
  high: { label: '80% or more met', colour: '#cce2d8', textColour: '#212b32' },
  mid: { label: '50% to 79% met', colour: '#fff2b3', textColour: '#212b32' },
  low: { label: 'Under 50% met', colour: '#f6d7d2', textColour: '#212b32' },
  none: { label: 'No applicable measures', colour: '#f0f4f5', textColour: '#212b32' },
};

export function complianceBand(percent: number | null): ComplianceBand {
  if (percent === null) return 'none';
  if (percent >= 80) return 'high';
  if (percent >= 50) return 'mid';
  return 'low';
}
