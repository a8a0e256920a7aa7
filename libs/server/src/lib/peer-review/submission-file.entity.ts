import { Entity, Property } from '@mikro-orm/core';
import type { SubmissionFileKind } from '@plexus/domain';
import { TenantEntity } from '../db/tenant.entity';

/** One uploaded version of a submission's document: what its bytes are (sniffed), and where the document storage keeps them. */
@Entity({ tableName: 'submission_file' })
export class SubmissionFile extends TenantEntity {
  @Property({ type: 'uuid' })
  submissionId!: string;

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Property({ type: 'integer' })
  version!: number;

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

  /** `submissions/<network id>/<file id>` in the document storage. */
  @Property({ type: 'text' })
  storageKey!: string;

  @Property({ type: 'uuid', nullable: true })
  uploadedBy: string | null = null;

  @Property({ type: 'datetime' })
  uploadedAt: Date = new Date();
}
