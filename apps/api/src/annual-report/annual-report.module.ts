import { Module } from '@nestjs/common';
import { AnnualReportRepository, WorkPlanRepository } from '@plexus/server';
import { AnnualReportController } from './annual-report.controller';
import { AnnualReportService } from './annual-report.service';

/** The annual report's narrative drafts (issue 10, item 5); the report itself goes through the report library. */
@Module({
  controllers: [AnnualReportController],
  providers: [AnnualReportService, AnnualReportRepository, WorkPlanRepository],
})
export class AnnualReportModule {}
