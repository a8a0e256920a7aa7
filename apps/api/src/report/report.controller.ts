import { Body, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import {
  reportDocumentDtoSchema,
  reportLibraryQuerySchema,
  requestReportSchema,
  withdrawReportSchema,
  type ReportDocumentDto,
} from '@plexus/contracts';
import type { Response } from 'express';
import { z } from 'zod';
import { ApiErrorResponses, ApiFileResponse, ApiZodResponse } from '../core/http/api-response';
import { ApiZodBody, ApiZodQueries, zod } from '../core/http/zod';
import { NetworkController, RequirePermission } from '../tenancy/network-route.decorator';
import { ReportService } from './report.service';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@NetworkController('reports', 'board reports')
export class ReportController {
  constructor(private readonly reports: ReportService) {}

  @Post()
  @HttpCode(202)
  @RequirePermission('reports.generate')
  @ApiOperation({ operationId: 'requestReport', summary: 'Ask for a report: it is queued and rendered by the worker; poll it or the library' })
  @ApiZodBody(requestReportSchema)
  @ApiZodResponse(reportDocumentDtoSchema, { status: 202, description: 'The queued document: poll it until it is ready, then download it' })
  request(@Body(zod(requestReportSchema)) body: z.output<typeof requestReportSchema>): Promise<ReportDocumentDto> {
    return this.reports.request(body);
  }

  @Get()
  @RequirePermission('reports.read')
  @ApiOperation({
    operationId: 'listReports',
    summary: "The network's document library, newest first; withdrawn documents only with withdrawn=include",
  })
  @ApiZodQueries(reportLibraryQuerySchema)
  @ApiZodResponse(z.array(reportDocumentDtoSchema), { description: 'The documents, newest first' })
  list(@Query(zod(reportLibraryQuerySchema)) q: z.output<typeof reportLibraryQuerySchema>): Promise<ReportDocumentDto[]> {
    return this.reports.list({ includeWithdrawn: q.withdrawn === 'include' });
  }

  @Get(':documentId')
  @RequirePermission('reports.read')
  @ApiOperation({ operationId: 'getReport', summary: 'One document: status, progress, failure reason, and its snapshot facts once ready' })
  @ApiZodResponse(reportDocumentDtoSchema, { description: 'The document' })
  get(@Param('documentId', uuid) id: string): Promise<ReportDocumentDto> {
    return this.reports.get(id);
  }

  @Post(':documentId/retry')
  @HttpCode(202)
  @RequirePermission('reports.generate')
  @ApiOperation({ operationId: 'retryReport', summary: 'Queue a failed document again' })
  @ApiZodResponse(reportDocumentDtoSchema, { status: 202, description: 'The document, queued again' })
  retry(@Param('documentId', uuid) id: string): Promise<ReportDocumentDto> {
    return this.reports.retry(id);
  }

  @Post(':documentId/withdraw')
  @HttpCode(200)
  @RequirePermission('reports.generate')
  @ApiOperation({
    operationId: 'withdrawReport',
    summary:
      'Withdraw a ready document: kept unchanged and marked withdrawn (who, when, why); left out of the library by default; its emailed links answer 410',
  })
  @ApiZodBody(withdrawReportSchema)
  @ApiZodResponse(reportDocumentDtoSchema, { description: 'The document, withdrawn' })
  @ApiErrorResponses([409, 'The document is not ready, or was already withdrawn (`conflict`).'])
  withdraw(
    @Param('documentId', uuid) id: string,
    @Body(zod(withdrawReportSchema)) body: z.output<typeof withdrawReportSchema>,
  ): Promise<ReportDocumentDto> {
    return this.reports.withdraw(id, body.reason);
  }

  @Get(':documentId/download')
  @RequirePermission('reports.read')
  @ApiOperation({ operationId: 'downloadReport', summary: 'The PDF, exactly as it was generated (409 until it is ready)' })
  @ApiFileResponse(['application/pdf'], 'The PDF; its ETag is its SHA-256')
  @ApiErrorResponses([409, 'The document is not ready (`conflict`): poll it until its status is `ready`.'])
  async download(@Param('documentId', uuid) id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { doc, file } = await this.reports.download(id);
    const name = `${
      doc.title
        .replace(/[^\w .-]+/g, '')
        .trim()
        .replace(/\s+/g, '-')
        .slice(0, 80) || 'report'
    }.pdf`;
    res.setHeader('ETag', `"${doc.sha256}"`);
    res.setHeader('Cache-Control', 'private, max-age=0, must-revalidate');
    return new StreamableFile(file.body, {
      type: 'application/pdf',
      length: file.length ?? doc.sizeBytes ?? undefined,
      disposition: `attachment; filename="${name}"`,
    });
  }
}
