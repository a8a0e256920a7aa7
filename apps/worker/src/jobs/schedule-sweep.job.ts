import { Injectable, Logger } from '@nestjs/common';
import type { JobPayloads } from '@plexus/server';
import type { Job } from 'bullmq';
import { ScheduleRunsService } from '../schedule/schedule-runs.service';
import type { JobHandler } from './job-handler';

/** Every few minutes: schedules' job schedulers kept in step, missed wake-ups caught up, stuck runs moved on. */
@Injectable()
export class ScheduleSweepJob implements JobHandler<'schedule.sweep'> {
  static readonly jobName = 'schedule.sweep' as const;
  private readonly logger = new Logger('ScheduleSweep');

  constructor(private readonly runs: ScheduleRunsService) {}

  async handle(job: Job<JobPayloads['schedule.sweep']>): Promise<Awaited<ReturnType<ScheduleRunsService['sweep']>>> {
    const result = await this.runs.sweep(job.data.olderThanMs);
    if (result.registered || result.removed || result.fired || result.advanced) this.logger.log(result, 'schedule sweep');
    return result;
  }
}
