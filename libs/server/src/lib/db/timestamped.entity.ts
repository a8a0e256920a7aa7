import { Property } from '@mikro-orm/core';
import { CreatedAtEntity } from './created-at.entity';

/** `created_at`, and `updated_at` set on every change, for editable entities that declare their own key. */
export abstract class TimestampedEntity extends CreatedAtEntity {
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
