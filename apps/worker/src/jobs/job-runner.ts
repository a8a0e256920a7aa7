import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, bullmqConnection, JobQueue, QueueName, REDIS, type AppConfig, type JobName, type RedisClient } from '@plexus/server';
import { Cluster } from 'ioredis';
import { UnrecoverableError, Worker, type Job, type WorkerOptions } from 'bullmq';
import { WorkerMetrics } from '../metrics/worker-metrics';
import type { JobHandler } from './job-handler';

/** The handlers of every job, by name (provided by the worker module from the `*.job.ts` classes). */
export const JOB_HANDLERS = Symbol('JOB_HANDLERS');
export type JobHandlers = ReadonlyMap<JobName, JobHandler>;

/** How each queue is worked: concurrency, and for reports the lock that lets another worker take over a dead one's job. */
export function queueWorkerOptions(queue: QueueName, config: AppConfig): Partial<WorkerOptions> {
  switch (queue) {
    case QueueName.Email:
      return { concurrency: 4 };
    case QueueName.Reports:
      return {
        concurrency: config.REPORT_PAGE_POOL,
        lockDuration: config.REPORT_LOCK_MS,
        stalledInterval: config.REPORT_LOCK_MS,
        maxStalledCount: 2,
      };
    case QueueName.Schedules:
      return { concurrency: 1 };
  }
}

/**
 * One BullMQ worker per queue it serves (WORKER_QUEUES), each handing a job to the handler of its name; then the recurring duties'
 * schedulers are registered by the workers serving their queue (an upsert: every replica registering them still makes one per
 * duty). Workers close
 * before the rest of the application (database, Redis, Chromium), letting the jobs in hand finish.
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly workers: Worker[] = [];
  /** Cluster connections given to the BullMQ workers (which do not close what they are given). */
  private readonly clusters: Cluster[] = [];
  private readonly logger = new Logger('JobRunner');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(JOB_HANDLERS) private readonly handlers: JobHandlers,
    private readonly jobs: JobQueue,
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly metrics: WorkerMetrics,
  ) {}

  private dispatch(job: Job, token?: string): Promise<unknown> {
    const handler = this.handlers.get(job.name as JobName);
    if (!handler) throw new UnrecoverableError(`no handler for job "${job.name}"`);
    return handler.handle(job as never, token);
  }

  async onApplicationBootstrap(): Promise<void> {
    for (const queue of this.config.WORKER_QUEUES) {
      const connection = bullmqConnection(this.config);
      const owned = connection instanceof Cluster ? connection : null;
      if (owned) this.clusters.push(owned);
      const worker = new Worker(queue, (job, token) => this.dispatch(job, token), {
        connection,
        prefix: this.config.REDIS_PREFIX,
        ...queueWorkerOptions(queue, this.config),
      });
      worker.on('error', (err) => this.logger.error({ queue, err: err.message }, 'queue worker error'));
      const observe = (job: Job | undefined, outcome: 'completed' | 'failed') => {
        if (job?.processedOn && job.finishedOn)
          this.metrics.jobSeconds.observe({ queue, job: job.name, outcome }, (job.finishedOn - job.processedOn) / 1000);
      };
      worker.on('completed', (job) => observe(job, 'completed'));
      worker.on('failed', (job) => observe(job, 'failed'));
      this.workers.push(worker);
    }
    await Promise.all(this.workers.map((w) => w.waitUntilReady()));
    await this.jobs.registerSchedulers(this.config.WORKER_QUEUES);
    this.logger.log({ queues: this.config.WORKER_QUEUES }, 'consuming queues');
    // Redis keeps nothing on disk here: after it restarts, the schedulers are gone with everything else. Every
    // reconnection registers them again (an upsert), so the sweeps that recover lost work come back by themselves.
    this.redis.on('ready', () => {
      this.jobs.registerSchedulers(this.config.WORKER_QUEUES).then(
        () => this.logger.log('job schedulers registered again after Redis reconnected'),
        (err: Error) => this.logger.error({ err: err.message }, 'could not register job schedulers after reconnecting'),
      );
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
    for (const cluster of this.clusters) cluster.disconnect();
  }
}
