import { RISK_BANDS, type Rag } from '@plexus/domain';
import { statusChart } from '../progress/progress.view-model';
import { HEAT_MAP_IMPACT_LABELS, heatGrid } from '../shared/heat-map-view';
import { SAMPLE_BRAND, SAMPLE_DATE, SAMPLE_NETWORK } from '../shared/shared.sample';
import { documentViewModel, type DocumentViewModel } from '../shared/view-model';

const THEMES = ['Capacity & flow', 'Workforce', 'Quality <and> safety'];
const COLUMNS = [
  'Completed in the year',
  'On track',
  'At risk or off track',
  'Slipped or overdue',
  'Not started',
  'Deferred',
  'Completed before the year',
];

/** An annual report for FY 2024/25 as the builder makes it (every section present), for specs and the PDF checks. */
export function annualReportSample(): DocumentViewModel {
  const counts = (i: number) =>
    Object.fromEntries((['red', 'amber', 'green', 'blue', 'grey'] as Rag[]).map((r, j) => [r, (i + j) % 4])) as Record<Rag, number>;
  const themes = THEMES.map((title, i) => ({ title, counts: counts(i) }));
  const risk = (reference: string, movement: string, from: number | string, to: number | string) => ({
    reference,
    description: `Risk ${reference}: capacity <of> the receiving unit`,
    movement,
    from,
    to,
  });
  return documentViewModel(
    'annual_report',
    { network: SAMPLE_NETWORK, brand: SAMPLE_BRAND, todayLong: SAMPLE_DATE },
    {
      title: 'Annual report 2024/25',
      subtitle: "The network's year from 1 April 2024 to 31 March 2025",
      facts: [
        { label: 'Financial year', value: '2024/25 (1 April 2024 – 31 March 2025)' },
        { label: 'Plan', value: 'Work plan 2024/25' },
      ],
      coverSheet: null,
      sections: [
        {
          title: 'Foreword from the chair',
          partial: 'annualNarrative',
          data: { paragraphs: ['A year of <progress> across the network.', 'Thanks to every team.\nAnd to our patients.'] },
        },
        {
          title: 'The network',
          partial: 'annualNetwork',
          data: {
            purpose: ['To improve outcomes for injured patients.'],
            vision: ['The best trauma care in the country.'],
            coreFunctions: ['Service delivery', 'Quality', 'Education'],
            roles: [
              { title: 'Network Clinical Director', person: 'Dr Alex Morgan' },
              { title: 'Network Manager', person: 'Priya Shah' },
            ],
            organisations: [
              { name: 'Northern General Hospital', type: 'Major trauma centre' },
              { name: 'Valley Hospital', type: 'Trauma unit' },
            ],
          },
        },
        {
          title: 'Highlights of the year',
          partial: 'annualNarrative',
          data: { paragraphs: ['Rehabilitation prescriptions for every patient.'] },
          flow: true,
        },
        {
          title: 'Delivery against the plan',
          partial: 'annualDelivery',
          data: {
            intro: 'Work plan 2024/25: where each of its 24 work items stood on 31 March 2025.',
            completedText: '9 of 24 items completed in the year.',
            columns: COLUMNS,
            themes: THEMES.map((title, i) => ({ title, standings: [3, 2, 1, i, 1, 0, 0], total: 7 + i })),
            chart: statusChart(themes),
            slipped: [{ ref: '1.2', work: 'Audit of transfers', original: 'Q2 2024/25', current: 'Q4 2024/25' }],
            notable: [
              { ref: '2.1', work: 'Rehabilitation prescriptions', on: '12 February 2025', author: 'Priya Shah', narrative: 'Live in every unit.' },
            ],
          },
        },
        {
          title: 'Risks over the year',
          partial: 'annualRisks',
          data: {
            intro: 'Open risks on 31 March 2024 and on 31 March 2025, from the history of every score: 6 then, 7 at the end of the year.',
            impactLabels: HEAT_MAP_IMPACT_LABELS,
            maps: [
              heatGrid('Start of the year (31 March 2024)', [
                { likelihood: 4, impact: 4 },
                { likelihood: 3, impact: 3 },
              ]),
              heatGrid('End of the year (31 March 2025)', [
                { likelihood: 3, impact: 4 },
                { likelihood: 5, impact: 5 },
              ]),
            ],
            groups: [
              { title: 'New risks', rows: [risk('RR/07', '+ new', '—', 25)], empty: 'No new risks were registered in the year.' },
              { title: 'Closed risks', rows: [], empty: 'No risks were closed in the year.' },
              { title: 'Escalated risks (score up)', rows: [risk('RR/02', '↑ score up', 4, 12)], empty: 'No risk’s score went up over the year.' },
              {
                title: 'Reduced risks (score down)',
                rows: [risk('RR/01', '↓ score down', 16, 12)],
                empty: 'No risk’s score came down over the year.',
              },
            ],
            top: [
              {
                reference: 'RR/07',
                description: 'Major incident capacity',
                score: { label: '25 Extreme', colour: RISK_BANDS.extreme.colour, textColour: RISK_BANDS.extreme.textColour },
                lead: 'Priya Shah',
              },
            ],
            topIntro: 'The highest-scoring open risk at the end of the year.',
          },
        },
        {
          title: 'Peer review',
          partial: 'annualPeerReview',
          flow: true,
          data: {
            cycles: [{ name: 'Peer Review Programme 2024/2026', years: '2024/25 to 2025/26', organisations: 5, due: 10, states: [2, 3, 4, 1] }],
            columns: ['Awaited', 'Submitted', 'Accepted', 'More information requested'],
            empty: 'The network ran no peer review programme in 2024/25.',
          },
        },
        { title: 'Priorities for next year', partial: 'annualNarrative', data: { paragraphs: ['Sustain the gains.'] }, flow: true },
        {
          title: 'Carried forward into next year',
          partial: 'annualCarried',
          flow: true,
          data: {
            intro: '2 of the 3 items not complete at the end of the year were carried forward into Work plan 2025/26.',
            rows: [
              { ref: '1.2', work: 'Audit of transfers', carried: 'Yes' },
              { ref: '3.1', work: 'Network dashboard', carried: 'Yes' },
              { ref: '3.4', work: 'Retired idea', carried: 'No' },
            ],
            showCarried: true,
            empty: '',
          },
        },
      ],
    },
  );
}
