import { WorkerHost } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { requestReportSchema } from '@plexus/contracts';
import { DOCUMENT_STORAGE, ReportDocument, TenantDb, documentKey, type DocumentStorage, type JobPayloads } from '@plexus/server';
import { UnrecoverableError, type Job } from 'bullmq';
import { createHash } from 'node:crypto';
import { PdfRenderer, newMarker } from './pdf-renderer';
import { TemplateEngine } from './template-engine';
import { TEMPLATE_VERSION } from './templates/document.template';
import { buildDocument } from './view-models/build-document';

export type ReportRenderPayload = JobPayloads['report.render'];

/**
 * Renders one requested document. It re-enters the network named in the payload and re-loads the document
 * there (another network's id finds nothing). A ready document is never rendered again; a retry after a
 * crash writes the same storage key and only the first to finish marks it ready, so a document is finished once.
 */
@Injectable()
export class ReportRenderProcessor extends WorkerHost {
  static readonly handles = ['report.render'] as const;
  private readonly logger = new Logger('ReportRender');

  constructor(
    private readonly db: TenantDb,
    private readonly renderer: PdfRenderer,
    private readonly templates: TemplateEngine,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {
    super();
  }

  private async progress(job: Job<ReportRenderPayload>, value: number): Promise<void> {
    await job.updateProgress(value);
    await this.db.inNetwork({ userId: null, networkId: job.data.networkId }, async ({ em }) => {
      await em.nativeUpdate(ReportDocument, { id: job.data.documentId, status: 'rendering' }, { progress: value });
    });
  }

  async process(job: Job<ReportRenderPayload>): Promise<{ status: 'ready' | 'already-ready'; sha256: string | null }> {
    const { networkId, documentId } = job.data;
    const claim = await this.db.inNetwork({ userId: null, networkId }, async ({ em }) => {
      const doc = await em.findOne(ReportDocument, { id: documentId });
      if (!doc) return null;
      if (doc.status === 'ready') return { doc, ready: true as const };
      Object.assign(doc, { status: 'rendering', progress: 5, attempts: doc.attempts + 1, startedAt: new Date(), failureReason: null });
      await em.flush();
      return { doc, ready: false as const };
    });
    if (!claim) throw new UnrecoverableError(`document ${documentId} does not exist in network ${networkId}`);
    if (claim.ready) return { status: 'already-ready', sha256: claim.doc.sha256 };

    try {
      const parsed = requestReportSchema.safeParse(claim.doc.options);
      if (!parsed.success) throw new UnrecoverableError('The stored request is not valid any more: ask for the report again');
      const vm = await this.db.inNetwork({ userId: null, networkId }, () => buildDocument(parsed.data, claim.doc.title));
      await this.progress(job, 25);
      const marker = newMarker();
      const { html, header, footer } = this.templates.render(vm, marker);
      await this.progress(job, 40);
      const meta = { title: vm.doc.title, author: vm.network.name, subject: vm.doc.subject, keywords: vm.doc.keywords };
      const pdf = await this.renderer.render({ html, header, footer, marker, meta }, (stage) => this.progress(job, stage === 'loaded' ? 55 : 80));
      const sha256 = createHash('sha256').update(pdf.bytes).digest('hex');
      const key = documentKey(networkId, documentId);
      await this.storage.put(key, pdf.bytes, 'application/pdf');
      await this.progress(job, 95);
      const marked = await this.db.inNetwork({ userId: null, networkId }, async ({ em }) =>
        em.nativeUpdate(
          ReportDocument,
          { id: documentId, status: { $ne: 'ready' } },
          {
            status: 'ready',
            progress: 100,
            finishedAt: new Date(),
            templateVersion: TEMPLATE_VERSION,
            snapshot: vm,
            storageKey: key,
            sizeBytes: pdf.bytes.length,
            pageCount: pdf.pages,
            sha256,
            failureReason: null,
          },
        ),
      );
      await job.updateProgress(100);
      this.logger.log({ networkId, documentId, pages: pdf.pages, bytes: pdf.bytes.length }, marked ? 'document ready' : 'document was already ready');
      return { status: marked ? 'ready' : 'already-ready', sha256 };
    } catch (err) {
      const final = err instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      const reason = err instanceof Error ? err.message.slice(0, 500) : String(err);
      await this.db.inNetwork({ userId: null, networkId }, async ({ em }) => {
        await em.nativeUpdate(ReportDocument, { id: documentId, status: { $ne: 'ready' } }, final ? { status: 'failed', failureReason: reason, finishedAt: new Date() } : { status: 'queued', failureReason: `Retrying after: ${reason}` });
      });
      this.logger.warn({ networkId, documentId, err: reason, final }, 'render failed');
      throw err;
    }
  }
}
