import { Inject, Injectable, Logger } from '@nestjs/common';
import { documentRequestSchema } from '@plexus/contracts';
import { DOCUMENT_STORAGE, JobQueue, ReportDocument, TenantDb, documentKey, sql, type DocumentStorage, type JobPayloads } from '@plexus/server';
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { createHash } from 'node:crypto';
import { buildDocument, DOCUMENT_KINDS, TEMPLATE_VERSION } from '../report/documents/registry';
import { TemplateEngine } from '../report/documents/template-engine';
import { ChromiumRestartedError, PdfRenderer, newMarker } from '../report/render/pdf-renderer';
import type { JobHandler } from './job-handler';
import { WorkerMetrics } from '../metrics/worker-metrics';

export type ReportRenderPayload = JobPayloads['report.render'];

/** How long a document whose render was cut short by another document's hang waits before it runs again. */
const COLLATERAL_RETRY_MS = 500;

/** Progress is written at most this often: the library page polls every 2 s, so finer steps are never seen. */
const PROGRESS_EVERY_MS = 1_000;

/**
 * Progress as the document goes: BullMQ's job progress and the document's row (for the library page). A step is
 * written only when the last write is at least PROGRESS_EVERY_MS old and none is in flight, so a document that
 * renders in under a second goes from its claim (5 %) straight to ready with no writes in between — no database
 * and Redis round trips competing with Chromium for the CPU. Writes run in the background; `flush` waits for them.
 */
class ProgressReporter {
  private chain: Promise<void> = Promise.resolve();
  private busy = false;
  private last = performance.now();

  constructor(
    private readonly job: Job<ReportRenderPayload>,
    private readonly db: TenantDb,
    private readonly logger: Logger,
  ) {}

  report(value: number): void {
    if (this.busy || performance.now() - this.last < PROGRESS_EVERY_MS) return;
    const { networkId, documentId } = this.job.data;
    this.busy = true;
    this.chain = this.chain
      .then(async () => {
        await this.job.updateProgress(value);
        await this.db.inNetwork({ userId: null, networkId }, async ({ em }) => {
          await em.nativeUpdate(ReportDocument, { id: documentId, status: 'rendering' }, { progress: value });
        });
      })
      .catch((err: unknown) =>
        this.logger.warn({ networkId, documentId, err: err instanceof Error ? err.message : String(err) }, 'progress not recorded'),
      )
      .finally(() => {
        this.busy = false;
        this.last = performance.now();
      });
  }

  flush(): Promise<void> {
    return this.chain;
  }
}

