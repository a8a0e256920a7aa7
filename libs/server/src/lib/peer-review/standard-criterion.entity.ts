import { ArrayType, Entity, Property } from '@mikro-orm/core';
import type { OrganisationType } from '@plexus/domain';
import { NationalOrTenantEntity } from '../db/national-or-tenant.entity';

/**
 * A criterion (a measure) of a standard set's version, in its section's order: its number as written nationally
 * ("T16-2A-101"; unique in the version where given), the criterion, the evidence expected, and the organisation types
 * it applies to (empty: every type; see `criterionApplies` in @plexus/domain).
 */
@Entity({ tableName: 'standard_criterion' })
export class StandardCriterion extends NationalOrTenantEntity {
  @Property({ type: 'uuid' })
  versionId!: string;

  @Property({ type: 'uuid' })
  sectionId!: string;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'text' })
  number = '';

  @Property({ type: 'text' })
  text!: string;

  @Property({ type: 'text' })
  evidenceExpected = '';

  @Property({ type: ArrayType })
  appliesTo: OrganisationType[] = [];
}
