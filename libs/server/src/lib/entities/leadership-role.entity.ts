import { Entity, Property } from '@mikro-orm/core';
import { TenantEntity } from './tenant-entity';

@Entity({ tableName: 'leadership_role' })
export class LeadershipRole extends TenantEntity {
  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'text' })
  personName!: string;

  @Property({ type: 'integer' })
  position = 0;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
