import { Entity, Property } from '@mikro-orm/core';
import { TenantCreatedAtEntity } from '../db/tenant-created-at.entity';

/** One of a schedule's addressees: a recipient, or a distribution list (its members at the time of each run). */
@Entity({ tableName: 'report_schedule_target' })
export class ReportScheduleTarget extends TenantCreatedAtEntity {
  @Property({ type: 'uuid' })
  scheduleId!: string;

  @Property({ type: 'uuid', nullable: true })
  recipientId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  listId: string | null = null;
}
