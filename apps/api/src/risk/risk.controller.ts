import { Body, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res, StreamableFile, UploadedFile } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import {
  closeRiskSchema,
  createRiskSchema,
  recordRiskReviewSchema,
  riskListQuerySchema,
  updateRiskSchema,
  riskDtoSchema,
  riskHeatMapDtoSchema,
  riskImportPreviewDtoSchema,
  riskImportResultDtoSchema,
  riskSummaryDtoSchema,
  type RiskDto,
  type RiskHeatMapDto,
  type RiskImportPreviewDto,
  type RiskImportResultDto,
  type RiskSummaryDto,
} from '@plexus/contracts';
import { RequestScopes } from '@plexus/server';
import type { Response } from 'express';
import { z } from 'zod';
import { ApiFileResponse, ApiZodResponse } from '../core/http/api-response';
import { ApiZodBody, ApiZodQueries, zod } from '../core/http/zod';
import { TableUpload, type UploadedTable } from '../core/upload/table-upload';
import { NetworkController, RequirePermission } from '../tenancy/network-route.decorator';
import { RiskService } from './risk.service';
import { RiskTransferService } from './risk-transfer.service';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });
const RegisterUpload = () =>
  TableUpload({ maxBytes: 2 * 1024 * 1024, description: 'The register as .xlsx or CSV', tooLargeAdvice: 'Split the register, or save it as CSV.' });
const exportQuery = z.object({ format: z.enum(['xlsx', 'csv'], { error: 'Choose xlsx or csv' }).default('xlsx') });

@NetworkController('risks', 'risk register')
export class RiskController {
  constructor(
    private readonly risks: RiskService,
    private readonly transfer: RiskTransferService,
  ) {}

  @Get()
  @RequirePermission('network.read')
  @ApiOperation({ operationId: 'listRisks', summary: 'The register, filtered and sorted (open risks by default)' })
  @ApiZodQueries(riskListQuerySchema)
  @ApiZodResponse(z.array(riskSummaryDtoSchema), { description: 'The risks that pass the filters, sorted' })
  list(@Query(zod(riskListQuerySchema)) q: z.output<typeof riskListQuerySchema>): Promise<RiskSummaryDto[]> {
    return this.risks.list(q);
  }

  @Post()
  @RequirePermission('risk.edit')
  @ApiOperation({ operationId: 'createRisk', summary: 'Register a risk; it gets the next reference (never reused)' })
  @ApiZodBody(createRiskSchema)
  @ApiZodResponse(riskDtoSchema, { status: 201, description: 'The new risk with its reference' })
  create(@Body(zod(createRiskSchema)) body: z.output<typeof createRiskSchema>): Promise<RiskDto> {
    return this.risks.create(body);
  }

  @Get('heat-map')
  @RequirePermission('network.read')
  @ApiOperation({ operationId: 'getRiskHeatMap', summary: '5×5 heat map of open risks, current and before mitigation' })
  @ApiZodResponse(riskHeatMapDtoSchema, { description: 'The heat maps' })
  heatMap(): Promise<RiskHeatMapDto> {
    return this.risks.heatMap();
  }

  @Get('export')
  @RequirePermission('network.read')
  @ApiZodQueries(exportQuery)
  @ApiOperation({ operationId: 'exportRisks', summary: 'The whole register as .xlsx or CSV (re-importable)' })
  @ApiFileResponse(
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv'],
    'The register as a workbook (format=xlsx) or CSV (format=csv)',
  )
  async export(@Query(zod(exportQuery)) q: z.output<typeof exportQuery>, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const bytes = await this.transfer.export(q.format);
    const name = `${RequestScopes.tenant().networkSlug}-risk-register.${q.format}`;
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    const type = q.format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8';
    return new StreamableFile(bytes, { type, length: bytes.length });
  }

  @Post('import/preview')
  @HttpCode(200)
  @RequirePermission('risk.edit')
  @RegisterUpload()
  @ApiOperation({
    operationId: 'previewRiskImport',
    summary: 'Check a register file (.xlsx or CSV, 2 MB at most): every row with its problems; nothing is saved',
  })
  @ApiZodResponse(riskImportPreviewDtoSchema, { description: 'Every row with its problems; nothing saved' })
  preview(@UploadedFile() file: UploadedTable | undefined): Promise<RiskImportPreviewDto> {
    return this.transfer.preview(file);
  }

  @Post('import')
  @RequirePermission('risk.edit')
  @RegisterUpload()
  @ApiOperation({ operationId: 'importRisks', summary: 'Import a register file: all rows or, if any row is bad, none (400 naming every bad row)' })
  @ApiZodResponse(riskImportResultDtoSchema, { status: 201, description: 'Imported: how many, and their references' })
  import(@UploadedFile() file: UploadedTable | undefined): Promise<RiskImportResultDto> {
    return this.transfer.import(file);
  }

  @Get(':riskId')
  @RequirePermission('network.read')
  @ApiOperation({ operationId: 'getRisk', summary: 'One risk with its reviews and score history' })
  @ApiZodResponse(riskDtoSchema, { description: 'The risk' })
  get(@Param('riskId', uuid) id: string): Promise<RiskDto> {
    return this.risks.get(id);
  }

  @Put(':riskId')
  @RequirePermission('risk.edit')
  @ApiOperation({ operationId: 'updateRisk', summary: 'Edit a risk (send the version you read; a stale one answers 409)' })
  @ApiZodBody(updateRiskSchema)
  @ApiZodResponse(riskDtoSchema, { description: 'The risk as changed, with its new version' })
  update(@Param('riskId', uuid) id: string, @Body(zod(updateRiskSchema)) body: z.output<typeof updateRiskSchema>): Promise<RiskDto> {
    return this.risks.update(id, body);
  }

  @Post(':riskId/close')
  @HttpCode(200)
  @RequirePermission('risk.edit')
  @ApiOperation({ operationId: 'closeRisk', summary: 'Close a risk, with the date and reason' })
  @ApiZodBody(closeRiskSchema)
  @ApiZodResponse(riskDtoSchema, { description: 'The closed risk' })
  close(@Param('riskId', uuid) id: string, @Body(zod(closeRiskSchema)) body: z.output<typeof closeRiskSchema>): Promise<RiskDto> {
    return this.risks.close(id, body);
  }

  @Post(':riskId/reopen')
  @HttpCode(200)
  @RequirePermission('risk.edit')
  @ApiOperation({ operationId: 'reopenRisk', summary: 'Re-open a closed risk' })
  @ApiZodResponse(riskDtoSchema, { description: 'The risk, open again' })
  reopen(@Param('riskId', uuid) id: string): Promise<RiskDto> {
    return this.risks.reopen(id);
  }

  @Post(':riskId/reviews')
  @RequirePermission('risk.review')
  @ApiOperation({ operationId: 'recordRiskReview', summary: 'Record a review (managers, or the lead of this risk): date, current scores, notes' })
  @ApiZodBody(recordRiskReviewSchema)
  @ApiZodResponse(riskDtoSchema, { status: 201, description: 'The risk with the review and its new current scores' })
  review(@Param('riskId', uuid) id: string, @Body(zod(recordRiskReviewSchema)) body: z.output<typeof recordRiskReviewSchema>): Promise<RiskDto> {
    return this.risks.review(id, body);
  }
}
