import { Entity, Property } from '@mikro-orm/core';
import type { ReportKindValue } from '@plexus/contracts';
import { TenantEntity } from '../db/tenant.entity';

/** Every kind the API accepts (`REPORT_KINDS`); the database's `report_document_kind_check` lists the same. */
export type ReportKind = ReportKindValue;
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

  /**
   * Holds member organisations' peer review results (a peer review report or programme summary, a board paper carrying
   * one, a board pack holding such a paper): a contributor, who sees only their own organisation's, does not see it (a
   * restrictive RLS policy). Set when the document is asked for.
   */
  @Property({ type: 'boolean' })
  hiddenFromContributors = false;

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

  /** Withdrawn by a manager: kept as it was, no longer offered by default; its emailed links answer 410. Never undone. */
  @Property({ type: 'datetime', nullable: true })
  withdrawnAt: Date | null = null;

  @Property({ type: 'uuid', nullable: true })
  withdrawnBy: string | null = null;

  @Property({ type: 'text', nullable: true })
  withdrawnReason: string | null = null;
}
