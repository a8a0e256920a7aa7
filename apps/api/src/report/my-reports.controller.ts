import { Controller, Get, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { MY_REPORTS_PER_NETWORK, myReportsDtoSchema, type MyReportsDto } from '@plexus/contracts';
import type { AppRequest, AuthContext } from '../auth/auth.types';
import { CurrentAuth } from '../auth/current-auth.decorator';
import { ApiZodResponse } from '../core/http/api-response';
import { MyReportsService } from './my-reports.service';

/**
 * The signed-in person's reports across their networks. Not a network route: it names no network, and reads each
 * of the person's networks inside that network (see `MyReportsService`). Downloads stay on each network's route.
 */
@ApiTags('board reports')
@Controller('me/reports')
export class MyReportsController {
  constructor(private readonly reports: MyReportsService) {}

  @Get()
  @ApiOperation({
    operationId: 'listMyReports',
    summary: 'Reports from my networks: the ready documents of every network whose reports I may read, newest first',
    description:
      `For each network the caller belongs to with a role that may read its reports (every role, commissioners included), ` +
      `its ${MY_REPORTS_PER_NETWORK} newest ready documents, each named with its network. Queued, rendering and failed documents ` +
      'are not listed. Download a document from its `downloadUrl`, the route of its own network.',
  })
  @ApiZodResponse(myReportsDtoSchema, { description: 'The networks, by name, and their ready documents, newest first' })
  list(@CurrentAuth() auth: AuthContext, @Req() req: AppRequest): Promise<MyReportsDto> {
    return this.reports.list(auth.user.id, req.id ?? null);
  }
}
