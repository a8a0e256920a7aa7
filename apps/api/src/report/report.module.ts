import { Module } from '@nestjs/common';
import { ReportRepository, RiskRepository, UserRepository, WorkPlanRepository } from '@plexus/server';
import { ReportController } from './report.controller';
import { ReportService } from './report.service';

/** Board reports: requests, the document library, downloads. Rendering happens in the worker. */
@Module({
  controllers: [ReportController],
  providers: [ReportService, ReportRepository, RiskRepository, UserRepository, WorkPlanRepository],
  exports: [ReportService],
})
export class ReportModule {}
