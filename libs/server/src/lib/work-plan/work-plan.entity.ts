import { Entity, Property } from '@mikro-orm/core';
import { TimestampedTenantEntity } from '../db/timestamped-tenant.entity';

export type WorkPlanStatus = 'draft' | 'approved';

/** A network's objectives and work plan for a period; draft until the board approves it. */
@Entity({ tableName: 'work_plan' })
export class WorkPlan extends TimestampedTenantEntity {
  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'string', columnType: 'date' })
  periodStart!: string;

  @Property({ type: 'string', columnType: 'date' })
  periodEnd!: string;

  @Property({ type: 'text' })
  status: WorkPlanStatus = 'draft';

  @Property({ type: 'string', columnType: 'date', nullable: true })
  approvedOn: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  approvedBy: string | null = null;

  @Property({ type: 'text' })
  approvalNote = '';

  /** The plan this one was rolled over from at year end (its open items carried forward), if any. */
  @Property({ type: 'uuid', nullable: true })
  rolledFromPlanId: string | null = null;

  @Property({ type: 'integer' })
  version = 1;
}
