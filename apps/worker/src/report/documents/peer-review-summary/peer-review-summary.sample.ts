import { planFromTemplate } from '@plexus/domain';
import { SAMPLE_TODAY, sampleFrame, sampleResult } from '../peer-review-report/peer-review-report.sample';
import type { ActivityResults } from '../shared/peer-review-view';
import { SAMPLE_BRAND, SAMPLE_DATE, SAMPLE_NETWORK } from '../shared/shared.sample';
import { documentViewModel, type DocumentViewModel } from '../shared/view-model';
import { summaryBody, type LoadedSummary } from './peer-review-summary.view-model';

const ORGANISATIONS: LoadedSummary['organisations'] = [
  { id: 'org-mtc', name: 'Northfield University Hospitals NHS Trust', type: 'major_trauma_centre' },
  { id: 'org-tu1', name: 'Kingsmead Hospital', type: 'trauma_unit' },
  { id: 'org-tu2', name: 'Riverside <General> Hospital', type: 'trauma_unit' },
  { id: 'org-amb', name: 'Eastern Counties Ambulance Service', type: 'ambulance_service' },
];

/** A two-year programme from the template as read: self-assessments in every state, reviews, overdue documents and actions. */
export function sampleLoadedSummary(): LoadedSummary {
  const activities = planFromTemplate(2026).map((p, i) => ({
    id: `activity-${i + 1}`,
    kind: p.kind,
    fy: p.fy,
    quarter: p.quarter,
    title: p.title,
    dueDate: p.dueDate,
    meetingDate: p.kind === 'review_meeting' && p.fy === '2026/27' ? '2026-10-06' : null,
    organisationId: null,
  }));
  const saActivity = activities.find((a) => a.kind === 'self_assessment') as (typeof activities)[number];
  const frame = sampleFrame();
  const assessments: ActivityResults[] = [
    {
      activity: saActivity as unknown as ActivityResults['activity'],
      frame,
      results: new Map([
        ['org-mtc', sampleResult(frame, ['green', 'green', 'amber', 'green', 'green', 'red', 'green', 'amber'])],
        ['org-tu1', sampleResult(frame, ['amber', 'green', 'red', 'amber', 'green', 'red'])],
        ['org-tu2', sampleResult(frame, ['green', 'amber', null, null, null], 'draft')],
        ['org-amb', sampleResult(frame, [null], 'not_started')],
      ]),
    },
  ];
  const submissionActivity = activities.find((a) => a.kind === 'submission') as (typeof activities)[number];
  const submission = (organisationId: string, documentName: string, state: LoadedSummary['submissions'][number]['state']) => ({
    organisationId,
    activityId: submissionActivity.id,
    documentName,
    state,
    dueDate: submissionActivity.dueDate,
  });
  return {
    cycle: { name: 'Peer Review Programme 2026/2028', firstFy: '2026/27', lastFy: '2027/28', status: 'active' },
    organisations: ORGANISATIONS,
    activities,
    assessments,
    reviews: [
      { id: 'review-1', organisationId: 'org-tu2', state: 'issued' },
      { id: 'review-2', organisationId: 'org-mtc', state: 'draft' },
    ],
    counts: new Map([
      ['review-1', { immediate_risk: 1, serious_concern: 1, concern: 2, good_practice: 1 }],
      ['review-2', { immediate_risk: 0, serious_concern: 0, concern: 1, good_practice: 2 }],
    ]),
    submissions: [
      submission('org-mtc', 'Annual report', 'accepted'),
      submission('org-mtc', 'Work plan', 'submitted'),
      submission('org-tu1', 'Annual report', 'accepted'),
      submission('org-tu1', 'Work plan', 'awaited'),
      submission('org-tu2', 'Annual report', 'more_information_requested'),
      submission('org-tu2', 'Operational <policy>', 'awaited'),
      submission('org-amb', 'Annual report', 'awaited'),
    ],
    actions: [
      {
        id: 'a-1',
        organisationId: 'org-tu2',
        description: 'Complete a rehabilitation prescription before discharge.',
        ownerName: 'Therapy Services Lead',
        dueDate: '2026-11-01',
        status: 'at_risk',
      },
      {
        id: 'a-2',
        organisationId: 'org-tu2',
        description: 'Put a consultant-led rota in place for every night.',
        ownerName: 'Mr Daniel Okafor',
        dueDate: '2026-10-30',
        status: 'complete',
      },
      {
        id: 'a-3',
        organisationId: 'org-mtc',
        description: 'Audit inter-hospital transfers every quarter.',
        ownerName: 'Transfer lead',
        dueDate: '2027-03-31',
        status: 'on_track',
      },
    ],
    latest: new Map([
      ['a-1', { onDate: '2026-11-15', narrative: 'Second audit 71%: therapy vacancies are holding it back.', authorName: 'Owen Price' }],
    ]),
  };
}

/** A programme summary as the builder makes it (every section present), for specs, the start-up check and report:sample. */
export function peerReviewSummarySample(): DocumentViewModel {
  const body = summaryBody(sampleLoadedSummary(), SAMPLE_TODAY);
  return documentViewModel(
    'peer_review_summary',
    { network: SAMPLE_NETWORK, brand: SAMPLE_BRAND, todayLong: SAMPLE_DATE },
    { title: 'Peer review programme summary', subtitle: body.subtitle, facts: body.facts, sections: body.sections, coverSheet: null },
  );
}
