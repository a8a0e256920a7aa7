import { documentForm, pdfBytes } from '../../support/documents';
import type { SweepIds } from './registry';

/**
 * An active cycle from the two-year template with both organisations in scope, one submission with an uploaded PDF
 * (for the file routes), and an action plan update as the activity the sweep's control DELETE may really remove (the
 * cycle itself, holding a document, answers 409 to its DELETE and stays).
 */
export const peerReviewSweepIds: SweepIds = async (manager, fx) => {
  const base = `/api/networks/${fx.network.slug}/peer-review`;
  const ok = <T>(res: { status: number; body: T }, what: string): T => {
    if (res.status >= 300) throw new Error(`sweep set-up: ${what} ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const cycle = ok(
    await manager.post(`${base}/cycles`, {
      name: `Sweep peer review of ${fx.network.slug}`,
      firstFy: '2024/25',
      lastFy: '2025/26',
      template: 'two-year-programme',
      organisationIds: fx.organisations.map((o) => o.id),
    }),
    'cycle',
  ) as { id: string; name: string; activities: Array<{ id: string; kind: string }> };
  ok(await manager.put(`${base}/cycles/${cycle.id}`, { name: cycle.name, firstFy: '2024/25', lastFy: '2025/26', status: 'active' }), 'activate');
  const submissions = ok(await manager.get(`${base}/cycles/${cycle.id}/submissions`), 'submissions') as { items: Array<{ id: string }> };
  const submission = ok(
    await manager.request('POST', `${base}/submissions/${submissions.items[0].id}/files`, documentForm(pdfBytes(), 'sweep.pdf', 'application/pdf')),
    'upload',
  ) as { id: string; files: Array<{ id: string }> };
  const activity = cycle.activities.find((a) => a.kind === 'action_plan_update') as { id: string };
  // Reviews: a draft of the second organisation (the control DELETE may really remove it), and a draft of the first
  // holding an immediate risk finding (its own DELETE control removes the finding, never the review the route names).
  const [first, second] = fx.organisations;
  const review = ok(await manager.post(`${base}/cycles/${cycle.id}/reviews`, { organisationId: (second ?? first).id }), 'review') as { id: string };
  const withFinding = ok(await manager.post(`${base}/cycles/${cycle.id}/reviews`, { organisationId: first.id }), 'review with a finding') as {
    id: string;
  };
  const finding = ok(
    await manager.post(`${base}/reviews/${withFinding.id}/findings`, {
      classification: 'immediate_risk',
      theme: 'Sweep',
      text: 'Sweep finding',
      recommendations: ['Sweep recommendation'],
    }),
    'finding',
  ) as { id: string };
  const action = ok(
    await manager.post(`${base}/cycles/${cycle.id}/actions`, { organisationId: first.id, description: 'Sweep action', ownerName: 'Sweep owner' }),
    'action',
  ) as { id: string };
  return {
    cycleId: cycle.id,
    activityId: activity.id,
    submissionId: submission.id,
    fileId: submission.files[0].id,
    reviewId: review.id,
    findingId: finding.id,
    actionId: action.id,
  };
};

/** An organisation id that passes validation (the cycle is looked up first: another network's answers 404). */
const SOME_ORGANISATION = '0b7e8a52-6d0c-4a8e-9a7e-1d2b3c4d5e6f';

/** Bodies that pass validation, so that another network's id is answered by the look-up (404), not by validation. */
export const peerReviewValidBodies: Record<string, unknown> = {
  'PUT /api/networks/{network}/peer-review/cycles/{cycleId}': {
    name: 'Sweep cycle (renamed)',
    firstFy: '2024/25',
    lastFy: '2025/26',
    status: 'active',
  },
  'PUT /api/networks/{network}/peer-review/cycles/{cycleId}/organisations': { organisationIds: [] },
  'POST /api/networks/{network}/peer-review/cycles/{cycleId}/activities': { kind: 'report', fy: '2024/25', quarter: 1, title: 'Sweep report' },
  'PUT /api/networks/{network}/peer-review/activities/{activityId}': { kind: 'report', fy: '2024/25', quarter: 1, title: 'Sweep report' },
  'POST /api/networks/{network}/peer-review/submissions/{submissionId}/request-information': { reason: 'Sweep: more, please' },
  'POST /api/networks/{network}/peer-review/cycles/{cycleId}/reviews': { organisationId: SOME_ORGANISATION },
  'PUT /api/networks/{network}/peer-review/reviews/{reviewId}': { summary: 'Sweep summary' },
  'POST /api/networks/{network}/peer-review/reviews/{reviewId}/agree': { agreedWith: 'Sweep lead' },
  'POST /api/networks/{network}/peer-review/reviews/{reviewId}/findings': { classification: 'concern', theme: 'Sweep', text: 'Sweep finding' },
  'PUT /api/networks/{network}/peer-review/findings/{findingId}': { classification: 'immediate_risk', theme: 'Sweep', text: 'Sweep finding' },
  'POST /api/networks/{network}/peer-review/findings/{findingId}/raise-risk': {},
  'POST /api/networks/{network}/peer-review/cycles/{cycleId}/actions': {
    organisationId: SOME_ORGANISATION,
    description: 'Sweep action',
    ownerName: 'Sweep owner',
  },
  'PUT /api/networks/{network}/peer-review/actions/{actionId}': { description: 'Sweep action', ownerName: 'Sweep owner' },
  'POST /api/networks/{network}/peer-review/actions/{actionId}/progress': { on: '2026-01-05', status: 'on_track', narrative: 'Sweep progress' },
};
