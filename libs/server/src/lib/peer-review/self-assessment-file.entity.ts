import { Entity, Property } from '@mikro-orm/core';
import type { SubmissionFileKind } from '@plexus/domain';
import { TenantEntity } from '../db/tenant.entity';

/**
 * An evidence file of one criterion's answer in a self-assessment: what its bytes are (sniffed, as a submission's),
 * and where the document storage keeps them. One carried forward from the previous cycle refers to the same bytes
 * (`storageKey`) and is marked until the answer is confirmed.
 */
@Entity({ tableName: 'self_assessment_file' })
export class SelfAssessmentFile extends TenantEntity {
  @Property({ type: 'uuid' })
  selfAssessmentId!: string;

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'uuid' })
  criterionId!: string;

  @Property({ type: 'text' })
  fileName!: string;

  @Property({ type: 'text' })
  kind!: SubmissionFileKind;

  @Property({ type: 'text' })
  contentType!: string;

  @Property({ type: 'integer' })
  sizeBytes!: number;

  @Property({ type: 'text' })
  sha256!: string;

  /** `self-assessments/<network id>/<file id>` in the document storage (a carried-forward copy keeps its origin's). */
  @Property({ type: 'text' })
  storageKey!: string;

  @Property({ type: 'boolean' })
  carriedForward = false;

  @Property({ type: 'uuid', nullable: true })
  uploadedBy: string | null = null;

  @Property({ type: 'datetime' })
  uploadedAt: Date = new Date();
}
