import { Module } from '@nestjs/common';
import {
  NetworkRepository,
  ReviewActionRepository,
  ReviewCycleRepository,
  ReviewReportRepository,
  RiskRepository,
  StandardSetRepository,
  UserRepository,
} from '@plexus/server';
import { RiskModule } from '../../risk/risk.module';
import { ReviewsController } from './reviews.controller';
import { ReviewsService } from './reviews.service';

/** Peer review reports: findings, recommendations, the report's states and raising immediate risks (issue 9, item 5). */
@Module({
  imports: [RiskModule],
  controllers: [ReviewsController],
  providers: [
    ReviewsService,
    ReviewReportRepository,
    ReviewActionRepository,
    ReviewCycleRepository,
    NetworkRepository,
    UserRepository,
    StandardSetRepository,
    RiskRepository,
  ],
})
export class PeerReviewReportsModule {}
