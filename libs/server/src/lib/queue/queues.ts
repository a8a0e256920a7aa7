import type { JobsOptions } from 'bullmq';

/** Every queue Plexus uses. The worker refuses to boot if a job name has no handler, or two. */
export enum QueueName {
  Email = 'email',
  Reports = 'reports',
}

/** Job name → payload. Every payload names its network: the processor re-enters that network before touching data. */
export interface JobPayloads {
  'email.deliver': { networkId: string; emailId: string };
  'report.render': { networkId: string; documentId: string };
}
export type JobName = keyof JobPayloads;

export interface JobDefinition<N extends JobName> {
  queue: QueueName;
  /** Same payload → same job id, so an enqueue retried after a crash never runs the work twice. */
  jobId: (payload: JobPayloads[N]) => string;
  options: JobsOptions;
}

export const JOBS: { [N in JobName]: JobDefinition<N> } = {
  'email.deliver': {
    queue: QueueName.Email,
    jobId: (p) => `email-${p.emailId}`,
    options: {
      attempts: 6,
      backoff: { type: 'exponential', delay: 5_000 },
      removeOnComplete: { age: 24 * 3600, count: 5_000 },
      removeOnFail: { age: 14 * 24 * 3600 },
    },
  },
  'report.render': {
    queue: QueueName.Reports,
    jobId: (p) => `report-${p.documentId}`,
    options: {
      attempts: 3,
      backoff: { type: 'exponential', delay: 2_000 },
      removeOnComplete: { age: 24 * 3600, count: 5_000 },
      removeOnFail: { age: 14 * 24 * 3600 },
    },
  },
};
