import { documentForm, pdfBytes } from '../../support/documents';
import type { SweepIds } from './registry';

/**
 * A published standard set of the network's own (one section, one criterion for every organisation), an active cycle
 * from the two-year template whose self-assessment activity is against it, and the first organisation's
 * self-assessment started by a manager, with an evidence file on its criterion.
 */
export const selfAssessmentSweepIds: SweepIds = async (manager, fx) => {
  const base = `/api/networks/${fx.network.slug}`;
  const ok = <T>(res: { status: number; body: T }, what: string): T => {
    if (res.status >= 300) throw new Error(`sweep set-up: ${what} ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const set = ok(
    await manager.post(`${base}/standards/sets`, {
      code: 'SWEEP-SA',
      name: 'Sweep self-assessment tool',
      kind: 'assessment_tool',
      answerScale: 'rag',
    }),
    'set',
  ) as { versions: Array<{ id: string }> };
  const versionId = set.versions[0].id;
  const section = (
    ok(await manager.post(`${base}/standards/versions/${versionId}/sections`, { number: '1', title: 'Sweep section' }), 'section') as {
      sections: Array<{ id: string }>;
    }
  ).sections[0];
  const criterion = (
    ok(await manager.post(`${base}/standards/sections/${section.id}/criteria`, { number: '1.1', text: 'Sweep criterion' }), 'criterion') as {
      sections: Array<{ criteria: Array<{ id: string }> }>;
    }
  ).sections[0].criteria[0];
  ok(await manager.post(`${base}/standards/versions/${versionId}/publish`), 'publish');
  const cycle = ok(
    await manager.post(`${base}/peer-review/cycles`, {
      name: `Sweep self-assessments of ${fx.network.slug}`,
      firstFy: '2024/25',
      lastFy: '2025/26',
      template: 'two-year-programme',
      organisationIds: fx.organisations.map((o) => o.id),
    }),
    'cycle',
  ) as { id: string; name: string; activities: Array<{ id: string; kind: string; fy: string; quarter: number; title: string }> };
  const activity = cycle.activities.find((a) => a.kind === 'self_assessment') as { id: string; fy: string; quarter: number; title: string };
  ok(
    await manager.put(`${base}/peer-review/activities/${activity.id}`, {
      kind: 'self_assessment',
      fy: activity.fy,
      quarter: activity.quarter,
      title: activity.title,
      standardSetVersionId: versionId,
    }),
    'self-assessment activity',
  );
  ok(
    await manager.put(`${base}/peer-review/cycles/${cycle.id}`, { name: cycle.name, firstFy: '2024/25', lastFy: '2025/26', status: 'active' }),
    'activate',
  );
  const assessment = ok(
    await manager.post(`${base}/peer-review/activities/${activity.id}/self-assessments`, { organisationId: fx.organisations[0].id }),
    'start',
  ) as { id: string };
  const withFile = ok(
    await manager.request(
      'POST',
      `${base}/peer-review/self-assessments/${assessment.id}/criteria/${criterion.id}/files`,
      documentForm(pdfBytes(), 'sweep-evidence.pdf', 'application/pdf'),
    ),
    'evidence file',
  ) as { sections: Array<{ criteria: Array<{ files: Array<{ id: string }> }> }> };
  return {
    selfAssessmentActivityId: activity.id,
    selfAssessmentId: assessment.id,
    assessedCriterionId: criterion.id,
    evidenceFileId: withFile.sections[0].criteria[0].files[0].id,
  };
};

/** Bodies that pass validation, so that another network's id is answered by the look-up (404), not by validation. */
export const selfAssessmentValidBodies: Record<string, unknown> = {
  'POST /api/networks/{network}/peer-review/activities/{selfAssessmentActivityId}/self-assessments': { organisationId: null },
  'PUT /api/networks/{network}/peer-review/self-assessments/{selfAssessmentId}/answers': {
    answers: [{ criterionId: '6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e', rating: null }],
  },
};
