import { Entity, Property } from '@mikro-orm/core';
import type { FinancialQuarterNumber, ReviewActivityKind } from '@plexus/domain';
import { TimestampedTenantEntity } from '../db/timestamped-tenant.entity';

/**
 * One activity of a cycle's plan, in one quarter of one of its financial years. Kind-specific fields are empty for the
 * other kinds (the database checks it): required documents (submission), standard set version (self-assessment),
 * meeting day, organisation, panel and external reviewers (review meeting).
 */
@Entity({ tableName: 'review_activity' })
export class ReviewActivity extends TimestampedTenantEntity {
  @Property({ type: 'uuid' })
  cycleId!: string;

  /** `2024/25`. */
  @Property({ type: 'text' })
  fy!: string;

  @Property({ type: 'smallint' })
  quarter!: FinancialQuarterNumber;

  @Property({ type: 'text' })
  kind!: ReviewActivityKind;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  description = '';

  /** `YYYY-MM-DD`, within the cycle's years. */
  @Property({ type: 'string', columnType: 'date' })
  dueDate!: string;

  @Property({ type: 'json' })
  requiredDocuments: string[] = [];

  /** Self-assessments: the standard set version (foreign key to standard_set_version; the network's own or national, frozen once used). */
  @Property({ type: 'uuid', nullable: true })
  standardSetVersionId: string | null = null;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  meetingDate: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  organisationId: string | null = null;

  /** Panel members from the network, by user id (checked to be members when written). */
  @Property({ type: 'json' })
  panelUserIds: string[] = [];

  @Property({ type: 'json' })
  externalReviewers: string[] = [];
}
