import { IMPACT, LIKELIHOOD, RISK_BAND_IDS, RISK_BANDS, riskBand, type RiskRating } from '@plexus/domain';
import { SAMPLE_BRAND, SAMPLE_DATE, SAMPLE_NETWORK } from '../shared/shared.sample';
import { documentViewModel, type DocumentViewModel } from '../shared/view-model';
import { boardComparison, type ScoreHistoryPoint } from './board-comparison';
import { groupRiskChanges } from './risk-changes';

const RATINGS: RiskRating[] = [1, 2, 3, 4, 5];
const bandTag = (score: number) => {
  const b = riskBand(score);
  return { label: b.label, colour: b.colour, textColour: b.textColour };
};

const scoreOf = (likelihood: number, impact: number) => {
  const score = likelihood * impact;
  return { likelihood, impact, score, band: riskBand(score).id, legacy: null };
};

/**
 * The comparison with the last board (10 September 2026) for the sample's risks: the first went up, the second down,
 * the fourth moved across at the same score, the last is new since; the rest did not move.
 */
export function boardComparisonSample(risks: Array<{ reference: string; description: string; likelihood: number; impact: number }>) {
  const compared = risks.map((r, i) => ({
    id: `risk-${i}`,
    reference: r.reference,
    description: r.description,
    current: scoreOf(r.likelihood, r.impact),
  }));
  const then = (i: number, r: (typeof risks)[number]) =>
    i === 0
      ? scoreOf(Math.max(1, r.likelihood - 1), r.impact)
      : i === 1
        ? scoreOf(Math.min(5, r.likelihood + 1), r.impact)
        : i === 2
          ? scoreOf(r.impact, r.likelihood)
          : scoreOf(r.likelihood, r.impact);
  const history: ScoreHistoryPoint[] = risks.flatMap((r, i) =>
    i === risks.length - 1
      ? []
      : [{ riskId: `risk-${i}`, effectiveOn: '2026-06-01', createdAt: new Date('2026-06-01T09:00:00Z'), source: 'reviewed', current: then(i, r) }],
  );
  return boardComparison(compared, history, { title: 'Network Board', date: '2026-09-10' });
}

