import { Entity, Property } from '@mikro-orm/core';
import type { SubmissionState } from '@plexus/domain';
import { TimestampedTenantEntity } from '../db/timestamped-tenant.entity';

/**
 * One required document of one organisation in scope, for a submission activity (unique per activity, organisation
 * and document name). Its versions are `SubmissionFile`s; the reminders sent for it, `SubmissionChaser`s.
 */
@Entity({ tableName: 'submission' })
export class Submission extends TimestampedTenantEntity {
  @Property({ type: 'uuid' })
  cycleId!: string;

  @Property({ type: 'uuid' })
  activityId!: string;

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'text' })
  documentName!: string;

  @Property({ type: 'text' })
  state: SubmissionState = 'awaited';

  /** Why more information was asked for ('' otherwise). */
  @Property({ type: 'text' })
  reason = '';

  /** `YYYY-MM-DD`: the activity's due date, or a later one set when more information was asked for. */
  @Property({ type: 'string', columnType: 'date' })
  dueDate!: string;

  @Property({ type: 'datetime', nullable: true })
  submittedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  submittedBy: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  reviewedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  reviewedBy: string | null = null;
}
