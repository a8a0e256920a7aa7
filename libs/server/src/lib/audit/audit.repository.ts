import { Injectable } from '@nestjs/common';
import type { FilterQuery } from '@mikro-orm/core';
import { RequestScopes } from '../tenancy/request-scope';
import { AuditEvent } from './audit-event.entity';
import { auditNames } from './audit-names';

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  /** Events strictly older than this one (its time, then its id): keyset paging. */
  before?: { at: Date; id: string };
  limit: number;
}

/** Queries for the current network's audit trail (scoped by the tenant filter and RLS). */
@Injectable()
export class AuditRepository {
  /** Newest first; at most `limit` events. */
  page(q: AuditQuery): Promise<AuditEvent[]> {
    const where: FilterQuery<AuditEvent> = {};
    if (q.entityType) where.entityType = q.entityType;
    if (q.entityId) where.entityId = q.entityId;
    if (q.before) where.$or = [{ occurredAt: { $lt: q.before.at } }, { occurredAt: q.before.at, id: { $lt: q.before.id } }];
    return RequestScopes.em().find(AuditEvent, where, { orderBy: { occurredAt: 'desc', id: 'desc' }, limit: q.limit });
  }

  /** The names of these events' records, and of the records and people their changes name by id (see `auditNames`). */
  names(events: AuditEvent[]): ReturnType<typeof auditNames> {
    return auditNames(
      RequestScopes.em(),
      events.map((e) => ({ entityType: e.entityType, entityId: e.entityId })),
      events.map((e) => e.changes),
    );
  }
}
