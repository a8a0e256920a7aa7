import { Module } from '@nestjs/common';
import {
  NetworkRepository,
  ReviewActionRepository,
  ReviewCycleRepository,
  SelfAssessmentRepository,
  StandardSetRepository,
  UserRepository,
} from '@plexus/server';
import { SelfAssessmentController } from './self-assessment.controller';
import { SelfAssessmentService } from './self-assessment.service';

/** Peer review self-assessments against a standard set, carried forward between cycles, and their compliance summary (issue 9, item 4). */
@Module({
  controllers: [SelfAssessmentController],
  providers: [
    SelfAssessmentService,
    SelfAssessmentRepository,
    ReviewCycleRepository,
    StandardSetRepository,
    NetworkRepository,
    UserRepository,
    ReviewActionRepository,
  ],
  exports: [SelfAssessmentService],
})
export class PeerReviewSelfAssessmentModule {}
