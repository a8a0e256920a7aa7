import type { JobsOptions } from 'bullmq';
import { jobIds } from './job-ids';
import { QueueName } from './queue-name';

/** A recurring sweep: what it re-enqueues must have waited at least this long. */
export interface SweepPayload {
  olderThanMs: number;
}

/**
 * Job name → payload. Every payload of work done for a network names that network: the handler re-enters it
 * before touching data. The scheduled sweeps span networks; their handlers enter each network in turn.
 */
export interface JobPayloads {
  'email.deliver': { networkId: string; emailId: string };
  'report.render': { networkId: string; documentId: string };
  /**
   * A report's pages as HTML, for a preview before it is generated (the same templates as the PDF, no Chromium): the
   * request is as for POST /reports; the job's return value is `{ html }`. Asked for and waited on by the API.
   */
  'report.preview': { networkId: string; previewId: string; report: Record<string, unknown> };
  'email.sweep-outbox': SweepPayload;
  'report.sweep-queued': SweepPayload;
  /**
   * A schedule's wake-up, from its own BullMQ job scheduler (cron pattern, Europe/London): the handler asks the
   * recurrence whether a run is due and records it (unique per schedule and period).
   */
  'schedule.fire': { networkId: string; scheduleId: string };
  /** One step of a report run: `start` builds the view model and asks for the document; `deliver` writes one email per recipient. */
  'report-run.advance': { networkId: string; runId: string; stage: 'start' | 'deliver' };
  /** Keeps every active schedule's job scheduler registered, starts runs whose wake-up was missed, moves stuck runs on. */
  'schedule.sweep': SweepPayload;
  /** Peer review chasers: reminders before open submissions' due dates and when overdue, each step once (every network in turn). */
  'peer-review.chase': Record<string, never>;
  /**
   * "Forgot your password?": the one job with no network, since people are not a network's rows. The API enqueues it
   * for every request, whether or not the address has an account, so the answer and its timing say nothing; the
   * worker looks the address up and, for an account, records a reset link (its token's hash) and emails it.
   */
  'account.password-reset': { requestId: string; email: string };
  /**
   * A round of nudges to leads, enqueued (delayed until its `sendAt`) when a manager makes it: one email per lead with
   * items or risks needing an update. Idempotent: the round is locked and marked sent in the transaction that records
   * the nudges (unique per round and lead), so a retry or a second worker sends nothing twice.
   */
  'nudge-round.run': { networkId: string; roundId: string };
  /** Runs the rounds whose time has come and that are still to send (their delayed job lost, or Redis emptied). */
  'nudge.sweep': SweepPayload;
}
export type JobName = keyof JobPayloads;
/** Jobs enqueued by the code (through `JobQueue.enqueue`), one per record. */
export type OnDemandJobName = keyof typeof jobIds;
/** Jobs created by the job scheduler of each report schedule (one scheduler per schedule, kept by `JobQueue.upsertReportSchedule`). */
export const SCHEDULE_FIRE_JOB = 'schedule.fire' as const;
/** Jobs created by a BullMQ job scheduler of the cluster's recurring duties (see schedulers.ts). */
export type ScheduledJobName = Exclude<JobName, OnDemandJobName | typeof SCHEDULE_FIRE_JOB>;

export interface JobDefinition<N extends OnDemandJobName> {
  queue: QueueName;
  /** Same payload → same job id, so an enqueue retried after a crash never runs the work twice. */
  jobId: (payload: JobPayloads[N]) => string;
  options: JobsOptions;
}

export const JOBS: { [N in OnDemandJobName]: JobDefinition<N> } = {
  'email.deliver': {
    queue: QueueName.Email,
    jobId: jobIds['email.deliver'],
    options: {
      attempts: 6,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: { age: 24 * 3600, count: 5_000 },
      removeOnFail: { age: 14 * 24 * 3600 },
    },
  },
  'report-run.advance': {
    queue: QueueName.Schedules,
    jobId: jobIds['report-run.advance'],
    options: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: { age: 24 * 3600, count: 5_000 },
      removeOnFail: { age: 14 * 24 * 3600 },
    },
  },
  'report.preview': {
    queue: QueueName.Reports,
    jobId: jobIds['report.preview'],
    // Once, ahead of the waiting renders (lifo): a person is waiting, and asks again if it fails. Kept briefly for the API to read.
    options: { attempts: 1, lifo: true, removeOnComplete: { age: 300, count: 500 }, removeOnFail: { age: 3600, count: 500 } },
  },
  'account.password-reset': {
    queue: QueueName.Email,
    jobId: jobIds['account.password-reset'],
    // The payload holds an email address: gone from Redis once sent; a failure kept a day for the logs.
    options: { attempts: 4, backoff: { type: 'exponential', delay: 5_000 }, removeOnComplete: true, removeOnFail: { age: 24 * 3600 } },
  },
  'nudge-round.run': {
    queue: QueueName.Schedules,
    jobId: jobIds['nudge-round.run'],
    options: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 10_000 },
      removeOnComplete: { age: 24 * 3600, count: 1_000 },
      removeOnFail: { age: 14 * 24 * 3600 },
    },
  },
  'report.render': {
    queue: QueueName.Reports,
    jobId: jobIds['report.render'],
    options: {
      attempts: 3,
      backoff: { type: 'exponential', delay: 2_000 },
      removeOnComplete: { age: 24 * 3600, count: 5_000 },
      removeOnFail: { age: 14 * 24 * 3600 },
    },
  },
};
