import { Entity, Property } from '@mikro-orm/core';
import { TimestampedTenantEntity } from '../db/timestamped-tenant.entity';

/** A person who receives the network's reports by email (no account needed). Email unique per network, lower-cased. */
@Entity({ tableName: 'recipient' })
export class Recipient extends TimestampedTenantEntity {
  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  email!: string;

  /** One of the network's member organisations, or null (then `organisationName` is free text, possibly empty). */
  @Property({ type: 'uuid', nullable: true })
  organisationId: string | null = null;

  @Property({ type: 'text' })
  organisationName = '';

  @Property({ type: 'text' })
  role = '';
}
