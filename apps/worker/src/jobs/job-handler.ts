import type { JobName, JobPayloads } from '@plexus/server';
import type { Job } from 'bullmq';

/** The handler of one job name: one `*.job.ts` per job, each a provider with a static `jobName`. */
export interface JobHandler<N extends JobName = JobName> {
  /** `token` is the worker's lock token for the job (needed to move it back to delayed). */
  handle(job: Job<JobPayloads[N]>, token?: string): Promise<unknown>;
}

export interface JobHandlerClass<N extends JobName = JobName> {
  new (...args: never[]): JobHandler<N>;
  readonly jobName: N;
}
