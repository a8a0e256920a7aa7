import { Entity, Property } from '@mikro-orm/core';
import type { ReviewReportState } from '@plexus/domain';
import { TimestampedTenantEntity } from '../db/timestamped-tenant.entity';

/**
 * The peer review of one organisation in a cycle (unique per cycle and organisation), optionally tied to the cycle's
 * review meeting activity: its findings (`ReviewFinding`) and their recommendations; drafted, agreed with the
 * organisation's lead (`agreedWith`, when and who recorded it), then issued (read-only from then on).
 */
@Entity({ tableName: 'review_report' })
export class ReviewReport extends TimestampedTenantEntity {
  @Property({ type: 'uuid' })
  cycleId!: string;

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'uuid', nullable: true })
  meetingActivityId: string | null = null;

  @Property({ type: 'text' })
  summary = '';

  @Property({ type: 'text' })
  state: ReviewReportState = 'draft';

  /** The organisation's lead the report was agreed with, as named ('' until agreed). */
  @Property({ type: 'text' })
  agreedWith = '';

  @Property({ type: 'datetime', nullable: true })
  agreedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  agreedBy: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  issuedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  issuedBy: string | null = null;
}
