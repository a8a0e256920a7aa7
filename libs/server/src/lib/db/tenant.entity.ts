import { PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * A row that belongs to one network: a uuid key and `network_id`. Rows of these entities are filtered by the
 * ORM's tenant filter and by PostgreSQL RLS. Tables with timestamps extend `TenantCreatedAtEntity` or
 * `TimestampedTenantEntity`; this base alone is for rows with their own clock (audit events, documents).
 */
export abstract class TenantEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  networkId!: string;
}
