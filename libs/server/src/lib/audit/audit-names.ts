import type { EntityManager } from '@mikro-orm/postgresql';
import { AUDITED_ENTITY_TYPES } from '../db/entity-registry';

/** The audit trail's record type → the entity it is (report documents are audited by hand when withdrawn). */
const ENTITY_OF_TYPE: Record<string, string> = {
  ...Object.fromEntries(Object.entries(AUDITED_ENTITY_TYPES).map(([entity, type]) => [type, entity])),
  network_profile: 'Network',
  report_document: 'ReportDocument',
};

/**
 * A changed field holding another record's id → the entity it names, so that the trail shows "Theme: Workforce", not a
 * UUID. Fields holding a person's id are found by their name (see `isPersonField`).
 */
const ENTITY_OF_FIELD: Record<string, string> = {
  planId: 'WorkPlan',
  themeId: 'WorkPlanTheme',
  objectiveId: 'WorkPlanObjective',
  workItemId: 'WorkItem',
  riskId: 'Risk',
  organisationId: 'MemberOrganisation',
  documentId: 'ReportDocument',
  scheduleId: 'ReportSchedule',
  recipientId: 'Recipient',
  listId: 'DistributionList',
  meetingId: 'BoardMeeting',
  cycleId: 'ReviewCycle',
  activityId: 'ReviewActivity',
  reviewId: 'ReviewReport',
  findingId: 'ReviewFinding',
  recommendationId: 'ReviewRecommendation',
  actionId: 'ReviewAction',
  criterionId: 'StandardCriterion',
  sectionId: 'StandardSection',
  setId: 'StandardSet',
  standardSetId: 'StandardSet',
  versionId: 'StandardSetVersion',
  submissionId: 'Submission',
  selfAssessmentId: 'SelfAssessment',
  fileId: 'StoredFile',
  logoFileId: 'StoredFile',
};

/** `userId`, `ownerUserId`, `requestedBy`, `withdrawnBy`, `invitedBy`…: a person. */
export function isPersonField(field: string): boolean {
  return field === 'userId' || /UserId$/.test(field) || /^(requested|withdrawn|invited|submitted|accepted|approved|closed|identified)By$/.test(field);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NAME_FIELDS = ['displayName', 'title', 'name', 'documentName', 'email', 'toAddress', 'description', 'narrative', 'text', 'work'] as const;

function short(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 80 ? `${one.slice(0, 79)}…` : one;
}

/** A record's name in people's words: a risk's or an item's reference with its words, else its title, name… */
function nameOf(record: Record<string, unknown>): string | null {
  const reference = typeof record['reference'] === 'string' ? record['reference'] : null;
  const words = NAME_FIELDS.map((f) => record[f]).find((v): v is string => typeof v === 'string' && v.trim().length > 0);
  if (reference && words) return short(`${reference} ${words}`);
  if (reference) return reference;
  return words ? short(words) : null;
}

/**
 * Names for the audit trail, looked up in the caller's network (the tenant filter and RLS scope every query): the
 * records a page of events is about, and the records and people whose ids appear in their changes. A record gone since
 * keeps no name here (the trail then falls back to the name its own events carry).
 */
export async function auditNames(
  em: EntityManager,
  records: Array<{ entityType: string; entityId: string }>,
  changes: Array<Record<string, { from: unknown; to: unknown }>>,
): Promise<{ records: Map<string, string>; ids: Map<string, string> }> {
  const wanted = new Map<string, Set<string>>();
  const want = (entity: string, id: unknown) => {
    if (typeof id !== 'string' || !UUID.test(id)) return;
    if (!em.getMetadata().find(entity)) return;
    let set = wanted.get(entity);
    if (!set) wanted.set(entity, (set = new Set()));
    set.add(id);
  };
  for (const r of records) if (ENTITY_OF_TYPE[r.entityType]) want(ENTITY_OF_TYPE[r.entityType], r.entityId);
  for (const c of changes) {
    for (const [field, change] of Object.entries(c)) {
      const entity = isPersonField(field) ? 'AppUser' : ENTITY_OF_FIELD[field];
      if (!entity) continue;
      for (const v of [change?.from, change?.to]) for (const id of Array.isArray(v) ? v : [v]) want(entity, id);
    }
  }
  const byEntity = new Map<string, Map<string, Record<string, unknown>>>();
  for (const [entity, ids] of wanted) {
    const rows = (await em.find(entity, { id: { $in: [...ids] } } as never)) as Array<Record<string, unknown>>;
    byEntity.set(entity, new Map(rows.map((r) => [String(r['id']), r])));
  }
  // A membership is its person; the people are looked up once more only if they were not already.
  const memberships = byEntity.get('Membership');
  if (memberships?.size) {
    const people = new Set([...memberships.values()].map((m) => m['userId']).filter((x): x is string => typeof x === 'string'));
    const known = byEntity.get('AppUser') ?? new Map<string, Record<string, unknown>>();
    const missing = [...people].filter((id) => !known.has(id));
    if (missing.length) {
      for (const u of (await em.find('AppUser', { id: { $in: missing } } as never)) as Array<Record<string, unknown>>) known.set(String(u['id']), u);
      byEntity.set('AppUser', known);
    }
  }
  const name = (entity: string, id: string): string | null => {
    const row = byEntity.get(entity)?.get(id);
    if (!row) return null;
    if (entity === 'Membership') {
      const person = byEntity.get('AppUser')?.get(String(row['userId']));
      return person ? nameOf(person) : null;
    }
    return nameOf(row);
  };
  const recordNames = new Map<string, string>();
  for (const r of records) {
    const n = ENTITY_OF_TYPE[r.entityType] ? name(ENTITY_OF_TYPE[r.entityType], r.entityId) : null;
    if (n) recordNames.set(`${r.entityType}:${r.entityId}`, n);
  }
  const ids = new Map<string, string>();
  for (const [entity, rows] of byEntity) {
    if (entity === 'Membership') continue;
    for (const id of rows.keys()) {
      const n = name(entity, id);
      if (n) ids.set(id, n);
    }
  }
  return { records: recordNames, ids };
}
