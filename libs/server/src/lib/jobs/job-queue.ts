import { Queue } from 'bullmq';
import type { RedisClient } from '../redis/redis-connection';
import { SCHEDULE_TIME_ZONE } from '@plexus/domain';
import { JOBS, SCHEDULE_FIRE_JOB, type JobPayloads, type OnDemandJobName } from './jobs';
import { QueueName } from './queue-name';
import { SCHEDULERS, type SchedulerDefinition } from './schedulers';

/** The one typed way to enqueue: the job id comes from the payload, so enqueuing twice runs the work once. */
export class JobQueue {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    private readonly connection: RedisClient,
    private readonly prefix: string,
  ) {}

  queue(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: this.connection, prefix: this.prefix });
      this.queues.set(name, q);
    }
    return q;
  }

  /** `delayMs`: run no earlier than this many milliseconds from now (a nudge round sent at a chosen time). */
  async enqueue<N extends OnDemandJobName>(name: N, payload: JobPayloads[N], delayMs = 0): Promise<string> {
    const def = JOBS[name];
    const jobId = def.jobId(payload);
    await this.queue(def.queue).add(name, payload, { ...def.options, jobId, ...(delayMs > 0 ? { delay: Math.round(delayMs) } : {}) });
    return jobId;
  }

  /**
   * Enqueues a job and waits for its answer (its return value), for work a person is waiting on that must not run in
   * the API (a report preview). Resolves null when it has not finished within `timeoutMs` (the job is left to finish
   * or expire); rejects with the job's reason when it failed.
   */
  async runAndWait<N extends OnDemandJobName>(name: N, payload: JobPayloads[N], timeoutMs: number, pollMs = 100): Promise<unknown> {
    await this.enqueue(name, payload);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const job = await this.find(name, payload);
      const state = job ? await job.getState() : 'unknown';
      if (job && state === 'completed') return job.returnvalue;
      if (job && state === 'failed') throw new Error(job.failedReason || 'The job failed');
      if (Date.now() >= deadline) return null;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  /** The job for this payload as BullMQ holds it (waiting, active, finished…), or undefined. */
  async find<N extends OnDemandJobName>(name: N, payload: JobPayloads[N]) {
    const def = JOBS[name];
    return this.queue(def.queue).getJob(def.jobId(payload));
  }

  /**
   * Enqueues the work again (a retry asked for by a person, or a sweep finding a record whose job was lost):
   * a job still waiting or running is left alone; a finished one keeps its id in BullMQ, so it is removed first
   * for the same id to run again. Returns false when a live job already exists.
   */
  /** Whether the job for this payload is waiting, delayed or running (not missing, failed or completed). */
  async isPending<N extends OnDemandJobName>(name: N, payload: JobPayloads[N]): Promise<boolean> {
    const existing = await this.find(name, payload);
    return !!existing && !(await existing.isFailed()) && !(await existing.isCompleted());
  }

  async enqueueAgain<N extends OnDemandJobName>(name: N, payload: JobPayloads[N]): Promise<boolean> {
    if (await this.isPending(name, payload)) return false;
    await (await this.find(name, payload))?.remove();
    await this.enqueue(name, payload);
    return true;
  }

  /**
   * Registers every recurring duty (an upsert by scheduler id: any number of workers make one scheduler each), or only
   * those that run in `queues` (a worker registers the duties of the queues it consumes).
   */
  async registerSchedulers(queues: readonly QueueName[] = Object.values(QueueName)): Promise<void> {
    for (const [name, def] of Object.entries(SCHEDULERS) as Array<[string, SchedulerDefinition<never>]>) {
      if (!queues.includes(def.queue)) continue;
      await this.queue(def.queue).upsertJobScheduler(def.id, { every: def.everyMs }, { name, data: def.payload, opts: def.options });
    }
  }

  /** The id of a report schedule's job scheduler in Redis. */
  static reportScheduleSchedulerId(scheduleId: string): string {
    return `report-schedule-${scheduleId}`;
  }

  /**
   * Creates or updates the job scheduler of one report schedule: a cron pattern read in Europe/London (BullMQ's
   * `tz`), each wake-up a `schedule.fire` job. An upsert by id: any number of API or worker processes make one.
   */
  async upsertReportSchedule(schedule: { id: string; networkId: string; pattern: string }): Promise<void> {
    const payload: JobPayloads[typeof SCHEDULE_FIRE_JOB] = { networkId: schedule.networkId, scheduleId: schedule.id };
    await this.queue(QueueName.Schedules).upsertJobScheduler(
      JobQueue.reportScheduleSchedulerId(schedule.id),
      { pattern: schedule.pattern, tz: SCHEDULE_TIME_ZONE },
      {
        name: SCHEDULE_FIRE_JOB,
        data: payload,
        opts: { attempts: 3, backoff: { type: 'exponential', delay: 10_000 }, removeOnComplete: { count: 20 }, removeOnFail: { count: 50 } },
      },
    );
  }

  async removeReportSchedule(scheduleId: string): Promise<void> {
    await this.queue(QueueName.Schedules).removeJobScheduler(JobQueue.reportScheduleSchedulerId(scheduleId));
  }

  /** The report schedules that have a job scheduler, with their pattern and next wake-up. */
  async reportSchedulers(): Promise<Array<{ scheduleId: string; pattern: string | null; tz: string | null; next: number | null }>> {
    const out: Array<{ scheduleId: string; pattern: string | null; tz: string | null; next: number | null }> = [];
    const queue = this.queue(QueueName.Schedules);
    for (let start = 0; ; start += 500) {
      const batch = await queue.getJobSchedulers(start, start + 499, true);
      for (const s of batch) {
        const key = String(s.key ?? s.id ?? '');
        if (!/^report-schedule-[0-9a-f-]{36}$/.test(key)) continue;
        out.push({ scheduleId: key.slice('report-schedule-'.length), pattern: s.pattern ?? null, tz: s.tz ?? null, next: s.next ?? null });
      }
      if (batch.length < 500) break;
    }
    return out;
  }

  async close(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
