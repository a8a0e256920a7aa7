import { Entity, Property } from '@mikro-orm/core';
import type { SelfAssessmentState } from '@plexus/domain';
import { TimestampedTenantEntity } from '../db/timestamped-tenant.entity';

/**
 * One organisation's self-assessment for a self-assessment activity of a cycle (unique per activity and organisation),
 * against the activity's standard set version: draft → submitted (a manager may reopen it). Its answers are
 * `SelfAssessmentAnswer`s; `carriedFromId` names the previous cycle's self-assessment its answers started from.
 */
@Entity({ tableName: 'self_assessment' })
export class SelfAssessment extends TimestampedTenantEntity {
  @Property({ type: 'uuid' })
  cycleId!: string;

  @Property({ type: 'uuid' })
  activityId!: string;

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'uuid' })
  standardSetVersionId!: string;

  @Property({ type: 'text' })
  state: Exclude<SelfAssessmentState, 'not_started'> = 'draft';

  @Property({ type: 'uuid', nullable: true })
  carriedFromId: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  submittedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  submittedBy: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  reopenedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  reopenedBy: string | null = null;
}
