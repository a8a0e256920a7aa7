import { Entity, Property } from '@mikro-orm/core';
import { TenantCreatedAtEntity } from '../db/tenant-created-at.entity';

/** A small file kept in the database under the tenant's RLS (logos). Large documents go through a storage interface. */
@Entity({ tableName: 'stored_file' })
export class StoredFile extends TenantCreatedAtEntity {
  @Property({ type: 'text' })
  purpose!: string;

  @Property({ type: 'text' })
  contentType!: string;

  @Property({ type: 'integer' })
  sizeBytes!: number;

  @Property({ type: 'text' })
  sha256!: string;

  @Property({ type: 'blob', lazy: true })
  data!: Buffer;

  @Property({ type: 'uuid', nullable: true })
  createdBy: string | null = null;
}
