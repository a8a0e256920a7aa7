import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { AuditAction, AuditChanges } from './audit-event.entity';

/**
 * What platform operators change in what they keep for every network (national standard sets): the same record as
 * `AuditEvent`, without a network. Append-only; operators read it (RLS: operator mode only).
 */
@Entity({ tableName: 'platform_audit_event' })
export class PlatformAuditEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'datetime' })
  occurredAt: Date = new Date();

  @Property({ type: 'uuid', nullable: true })
  actorUserId: string | null = null;

  @Property({ type: 'text' })
  action!: AuditAction;

  @Property({ type: 'text' })
  entityType!: string;

  @Property({ type: 'text' })
  entityId!: string;

  @Property({ type: 'json' })
  changes: AuditChanges = {};

  @Property({ type: 'text', nullable: true })
  requestId: string | null = null;
}
