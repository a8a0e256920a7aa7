import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { CreatedAtEntity } from '../db/created-at.entity';

/** The registry of tenants. Readable by slug before a tenant is chosen; changed only within its own context. */
@Entity({ tableName: 'network' })
export class Network extends CreatedAtEntity {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  slug!: string;

  @Property({ type: 'text' })
  name!: string;
}
