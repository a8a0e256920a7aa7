import { Body, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, StreamableFile, UploadedFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery } from '@nestjs/swagger';
import { IMPORT_MAX_BYTES, type ImportPreviewDto, type ImportResultDto } from '@plexus/contracts';
import { z } from 'zod';
import type { AuthContext } from '../../auth/auth.types';
import { CurrentAuth } from '../../auth/current-auth.decorator';
import { zod } from '../../core/http/zod';
import { TableUpload, type UploadedTable } from '../../core/upload/table-upload';
import { NetworkController, RequirePermission } from '../../tenancy/network-route.decorator';
import { WorkPlanExportService } from './work-plan-export.service';
import { WorkPlanImportService } from './work-plan-import.service';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

const exportQuerySchema = z.object({
  format: z.enum(['xlsx', 'csv'], { error: 'Choose xlsx or csv' }).default('xlsx'),
  layout: z.enum(['themes', 'flat'], { error: 'Choose themes (a sheet per theme) or flat (one sheet)' }).default('themes'),
});

type MultipartFields = { options?: unknown };

const ImportUpload = () =>
  TableUpload({
    maxBytes: IMPORT_MAX_BYTES,
    description: '.xlsx, .csv, or tab-separated text (a table pasted from Word)',
    tooLargeAdvice: 'Split the plan, or save it as CSV.',
    optionsDescription: 'JSON: { "columns": [field or null per column], "defaultTheme": "…" }',
  });

@NetworkController('work-plan', 'work plan')
export class WorkPlanTransferController {
  constructor(
    private readonly imports: WorkPlanImportService,
    private readonly exports: WorkPlanExportService,
  ) {}

  @Post('plans/:planId/import/preview')
  @HttpCode(200)
  @RequirePermission('plan.edit')
  @ImportUpload()
  @ApiOperation({
    summary: 'Read a table (.xlsx, CSV, or pasted from Word) and show what would be imported, row by row, with each row’s problems. Saves nothing.',
  })
  preview(
    @Param('planId', uuid) planId: string,
    @UploadedFile() file: UploadedTable | undefined,
    @Body() body: MultipartFields,
  ): Promise<ImportPreviewDto> {
    return this.imports.preview(planId, file, body?.options);
  }

  @Post('plans/:planId/import')
  @RequirePermission('plan.edit')
  @ImportUpload()
  @ApiOperation({ summary: 'Import the table into a draft plan: every row in one transaction, or none (400 naming the rows)' })
  import(
    @Param('planId', uuid) planId: string,
    @UploadedFile() file: UploadedTable | undefined,
    @Body() body: MultipartFields,
    @CurrentAuth() auth: AuthContext,
  ): Promise<ImportResultDto> {
    return this.imports.import(planId, file, body?.options, { userId: auth.user.id, name: auth.user.displayName });
  }

  @Get('plans/:planId/export')
  @RequirePermission('network.read')
  @ApiOperation({ summary: 'Download the plan: Excel (a sheet per theme, or one flat sheet) or CSV; both import again to the same plan' })
  @ApiQuery({ name: 'format', required: false, enum: ['xlsx', 'csv'] })
  @ApiQuery({ name: 'layout', required: false, enum: ['themes', 'flat'] })
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  async export(
    @Param('planId', uuid) planId: string,
    @Query(zod(exportQuerySchema)) query: z.output<typeof exportQuerySchema>,
    @CurrentAuth() auth: AuthContext,
  ): Promise<StreamableFile> {
    const file = await this.exports.export(planId, query.format, query.layout, { userId: auth.user.id, name: auth.user.displayName });
    return new StreamableFile(file.bytes, {
      type: file.contentType,
      length: file.bytes.length,
      disposition: `attachment; filename="${file.fileName}"`,
    });
  }
}
