import { PAPER_PURPOSE_LABELS, PAPER_PURPOSES } from '@plexus/contracts';
import { progressSample } from '../progress/progress.sample';
import { riskRegisterSample } from '../risk-register/risk-register.sample';
import { SAMPLE_BRAND, SAMPLE_DATE, SAMPLE_NETWORK } from '../shared/shared.sample';
import { documentViewModel, type DocumentViewModel } from '../shared/view-model';

/** A board paper: the cover sheet, and (unless `coverOnly`) a risk register report, or a progress report on the plan, after it. */
export function boardPaperSample(coverOnly = false, carries: 'risk_register' | 'progress' = 'risk_register'): DocumentViewModel {
  const report = carries === 'progress' ? progressSample(9) : riskRegisterSample(8);
  const body = coverOnly
    ? { sections: [], facts: [] }
    : {
        sections: report.doc.sections.map(({ title, partial, data, follow }) => ({ title, partial, data, ...(follow ? { follow } : {}) })),
        facts: carries === 'progress' ? report.doc.facts : [{ label: 'Open risks', value: '8' }],
      };
  return documentViewModel(
    'board_paper',
    { network: SAMPLE_NETWORK, brand: SAMPLE_BRAND, todayLong: SAMPLE_DATE },
    {
      title: 'Spinal network risks: quarterly assurance',
      subtitle: 'Network Board, 3 December 2026 · Paper G',
      facts: [{ label: 'Author', value: 'Alex Morgan' }, ...body.facts],
      sections: body.sections,
      coverSheet: {
        meta: [
          { label: 'Meeting', value: 'Network Board, 3 December 2026' },
          { label: 'Paper', value: 'Paper G' },
          { label: 'Author', value: 'Alex Morgan, Network Manager' },
        ],
        data: {
          purposes: PAPER_PURPOSES.map((p) => {
            const [label, description] = PAPER_PURPOSE_LABELS[p].split(' — ');
            return { label, description, selected: p === 'assurance' };
          }),
          previous: [{ meeting: 'Clinical Governance Group', date: 'October 2026', outcome: 'Recommended to the board' }],
          executiveSummary: 'Two risks moved down a band this quarter.\nOne review is <b>overdue</b>.',
          recommendation: 'The board is asked to take assurance from the progress made, and to <approve> the revised target for item 2.1.',
          report: coverOnly ? null : { title: carries === 'progress' ? 'Progress report' : 'Risk register report', facts: body.facts },
          questions: ['Does the board accept the revised scores?'],
          priorities: [{ priority: 'Timely transfer to the specialist centre', link: 'Yes' }],
          equalityImpact: 'Not stated',
          publicInvolvement: 'Not stated',
          risks: [{ reference: 'SN/02', description: 'PROMS data collection', score: 'score 12' }],
          nextPaperDate: 'March 2027',
        },
      },
    },
  );
}
