import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { JobQueue, Network, QueueName, ReportDocument, TenantDb } from '@plexus/server';

/**
 * The safety net for "request recorded, enqueue lost": documents still queued after a while get their job
 * again. The job id is the document id, so a job that already exists is not added twice.
 */
@Injectable()
export class ReportSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private readonly logger = new Logger('ReportSweeper');

  constructor(
    private readonly db: TenantDb,
    private readonly jobs: JobQueue,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep().catch((err) => this.logger.error(err)), 30_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(olderThanMs = 30_000): Promise<number> {
    const networks = await this.db.run({ userId: null }, ({ em }) => em.find(Network, {}));
    const queue = this.jobs.queue(QueueName.Reports);
    let enqueued = 0;
    for (const network of networks) {
      const queued = await this.db.inNetwork({ userId: null, networkId: network.id }, ({ em }) =>
        em.find(ReportDocument, { status: 'queued', requestedAt: { $lt: new Date(Date.now() - olderThanMs) } }, { limit: 200 }),
      );
      for (const doc of queued) {
        const existing = await queue.getJob(`report-${doc.id}`);
        if (existing && !(await existing.isFailed()) && !(await existing.isCompleted())) continue;
        await existing?.remove();
        await this.jobs.enqueue('report.render', { networkId: network.id, documentId: doc.id });
        enqueued++;
      }
    }
    return enqueued;
  }
}
