import { Entity, Property } from '@mikro-orm/core';
import type { SubmissionNoticeStep } from '@plexus/domain';
import { TenantEntity } from '../db/tenant.entity';

/**
 * A reminder emailed to an organisation's contributors about one submission: its step (`before-14d`, `overdue`) and
 * the due date it counted from — unique together, so that a step is never emailed twice. Written by the worker in the
 * same transaction as the emails (insert … on conflict do nothing). A request for more information is recorded here
 * too (`information-v2`, by the API in the request's transaction), with the due date the resubmission is due by.
 */
@Entity({ tableName: 'submission_chaser' })
export class SubmissionChaser extends TenantEntity {
  @Property({ type: 'uuid' })
  submissionId!: string;

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'text' })
  step!: SubmissionNoticeStep;

  @Property({ type: 'string', columnType: 'date' })
  dueDate!: string;

  @Property({ type: 'datetime' })
  sentAt: Date = new Date();

  /** The outbox emails sent, one per contributor. */
  @Property({ type: 'json' })
  emailIds: string[] = [];
}
