import { Injectable } from '@nestjs/common';
import { RequestScopes } from '../tenancy/request-scope';
import { PlatformAuditEvent } from './platform-audit-event.entity';

/** The platform's own audit trail (what operators changed in national standard sets): readable in operator mode only (RLS). */
@Injectable()
export class PlatformAuditRepository {
  /** Newest first; `entityId` narrows it to one record. */
  latest(limit: number, entityId?: string): Promise<PlatformAuditEvent[]> {
    return RequestScopes.em().find(PlatformAuditEvent, entityId ? { entityId } : {}, { orderBy: { occurredAt: 'desc', id: 'desc' }, limit });
  }
}
