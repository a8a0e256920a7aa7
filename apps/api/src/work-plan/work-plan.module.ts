import { Module } from '@nestjs/common';
import { MembershipRepository, NetworkRepository, UserRepository, WorkPlanRepository } from '@plexus/server';
import { PlanChangeLog } from './plan-change-log';
import { WorkPlanRollOverController } from './roll-over/work-plan-roll-over.controller';
import { WorkPlanRollOverService } from './roll-over/work-plan-roll-over.service';
import { WorkPlanExportService } from './transfer/work-plan-export.service';
import { WorkPlanImportService } from './transfer/work-plan-import.service';
import { WorkPlanTransferController } from './transfer/work-plan-transfer.controller';
import { WorkItemService } from './work-item.service';
import { WorkPlanController } from './work-plan.controller';
import { WorkPlanService } from './work-plan.service';

/** Objectives and work plans: plans, themes, objectives, items, progress, import and export, and the year-end roll-over. */
@Module({
  controllers: [WorkPlanController, WorkPlanTransferController, WorkPlanRollOverController],
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
    WorkPlanRollOverService,
  ],
  // Nudges record a lead's progress updates through the same path as the app.
  exports: [WorkItemService],
})
export class WorkPlanModule {}
