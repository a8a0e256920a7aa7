import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { TimestampedEntity } from '../db/timestamped.entity';

/** A person. Global: one account across networks; what they may see comes from their memberships. */
@Entity({ tableName: 'app_user' })
export class AppUser extends TimestampedEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text' })
  displayName!: string;

  @Property({ type: 'text', nullable: true, hidden: true, lazy: true })
  passwordHash: string | null = null;

  @Property({ type: 'boolean' })
  isOperator = false;
}
