import { Entity, Property } from '@mikro-orm/core';
import { TimestampedTenantEntity } from '../db/timestamped-tenant.entity';

export type EmailStatus = 'pending' | 'sending' | 'sent' | 'failed';

/** An email to send, written in the same transaction as what caused it; the worker delivers it once. */
@Entity({ tableName: 'email_outbox' })
export class EmailOutbox extends TimestampedTenantEntity {
  @Property({ type: 'text' })
  kind!: string;

  @Property({ type: 'text' })
  toAddress!: string;

  @Property({ type: 'text' })
  subject!: string;

  @Property({ type: 'text' })
  bodyText!: string;

  @Property({ type: 'text' })
  status: EmailStatus = 'pending';

  @Property({ type: 'integer' })
  attempts = 0;

  @Property({ type: 'text' })
  messageId!: string;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'datetime', nullable: true })
  sentAt: Date | null = null;
}
