import { Module } from '@nestjs/common';
import { BoardMeetingRepository, ReportRepository } from '@plexus/server';
import { BoardController } from './board.controller';
import { BoardService } from './board.service';
import { ReportModule } from '../report/report.module';

/** The network board's meetings and their agendas, each item optionally linked to its paper (issue 10). */
@Module({
  imports: [ReportModule],
  controllers: [BoardController],
  providers: [BoardService, BoardMeetingRepository, ReportRepository],
})
export class BoardModule {}
