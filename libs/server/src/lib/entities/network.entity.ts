import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** The registry of tenants. Readable by slug before a tenant is chosen; changed only within its own context. */
@Entity({ tableName: 'network' })
export class Network {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  slug!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
