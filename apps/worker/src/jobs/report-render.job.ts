import { Inject, Injectable, Logger } from '@nestjs/common';
import { requestReportSchema } from '@plexus/contracts';
import { DOCUMENT_STORAGE, ReportDocument, TenantDb, documentKey, type DocumentStorage, type JobPayloads } from '@plexus/server';
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { createHash } from 'node:crypto';
import { buildDocument, TEMPLATE_VERSION } from '../report/documents/registry';
import { TemplateEngine } from '../report/documents/template-engine';
import { ChromiumRestartedError, PdfRenderer, newMarker } from '../report/render/pdf-renderer';
import type { JobHandler } from './job-handler';

export type ReportRenderPayload = JobPayloads['report.render'];

/** How long a document whose render was cut short by another document's hang waits before it runs again. */
const COLLATERAL_RETRY_MS = 500;

/**
 * Progress as the document goes: BullMQ's job progress and the document's row (for the library page). The
 * writes run one after another in the background, so rendering never waits for them; `flush` waits for the last.
 */
class ProgressReporter {
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly job: Job<ReportRenderPayload>,
    private readonly db: TenantDb,
    private readonly logger: Logger,
  ) {}

  report(value: number): void {
    const { networkId, documentId } = this.job.data;
    this.chain = this.chain
      .then(async () => {
        await this.job.updateProgress(value);
        await this.db.inNetwork({ userId: null, networkId }, async ({ em }) => {
          await em.nativeUpdate(ReportDocument, { id: documentId, status: 'rendering' }, { progress: value });
        });
      })
      .catch((err: unknown) =>
        this.logger.warn({ networkId, documentId, err: err instanceof Error ? err.message : String(err) }, 'progress not recorded'),
      );
  }

  flush(): Promise<void> {
    return this.chain;
  }
}

/**
 * Renders one requested document. It re-enters the network named in the payload and re-loads the document
 * there (another network's id finds nothing). A ready document is never rendered again; a retry after a
 * crash writes the same storage key and only the first to finish marks it ready, so a document is finished once.
 * A render cut short because Chromium had to be killed for another document is retried without spending an attempt.
 */
@Injectable()
export class ReportRenderJob implements JobHandler<'report.render'> {
  static readonly jobName = 'report.render' as const;
  private readonly logger = new Logger('ReportRender');

  constructor(
    private readonly db: TenantDb,
    private readonly renderer: PdfRenderer,
    private readonly templates: TemplateEngine,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
  ) {}

  async handle(job: Job<ReportRenderPayload>, token?: string): Promise<{ status: 'ready' | 'already-ready'; sha256: string | null }> {
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

    const progress = new ProgressReporter(job, this.db, this.logger);
    try {
      const parsed = requestReportSchema.safeParse(claim.doc.options);
      if (!parsed.success) throw new UnrecoverableError('The stored request is not valid any more: ask for the report again');
      const vm = await this.db.inNetwork({ userId: null, networkId }, () => buildDocument(parsed.data, claim.doc.title));
      progress.report(25);
      const marker = newMarker();
      const { html } = this.templates.render(parsed.data.kind, vm, marker);
      progress.report(40);
      const meta = { title: vm.doc.title, author: vm.network.name, subject: vm.doc.subject, keywords: vm.doc.keywords };
      const pdf = await this.renderer.render({ html, marker, meta }, (stage) => progress.report(stage === 'loaded' ? 55 : 80));
      const sha256 = createHash('sha256').update(pdf.bytes).digest('hex');
      const key = documentKey(networkId, documentId);
      await this.storage.put(key, pdf.bytes, 'application/pdf');
      progress.report(95);
      await progress.flush();
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
      await progress.flush();
      const reason = err instanceof Error ? err.message.slice(0, 500) : String(err);
      if (err instanceof ChromiumRestartedError && token) {
        // Not this document's fault: back to queued with the attempt given back, and run again shortly.
        await this.db.inNetwork({ userId: null, networkId }, async ({ em }) => {
          await em.nativeUpdate(
            ReportDocument,
            { id: documentId, status: { $ne: 'ready' } },
            { status: 'queued', attempts: claim.doc.attempts - 1, failureReason: null },
          );
        });
        this.logger.warn({ networkId, documentId, err: reason }, 'render cut short by a Chromium restart; retrying without spending an attempt');
        await job.moveToDelayed(Date.now() + COLLATERAL_RETRY_MS, token);
        throw new DelayedError();
      }
      const final = err instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.db.inNetwork({ userId: null, networkId }, async ({ em }) => {
        await em.nativeUpdate(
          ReportDocument,
          { id: documentId, status: { $ne: 'ready' } },
          final
            ? { status: 'failed', failureReason: reason, finishedAt: new Date() }
            : { status: 'queued', failureReason: `Retrying after: ${reason}` },
        );
      });
      this.logger.warn({ networkId, documentId, err: reason, final }, 'render failed');
      throw err;
    }
  }
}
