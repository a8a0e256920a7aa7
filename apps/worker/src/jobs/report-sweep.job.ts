import { Injectable, Logger } from '@nestjs/common';
import { JobQueue, Network, ReportDocument, TenantDb, type JobPayloads } from '@plexus/server';
import type { Job } from 'bullmq';
import type { JobHandler } from './job-handler';

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
    let enqueued = 0;
    for (const network of networks) {
      const queued = await this.db.inNetwork({ userId: null, networkId: network.id }, ({ em }) =>
        em.find(ReportDocument, { status: 'queued', requestedAt: { $lt: new Date(Date.now() - olderThanMs) } }, { limit: 200 }),
      );
      for (const doc of queued) {
        if (await this.jobs.enqueueAgain('report.render', { networkId: network.id, documentId: doc.id })) enqueued++;
      }
    }
    return enqueued;
  }
}
