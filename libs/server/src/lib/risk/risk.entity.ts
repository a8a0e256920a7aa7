import { Entity, Property } from '@mikro-orm/core';
import { TenantEntity } from '../entities/tenant-entity';

export type RiskStatusValue = 'open' | 'closed';

@Entity({ tableName: 'risk' })
export class Risk extends TenantEntity {
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

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

@Entity({ tableName: 'risk_review' })
export class RiskReview extends TenantEntity {
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

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}

/** A work item that mitigates a risk. */
@Entity({ tableName: 'risk_work_item' })
export class RiskWorkItem extends TenantEntity {
  @Property({ type: 'uuid' })
  riskId!: string;

  @Property({ type: 'uuid' })
  workItemId!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}

export type RiskScoreSource = 'registered' | 'edited' | 'reviewed' | 'imported' | 'closed' | 'reopened';

@Entity({ tableName: 'risk_score_change' })
export class RiskScoreChange extends TenantEntity {
  @Property({ type: 'uuid' })
  riskId!: string;

  @Property({ type: 'string', columnType: 'date' })
  effectiveOn!: string;

  @Property({ type: 'text' })
  source!: RiskScoreSource;

  @Property({ type: 'integer', nullable: true })
  likelihoodBefore: number | null = null;

  @Property({ type: 'integer', nullable: true })
  impactBefore: number | null = null;

  @Property({ type: 'integer', nullable: true })
  legacyScoreBefore: number | null = null;

  @Property({ type: 'integer', nullable: true })
  likelihoodAfter: number | null = null;

  @Property({ type: 'integer', nullable: true })
  impactAfter: number | null = null;

  @Property({ type: 'integer', nullable: true })
  legacyScoreAfter: number | null = null;

  @Property({ type: 'uuid', nullable: true })
  actorUserId: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
