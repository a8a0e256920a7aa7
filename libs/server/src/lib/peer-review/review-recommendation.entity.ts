import { Entity, Property } from '@mikro-orm/core';
import { TimestampedTenantEntity } from '../db/timestamped-tenant.entity';

/** A recommendation of a finding, in order; when the report is issued it becomes an action of the organisation's plan. */
@Entity({ tableName: 'review_recommendation' })
export class ReviewRecommendation extends TimestampedTenantEntity {
  @Property({ type: 'uuid' })
  reportId!: string;

  @Property({ type: 'uuid' })
  findingId!: string;

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'text' })
  text!: string;
}
