import { Module } from '@nestjs/common';
import {
  BoardMeetingRepository,
  ReportRepository,
  ReviewActionRepository,
  RiskRepository,
  ScheduleRepository,
  WorkPlanRepository,
} from '@plexus/server';
import { PeerReviewOwedModule } from '../peer-review/owed/owed.module';
import { AttentionController } from './attention.controller';
import { AttentionService } from './attention.service';

/** A network's home page after sign-in: what needs attention now (issue 13, item 1). */
@Module({
  imports: [PeerReviewOwedModule],
  controllers: [AttentionController],
  providers: [
    AttentionService,
    WorkPlanRepository,
    RiskRepository,
    ReportRepository,
    BoardMeetingRepository,
    ScheduleRepository,
    ReviewActionRepository,
  ],
})
export class HomeModule {}
