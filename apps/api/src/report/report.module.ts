import { Module } from '@nestjs/common';
import { ReportController } from './report.controller';
import { ReportService } from './report.service';

/** Board reports: requests, the document library, downloads. Rendering happens in the worker. */
@Module({ controllers: [ReportController], providers: [ReportService] })
export class ReportModule {}
