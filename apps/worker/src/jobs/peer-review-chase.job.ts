import { Injectable } from '@nestjs/common';
import type { JobPayloads } from '@plexus/server';
import type { Job } from 'bullmq';
import { SubmissionChasersService, type ChaseResult } from '../peer-review/submission-chasers.service';
import type { JobHandler } from './job-handler';

/** Hourly, for the whole cluster: peer review reminders before submissions' due dates, and when they are overdue. */
@Injectable()
export class PeerReviewChaseJob implements JobHandler<'peer-review.chase'> {
  static readonly jobName = 'peer-review.chase' as const;

  constructor(private readonly chasers: SubmissionChasersService) {}

  handle(_job: Job<JobPayloads['peer-review.chase']>): Promise<ChaseResult> {
    return this.chasers.chase();
  }
}
