import type { AuditEventDto } from '@plexus/contracts';
import type { AppUser, AuditEvent } from '@plexus/server';

const NAMED_BY = ['displayName', 'title', 'name', 'documentName', 'email', 'description', 'work'] as const;

/** A record's name from its own event (the values it was created or deleted with, or a renaming): for records gone since. */
export function nameFromChanges(changes: AuditEvent['changes']): string | null {
  const value = (field: string) => {
    const c = changes[field];
    const v = c ? (c.to ?? c.from) : null;
    return typeof v === 'string' && v.trim() ? v.trim() : null;
  };
  const reference = value('reference');
  const words = NAMED_BY.map(value).find((v): v is string => !!v) ?? null;
  const text = reference && words ? `${reference} ${words}` : (reference ?? words);
  if (!text) return null;
  const one = text.replace(/\s+/g, ' ');
  return one.length > 80 ? `${one.slice(0, 79)}…` : one;
}

/**
 * One entry of the audit trail as the API answers it: who made the change (if they still have an account), and the
 * record's name (as it is now, or as its event gave it).
 */
export function toAuditEventDto(e: AuditEvent, actor: AppUser | undefined, recordName: string | null = null): AuditEventDto {
  return {
    id: e.id,
    occurredAt: e.occurredAt.toISOString(),
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    actor: actor ? { userId: actor.id, displayName: actor.displayName } : null,
    recordName: recordName ?? nameFromChanges(e.changes),
    changes: e.changes,
  };
}

/** The cursor of the page after this event: its time and id. */
export function auditCursor(e: AuditEvent): string {
  return `${e.occurredAt.toISOString()}|${e.id}`;
}
