import { Injectable } from '@nestjs/common';
import type { JobPayloads } from '@plexus/server';
import type { Job } from 'bullmq';
import { ScheduleRunsService } from '../schedule/schedule-runs.service';
import type { JobHandler } from './job-handler';

/** One step of a report run: `start` (view model, skip or ask for the document) or `deliver` (one email per recipient). */
@Injectable()
export class ReportRunJob implements JobHandler<'report-run.advance'> {
  static readonly jobName = 'report-run.advance' as const;

  constructor(private readonly runs: ScheduleRunsService) {}

  async handle(job: Job<JobPayloads['report-run.advance']>): Promise<{ state: string }> {
    const { networkId, runId, stage } = job.data;
    const state = stage === 'start' ? await this.runs.start(networkId, runId) : await this.runs.deliver(networkId, runId);
    return { state };
  }
}
