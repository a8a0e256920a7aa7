import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, JOB_BUCKETS, JobQueue, Metrics, QueueName, type AppConfig } from '@plexus/server';
import type { Server } from 'node:http';
import type { Counter, Histogram } from 'prom-client';

const STATES = ['wait', 'active', 'delayed', 'failed', 'prioritized'] as const;

/**
 * The worker's Prometheus metrics: queue depths by queue and state (read from Redis when scraped), job durations by
 * queue, job and outcome, render time per report kind, and Chromium launches (the first and every relaunch). Served
 * on `WORKER_METRICS_PORT` (GET /metrics) when it is not 0.
 */
@Injectable()
export class WorkerMetrics implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly metrics: Metrics;
  readonly jobSeconds: Histogram<'queue' | 'job' | 'outcome'>;
  readonly renderSeconds: Histogram<'kind'>;
  readonly chromiumLaunches: Counter;
  private server: Server | null = null;
  private readonly logger = new Logger('WorkerMetrics');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    jobs: JobQueue,
  ) {
    this.metrics = new Metrics('worker', config.WORKER_METRICS_PORT > 0);
    this.jobSeconds = this.metrics.histogram(
      'plexus_job_duration_seconds',
      'Time a job ran in this worker, by queue, job name and outcome',
      ['queue', 'job', 'outcome'],
      JOB_BUCKETS,
    );
    this.renderSeconds = this.metrics.histogram(
      'plexus_report_render_seconds',
      'Time to draw a document (view model, HTML, PDF), by report kind',
      ['kind'],
      JOB_BUCKETS,
    );
    this.chromiumLaunches = this.metrics.counter('plexus_chromium_launches_total', 'Chromium launches (the first, and every relaunch)');
    this.metrics.gauge(
      'plexus_queue_jobs',
      'Jobs in a BullMQ queue by state (wait is what the autoscaler reads)',
      ['queue', 'state'],
      async function () {
        for (const queue of Object.values(QueueName)) {
          const counts = await jobs.queue(queue).getJobCounts(...STATES);
          for (const state of STATES) this.set({ queue, state }, counts[state] ?? 0);
        }
      },
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.WORKER_METRICS_PORT) return;
    this.server = await this.metrics.serve(this.config.WORKER_METRICS_PORT, this.config.METRICS_HOST);
    this.logger.log({ port: this.config.WORKER_METRICS_PORT }, 'metrics served on /metrics');
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}
