import { Module } from '@nestjs/common';
import { RiskController } from './risk.controller';
import { RiskRepository } from './risk.repository';
import { RiskService } from './risk.service';
import { RiskTransferService } from './risk-transfer.service';

/** The risk register: 5×5 scoring, reviews and history, heat map, import and export. */
@Module({ controllers: [RiskController], providers: [RiskService, RiskRepository, RiskTransferService] })
export class RiskModule {}
