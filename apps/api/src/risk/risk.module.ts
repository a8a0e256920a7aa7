import { Module } from '@nestjs/common';
import {
  BoardMeetingRepository,
  MembershipRepository,
  ReviewReportRepository,
  RiskRepository,
  UserRepository,
  WorkPlanRepository,
} from '@plexus/server';
import { RiskController } from './risk.controller';
import { RiskService } from './risk.service';
import { RiskTransferService } from './risk-transfer.service';

/** The risk register: 5×5 scoring, reviews and history, heat map, import and export. */
@Module({
  controllers: [RiskController],
  providers: [
    RiskService,
    RiskRepository,
    WorkPlanRepository,
    MembershipRepository,
    UserRepository,
    RiskTransferService,
    BoardMeetingRepository,
    ReviewReportRepository,
  ],
  // Peer review raises an immediate risk finding to the register through the register's own create path.
  exports: [RiskService],
})
export class RiskModule {}
