import { Entity, Property } from '@mikro-orm/core';
import { TenantEntity } from '../db/tenant.entity';

export type AuditAction = 'create' | 'update' | 'delete';
export type AuditChanges = Record<string, { from: unknown; to: unknown }>;

@Entity({ tableName: 'audit_event' })
export class AuditEvent extends TenantEntity {
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
