import { Entity, Property } from '@mikro-orm/core';
import type { StandardVersionStatus } from '@plexus/domain';
import { NationalOrTenantEntity } from '../db/national-or-tenant.entity';

/**
 * One version of a standard set (1, 2, 3…, unique per set): a draft while it is written, published once it may be
 * used. `frozenAt` is set when a peer review cycle first uses it (`StandardSetRepository.freezeVersion`); a frozen
 * version refuses edits (the API answers 409, and database triggers refuse them too): edits make a new version.
 * `networkId` is the set's (null for a national set).
 */
@Entity({ tableName: 'standard_set_version' })
export class StandardSetVersion extends NationalOrTenantEntity {
  @Property({ type: 'uuid' })
  setId!: string;

  @Property({ type: 'integer' })
  version!: number;

  @Property({ type: 'text' })
  status: StandardVersionStatus = 'draft';

  @Property({ type: 'datetime', nullable: true })
  publishedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  frozenAt: Date | null = null;

  get frozen(): boolean {
    return this.frozenAt !== null;
  }
}
