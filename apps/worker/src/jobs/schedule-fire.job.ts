import { Injectable } from '@nestjs/common';
import type { JobPayloads } from '@plexus/server';
import type { Job } from 'bullmq';
import { ScheduleRunsService, type FireOutcome } from '../schedule/schedule-runs.service';
import type { JobHandler } from './job-handler';

/** A schedule's wake-up from its BullMQ job scheduler: records and starts the due run, if one is due and not yet run. */
@Injectable()
export class ScheduleFireJob implements JobHandler<'schedule.fire'> {
  static readonly jobName = 'schedule.fire' as const;

  constructor(private readonly runs: ScheduleRunsService) {}

  handle(job: Job<JobPayloads['schedule.fire']>): Promise<FireOutcome> {
    return this.runs.fire(job.data.networkId, job.data.scheduleId);
  }
}
