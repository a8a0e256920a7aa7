import type { ComplianceDto } from '@plexus/contracts';
import { SELF_ASSESSMENT_STATE_LABELS, type SelfAssessmentState } from '@plexus/domain';

/** NHS tag colours by state: what is still owed stands out. */
export function selfAssessmentStateTag(state: SelfAssessmentState, overdue = false): { text: string; tagClass: string } {
  const text = SELF_ASSESSMENT_STATE_LABELS[state];
  if (overdue) return { text: `${text} – overdue`, tagClass: 'nhsuk-tag--red' };
  return { text, tagClass: state === 'submitted' ? 'nhsuk-tag--green' : state === 'draft' ? 'nhsuk-tag--blue' : 'nhsuk-tag--grey' };
}

/** The band of a heat map cell, by per cent met: `none` when nothing applies. Colour always comes with its text. */
export type HeatBand = 'high' | 'mid' | 'low' | 'none';

export function heatBand(c: ComplianceDto): HeatBand {
  if (c.percent === null) return 'none';
  if (c.percent >= 80) return 'high';
  if (c.percent >= 50) return 'mid';
  return 'low';
}

/** What a heat map cell says: "75%" with "3 of 4 met", or "Not applicable"; "(2 not answered)" when some are not. */
export function heatCellText(c: ComplianceDto): { main: string; detail: string } {
  if (c.percent === null) return { main: 'N/A', detail: 'No applicable measures' };
  const unanswered = c.unanswered ? `, ${c.unanswered} not answered` : '';
  return { main: `${c.percent}%`, detail: `${c.met} of ${c.applicable} met${unanswered}` };
}

/** Words for a heat band, for the key and screen readers. */
export const HEAT_BAND_LABELS: Record<HeatBand, string> = {
  high: '80% or more met',
  mid: '50% to 79% met',
  low: 'Under 50% met',
  none: 'No applicable measures',
};
