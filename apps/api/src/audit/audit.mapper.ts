import type { AuditEventDto } from '@plexus/contracts';
import type { AppUser, AuditEvent } from '@plexus/server';

/** One entry of the audit trail as the API answers it, with who made the change (if they still have an account). */
export function toAuditEventDto(e: AuditEvent, actor: AppUser | undefined): AuditEventDto {
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

/** The cursor of the page after this event: its time and id. */
export function auditCursor(e: AuditEvent): string {
  return `${e.occurredAt.toISOString()}|${e.id}`;
}
