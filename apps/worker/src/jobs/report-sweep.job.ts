import { Injectable, Logger } from '@nestjs/common';
import { JobQueue, Network, ReportDocument, TenantDb, type JobPayloads } from '@plexus/server';
import type { Job } from 'bullmq';
import type { JobHandler } from './job-handler';

/** A document whose render has been started this many times (workers killed, Chromium crashed) is failed, not retried. */
export const MAX_STARTS = 8;

/**
 * The safety net for "request recorded, enqueue lost": run by a BullMQ job scheduler every 30 s for the whole
 * cluster, it gives documents still queued after a while their job again. The job id is the document id, so a
 * job that is still waiting or running is left alone, and a finished one is replaced.
 */
@Injectable()
export class ReportSweepJob implements JobHandler<'report.sweep-queued'> {
  static readonly jobName = 'report.sweep-queued' as const;
  private readonly logger = new Logger('ReportSweep');

  constructor(
    private readonly db: TenantDb,
    private readonly jobs: JobQueue,
  ) {}

  async handle(job: Job<JobPayloads['report.sweep-queued']>): Promise<{ enqueued: number }> {
    const enqueued = await this.sweep(job.data.olderThanMs);
    if (enqueued) this.logger.warn({ enqueued }, 'report sweep re-enqueued documents whose enqueue was lost');
    return { enqueued };
  }

  async sweep(olderThanMs = 30_000): Promise<number> {
    const networks = await this.db.run({ userId: null }, ({ em }) => em.find(Network, {}));
    const before = new Date(Date.now() - olderThanMs);
    let enqueued = 0;
    for (const network of networks) {
      const scope = { userId: null, networkId: network.id };
      const pending = await this.db.inNetwork(scope, ({ em }) =>
        em.find(
          ReportDocument,
          {
            $or: [
              { status: 'queued', requestedAt: { $lt: before } },
              { status: 'rendering', startedAt: { $lt: before } },
            ],
          },
          { limit: 200 },
        ),
      );
      for (const doc of pending) {
        // A job still waiting or running is left alone (enqueueAgain says false). A document left 'rendering' by a
        // worker that died, whose job BullMQ has since failed for stalling or lost with Redis, is given its job again —
        // unless it has stopped workers too often, when it is failed with a reason and offered for retry.
        if (doc.status === 'rendering' && doc.attempts >= MAX_STARTS) {
          if (!(await this.jobs.isPending('report.render', { networkId: network.id, documentId: doc.id }))) await this.giveUp(scope, doc.id);
          continue;
        }
        if (await this.jobs.enqueueAgain('report.render', { networkId: network.id, documentId: doc.id })) enqueued++;
      }
    }
    return enqueued;
  }

  private async giveUp(scope: { userId: null; networkId: string }, id: string): Promise<void> {
    await this.db.inNetwork(scope, async ({ em }) => {
      const doc = await em.findOne(ReportDocument, { id, status: 'rendering' });
      if (!doc) return;
      Object.assign(doc, {
        status: 'failed',
        finishedAt: new Date(),
        failureReason: `The renderer stopped ${doc.attempts} times while making this document. Try again, or ask for a smaller report.`,
      });
      await em.flush();
    });
    this.logger.error({ documentId: id }, 'report sweep failed a document that stopped the renderer too often');
  }
}
