import { complianceSummary, type AssessmentAnswer, type AssessmentScaleId } from '@plexus/domain';
import type { AssessmentFrame, SelfAssessmentAnswer, StandardCriterion, StandardSection } from '@plexus/server';
import { SAMPLE_BRAND, SAMPLE_DATE, SAMPLE_NETWORK } from '../shared/shared.sample';
import type { ActivityResults, AssessmentResult } from '../shared/peer-review-view';
import { documentViewModel, type DocumentViewModel } from '../shared/view-model';
import { reportBody, type LoadedReview } from './peer-review-report.view-model';

/** The sample's "today": actions due before it and not complete are overdue. */
export const SAMPLE_TODAY = '2026-11-24';

const SECTIONS: Array<[string, string, string[]]> = [
  ['1', 'Trauma team <leadership>', ['Consultant-led trauma team 24/7', 'Trauma team activation criteria agreed', 'Named trauma unit lead']],
  ['2', 'Imaging', ['CT within 30 minutes of arrival', 'Radiology report within 1 hour']],
  ['3', 'Transfers', ['Time-critical transfer policy', 'Transfer audit every quarter', 'Receiving unit feedback loop']],
  ['4', 'Governance and audit', ['Named trauma audit lead', 'National trauma audit submissions up to date', 'Morbidity and mortality meetings']],
  ['5', 'Rehabilitation', ['Rehabilitation prescription for every patient with ISS above 8', 'Therapy assessment within 72 hours']],
];

/** A standard set version with five sections, as `StandardSetRepository.frame` reads it. */
export function sampleFrame(scale: AssessmentScaleId = 'rag'): AssessmentFrame {
  let n = 0;
  return {
    set: { id: 'set-1', code: 'EMMTN-AT', name: 'Network assessment tool', answerScale: scale } as AssessmentFrame['set'],
    version: { id: 'version-1', version: 2 } as AssessmentFrame['version'],
    scale,
    sections: SECTIONS.map(([number, title, criteria], s) => ({
      section: { id: `section-${s + 1}`, number, title, position: s + 1 } as StandardSection,
      criteria: criteria.map(
        (text, c) =>
          ({
            id: `criterion-${++n}`,
            sectionId: `section-${s + 1}`,
            number: `${number}.${c + 1}`,
            text,
            position: c + 1,
            appliesTo: [],
          }) as unknown as StandardCriterion,
      ),
    })),
  };
}

/** A self-assessment result from ratings in criteria order (null: not answered), with a gap for each not fully met. */
export function sampleResult(
  frame: AssessmentFrame,
  ratings: Array<AssessmentAnswer | null>,
  state: AssessmentResult['state'] = 'submitted',
): AssessmentResult {
  const criteria = frame.sections.flatMap((s) => s.criteria);
  const answers = new Map<string, SelfAssessmentAnswer>();
  criteria.forEach((c, i) => {
    const rating = ratings[i % ratings.length];
    if (rating)
      answers.set(c.id, {
        criterionId: c.id,
        rating,
        gaps: rating === 'green' || rating === 'met' ? '' : 'Weekend cover depends on one <person>.',
      } as SelfAssessmentAnswer);
  });
  const of = (list: StandardCriterion[]) =>
    complianceSummary(
      frame.scale,
      list.map((c) => answers.get(c.id)?.rating ?? null),
    );
  return {
    state,
    submittedAt: state === 'submitted' ? new Date('2026-09-12T10:00:00Z') : null,
    answered: answers.size,
    total: criteria.length,
    sections: frame.sections.map((s) => ({ ...s, compliance: of(s.criteria) })),
    overall: of(criteria),
    answers,
  };
}

