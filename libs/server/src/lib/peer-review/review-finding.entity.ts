import { Entity, Property } from '@mikro-orm/core';
import type { FindingClassification } from '@plexus/domain';
import { TimestampedTenantEntity } from '../db/timestamped-tenant.entity';

/**
 * A finding of a review report: about a criterion of a standard set (own or national) or a theme in words, classified
 * (immediate risk, serious concern, concern, good practice), with its recommendations (`ReviewRecommendation`). An
 * immediate risk raised to the risk register keeps the risk's id (one finding per risk).
 */
@Entity({ tableName: 'review_finding' })
export class ReviewFinding extends TimestampedTenantEntity {
  @Property({ type: 'uuid' })
  reportId!: string;

  @Property({ type: 'uuid' })
  organisationId!: string;

  /** 1, 2, 3… in the order added (reports list them by class, then by this). */
  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'text' })
  classification!: FindingClassification;

  @Property({ type: 'uuid', nullable: true })
  criterionId: string | null = null;

  @Property({ type: 'text' })
  theme = '';

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'uuid', nullable: true })
  riskId: string | null = null;
}
