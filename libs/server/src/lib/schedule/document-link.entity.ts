import { Entity, Property } from '@mikro-orm/core';
import { TenantCreatedAtEntity } from '../db/tenant-created-at.entity';

/** A signed, expiring, revocable download link to one document, needing no sign-in. Only the token's hash is kept. */
@Entity({ tableName: 'document_link' })
export class DocumentLink extends TenantCreatedAtEntity {
  @Property({ type: 'uuid' })
  documentId!: string;

  @Property({ type: 'uuid', nullable: true })
  deliveryId: string | null = null;

  @Property({ type: 'text' })
  tokenHash!: string;

  @Property({ type: 'datetime' })
  expiresAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  revokedBy: string | null = null;
}
