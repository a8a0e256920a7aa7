import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EmailOutbox, JobQueue, Network, TenantDb } from '@plexus/server';

/**
 * The safety net for "row committed, enqueue lost" (a crash between the API's commit and its enqueue): every
 * minute, pending emails older than a minute are enqueued again. Job ids make that a no-op when the job exists.
 */
@Injectable()
export class OutboxSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private readonly logger = new Logger('OutboxSweeper');

  constructor(
    private readonly db: TenantDb,
    private readonly jobs: JobQueue,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep().catch((err) => this.logger.error(err)), 60_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
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
