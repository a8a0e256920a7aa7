import { Entity, Property } from '@mikro-orm/core';
import type { WorkItemStatus } from '@plexus/domain';
import { TenantCreatedAtEntity } from '../db/tenant-created-at.entity';

/** A dated progress update: how the work is going, in words and as a status. */
@Entity({ tableName: 'work_item_progress' })
export class WorkItemProgress extends TenantCreatedAtEntity {
  @Property({ type: 'uuid' })
  itemId!: string;

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
