import { Entity, Property } from '@mikro-orm/core';
import { TimestampedTenantEntity } from '../db/timestamped-tenant.entity';

/**
 * What a manager writes for a financial year's annual report, kept between sittings with the report's settings: one
 * per network and year (`2024/25`). The report reads it when it is generated; the document is the snapshot.
 */
@Entity({ tableName: 'annual_report_draft' })
export class AnnualReportDraft extends TimestampedTenantEntity {
  /** `2024/25`. */
  @Property({ type: 'text' })
  fy!: string;

  /** The plan whose delivery the report tells; null: the plan that covers the year. */
  @Property({ type: 'uuid', nullable: true })
  planId: string | null = null;

  @Property({ type: 'text' })
  chairForeword = '';

  @Property({ type: 'text' })
  highlights = '';

  @Property({ type: 'text' })
  priorities = '';

  @Property({ type: 'text' })
  updatedByName = '';

  @Property({ type: 'integer' })
  version = 1;
}
