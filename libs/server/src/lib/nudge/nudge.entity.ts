import { Entity, Property } from '@mikro-orm/core';
import { TenantCreatedAtEntity } from '../db/tenant-created-at.entity';

/**
 * One lead's nudge in one round (unique per round and lead): the items and risks it asks them to update, the email
 * that carries it, and its single-use, expiring link (only the token's SHA-256 is kept). `usedAt`: when they updated.
 */
@Entity({ tableName: 'nudge' })
export class Nudge extends TenantCreatedAtEntity {
  @Property({ type: 'uuid' })
  roundId!: string;

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text' })
  leadName!: string;

  @Property({ type: 'text' })
  toAddress!: string;

  @Property({ type: 'json' })
  itemIds: string[] = [];

  @Property({ type: 'json' })
  riskIds: string[] = [];

  @Property({ type: 'text' })
  tokenHash!: string;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  usedAt: Date | null = null;

  @Property({ type: 'uuid' })
  emailId!: string;
}
