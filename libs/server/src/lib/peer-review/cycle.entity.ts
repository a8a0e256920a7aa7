import { Entity, Property } from '@mikro-orm/core';
import type { ReviewCycleStatus } from '@plexus/domain';
import { TimestampedTenantEntity } from '../db/timestamped-tenant.entity';

/** A peer review programme over whole NHS financial years (`2024/25`…): draft → active → closed. Its plan is `ReviewActivity`. */
@Entity({ tableName: 'review_cycle' })
export class ReviewCycle extends TimestampedTenantEntity {
  @Property({ type: 'text' })
  name!: string;

  /** `2024/25`. */
  @Property({ type: 'text' })
  firstFy!: string;

  @Property({ type: 'text' })
  lastFy!: string;

  @Property({ type: 'text' })
  status: ReviewCycleStatus = 'draft';

  /** Reminders go this many days before a submission's due date, largest first. */
  @Property({ type: 'json' })
  reminderDays: number[] = [14, 3];
}
