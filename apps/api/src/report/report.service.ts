import { Inject, Injectable } from '@nestjs/common';
import { REPORT_KIND_LABELS, type ReportDocumentDto, type requestReportSchema } from '@plexus/contracts';
import { can } from '@plexus/domain';
import { AppUser, DOCUMENT_STORAGE, JobQueue, RequestScopes, ReportDocument, Risk, type DocumentStorage } from '@plexus/server';
import type { z } from 'zod';
import { DomainException } from '../core/http/domain.exception';

type ReportRequest = z.output<typeof requestReportSchema>;

export function toReportDto(d: ReportDocument, requester: AppUser | undefined, slug: string, canRetry: boolean): ReportDocumentDto {
  return {
    id: d.id,
    kind: d.kind,
    title: d.title,
    status: d.status,
    progress: d.progress,
    requestedAt: d.requestedAt.toISOString(),
    requestedBy: { userId: d.requestedBy, name: requester?.displayName ?? 'Former member' },
    startedAt: d.startedAt?.toISOString() ?? null,
    finishedAt: d.finishedAt?.toISOString() ?? null,
    attempts: d.attempts,
    failureReason: d.failureReason,
    templateVersion: d.templateVersion,
    sizeBytes: d.sizeBytes,
    pageCount: d.pageCount,
    sha256: d.sha256,
    downloadUrl: d.status === 'ready' ? `/api/networks/${slug}/reports/${d.id}/download` : null,
    can: { retry: canRetry && d.status === 'failed' },
  };
}

/**
 * Records a report request and enqueues its rendering after commit. If the process dies in between, the
 * worker's sweep enqueues queued documents again; the job id (the document id) keeps that to one run.
 */
@Injectable()
export class ReportService {
  constructor(
    private readonly jobs: JobQueue,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  private async dtos(docs: ReportDocument[]): Promise<ReportDocumentDto[]> {
    const users = await RequestScopes.em().find(AppUser, { id: { $in: docs.map((d) => d.requestedBy).filter((x): x is string => !!x) } });
    const tenant = RequestScopes.tenant();
    return docs.map((d) => toReportDto(d, users.find((u) => u.id === d.requestedBy), tenant.networkSlug, can(tenant.role, 'reports.generate')));
  }

  private async load(id: string): Promise<ReportDocument> {
    const d = await RequestScopes.em().findOne(ReportDocument, { id });
    if (!d) throw DomainException.notFound('document');
    return d;
  }

  private enqueue(doc: ReportDocument): void {
    const networkId = doc.networkId;
    RequestScopes.afterCommit(async () => {
      await this.jobs.enqueue('report.render', { networkId, documentId: doc.id });
    });
  }

  async request(input: ReportRequest): Promise<ReportDocumentDto> {
    const em = RequestScopes.em();
    if (input.kind === 'board_paper' && input.cover.riskReferences.length) {
      const found = new Set((await em.find(Risk, { reference: { $in: input.cover.riskReferences } })).map((r) => r.reference));
      const index = input.cover.riskReferences.findIndex((ref) => !found.has(ref));
      if (index >= 0) throw DomainException.field(`cover.riskReferences.${index}`, `${input.cover.riskReferences[index]} is not in this network's risk register`);
    }
    const kindLabel = REPORT_KIND_LABELS[input.kind];
    const doc = Object.assign(new ReportDocument(), {
      networkId: RequestScopes.networkId(),
      kind: input.kind,
      title: input.title || kindLabel,
      options: input as unknown as Record<string, unknown>,
      requestedBy: RequestScopes.current()?.userId ?? null,
    });
    em.persist(doc);
    await em.flush();
    this.enqueue(doc);
    return (await this.dtos([doc]))[0];
  }

  async list(): Promise<ReportDocumentDto[]> {
    return this.dtos(await RequestScopes.em().find(ReportDocument, {}, { orderBy: { requestedAt: 'desc' }, limit: 200 }));
  }

  async get(id: string): Promise<ReportDocumentDto> {
    return (await this.dtos([await this.load(id)]))[0];
  }

  async retry(id: string): Promise<ReportDocumentDto> {
    const doc = await this.load(id);
    if (doc.status !== 'failed') throw new DomainException('conflict', `Only a failed document can be retried; this one is ${doc.status}`);
    Object.assign(doc, { status: 'queued', progress: 0, failureReason: null, requestedAt: new Date() });
    await RequestScopes.em().flush();
    const networkId = doc.networkId;
    RequestScopes.afterCommit(async () => {
      // A failed job keeps its id in BullMQ: enqueueAgain removes it so that the same id can run again.
      await this.jobs.enqueueAgain('report.render', { networkId, documentId: doc.id });
    });
    return (await this.dtos([doc]))[0];
  }

  async download(id: string): Promise<{ doc: ReportDocument; bytes: Buffer }> {
    const doc = await this.load(id);
    if (doc.status !== 'ready' || !doc.storageKey) throw new DomainException('conflict', `This document is ${doc.status}, not ready to download yet`);
    return { doc, bytes: await this.storage.get(doc.storageKey) };
  }
}
