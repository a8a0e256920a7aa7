import { Body, Get, HttpCode, Param, ParseUUIDPipe, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiProduces } from '@nestjs/swagger';
import { requestReportSchema, type ReportDocumentDto } from '@plexus/contracts';
import type { Response } from 'express';
import type { z } from 'zod';
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
  @ApiOperation({ summary: 'Ask for a report: it is queued and rendered by the worker; poll it or the library' })
  @ApiZodBody(requestReportSchema)
  @ApiAcceptedResponse({ description: 'The queued document' })
  request(@Body(zod(requestReportSchema)) body: z.output<typeof requestReportSchema>): Promise<ReportDocumentDto> {
    return this.reports.request(body);
  }

  @Get()
  @RequirePermission('network.read')
  @ApiOperation({ summary: "The network's document library, newest first" })
  list(): Promise<ReportDocumentDto[]> {
    return this.reports.list();
  }

  @Get(':documentId')
  @RequirePermission('network.read')
  @ApiOperation({ summary: 'One document: status, progress, failure reason, and its snapshot facts once ready' })
  get(@Param('documentId', uuid) id: string): Promise<ReportDocumentDto> {
    return this.reports.get(id);
  }

  @Post(':documentId/retry')
  @HttpCode(202)
  @RequirePermission('reports.generate')
  @ApiOperation({ summary: 'Queue a failed document again' })
  retry(@Param('documentId', uuid) id: string): Promise<ReportDocumentDto> {
    return this.reports.retry(id);
  }

  @Get(':documentId/download')
  @RequirePermission('network.read')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The PDF, exactly as it was generated' })
  async download(@Param('documentId', uuid) id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { doc, bytes } = await this.reports.download(id);
    const name = `${
      doc.title
        .replace(/[^\w .-]+/g, '')
        .trim()
        .replace(/\s+/g, '-')
        .slice(0, 80) || 'report'
    }.pdf`;
    res.setHeader('ETag', `"${doc.sha256}"`);
    res.setHeader('Cache-Control', 'private, max-age=0, must-revalidate');
    return new StreamableFile(bytes, { type: 'application/pdf', length: bytes.length, disposition: `attachment; filename="${name}"` });
  }
}
