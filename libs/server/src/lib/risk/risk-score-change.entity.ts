import { Entity, Property } from '@mikro-orm/core';
import { TenantCreatedAtEntity } from '../db/tenant-created-at.entity';

export type RiskScoreSource = 'registered' | 'edited' | 'reviewed' | 'imported' | 'closed' | 'reopened';

@Entity({ tableName: 'risk_score_change' })
export class RiskScoreChange extends TenantCreatedAtEntity {
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
}
