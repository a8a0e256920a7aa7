import { Entity, Property } from '@mikro-orm/core';
import type { AssessmentAnswer } from '@plexus/domain';
import { TimestampedTenantEntity } from '../db/timestamped-tenant.entity';

/**
 * The answer to one criterion of a self-assessment (unique per criterion): a rating on the standard set's scale (null
 * until rated), the evidence, the gaps identified and comments. `carriedForward` while it is still the previous cycle's
 * answer as carried into this one: the organisation confirms or changes it.
 */
@Entity({ tableName: 'self_assessment_answer' })
export class SelfAssessmentAnswer extends TimestampedTenantEntity {
  @Property({ type: 'uuid' })
  selfAssessmentId!: string;

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'uuid' })
  criterionId!: string;

  @Property({ type: 'text', nullable: true })
  rating: AssessmentAnswer | null = null;

  @Property({ type: 'text' })
  evidence = '';

  @Property({ type: 'text' })
  gaps = '';

  @Property({ type: 'text' })
  comments = '';

  @Property({ type: 'boolean' })
  carriedForward = false;

  @Property({ type: 'uuid', nullable: true })
  answeredBy: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  answeredAt: Date | null = null;
}