/** A risk register report with `count` open risks (what the builder makes from a register), for specs and the PDF checks. */
export function riskRegisterSample(count = 18): DocumentViewModel {
  const risks = Array.from({ length: count }, (_, i) => {
    const likelihood = RATINGS[i % 5];
    const impact = RATINGS[(i * 3 + 1) % 5];
    const before = Math.min(5, likelihood + (i % 3 === 0 ? 1 : 0)) * impact;
    const score = likelihood * impact;
    return {
      reference: `SN/${String(i + 1).padStart(2, '0')}`,
      description: `Risk ${i + 1}: delay in transfer of patients <script>alert(${i})</script> to the specialist centre`,
      mitigation: i % 2 ? 'Escalation protocol agreed with every trust' : '',
      before: { score: before, tag: bandTag(before) },
      current: { score, tag: bandTag(score) },
      target: i % 5 === 4 ? { score: '—', tag: null } : { score: Math.max(1, score - 4), tag: bandTag(Math.max(1, score - 4)) },
      legacyNote: '',
      lead: 'Clinical Lead',
      nextReviewDue: i % 4 === 0 ? '1 October 2026' : '1 March 2027',
      overdue: i % 4 === 0,
      likelihood,
      impact,
      likelihoodBefore: Math.min(5, likelihood + (i % 3 === 0 ? 1 : 0)),
    };
  });
  const grid = (title: string, when: 'now' | 'before') => ({
    title,
    rows: [...RATINGS].reverse().map((l) => ({
      label: `${l} ${LIKELIHOOD[l]}`,
      cells: RATINGS.map((im) => {
        const b = riskBand(l * im);
        const here = risks.filter((r) => (when === 'now' ? r.likelihood : r.likelihoodBefore) === l && r.impact === im);
        return {
          count: here.length,
          refs: here.map((r) => r.reference),
          band: b.label,
          colour: b.colour,
          textColour: b.textColour,
        };
      }),
    })),
  });
  const overdue = risks.filter((r) => r.overdue);
  return documentViewModel(
    'risk_register',
    { network: SAMPLE_NETWORK, brand: SAMPLE_BRAND, todayLong: SAMPLE_DATE },
    {
      title: 'Risk register report',
      subtitle: `The risk register as at ${SAMPLE_DATE}`,
      facts: [
        { label: 'Open risks', value: String(risks.length) },
        { label: 'Changes since', value: '1 June 2026' },
      ],
      coverSheet: null,
      sections: [
        {
          title: 'Summary',
          partial: 'riskSummary',
          data: {
            openCount: risks.length,
            overdueCount: overdue.length,
            unplaced: 0,
            byBand: RISK_BAND_IDS.slice()
              .reverse()
              .map((id) => ({
                label: RISK_BANDS[id].label,
                colour: RISK_BANDS[id].colour,
                textColour: RISK_BANDS[id].textColour,
                range: RISK_BANDS[id].range,
                action: RISK_BANDS[id].action,
                count: risks.filter((r) => riskBand(r.current.score).id === id).length,
                beforeCount: risks.filter((r) => riskBand(r.before.score).id === id).length,
              })),
          },
        },
        {
          title: 'Heat maps',
          partial: 'heatMaps',
          data: {
            impactLabels: RATINGS.map((i) => `${i} ${IMPACT[i]}`),
            maps: [grid('Now (after mitigation)', 'now'), grid('Before mitigation', 'before')],
            withRefs: true,
          },
        },
        {
          title: 'Last board vs this board',
          partial: 'boardComparison',
          data: boardComparisonSample(risks),
        },
        {
          title: 'Top risks',
          partial: 'riskTable',
          data: {
            intro: 'The 5 highest-scoring open risks, by their current score.',
            rows: [...risks].sort((a, b) => b.current.score - a.current.score).slice(0, 5),
            empty: 'There are no open risks.',
          },
        },
        {
          title: 'Changes since 1 June 2026',
          partial: 'riskChanges',
          data: {
            intro: 'Every risk that changed since 1 June 2026, once each: new risks, reviews, score changes, closures and re-openings.',
            // One risk scored down; one closed and re-opened ten times (one row, not twenty); one new.
            rows: groupRiskChanges([
              ...[risks[0], risks[3]].map((r, i) => ({
                riskId: r.reference,
                reference: r.reference,
                description: r.description,
                on: `2026-07-0${i + 2}`,
                change: 'Score down',
                from: r.before.score,
                to: r.current.score,
              })),
              ...Array.from({ length: 10 }, (_, i) => [
                { on: `2026-08-${String(i * 2 + 1).padStart(2, '0')}`, change: 'Closed' },
                { on: `2026-08-${String(i * 2 + 2).padStart(2, '0')}`, change: 'Re-opened' },
              ])
                .flat()
                .map((e) => ({ ...e, riskId: risks[2].reference, reference: risks[2].reference, description: risks[2].description, from: 6, to: 6 })),
              {
                riskId: risks[4].reference,
                reference: risks[4].reference,
                description: risks[4].description,
                on: '2026-09-01',
                change: 'New risk',
                from: null,
                to: risks[4].current.score,
              },
            ]),
            empty: 'Nothing has changed since then.',
          },
        },
        {
          title: 'Reviews overdue',
          partial: 'riskTable',
          data: { intro: 'Open risks past their review date, oldest first.', rows: overdue, empty: 'Every open risk has been reviewed on time.' },
        },
        { title: 'The register', partial: 'riskTable', data: { intro: 'All open risks.', rows: risks, empty: 'There are no open risks.' } },
      ],
    },
  );
}
