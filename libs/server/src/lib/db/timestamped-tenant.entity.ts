import { Property } from '@mikro-orm/core';
import { TenantCreatedAtEntity } from './tenant-created-at.entity';

/** A network's editable row: `created_at`, and `updated_at` set on every change. */
export abstract class TimestampedTenantEntity extends TenantCreatedAtEntity {
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
