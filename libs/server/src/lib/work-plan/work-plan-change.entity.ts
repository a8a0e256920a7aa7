import { Entity, Property } from '@mikro-orm/core';
import { TenantCreatedAtEntity } from '../db/tenant-created-at.entity';

export type WorkPlanChangeSubject = 'plan' | 'theme' | 'objective' | 'item';
export type WorkPlanChangeAction = 'create' | 'update' | 'delete';

/** A change to an approved plan: what changed (before → after), the reason given, and who made it. */
@Entity({ tableName: 'work_plan_change' })
export class WorkPlanChange extends TenantCreatedAtEntity {
  @Property({ type: 'uuid' })
  planId!: string;

  @Property({ type: 'text' })
  subjectType!: WorkPlanChangeSubject;

  @Property({ type: 'uuid' })
  subjectId!: string;

  @Property({ type: 'text' })
  subjectLabel = '';

  @Property({ type: 'text' })
  action!: WorkPlanChangeAction;

  @Property({ type: 'json' })
  changes: Record<string, { from: unknown; to: unknown }> = {};

  @Property({ type: 'text' })
  reason!: string;

  @Property({ type: 'uuid', nullable: true })
  actorUserId: string | null = null;

  @Property({ type: 'text' })
  actorName = '';
}
