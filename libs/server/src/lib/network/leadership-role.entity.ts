import { Entity, Property } from '@mikro-orm/core';
import { TimestampedTenantEntity } from '../db/timestamped-tenant.entity';

@Entity({ tableName: 'leadership_role' })
export class LeadershipRole extends TimestampedTenantEntity {
  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  personName!: string;

  @Property({ type: 'integer' })
  position = 0;
}
