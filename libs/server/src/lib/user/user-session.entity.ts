import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { CreatedAtEntity } from '../db/created-at.entity';

/** A signed-in browser. The id is the SHA-256 of the cookie's token, so a database read leaks no live session. */
@Entity({ tableName: 'user_session' })
export class UserSession extends CreatedAtEntity {
  @PrimaryKey({ type: 'text' })
  id!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text' })
  csrfToken!: string;

  @Property({ type: 'datetime' })
  lastSeenAt: Date = new Date();

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'text', nullable: true })
  ip: string | null = null;

  @Property({ type: 'text', nullable: true })
  userAgent: string | null = null;
}
