import { Entity, Property } from '@mikro-orm/core';
import { TimestampedTenantEntity } from '../db/timestamped-tenant.entity';

/** A numbered specific objective under a theme. */
@Entity({ tableName: 'work_plan_objective' })
export class WorkPlanObjective extends TimestampedTenantEntity {
  @Property({ type: 'uuid' })
  planId!: string;

  @Property({ type: 'uuid' })
  themeId!: string;

  @Property({ type: 'text' })
  number = '';

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'integer' })
  position = 0;
}
