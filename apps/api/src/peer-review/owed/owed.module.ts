import { Module } from '@nestjs/common';
import { NetworkRepository, ReviewCycleRepository } from '@plexus/server';
import { PeerReviewActionsModule } from '../actions/actions.module';
import { PeerReviewSelfAssessmentModule } from '../self-assessment/self-assessment.module';
import { PeerReviewSubmissionsModule } from '../submissions/submissions.module';
import { OwedController } from './owed.controller';
import { OwedService } from './owed.service';

/** What is owed in peer review, and by when (issue 9, item 8): read through the submissions', self-assessments' and actions' services. */
@Module({
  imports: [PeerReviewSubmissionsModule, PeerReviewSelfAssessmentModule, PeerReviewActionsModule],
  controllers: [OwedController],
  providers: [OwedService, ReviewCycleRepository, NetworkRepository],
  exports: [OwedService],
})
export class PeerReviewOwedModule {}
