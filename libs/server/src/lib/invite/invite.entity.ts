import { Entity, Property } from '@mikro-orm/core';
import type { MembershipRole } from '@plexus/domain';
import { TimestampedTenantEntity } from '../db/timestamped-tenant.entity';

@Entity({ tableName: 'invite' })
export class Invite extends TimestampedTenantEntity {
  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text' })
  displayName!: string;

  @Property({ type: 'text' })
  role!: MembershipRole;

  @Property({ type: 'uuid', nullable: true })
  organisationId: string | null = null;

  @Property({ type: 'text', hidden: true })
  tokenHash!: string;

  @Property({ type: 'uuid', nullable: true })
  invitedBy: string | null = null;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  acceptedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  acceptedBy: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;
}
