import { PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * A row that belongs to one network, or (`networkId` null) to what the platform operator keeps for every network: a
 * national standard set. A network reads its own rows and the national ones and writes only its own; operators write
 * the national ones (`TenantDb.asOperator`). Filtered by the ORM's `nationalOrTenant` filter and by PostgreSQL RLS
 * (Migration20261203110000_standard_sets). Editable: `created_at`, and `updated_at` set on every change.
 */
export abstract class NationalOrTenantEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The network the row belongs to; null for a national row kept by the platform operator. */
  @Property({ type: 'uuid', nullable: true })
  networkId: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  /** Kept by the platform operator for every network (read-only to networks). */
  get national(): boolean {
    return this.networkId === null;
  }
}
