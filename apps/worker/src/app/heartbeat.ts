import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, JobQueue, QueueName, REDIS, type AppConfig, type RedisClient } from '@plexus/server';
import { hostname } from 'node:os';

/**
 * A health signal for a process with no HTTP server: a Redis key with a TTL (holding the queues this process consumes,
 * WORKER_QUEUES, and every queue's depth), and queue depths in the log. Whatever queues it serves, a worker beats.
 */
@Injectable()
export class Heartbeat implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer: NodeJS.Timeout | undefined;
  private readonly logger = new Logger('Heartbeat');
  readonly key: string;

  constructor(
    @Inject(REDIS) private readonly redis: RedisClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobQueue,
  ) {
    this.key = `${config.REDIS_PREFIX}:worker:heartbeat:${hostname()}:${process.pid}`;
  }

  async beat(): Promise<Record<string, number>> {
    const depths: Record<string, number> = {};
    for (const name of Object.values(QueueName)) {
      const counts = await this.jobs.queue(name).getJobCounts('waiting', 'active', 'delayed', 'failed');
      depths[name] = (counts['waiting'] ?? 0) + (counts['delayed'] ?? 0);
    }
    const ttl = this.config.WORKER_HEARTBEAT_SECONDS * 3;
    await this.redis.set(this.key, JSON.stringify({ at: new Date().toISOString(), queues: this.config.WORKER_QUEUES, depths }), 'EX', ttl);
    return depths;
  }

  onApplicationBootstrap(): void {
    const tick = () =>
      this.beat().then(
        (d) => this.logger.debug({ depths: d }, 'heartbeat'),
        (err) => this.logger.error(err),
      );
    void tick();
    this.timer = setInterval(() => void tick(), this.config.WORKER_HEARTBEAT_SECONDS * 1000);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.redis.del(this.key).catch(() => undefined);
  }
}
