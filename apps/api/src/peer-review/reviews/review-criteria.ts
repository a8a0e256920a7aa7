import type { StandardCriterion, StandardSetRepository } from '@plexus/server';
import { DomainException } from '../../core/http/domain.exception';

/**
 * A criterion a finding or an action may name: one of a standard set version this network may use — its own or a
 * national one, published (a draft's criteria may still change or vanish). Another network's, or none, is 404 naming
 * the field; a draft's is 400 naming it.
 */
export async function usableCriterion(standards: StandardSetRepository, id: string | null, field = 'criterionId'): Promise<StandardCriterion | null> {
  if (!id) return null;
  const criterion = await standards.criterion(id);
  if (!criterion) throw DomainException.field(field, 'That criterion is not in a standard set this network uses', 'not_found');
  const version = await standards.version(criterion.versionId);
  if (!version) throw DomainException.field(field, 'That criterion is not in a standard set this network uses', 'not_found');
  if (version.status === 'draft')
    throw DomainException.field(field, 'That criterion is in a draft version: publish the version first, or choose a published one');
  return criterion;
}

/** Criteria by id, as findings and actions name them (those the caller may no longer see are left out). */
export async function criteriaByIds(standards: StandardSetRepository, ids: Array<string | null>): Promise<Map<string, StandardCriterion>> {
  const out = new Map<string, StandardCriterion>();
  for (const id of new Set(ids.filter((x): x is string => !!x))) {
    const c = await standards.criterion(id);
    if (c) out.set(id, c);
  }
  return out;
}

export function criterionRef(c: StandardCriterion | undefined) {
  return c ? { id: c.id, number: c.number, text: c.text, versionId: c.versionId } : null;
}
