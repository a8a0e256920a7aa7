import { PAPER_PURPOSE_LABELS, PAPER_PURPOSES } from '@plexus/contracts';
import { riskRegisterSample } from '../risk-register/risk-register.sample';
import { SAMPLE_BRAND, SAMPLE_DATE, SAMPLE_NETWORK } from '../shared/shared.sample';
import { documentViewModel, type DocumentViewModel } from '../shared/view-model';

/** A board paper: the cover sheet, and (unless `coverOnly`) a risk register report after it. */
export function boardPaperSample(coverOnly = false): DocumentViewModel {
  const body = coverOnly
    ? { sections: [], facts: [] }
    : {
        sections: riskRegisterSample(8).doc.sections.map(({ title, partial, data }) => ({ title, partial, data })),
        facts: [{ label: 'Open risks', value: '8' }],
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
