import { Entity, Property } from '@mikro-orm/core';
import { TimestampedTenantEntity } from '../db/timestamped-tenant.entity';

export type RiskStatusValue = 'open' | 'closed';

@Entity({ tableName: 'risk' })
export class Risk extends TimestampedTenantEntity {
  @Property({ type: 'integer' })
  number!: number;

  @Property({ type: 'text' })
  reference!: string;

  @Property({ type: 'text' })
  status: RiskStatusValue = 'open';

  @Property({ type: 'string', columnType: 'date' })
  dateRegistered!: string;

  @Property({ type: 'text' })
  identifiedBy = '';

  @Property({ type: 'text' })
  description!: string;

  @Property({ type: 'text' })
  category = '';

  @Property({ type: 'integer', nullable: true })
  likelihoodBefore: number | null = null;

  @Property({ type: 'integer', nullable: true })
  impactBefore: number | null = null;

  @Property({ type: 'integer', nullable: true })
  legacyScoreBefore: number | null = null;

  @Property({ type: 'text' })
  mitigation = '';

  @Property({ type: 'uuid', nullable: true })
  mitigationLeadUserId: string | null = null;

  @Property({ type: 'text' })
  mitigationLeadName = '';

  @Property({ type: 'integer', nullable: true })
  likelihoodAfter: number | null = null;

  @Property({ type: 'integer', nullable: true })
  impactAfter: number | null = null;

  @Property({ type: 'integer', nullable: true })
  legacyScoreAfter: number | null = null;

  @Property({ type: 'integer', nullable: true })
  targetScore: number | null = null;

  @Property({ type: 'text' })
  outcome = '';

  @Property({ type: 'integer' })
  reviewFrequencyMonths = 3;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  lastReviewedOn: string | null = null;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  nextReviewDue: string | null = null;

  @Property({ type: 'string', columnType: 'date', nullable: true })
  closedOn: string | null = null;

  @Property({ type: 'text', nullable: true })
  closedReason: string | null = null;

  @Property({ type: 'integer' })
  version = 1;
}
