import { Entity, Property } from '@mikro-orm/core';
import { TenantCreatedAtEntity } from '../db/tenant-created-at.entity';

export type ReportRunState = 'pending' | 'rendering' | 'sent' | 'skipped_unchanged' | 'skipped_no_recipients' | 'failed';
export type ReportRunTrigger = 'schedule' | 'manual';

/**
 * One due run of a schedule, unique per (schedule, period) in the database: a duplicated tick, a second worker or
 * a restart finds the period taken. pending → rendering (its document in the library) → sent (one delivery per
 * recipient written to the outbox); or skipped (unchanged since the last delivery, or nobody to send to); or failed.
 */
@Entity({ tableName: 'report_run' })
export class ReportRun extends TenantCreatedAtEntity {
  @Property({ type: 'uuid' })
  scheduleId!: string;

  @Property({ type: 'text' })
  periodKey!: string;

  @Property({ type: 'datetime' })
  dueAt!: Date;

  @Property({ type: 'text' })
  trigger: ReportRunTrigger = 'schedule';

  @Property({ type: 'uuid', nullable: true })
  requestedBy: string | null = null;

  @Property({ type: 'text' })
  state: ReportRunState = 'pending';

  @Property({ type: 'uuid', nullable: true })
  documentId: string | null = null;

  /** SHA-256 of the view model (without its generation date): "only if changed" compares it with the last delivered run's. */
  @Property({ type: 'text', nullable: true })
  contentHash: string | null = null;

  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  finishedAt: Date | null = null;
}
