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

  /** The HTML alternative, when the email has one (scheduled reports); plain text is always there. */
  @Property({ type: 'text', nullable: true })
  bodyHtml: string | null = null;

  /** Extra headers (List-Unsubscribe, List-Unsubscribe-Post). */
  @Property({ type: 'json' })
  headers: Record<string, string> = {};

  /** A document of the library attached as its PDF when the email is sent. */
  @Property({ type: 'uuid', nullable: true })
  attachmentDocumentId: string | null = null;

  /** The attachment's file name, e.g. `Progress report 2026-04.pdf`. */
  @Property({ type: 'text', nullable: true })
  attachmentName: string | null = null;

  /** What the SMTP server answered on acceptance (e.g. `250 2.0.0 Ok: queued as …`). */
  @Property({ type: 'text', nullable: true })
  smtpResponse: string | null = null;

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
