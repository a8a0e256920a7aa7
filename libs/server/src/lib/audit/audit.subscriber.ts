import { ArrayType, ChangeSetType, type EntityMetadata, type EventSubscriber, type FlushEventArgs, type Platform } from '@mikro-orm/core';
import { AUDITED_ENTITY_TYPES } from '../db/entity-registry';
import { AuditEvent } from './audit-event.entity';
import { PlatformAuditEvent } from './platform-audit-event.entity';
import { RequestScopes } from '../tenancy/request-scope';
import { auditDiff } from './audit-diff';

const ACTIONS = {
  [ChangeSetType.CREATE]: 'create',
  [ChangeSetType.UPDATE]: 'update',
  [ChangeSetType.DELETE]: 'delete',
} as const;

/**
 * Records every create, update and delete of a tenant record in the same flush, and so the same
 * transaction, as the change itself: who, when, which record, and each changed field before → after. A record that
 * belongs to no network (a national standard set, which only operators write) goes to the platform's own trail.
 */
export class AuditSubscriber implements EventSubscriber {
  async onFlush(args: FlushEventArgs): Promise<void> {
    const scope = RequestScopes.current();
    for (const cs of args.uow.getChangeSets()) {
      const entityName = cs.name;
      const entityType = entityName === 'Network' ? 'network_profile' : AUDITED_ENTITY_TYPES[entityName];
      if (!entityType) continue;
      const action = ACTIONS[cs.type as keyof typeof ACTIONS];
      if (!action) continue;
      const entity = cs.entity as unknown as Record<string, unknown>;
      const networkId = (entityName === 'Network' ? entity['id'] : entity['networkId']) as string | null;
      const entityId = String(entityName === 'NetworkProfile' ? entity['networkId'] : entity['id']);
      const platform = args.em.getPlatform();
      const before = decodeArrays(cs.meta, (cs.originalEntity ?? null) as Record<string, unknown> | null, platform);
      const after =
        action === 'create' ? (entity as Record<string, unknown>) : decodeArrays(cs.meta, cs.payload as Record<string, unknown>, platform);
      const changes = auditDiff(action, before, after);
      if (action === 'update' && Object.keys(changes).length === 0) continue;
      const event = networkId === null ? new PlatformAuditEvent() : Object.assign(new AuditEvent(), { networkId });
      event.actorUserId = scope?.userId ?? null;
      event.requestId = scope?.requestId ?? null;
      event.action = action;
      event.entityType = entityType;
      event.entityId = entityId;
      event.changes = changes;
      args.uow.computeChangeSet(event);
    }
  }
}

/** Array columns (text[]) reach the flush as PostgreSQL array literals (`{a,b}`): compare and store them as lists. */
function decodeArrays(meta: EntityMetadata, record: Record<string, unknown> | null, platform: Platform): Record<string, unknown> | null {
  if (!record) return record;
  let out = record;
  for (const [key, prop] of Object.entries(meta.properties)) {
    const value = record[key];
    if (prop.customType instanceof ArrayType && typeof value === 'string') {
      out = out === record ? { ...record } : out;
      out[key] = prop.customType.convertToJSValue(value, platform);
    }
  }
  return out;
}
