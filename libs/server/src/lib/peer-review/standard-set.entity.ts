import { Entity, Property } from '@mikro-orm/core';
import type { AssessmentScaleId, StandardSetKind } from '@plexus/domain';
import { NationalOrTenantEntity } from '../db/national-or-tenant.entity';

/**
 * A standard set (issue 9): a national service specification, a network's standards or an assessment tool like seed
 * 001's. Its criteria live in versions (`StandardSetVersion`). `networkId` null: a national set kept by the platform
 * operator, which every network reads. `code` ("D15") is unique per keeper, ignoring case.
 */
@Entity({ tableName: 'standard_set' })
export class StandardSet extends NationalOrTenantEntity {
  @Property({ type: 'text' })
  code!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  kind!: StandardSetKind;

  /** How a self-assessment answers its criteria: RAG, or Met / Partially met / Not met / Not applicable. */
  @Property({ type: 'text' })
  answerScale: AssessmentScaleId = 'met';

  @Property({ type: 'text' })
  description = '';
}
