import { Entity, Property } from '@mikro-orm/core';
import type { WorkItemStatus } from '@plexus/domain';
import { TenantCreatedAtEntity } from '../db/tenant-created-at.entity';

/** A dated progress update of an action, as a work item's: how it is going, in words and as a status. */
@Entity({ tableName: 'review_action_progress' })
export class ReviewActionProgress extends TenantCreatedAtEntity {
  @Property({ type: 'uuid' })
  actionId!: string;

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'string', columnType: 'date' })
  onDate!: string;

  @Property({ type: 'text' })
  status!: WorkItemStatus;

  @Property({ type: 'text' })
  narrative!: string;

  @Property({ type: 'uuid', nullable: true })
  authorUserId: string | null = null;

  @Property({ type: 'text' })
  authorName!: string;
}
