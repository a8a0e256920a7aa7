import { Entity, Property } from '@mikro-orm/core';
import { TenantCreatedAtEntity } from '../db/tenant-created-at.entity';

/** A recipient in a distribution list (both in the same network, by the keys). */
@Entity({ tableName: 'distribution_list_member' })
export class DistributionListMember extends TenantCreatedAtEntity {
  @Property({ type: 'uuid' })
  listId!: string;

  @Property({ type: 'uuid' })
  recipientId!: string;
}
