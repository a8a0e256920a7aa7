import { Entity, Property } from '@mikro-orm/core';
import type { MembershipRole } from '@plexus/domain';
import { TimestampedTenantEntity } from '../db/timestamped-tenant.entity';

@Entity({ tableName: 'membership' })
export class Membership extends TimestampedTenantEntity {
  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text' })
  role!: MembershipRole;

  @Property({ type: 'uuid', nullable: true })
  organisationId: string | null = null;
}
