import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { CreatedAtEntity } from '../db/created-at.entity';

/** An emailed "choose a new password" link. Only the SHA-256 of its token is kept; it works once, until it expires. */
@Entity({ tableName: 'password_reset' })
export class PasswordReset extends CreatedAtEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text' })
  tokenHash!: string;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  usedAt: Date | null = null;
}
