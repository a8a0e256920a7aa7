import { Entity, Property } from '@mikro-orm/core';
import { TenantCreatedAtEntity } from '../db/tenant-created-at.entity';

/** One download through a document link: when and from which address (shown in the delivery log). */
@Entity({ tableName: 'document_link_download' })
export class DocumentLinkDownload extends TenantCreatedAtEntity {
  @Property({ type: 'uuid' })
  linkId!: string;

  @Property({ type: 'text' })
  ipAddress = '';

  @Property({ type: 'text' })
  userAgent = '';
}
