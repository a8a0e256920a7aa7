import { Entity, Property } from '@mikro-orm/core';
import { NationalOrTenantEntity } from '../db/national-or-tenant.entity';

/**
 * A section of a standard set's version, in order (`position` from 1, unique per version, checked at commit so that a
 * reorder can swap them), with its number as written ("1", "D15-1"; unique in the version where given) and title.
 */
@Entity({ tableName: 'standard_section' })
export class StandardSection extends NationalOrTenantEntity {
  @Property({ type: 'uuid' })
  versionId!: string;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'text' })
  number = '';

  @Property({ type: 'text' })
  title!: string;
}
