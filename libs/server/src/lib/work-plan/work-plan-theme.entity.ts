import { Entity, Property } from '@mikro-orm/core';
import { TimestampedTenantEntity } from '../db/timestamped-tenant.entity';

/** A function or strategic objective grouping the work ("Quality Strategic Objective: to improve…"). */
@Entity({ tableName: 'work_plan_theme' })
export class WorkPlanTheme extends TimestampedTenantEntity {
  @Property({ type: 'uuid' })
  planId!: string;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  description = '';

  @Property({ type: 'integer' })
  position = 0;
}
