import { Module } from '@nestjs/common';
import { NetworkRepository, ReviewCycleRepository, SubmissionRepository, UserRepository } from '@plexus/server';
import { EmailModule } from '../../email/email.module';
import { SubmissionsController } from './submissions.controller';
import { SubmissionsService } from './submissions.service';

/** Peer review submissions: uploads, downloads, acceptance and requests for more information (issue 9, item 3). */
@Module({
  imports: [EmailModule],
  controllers: [SubmissionsController],
  providers: [SubmissionsService, SubmissionRepository, ReviewCycleRepository, NetworkRepository, UserRepository],
  exports: [SubmissionsService],
})
export class PeerReviewSubmissionsModule {}
