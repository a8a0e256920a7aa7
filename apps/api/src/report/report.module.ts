import { Module } from '@nestjs/common';
import {
  BoardMeetingRepository,
  MembershipRepository,
  ReportRepository,
  ReviewCycleRepository,
  RiskRepository,
  UserRepository,
  WorkPlanRepository,
} from '@plexus/server';
import { MyReportsController } from './my-reports.controller';
import { MyReportsService } from './my-reports.service';
import { ReportController } from './report.controller';
import { ReportService } from './report.service';

/** Board reports: requests, the document library, downloads, and reports across the caller's networks. Rendering happens in the worker. */
@Module({
  controllers: [ReportController, MyReportsController],
  providers: [
    BoardMeetingRepository,
    ReportService,
    MyReportsService,
    MembershipRepository,
    ReportRepository,
    ReviewCycleRepository,
    RiskRepository,
    UserRepository,
    WorkPlanRepository,
  ],
  exports: [ReportService],
})
export class ReportModule {}
