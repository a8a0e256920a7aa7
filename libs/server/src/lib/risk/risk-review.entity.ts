import { Entity, Property } from '@mikro-orm/core';
import { TenantCreatedAtEntity } from '../db/tenant-created-at.entity';

@Entity({ tableName: 'risk_review' })
export class RiskReview extends TenantCreatedAtEntity {
  @Property({ type: 'uuid' })
  riskId!: string;

  @Property({ type: 'string', columnType: 'date' })
  reviewedOn!: string;

  @Property({ type: 'uuid', nullable: true })
  reviewerUserId: string | null = null;

  @Property({ type: 'text' })
  reviewerName!: string;

  @Property({ type: 'integer' })
  likelihood!: number;

  @Property({ type: 'integer' })
  impact!: number;

  @Property({ type: 'text' })
  notes = '';

  /** The board meeting the review was done at (same network; cleared if the meeting is deleted). */
  @Property({ type: 'uuid', nullable: true })
  boardMeetingId: string | null = null;
}
