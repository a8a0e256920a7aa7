import { Module } from '@nestjs/common';
import { MembershipRepository, NetworkRepository, UserRepository, WorkPlanRepository } from '@plexus/server';
import { PlanChangeLog } from './plan-change-log';
import { WorkPlanExportService } from './transfer/work-plan-export.service';
import { WorkPlanImportService } from './transfer/work-plan-import.service';
import { WorkPlanTransferController } from './transfer/work-plan-transfer.controller';
import { WorkItemService } from './work-item.service';
import { WorkPlanController } from './work-plan.controller';
import { WorkPlanService } from './work-plan.service';

/** Objectives and work plans: plans, themes, objectives, items, progress, import and export. */
@Module({
  controllers: [WorkPlanController, WorkPlanTransferController],
  providers: [
    WorkPlanRepository,
    MembershipRepository,
    UserRepository,
    NetworkRepository,
    PlanChangeLog,
    WorkPlanService,
    WorkItemService,
    WorkPlanImportService,
    WorkPlanExportService,
  ],
})
export class WorkPlanModule {}
