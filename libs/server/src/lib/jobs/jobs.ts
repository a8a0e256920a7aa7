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
  'email.sweep-outbox': SweepPayload;
  'report.sweep-queued': SweepPayload;
}
export type JobName = keyof JobPayloads;
/** Jobs enqueued by the code (through `JobQueue.enqueue`), one per record. */
export type OnDemandJobName = keyof typeof jobIds;
/** Jobs created by a BullMQ job scheduler (see schedulers.ts). */
export type ScheduledJobName = Exclude<JobName, OnDemandJobName>;

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
