import type { ComplianceDto } from '@plexus/contracts';
import { heatBand, heatCellText, selfAssessmentStateTag } from './self-assessment-format';

const compliance = (c: Partial<ComplianceDto>): ComplianceDto => ({
  met: 0,
  partiallyMet: 0,
  notMet: 0,
  notApplicable: 0,
  unanswered: 0,
  applicable: 0,
  percent: null,
  text: '',
  ...c,
});

describe('self-assessment formats', () => {
  it('tags states, overdue ones red', () => {
    expect(selfAssessmentStateTag('submitted')).toEqual({ text: 'Submitted', tagClass: 'nhsuk-tag--green' });
    expect(selfAssessmentStateTag('draft')).toEqual({ text: 'In progress', tagClass: 'nhsuk-tag--blue' });
    expect(selfAssessmentStateTag('not_started', true)).toEqual({ text: 'Not started – overdue', tagClass: 'nhsuk-tag--red' });
  });

  it('bands heat map cells by per cent met and says what each holds in words', () => {
    expect(heatBand(compliance({ percent: 80 }))).toBe('high');
    expect(heatBand(compliance({ percent: 79 }))).toBe('mid');
    expect(heatBand(compliance({ percent: 49 }))).toBe('low');
    expect(heatBand(compliance({ percent: null }))).toBe('none');
    expect(heatCellText(compliance({ percent: 50, met: 2, applicable: 4, unanswered: 1 }))).toEqual({
      main: '50%',
      detail: '2 of 4 met, 1 not answered',
    });
    expect(heatCellText(compliance({}))).toEqual({ main: 'N/A', detail: 'No applicable measures' });
  });
});
