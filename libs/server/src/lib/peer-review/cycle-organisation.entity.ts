import { Entity, Property } from '@mikro-orm/core';
import { TenantCreatedAtEntity } from '../db/tenant-created-at.entity';

/** A member organisation in a cycle's scope: it owes a submission for every required document of the cycle. */
@Entity({ tableName: 'review_cycle_organisation' })
export class ReviewCycleOrganisation extends TenantCreatedAtEntity {
  @Property({ type: 'uuid' })
  cycleId!: string;

  @Property({ type: 'uuid' })
  organisationId!: string;
}
