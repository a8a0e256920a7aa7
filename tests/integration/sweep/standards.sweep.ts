import type { HttpClient } from '../../support/harness';
import type { SweepIds } from './registry';

type Version = { id: string; sections: Array<{ id: string; criteria: Array<{ id: string }> }> };
type Set = { id: string; versions: Array<{ id: string }> };

const ok = <T>(res: { status: number; body: T }, what: string): T => {
  if (res.status >= 300) throw new Error(`sweep set-up: ${what} ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
};

/** A set whose version 1 holds one section with one criterion: its ids. */
async function setWithCriterion(
  client: HttpClient,
  base: string,
  code: string,
): Promise<{ setId: string; versionId: string; sectionId: string; criterionId: string }> {
  const set = ok(await client.post(`${base}/sets`, { code, name: `Sweep set ${code}`, kind: 'network_standards' }), 'standard set') as Set;
  const versionId = set.versions[0].id;
  const withSection = ok(
    await client.post(`${base}/versions/${versionId}/sections`, { number: '1', title: `Sweep section ${code}` }),
    'section',
  ) as Version;
  const sectionId = withSection.sections[0].id;
  const withCriterion = ok(
    await client.post(`${base}/sections/${sectionId}/criteria`, { number: `${code}-1`, text: `Sweep criterion ${code}` }),
    'criterion',
  ) as Version;
  return { setId: set.id, versionId, sectionId, criterionId: withCriterion.sections[0].criteria[0].id };
}

/**
 * A record of each kind, each in a set of its own: the sweep's control DELETEs really delete (a set takes its versions,
 * a section its criteria), so no route's record hangs off another's.
 */
export const standardsSweepIds: SweepIds = async (manager, fx) => {
  const base = `/api/networks/${fx.network.slug}/standards`;
  const set = await setWithCriterion(manager, base, 'SW-SET');
  const version = await setWithCriterion(manager, base, 'SW-VERSION');
  const section = await setWithCriterion(manager, base, 'SW-SECTION');
  const criterion = await setWithCriterion(manager, base, 'SW-CRITERION');
  return { standardSetId: set.setId, standardVersionId: version.versionId, standardSectionId: section.sectionId, criterionId: criterion.criterionId };
};

/**
 * The national records the operator routes (/api/admin/standards/…) take ids for: a national set, kept by a platform
 * operator. `operator` is signed in as one.
 */
export async function standardsOperatorIds(operator: HttpClient): Promise<Record<string, string>> {
  const ids = await setWithCriterion(operator, '/api/admin/standards', 'SW-NATIONAL');
  return { nationalSetId: ids.setId, nationalVersionId: ids.versionId, nationalSectionId: ids.sectionId, nationalCriterionId: ids.criterionId };
}

/** Bodies that pass validation, so that another network's id is answered by the look-up (404), not by validation. */
export const standardsValidBodies: Record<string, unknown> = {
  'PUT /api/networks/{network}/standards/sets/{standardSetId}': { code: 'SW-RENAMED', name: 'Sweep set (renamed)', kind: 'network_standards' },
  'POST /api/networks/{network}/standards/versions/{standardVersionId}/sections': { title: 'Sweep section' },
  'PUT /api/networks/{network}/standards/versions/{standardVersionId}/section-order': { sectionIds: [] },
  'PUT /api/networks/{network}/standards/sections/{standardSectionId}': { title: 'Sweep section (renamed)' },
  'POST /api/networks/{network}/standards/sections/{standardSectionId}/criteria': { text: 'Sweep criterion' },
  'PUT /api/networks/{network}/standards/sections/{standardSectionId}/criterion-order': { criterionIds: [] },
  'PUT /api/networks/{network}/standards/criteria/{criterionId}': { text: 'Sweep criterion (changed)' },
};
