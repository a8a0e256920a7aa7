import type {
  PlatformAuditEventDto,
  StandardCriterionDto,
  StandardSectionDto,
  StandardSetDto,
  StandardVersionDto,
  StandardVersionSummaryDto,
} from '@plexus/contracts';
import type {
  AppUser,
  PlatformAuditEvent,
  StandardCriterion,
  StandardSection,
  StandardSet,
  StandardSetVersion,
  StandardVersionCounts,
} from '@plexus/server';

/** What the caller may do, worked out once per request by the service. */
export interface StandardsCaller {
  /** May change this keeper's sets: a manager for the network's own, an operator for the national ones. */
  manages: (record: { networkId: string | null }) => boolean;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function toVersionSummaryDto(v: StandardSetVersion, counts: StandardVersionCounts | undefined): StandardVersionSummaryDto {
  return {
    id: v.id,
    version: v.version,
    status: v.status,
    frozen: v.frozenAt !== null,
    frozenAt: iso(v.frozenAt),
    publishedAt: iso(v.publishedAt),
    sectionCount: counts?.sections ?? 0,
    criterionCount: counts?.criteria ?? 0,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  };
}

function setFields(s: StandardSet) {
  return {
    id: s.id,
    code: s.code,
    name: s.name,
    kind: s.kind,
    answerScale: s.answerScale,
    description: s.description,
    national: s.networkId === null,
  };
}

/** A set with its versions (newest first). */
export function toStandardSetDto(
  s: StandardSet,
  versions: StandardSetVersion[],
  counts: Map<string, StandardVersionCounts>,
  caller: StandardsCaller,
): StandardSetDto {
  const own = versions.filter((v) => v.setId === s.id).sort((a, b) => b.version - a.version);
  const manages = caller.manages(s);
  return {
    ...setFields(s),
    versions: own.map((v) => toVersionSummaryDto(v, counts.get(v.id))),
    currentVersionId: own.find((v) => v.status === 'published')?.id ?? null,
    can: { manage: manages, newVersion: manages && own.length > 0 && !own.some((v) => v.status === 'draft') },
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

export function toCriterionDto(c: StandardCriterion): StandardCriterionDto {
  return {
    id: c.id,
    sectionId: c.sectionId,
    position: c.position,
    number: c.number,
    text: c.text,
    evidenceExpected: c.evidenceExpected,
    appliesTo: [...c.appliesTo],
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function toSectionDto(s: StandardSection, criteria: StandardCriterion[]): StandardSectionDto {
  return {
    id: s.id,
    position: s.position,
    number: s.number,
    title: s.title,
    criteria: criteria
      .filter((c) => c.sectionId === s.id)
      .sort((a, b) => a.position - b.position)
      .map(toCriterionDto),
    createdAt: s.createdAt.toISOString(),
    updatedAt: s.updatedAt.toISOString(),
  };
}

/** A version with its sections and criteria in order, and the set's other versions. */
export function toStandardVersionDto(
  v: StandardSetVersion,
  set: StandardSet,
  sections: StandardSection[],
  criteria: StandardCriterion[],
  allVersions: StandardSetVersion[],
  counts: Map<string, StandardVersionCounts>,
  caller: StandardsCaller,
): StandardVersionDto {
  const manages = caller.manages(set);
  const versions = allVersions.filter((x) => x.setId === set.id).sort((a, b) => b.version - a.version);
  const isDraft = v.status === 'draft';
  return {
    id: v.id,
    version: v.version,
    status: v.status,
    frozen: v.frozenAt !== null,
    frozenAt: iso(v.frozenAt),
    publishedAt: iso(v.publishedAt),
    set: setFields(set),
    sections: [...sections].sort((a, b) => a.position - b.position).map((s) => toSectionDto(s, criteria)),
    criterionCount: criteria.length,
    otherVersions: versions.filter((x) => x.id !== v.id).map((x) => toVersionSummaryDto(x, counts.get(x.id))),
    can: {
      edit: manages && v.frozenAt === null,
      publish: manages && isDraft && criteria.length > 0,
      delete: manages && isDraft && versions.length > 1,
      newVersion: manages && !versions.some((x) => x.status === 'draft'),
    },
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
  };
}

export function toPlatformAuditEventDto(e: PlatformAuditEvent, people: Map<string, AppUser>): PlatformAuditEventDto {
  const actor = e.actorUserId ? people.get(e.actorUserId) : undefined;
  return {
    id: e.id,
    occurredAt: e.occurredAt.toISOString(),
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    actor: actor ? { userId: actor.id, displayName: actor.displayName } : null,
    changes: e.changes,
  };
}
