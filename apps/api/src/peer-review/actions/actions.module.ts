import { Module } from '@nestjs/common';
import {
  MembershipRepository,
  NetworkRepository,
  ReviewActionRepository,
  ReviewCycleRepository,
  ReviewReportRepository,
  StandardSetRepository,
  UserRepository,
} from '@plexus/server';
import { ActionsController } from './actions.controller';
import { ActionsService } from './actions.service';

/** Peer review action plans: actions, their progress updates, carrying open actions forward (issue 9, item 6). */
@Module({
  controllers: [ActionsController],
  providers: [
    ActionsService,
    ReviewActionRepository,
    ReviewReportRepository,
    ReviewCycleRepository,
    NetworkRepository,
    MembershipRepository,
    UserRepository,
    StandardSetRepository,
  ],
  exports: [ActionsService],
})
export class PeerReviewActionsModule {}
