import { Injectable, Logger } from '@nestjs/common';
import { EmailOutbox, JobQueue, Network, TenantDb, type JobPayloads } from '@plexus/server';
import type { Job } from 'bullmq';
import type { JobHandler } from './job-handler';

/**
 * The safety net for "row committed, enqueue lost" (a crash between the API's commit and its enqueue): run by a
 * BullMQ job scheduler once a minute for the whole cluster, it enqueues again the pending emails older than a
 * minute. Job ids make that a no-op when the job exists.
 */
@Injectable()
export class OutboxSweepJob implements JobHandler<'email.sweep-outbox'> {
  static readonly jobName = 'email.sweep-outbox' as const;
  private readonly logger = new Logger('OutboxSweep');

  constructor(
    private readonly db: TenantDb,
    private readonly jobs: JobQueue,
  ) {}

  async handle(job: Job<JobPayloads['email.sweep-outbox']>): Promise<{ enqueued: number }> {
    const enqueued = await this.sweep(job.data.olderThanMs);
    if (enqueued) this.logger.warn({ enqueued }, 'outbox sweep re-enqueued emails whose enqueue was lost');
    return { enqueued };
  }

  async sweep(olderThanMs = 60_000): Promise<number> {
    const networks = await this.db.run({ userId: null }, ({ em }) => em.find(Network, {}));
    let enqueued = 0;
    for (const network of networks) {
      const pending = await this.db.inNetwork({ userId: null, networkId: network.id }, ({ em }) =>
        em.find(EmailOutbox, { status: 'pending', createdAt: { $lt: new Date(Date.now() - olderThanMs) } }, { limit: 500 }),
      );
      for (const email of pending) {
        await this.jobs.enqueue('email.deliver', { networkId: network.id, emailId: email.id });
        enqueued++;
      }
    }
    return enqueued;
  }
}
