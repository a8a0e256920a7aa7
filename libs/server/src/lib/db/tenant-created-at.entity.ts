import { Property } from '@mikro-orm/core';
import { TenantEntity } from './tenant.entity';

/** A network's row written once and never edited (progress updates, reviews, score history, change log, files): `created_at`. */
export abstract class TenantCreatedAtEntity extends TenantEntity {
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
