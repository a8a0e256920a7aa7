import { Module } from '@nestjs/common';
import { RecipientRepository, ScheduleRepository } from '@plexus/server';
import { ReportModule } from '../report/report.module';
import { DeliveryLogController } from './delivery-log.controller';
import { DeliveryLogService } from './delivery-log.service';
import { PublicLinksController, PublicUnsubscribeController } from './public-links.controller';
import { PublicLinksService } from './public-links.service';
import { SchedulesController } from './schedules.controller';
import { SchedulesService } from './schedules.service';

/** Scheduled emailed reports (issue 11): schedules, the delivery log, signed document links and one-click unsubscribe. */
@Module({
  imports: [ReportModule],
  controllers: [SchedulesController, DeliveryLogController, PublicLinksController, PublicUnsubscribeController],
  providers: [SchedulesService, DeliveryLogService, PublicLinksService, ScheduleRepository, RecipientRepository],
})
export class SchedulesModule {}
