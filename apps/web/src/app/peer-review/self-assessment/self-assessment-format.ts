import type { ComplianceDto } from '@plexus/contracts';
import { COMPLIANCE_BAND_INFO, complianceBand, SELF_ASSESSMENT_STATE_LABELS, type ComplianceBand, type SelfAssessmentState } from '@plexus/domain';

/** NHS tag colours by state: what is still owed stands out. */
export function selfAssessmentStateTag(state: SelfAssessmentState, overdue = false): { text: string; tagClass: string } {
  const text = SELF_ASSESSMENT_STATE_LABELS[state];
  if (overdue) return { text: `${text} – overdue`, tagClass: 'nhsuk-tag--red' };
  return { text, tagClass: state === 'submitted' ? 'nhsuk-tag--green' : state === 'draft' ? 'nhsuk-tag--blue' : 'nhsuk-tag--grey' };
}

/** The band of a heat map cell, by per cent met (the domain's rule, as the PDFs band it): `none` when nothing applies. Colour always comes with its text. */
export type HeatBand = ComplianceBand;

export function heatBand(c: ComplianceDto): HeatBand {
  return complianceBand(c.percent);
}

/** What a heat map cell says: "75%" with "3 of 4 met", or "Not applicable"; "(2 not answered)" when some are not. */
export function heatCellText(c: ComplianceDto): { main: string; detail: string } {
  if (c.percent === null) return { main: 'N/A', detail: 'No applicable measures' };
  const unanswered = c.unanswered ? `, ${c.unanswered} not answered` : '';
  return { main: `${c.percent}%`, detail: `${c.met} of ${c.applicable} met${unanswered}` };
}

/** Words for a heat band, for the key and screen readers. */
export const HEAT_BAND_LABELS: Record<HeatBand, string> = {
  high: COMPLIANCE_BAND_INFO.high.label,
  mid: COMPLIANCE_BAND_INFO.mid.label,
  low: COMPLIANCE_BAND_INFO.low.label,
  none: COMPLIANCE_BAND_INFO.none.label,
};
