import { Body, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res, StreamableFile, UploadedFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery } from '@nestjs/swagger';
import {
  closeRiskSchema,
  createRiskSchema,
  recordRiskReviewSchema,
  riskListQuerySchema,
  updateRiskSchema,
  type RiskDto,
  type RiskHeatMapDto,
  type RiskImportPreviewDto,
  type RiskImportResultDto,
  type RiskSummaryDto,
} from '@plexus/contracts';
import { RequestScopes } from '@plexus/server';
import type { Response } from 'express';
import { z } from 'zod';
import { ApiZodBody, zod } from '../core/http/zod';
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
  @ApiOperation({ summary: 'The register, filtered and sorted (open risks by default)' })
  @ApiQuery({ name: 'status', required: false, enum: ['open', 'closed', 'all'] })
  @ApiQuery({ name: 'band', required: false, enum: ['low', 'medium', 'high', 'extreme'] })
  @ApiQuery({ name: 'leadUserId', required: false })
  @ApiQuery({ name: 'overdue', required: false, enum: ['true', 'false'] })
  @ApiQuery({ name: 'cell', required: false, description: 'likelihood,impact of a heat-map cell' })
  @ApiQuery({ name: 'matrix', required: false, enum: ['current', 'before'] })
  @ApiQuery({ name: 'q', required: false })
  @ApiQuery({ name: 'sort', required: false, enum: ['reference', 'score', 'nextReviewDue', 'dateRegistered'] })
  @ApiQuery({ name: 'direction', required: false, enum: ['asc', 'desc'] })
  list(@Query(zod(riskListQuerySchema)) q: z.output<typeof riskListQuerySchema>): Promise<RiskSummaryDto[]> {
    return this.risks.list(q);
  }

  @Post()
  @RequirePermission('risk.edit')
  @ApiOperation({ summary: 'Register a risk; it gets the next reference (never reused)' })
  @ApiZodBody(createRiskSchema)
  create(@Body(zod(createRiskSchema)) body: z.output<typeof createRiskSchema>): Promise<RiskDto> {
    return this.risks.create(body);
  }

  @Get('heat-map')
  @RequirePermission('network.read')
  @ApiOperation({ summary: '5×5 heat map of open risks, current and before mitigation' })
  heatMap(): Promise<RiskHeatMapDto> {
    return this.risks.heatMap();
  }

  @Get('export')
  @RequirePermission('network.read')
  @ApiQuery({ name: 'format', required: false, enum: ['xlsx', 'csv'] })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @ApiOperation({ summary: 'The whole register as .xlsx or CSV (re-importable)' })
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
  @ApiOperation({ summary: 'Check a register file (.xlsx or CSV, 2 MB at most): every row with its problems; nothing is saved' })
  preview(@UploadedFile() file: UploadedTable | undefined): Promise<RiskImportPreviewDto> {
    return this.transfer.preview(file);
  }

  @Post('import')
  @RequirePermission('risk.edit')
  @RegisterUpload()
  @ApiOperation({ summary: 'Import a register file: all rows or, if any row is bad, none (400 naming every bad row)' })
  import(@UploadedFile() file: UploadedTable | undefined): Promise<RiskImportResultDto> {
    return this.transfer.import(file);
  }

  @Get(':riskId')
  @RequirePermission('network.read')
  @ApiOperation({ summary: 'One risk with its reviews and score history' })
  get(@Param('riskId', uuid) id: string): Promise<RiskDto> {
    return this.risks.get(id);
  }

  @Put(':riskId')
  @RequirePermission('risk.edit')
  @ApiOperation({ summary: 'Edit a risk (send the version you read; a stale one answers 409)' })
  @ApiZodBody(updateRiskSchema)
  update(@Param('riskId', uuid) id: string, @Body(zod(updateRiskSchema)) body: z.output<typeof updateRiskSchema>): Promise<RiskDto> {
    return this.risks.update(id, body);
  }

  @Post(':riskId/close')
  @HttpCode(200)
  @RequirePermission('risk.edit')
  @ApiOperation({ summary: 'Close a risk, with the date and reason' })
  @ApiZodBody(closeRiskSchema)
  close(@Param('riskId', uuid) id: string, @Body(zod(closeRiskSchema)) body: z.output<typeof closeRiskSchema>): Promise<RiskDto> {
    return this.risks.close(id, body);
  }

  @Post(':riskId/reopen')
  @HttpCode(200)
  @RequirePermission('risk.edit')
  @ApiOperation({ summary: 'Re-open a closed risk' })
  reopen(@Param('riskId', uuid) id: string): Promise<RiskDto> {
    return this.risks.reopen(id);
  }

  @Post(':riskId/reviews')
  @RequirePermission('risk.review')
  @ApiOperation({ summary: 'Record a review (managers, or the lead of this risk): date, current scores, notes' })
  @ApiZodBody(recordRiskReviewSchema)
  review(@Param('riskId', uuid) id: string, @Body(zod(recordRiskReviewSchema)) body: z.output<typeof recordRiskReviewSchema>): Promise<RiskDto> {
    return this.risks.review(id, body);
  }
}
