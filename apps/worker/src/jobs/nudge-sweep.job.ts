import { Injectable } from '@nestjs/common';
import type { JobPayloads } from '@plexus/server';
import type { Job } from 'bullmq';
import { NudgeRoundsService } from '../nudge/nudge-rounds.service';
import type { JobHandler } from './job-handler';

/** Every five minutes, for the whole cluster: nudge rounds due and not yet sent (a lost delayed job) are run. */
@Injectable()
export class NudgeSweepJob implements JobHandler<'nudge.sweep'> {
  static readonly jobName = 'nudge.sweep' as const;

  constructor(private readonly rounds: NudgeRoundsService) {}

  handle(_job: Job<JobPayloads['nudge.sweep']>): Promise<{ rounds: number; failed: number }> {
    return this.rounds.sweep();
  }
}
