import { Entity, Property } from '@mikro-orm/core';
import { TenantEntity } from '../db/tenant.entity';

export type ReportKind = 'progress' | 'risk_register' | 'board_paper' | 'distribution_record' | 'board_pack';
export type ReportStatus = 'queued' | 'rendering' | 'ready' | 'failed';

/** A generated document: requested, rendered by the worker, then kept unchanged as what the board saw. */
@Entity({ tableName: 'report_document' })
export class ReportDocument extends TenantEntity {
  @Property({ type: 'text' })
  kind!: ReportKind;

  @Property({ type: 'text' })
  title!: string;

  @Property({ type: 'json' })
  options: Record<string, unknown> = {};

  @Property({ type: 'text' })
  status: ReportStatus = 'queued';

  @Property({ type: 'integer' })
  progress = 0;

  @Property({ type: 'uuid', nullable: true })
  requestedBy: string | null = null;

  @Property({ type: 'datetime' })
  requestedAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  startedAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  finishedAt: Date | null = null;

  @Property({ type: 'integer' })
  attempts = 0;

  @Property({ type: 'text', nullable: true })
  failureReason: string | null = null;

  @Property({ type: 'text', nullable: true })
  templateVersion: string | null = null;

  @Property({ type: 'json', nullable: true, lazy: true })
  snapshot: unknown = null;

  @Property({ type: 'text', nullable: true })
  storageKey: string | null = null;

  @Property({ type: 'integer', nullable: true })
  sizeBytes: number | null = null;

  @Property({ type: 'integer', nullable: true })
  pageCount: number | null = null;

  @Property({ type: 'text', nullable: true })
  sha256: string | null = null;
}
