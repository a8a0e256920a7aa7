import { Entity, Property } from '@mikro-orm/core';
import { TenantCreatedAtEntity } from '../db/tenant-created-at.entity';

/** A recipient who asked (one-click, from an email) to stop receiving one schedule. Other schedules are unchanged. */
@Entity({ tableName: 'report_schedule_unsubscribe' })
export class ReportScheduleUnsubscribe extends TenantCreatedAtEntity {
  @Property({ type: 'uuid' })
  scheduleId!: string;

  @Property({ type: 'uuid' })
  recipientId!: string;

  /** The delivery whose email was used, when known. */
  @Property({ type: 'uuid', nullable: true })
  deliveryId: string | null = null;
}
