import type { JobsOptions } from 'bullmq';
import { JOBS, SCHEDULE_FIRE_JOB, type JobName, type JobPayloads, type OnDemandJobName, type ScheduledJobName } from './jobs';
import { QueueName } from './queue-name';

export interface SchedulerDefinition<N extends ScheduledJobName> {
  /** The scheduler's id in Redis: every worker replica upserts the same id, so the cluster has one scheduler per duty. */
  id: string;
  queue: QueueName;
  /** Run every this many milliseconds (the first run is immediate when the scheduler is first registered). */
  everyMs: number;
  payload: JobPayloads[N];
  options: Omit<JobsOptions, 'jobId' | 'repeat' | 'delay'>;
}

const SWEEP_OPTIONS = { attempts: 1, removeOnComplete: { count: 20 }, removeOnFail: { count: 100 } } as const;

/**
 * Recurring duties: BullMQ job schedulers, registered by every worker at boot (an upsert: the same id twice is one
 * scheduler), each iteration one job run by one worker of the cluster. Never a setInterval per process.
 */
export const SCHEDULERS: { [N in ScheduledJobName]: SchedulerDefinition<N> } = {
  // "Row committed, enqueue lost": pending outbox emails older than a minute are enqueued again.
  'email.sweep-outbox': {
    id: 'email-outbox-sweep',
    queue: QueueName.Schedules,
    everyMs: 60_000,
    payload: { olderThanMs: 60_000 },
    options: SWEEP_OPTIONS,
  },
  // "Request recorded, enqueue lost": documents still queued after 30 s get their job again.
  'report.sweep-queued': {
    id: 'report-queued-sweep',
    queue: QueueName.Schedules,
    everyMs: 30_000,
    payload: { olderThanMs: 30_000 },
    options: SWEEP_OPTIONS,
  },
  // Report schedules: job schedulers kept in step with the schedules, runs whose wake-up was missed, stuck runs moved on.
  'schedule.sweep': {
    id: 'schedules-sweep',
    queue: QueueName.Schedules,
    everyMs: 5 * 60_000,
    payload: { olderThanMs: 60_000 },
    options: SWEEP_OPTIONS,
  },
  // Nudge rounds whose time has come but have not run (their delayed job lost): within five minutes.
  'nudge.sweep': {
    id: 'nudge-rounds-sweep',
    queue: QueueName.Schedules,
    everyMs: 5 * 60_000,
    payload: { olderThanMs: 60_000 },
    options: SWEEP_OPTIONS,
  },
  // Peer review chasers: hourly, so that a reminder goes out within the hour of its day starting (Europe/London).
  'peer-review.chase': {
    id: 'peer-review-chase',
    queue: QueueName.Schedules,
    everyMs: 60 * 60_000,
    payload: {},
    options: SWEEP_OPTIONS,
  },
};

/** Every job name, on demand and scheduled: the worker refuses to boot unless each has exactly one handler. */
export const JOB_NAMES: JobName[] = [...(Object.keys(JOBS) as JobName[]), ...(Object.keys(SCHEDULERS) as JobName[]), SCHEDULE_FIRE_JOB];

/** The queue each job runs in: a worker serving some queues (WORKER_QUEUES) needs the handlers of their jobs only. */
export const JOB_QUEUE: Readonly<Record<JobName, QueueName>> = {
  ...(Object.fromEntries(Object.entries(JOBS).map(([name, def]) => [name, def.queue])) as Record<OnDemandJobName, QueueName>),
  ...(Object.fromEntries(Object.entries(SCHEDULERS).map(([name, def]) => [name, def.queue])) as Record<ScheduledJobName, QueueName>),
  [SCHEDULE_FIRE_JOB]: QueueName.Schedules,
};
