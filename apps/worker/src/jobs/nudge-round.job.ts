import { Injectable } from '@nestjs/common';
import type { JobPayloads } from '@plexus/server';
import type { Job } from 'bullmq';
import { NudgeRoundsService, type NudgeRoundResult } from '../nudge/nudge-rounds.service';
import type { JobHandler } from './job-handler';

/** A nudge round, at the time the manager chose (a delayed job): one email per lead with something to update. */
@Injectable()
export class NudgeRoundJob implements JobHandler<'nudge-round.run'> {
  static readonly jobName = 'nudge-round.run' as const;

  constructor(private readonly rounds: NudgeRoundsService) {}

  handle(job: Job<JobPayloads['nudge-round.run']>): Promise<NudgeRoundResult> {
    return this.rounds.run(job.data.networkId, job.data.roundId);
  }
}