/** One organisation's review as read (every section present: findings of every class, one raised as a risk). */
export function sampleLoadedReview(): LoadedReview {
  const frame = sampleFrame();
  const activity = {
    id: 'activity-sa',
    kind: 'self_assessment',
    fy: '2026/27',
    quarter: 2,
    title: 'Self-assessment against network standards',
    dueDate: '2026-09-30',
  };
  const assessments: ActivityResults[] = [
    {
      activity: activity as ActivityResults['activity'],
      frame,
      results: new Map([['org-1', sampleResult(frame, ['green', 'green', 'amber', 'green', 'red', 'green', 'amber'])]]),
    },
  ];
  const finding = (
    id: string,
    position: number,
    classification: LoadedReview['findings'][number]['classification'],
    theme: string,
    text: string,
    extra = {},
  ) => ({
    id,
    position,
    classification,
    criterionId: null,
    theme,
    text,
    riskId: null,
    ...extra,
  });
  return {
    cycle: { name: 'Peer Review Programme 2026/2028', firstFy: '2026/27', lastFy: '2027/28', status: 'active' },
    organisation: { id: 'org-1', name: 'Riverside <General> Hospital', type: 'trauma_unit' },
    review: {
      state: 'issued',
      summary: 'The panel met the unit’s leads.\n\nOut-of-hours leadership needed action at once.',
      agreedWith: 'Mr Daniel Okafor, Trauma Unit Clinical Lead',
      agreedAt: new Date('2026-10-20T10:00:00Z'),
      issuedAt: new Date('2026-10-27T15:00:00Z'),
    },
    meeting: {
      title: 'Formal peer review meetings',
      meetingDate: '2026-10-06',
      dueDate: '2026-10-27',
      externalReviewers: ['Dr Sam Ellis, North West Children’s Major Trauma Network'],
    },
    panel: ['Priya Shah', 'Ravi Kumar'],
    // Added in another order than the report prints them: concern first, the immediate risk last.
    findings: [
      finding('f-concern', 1, 'concern', 'Trauma audit', 'No named trauma audit lead; submissions four months behind.', {
        criterionId: 'criterion-9',
      }),
      finding('f-good', 2, 'good_practice', 'Daily trauma huddle', 'A daily huddle at 08:30 reviews every trauma patient.'),
      finding(
        'f-serious',
        3,
        'serious_concern',
        'Rehabilitation prescriptions',
        'Prescriptions completed for 41% of patients against a standard of 95%.',
      ),
      finding(
        'f-risk',
        4,
        'immediate_risk',
        'Trauma team leadership out of hours',
        'Two nights a week no consultant led the trauma team within 30 minutes.',
        {
          riskId: 'risk-1',
        },
      ),
    ],
    recommendations: [
      { id: 'r-risk-1', findingId: 'f-risk', position: 1, text: 'Put a consultant-led rota in place for every night.' },
      { id: 'r-risk-2', findingId: 'f-risk', position: 2, text: 'Report rota gaps to the network weekly.' },
      { id: 'r-serious', findingId: 'f-serious', position: 1, text: 'Complete a rehabilitation prescription before discharge.' },
      { id: 'r-concern', findingId: 'f-concern', position: 1, text: 'Name a trauma audit lead with time in their job plan.' },
    ],
    criteria: new Map([['criterion-9', { criterion: { number: '4.1', text: 'Named trauma audit lead' }, version: 'EMMTN-AT version 2' }]]),
    risks: new Map([['risk-1', { reference: 'EM/09', description: 'Out-of-hours trauma team leadership at Riverside' }]]),
    assessments,
    actions: [
      {
        id: 'a-1',
        recommendationId: 'r-risk-1',
        originActionId: null,
        criterionId: null,
        description: 'Put a consultant-led rota in place for every night.',
        ownerName: 'Mr Daniel Okafor',
        dueDate: '2026-11-26',
        status: 'complete',
      },
      {
        id: 'a-2',
        recommendationId: 'r-risk-2',
        originActionId: null,
        criterionId: null,
        description: 'Report rota gaps to the network weekly.',
        ownerName: 'Network Manager',
        dueDate: '2027-02-24',
        status: 'on_track',
      },
      {
        id: 'a-3',
        recommendationId: 'r-serious',
        originActionId: null,
        criterionId: null,
        description: 'Complete a rehabilitation prescription before discharge.',
        ownerName: 'Therapy Services Lead',
        dueDate: '2026-11-01',
        status: 'at_risk',
      },
      {
        id: 'a-4',
        recommendationId: 'r-concern',
        originActionId: null,
        criterionId: null,
        description: 'Name a trauma audit lead with time in their job plan.',
        ownerName: 'Medical Director',
        dueDate: '2027-01-25',
        status: 'not_started',
      },
      {
        id: 'a-5',
        recommendationId: null,
        originActionId: 'a-old',
        criterionId: null,
        description: 'Audit inter-hospital transfers every quarter.',
        ownerName: 'Transfer lead',
        dueDate: '2026-06-30',
        status: 'off_track',
      },
    ],
    latest: new Map([
      [
        'a-1',
        {
          onDate: '2026-11-10',
          status: 'complete',
          narrative: 'Substantive rota in place: every night has a named consultant.',
          authorName: 'Owen Price',
        },
      ],
      [
        'a-3',
        { onDate: '2026-11-15', status: 'at_risk', narrative: 'Second audit 71%: therapy vacancies are holding it back.', authorName: 'Owen Price' },
      ],
      ['a-5', { onDate: '2026-10-01', status: 'off_track', narrative: 'No audit since the spring.', authorName: 'Priya Shah' }],
    ]),
    carriedFrom: new Map([['a-5', 'Peer Review Programme 2024/2026']]),
  };
}

/** A peer review report as the builder makes it (every section present), for specs, the start-up check and report:sample. */
export function peerReviewReportSample(): DocumentViewModel {
  const body = reportBody(sampleLoadedReview(), SAMPLE_TODAY);
  return documentViewModel(
    'peer_review_report',
    { network: SAMPLE_NETWORK, brand: SAMPLE_BRAND, todayLong: SAMPLE_DATE },
    {
      title: 'Peer review report: Riverside General Hospital',
      subtitle: body.subtitle,
      facts: body.facts,
      sections: body.sections,
      coverSheet: null,
    },
  );
}
