import { Entity, Property } from '@mikro-orm/core';
import { TimestampedTenantEntity } from '../db/timestamped-tenant.entity';

export type ScheduleStatus = 'active' | 'paused' | 'archived';
export type ScheduleDelivery = 'attach' | 'link';

/**
 * A report emailed on a recurrence: what to generate (a report request, as the API validated it), when (a
 * recurrence in Europe/London), to whom (its targets) and how (attached or linked, only if changed).
 */
@Entity({ tableName: 'report_schedule' })
export class ReportSchedule extends TimestampedTenantEntity {
  @Property({ type: 'text' })
  name!: string;

  /** The report request (`requestReportSchema`), stored as validated. */
  @Property({ type: 'json' })
  report!: Record<string, unknown>;

  /** The recurrence (`Recurrence` of @plexus/domain), stored as parsed. */
  @Property({ type: 'json' })
  recurrence!: Record<string, unknown>;

  @Property({ type: 'text' })
  status: ScheduleStatus = 'active';

  @Property({ type: 'boolean' })
  onlyIfChanged = false;

  @Property({ type: 'text' })
  delivery: ScheduleDelivery = 'attach';

  @Property({ type: 'integer' })
  linkDays = 30;

  @Property({ type: 'text' })
  subject = '';

  @Property({ type: 'text' })
  message = '';

  @Property({ type: 'uuid', nullable: true })
  createdBy: string | null = null;
}
