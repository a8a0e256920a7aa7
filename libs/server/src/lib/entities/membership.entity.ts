import { Entity, Property } from '@mikro-orm/core';
import type { MembershipRole } from '@plexus/domain';
import { TenantEntity } from './tenant-entity';

@Entity({ tableName: 'membership' })
export class Membership extends TenantEntity {
  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text' })
  role!: MembershipRole;

  @Property({ type: 'uuid', nullable: true })
  organisationId: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
