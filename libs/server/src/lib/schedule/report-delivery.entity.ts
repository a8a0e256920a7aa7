import { Entity, Property } from '@mikro-orm/core';
import { TenantCreatedAtEntity } from '../db/tenant-created-at.entity';

export type DeliveryMode = 'attach' | 'link';

/**
 * One recipient's copy of a run: its email in the outbox (whose row holds the sending state, attempts and the
 * SMTP server's answer), the address and name as they were at the time, and how the document went (attached or linked).
 */
@Entity({ tableName: 'report_delivery' })
export class ReportDelivery extends TenantCreatedAtEntity {
  @Property({ type: 'uuid' })
  runId!: string;

  @Property({ type: 'uuid', nullable: true })
  recipientId: string | null = null;

  @Property({ type: 'text' })
  recipientName!: string;

  @Property({ type: 'text' })
  toAddress!: string;

  @Property({ type: 'uuid' })
  emailId!: string;

  @Property({ type: 'text' })
  mode: DeliveryMode = 'attach';

  /** SHA-256 of the one-click unsubscribe token in the email (the token itself is never stored). */
  @Property({ type: 'text' })
  unsubscribeTokenHash!: string;
}
