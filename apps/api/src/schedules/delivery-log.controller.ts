import { Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { deliveryLogDtoSchema, deliveryLogQuerySchema, type DeliveryLogDto } from '@plexus/contracts';
import { RequestScopes } from '@plexus/server';
import type { Response } from 'express';
import type { z } from 'zod';
import { ApiEmptyResponse, ApiFileResponse, ApiZodResponse } from '../core/http/api-response';
import { ApiZodQueries, zod } from '../core/http/zod';
import { NetworkController, RequirePermission } from '../tenancy/network-route.decorator';
import { DeliveryLogService } from './delivery-log.service';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

/** Every run and delivery of the network's schedules: the record a network shows as assurance evidence. */
@NetworkController('delivery-log', 'scheduled reports')
export class DeliveryLogController {
  constructor(private readonly log: DeliveryLogService) {}

  @Get()
  @RequirePermission('schedules.manage')
  @ApiZodQueries(deliveryLogQuerySchema)
  @ApiOperation({
    operationId: 'getDeliveryLog',
    summary: 'Runs and deliveries, newest first: filter by schedule, recipient, delivery state and dates',
  })
  @ApiZodResponse(deliveryLogDtoSchema, { description: 'The runs and deliveries' })
  get(@Query(zod(deliveryLogQuerySchema)) q: z.output<typeof deliveryLogQuerySchema>): Promise<DeliveryLogDto> {
    return this.log.log(q);
  }

  @Get('export')
  @RequirePermission('schedules.manage')
  @ApiZodQueries(deliveryLogQuerySchema)
  @ApiOperation({ operationId: 'exportDeliveryLog', summary: 'The delivery log as CSV, with the same filters' })
  @ApiFileResponse(['text/csv'], 'One row per delivery (and per run that sent nothing)')
  async export(
    @Query(zod(deliveryLogQuerySchema)) q: z.output<typeof deliveryLogQuerySchema>,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const bytes = await this.log.csv(q);
    res.setHeader('Content-Disposition', `attachment; filename="${RequestScopes.tenant().networkSlug}-delivery-log.csv"`);
    return new StreamableFile(bytes, { type: 'text/csv; charset=utf-8', length: bytes.length });
  }

  @Post('links/:linkId/revoke')
  @HttpCode(204)
  @RequirePermission('schedules.manage')
  @ApiOperation({ operationId: 'revokeDocumentLink', summary: 'Revoke an emailed download link: it answers 410 from now on' })
  @ApiEmptyResponse('Revoked (or already revoked)')
  revoke(@Param('linkId', uuid) id: string): Promise<void> {
    return this.log.revokeLink(id);
  }
}
