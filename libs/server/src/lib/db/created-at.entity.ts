import { Property } from '@mikro-orm/core';

/**
 * `created_at` for entities that declare their own key rather than TenantEntity's (people, sessions, the
 * registry of networks, the profile keyed by its network).
 */
export abstract class CreatedAtEntity {
  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
