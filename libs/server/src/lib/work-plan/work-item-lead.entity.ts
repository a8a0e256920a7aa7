import { Entity, Property } from '@mikro-orm/core';
import { TimestampedTenantEntity } from '../db/timestamped-tenant.entity';

/** A lead of a work item: a member of the network, a role title, or a role and its holder. */
@Entity({ tableName: 'work_item_lead' })
export class WorkItemLead extends TimestampedTenantEntity {
  @Property({ type: 'uuid' })
  itemId!: string;

  @Property({ type: 'uuid', nullable: true })
  userId: string | null = null;

  @Property({ type: 'text' })
  title = '';

  @Property({ type: 'integer' })
  position = 0;
}
