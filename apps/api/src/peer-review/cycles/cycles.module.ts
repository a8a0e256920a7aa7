import { Module } from '@nestjs/common';
import {
  MembershipRepository,
  NetworkRepository,
  ReviewCycleRepository,
  SelfAssessmentRepository,
  StandardSetRepository,
  ReviewReportRepository,
  SubmissionRepository,
  UserRepository,
} from '@plexus/server';
import { CyclesController } from './cycles.controller';
import { CyclesService } from './cycles.service';

/** Peer review cycles and their plans of quarterly activities (issue 9, item 2). */
@Module({
  controllers: [CyclesController],
  providers: [
    CyclesService,
    ReviewCycleRepository,
    SubmissionRepository,
    SelfAssessmentRepository,
    StandardSetRepository,
    NetworkRepository,
    MembershipRepository,
    UserRepository,
    ReviewReportRepository,
  ],
})
export class PeerReviewCyclesModule {}