interface Claim {
  title: string;
  options: unknown;
  /** Starts so far, this one included. */
  attempts: number;
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
    private readonly jobs: JobQueue,
    private readonly metrics: WorkerMetrics,
  ) {}

  /**
   * A document made for a scheduled run: once it is finished (ready, or failed for good), the run's deliver step
   * goes next. Lost here (a crash), the schedule sweep moves the run on.
   */
  /**
   * One stored file per document: the render that finished it removes what earlier renders left (a worker killed
   * after writing, before finishing, and a few past it for a render that claimed later); a render that found it already
   * finished removes its own. A file that cannot be
   * removed is logged, never a reason to fail a finished document.
   */
  private async keepOneFile(networkId: string, documentId: string, key: string, won: boolean, attempts: number): Promise<void> {
    const others = won
      ? [documentKey(networkId, documentId), ...Array.from({ length: attempts + 5 }, (_, i) => documentKey(networkId, documentId, i + 1))].filter(
          (k) => k !== key,
        )
      : [key];
    for (const other of others) {
      await this.storage
        .remove(other)
        .catch((err: unknown) =>
          this.logger.warn(
            { networkId, documentId, key: other, err: err instanceof Error ? err.message : String(err) },
            'a spare render file was not removed',
          ),
        );
    }
  }

  private async advanceRun(networkId: string, documentId: string): Promise<void> {
    const query = sql`select id from report_run where document_id = ${documentId} and state = 'rendering'`;
    const runs = await this.db.inNetwork({ userId: null, networkId }, ({ em }) => em.execute<Array<{ id: string }>>(query.text, query.params));
    for (const run of runs) await this.jobs.enqueueAgain('report-run.advance', { networkId, runId: run.id, stage: 'deliver' });
  }

  async handle(job: Job<ReportRenderPayload>, token?: string): Promise<{ status: 'ready' | 'already-ready'; sha256: string | null }> {
    const { networkId, documentId } = job.data;
    // The claim is one statement: a document that is not ready becomes rendering, its start counted.
    const claim = await this.db.inNetwork({ userId: null, networkId }, async ({ em }) => {
      const claimed = sql`
        update report_document set status = 'rendering', progress = 5, attempts = attempts + 1, started_at = now(), failure_reason = null
        where id = ${documentId} and status <> 'ready'
        returning title, options, attempts`;
      const [row] = await em.execute<Claim[]>(claimed.text, claimed.params);
      if (row) return { ready: false as const, doc: row };
      const done = sql`select sha256 from report_document where id = ${documentId}`;
      const [ready] = await em.execute<Array<{ sha256: string | null }>>(done.text, done.params);
      return ready ? { ready: true as const, sha256: ready.sha256 } : null;
    });
    if (!claim) throw new UnrecoverableError(`document ${documentId} does not exist in network ${networkId}`);
    if (claim.ready) {
      await this.advanceRun(networkId, documentId);
      return { status: 'already-ready', sha256: claim.sha256 };
    }

    const progress = new ProgressReporter(job, this.db, this.logger);
    try {
      const parsed = documentRequestSchema.safeParse(claim.doc.options);
      if (!parsed.success) throw new UnrecoverableError('The stored request is not valid any more: ask for the report again');
      const endRender = this.metrics.renderSeconds.startTimer({ kind: parsed.data.kind });
      const vm = await this.db.inNetwork({ userId: null, networkId }, () => buildDocument(parsed.data, claim.doc.title));
      progress.report(25);
      const marker = newMarker();
      const { html } = this.templates.render(parsed.data.kind, vm, marker);
      progress.report(40);
      const meta = { title: vm.doc.title, author: vm.network.name, subject: vm.doc.subject, keywords: vm.doc.keywords };
      const contentsPages = DOCUMENT_KINDS[parsed.data.kind].contentsPages;
      const pdf = await this.renderer.render({ html, marker, meta, contentsPages }, (stage) => progress.report(stage === 'loaded' ? 55 : 80));
      endRender();
      const sha256 = createHash('sha256').update(pdf.bytes).digest('hex');
      // This render's own key: a second render of the document (run again after its lock lapsed) writes beside it, and
      // only the first to finish is named by the document, with its checksum.
      const key = documentKey(networkId, documentId, claim.doc.attempts);
      await this.storage.put(key, pdf.bytes, 'application/pdf');
      progress.report(95);
      await progress.flush();
      // Only the first to finish marks it ready (a retry after a crash finds it ready and changes nothing).
      const finish = sql`
        update report_document set status = 'ready', progress = 100, finished_at = now(), template_version = ${TEMPLATE_VERSION},
          snapshot = ${JSON.stringify(vm)}::jsonb, storage_key = ${key}, size_bytes = ${pdf.bytes.length}, page_count = ${pdf.pages},
          sha256 = ${sha256}, failure_reason = null
        where id = ${documentId} and status <> 'ready'`;
      const marked = await this.db.inNetwork(
        { userId: null, networkId },
        async ({ em }) => ((await em.execute(finish.text, finish.params, 'run')) as unknown as { affectedRows: number }).affectedRows,
      );
      this.logger.log({ networkId, documentId, pages: pdf.pages, bytes: pdf.bytes.length }, marked ? 'document ready' : 'document was already ready');
      await this.keepOneFile(networkId, documentId, key, marked > 0, claim.doc.attempts);
      await this.advanceRun(networkId, documentId);
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
      if (final) await this.advanceRun(networkId, documentId);
      throw err;
    }
  }
}
