import { Module } from '@nestjs/common';
import { BoardMeetingRepository, NudgeRepository, RiskRepository, UserRepository, WorkPlanRepository } from '@plexus/server';
import { RiskModule } from '../risk/risk.module';
import { WorkPlanModule } from '../work-plan/work-plan.module';
import { NudgeLinksController } from './nudge-links.controller';
import { NudgeLinksService } from './nudge-links.service';
import { NudgesController } from './nudges.controller';
import { NudgesService } from './nudges.service';

/** Nudges to leads (issue 13 item 2): rounds managers send, and the one-page update form each lead's link opens. */
@Module({
  // A lead's update is recorded through the work plan's and the register's own paths (progress updates, reviews).
  imports: [WorkPlanModule, RiskModule],
  controllers: [NudgesController, NudgeLinksController],
  providers: [NudgesService, NudgeLinksService, NudgeRepository, BoardMeetingRepository, UserRepository, WorkPlanRepository, RiskRepository],
})
export class NudgesModule {}
