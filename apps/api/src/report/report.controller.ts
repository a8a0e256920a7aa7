import { Body, Get, HttpCode, Param, ParseUUIDPipe, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { reportDocumentDtoSchema, requestReportSchema, type ReportDocumentDto } from '@plexus/contracts';
import type { Response } from 'express';
import { z } from 'zod';
import { ApiErrorResponses, ApiFileResponse, ApiZodResponse } from '../core/http/api-response';
import { ApiZodBody, zod } from '../core/http/zod';
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
  @ApiOperation({ operationId: 'listReports', summary: "The network's document library, newest first" })
  @ApiZodResponse(z.array(reportDocumentDtoSchema), { description: 'The documents, newest first' })
  list(): Promise<ReportDocumentDto[]> {
    return this.reports.list();
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
