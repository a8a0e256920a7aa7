import { Controller, Get, HttpCode, Param, Post, Req, Res, StreamableFile } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { documentLinkDtoSchema, unsubscribePreviewDtoSchema, type DocumentLinkDto, type UnsubscribePreviewDto } from '@plexus/contracts';
import type { Response } from 'express';
import { Public } from '../auth/public.decorator';
import type { AppRequest } from '../auth/auth.types';
import { ApiErrorResponses, ApiFileResponse, ApiZodResponse } from '../core/http/api-response';
import { PublicLinksService } from './public-links.service';

const LIMITED: [number, string] = [
  429,
  'Too many attempts with emailed links from this address (`too_many_attempts`): wait for the `Retry-After` seconds.',
];

/** A signed, expiring link to one document, emailed instead of an attachment: no sign-in needed. */
@ApiTags('scheduled reports')
@Controller('links/:network/:token')
export class PublicLinksController {
  constructor(private readonly links: PublicLinksService) {}

  @Public()
  @Get()
  @ApiOperation({ operationId: 'previewDocumentLink', summary: 'What an emailed link gives (no sign-in needed)' })
  @ApiZodResponse(documentLinkDtoSchema, { description: 'The document: title, size, expiry' })
  @ApiErrorResponses(410, LIMITED, 503)
  preview(@Param('network') network: string, @Param('token') token: string, @Req() req: AppRequest): Promise<DocumentLinkDto> {
    return this.links.preview(network, token, req.ip ?? 'unknown');
  }

  @Public()
  @Get('download')
  @ApiOperation({ operationId: 'downloadDocumentLink', summary: 'The PDF an emailed link gives; each download is logged' })
  @ApiFileResponse(['application/pdf'], 'The PDF, as generated; its ETag is its SHA-256')
  @ApiErrorResponses(410, LIMITED, 503)
  async download(
    @Param('network') network: string,
    @Param('token') token: string,
    @Req() req: AppRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { doc, bytes } = await this.links.download(network, token, req.ip ?? 'unknown', String(req.headers['user-agent'] ?? ''));
    const name = `${
      doc.title
        .replace(/[^\w .()-]+/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 100) || 'report'
    }.pdf`;
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    res.setHeader('Cache-Control', 'private, no-store');
    if (doc.sha256) res.setHeader('ETag', `"${doc.sha256}"`);
    return new StreamableFile(bytes, { type: 'application/pdf', length: bytes.length });
  }
}

/** One-click unsubscribe (RFC 8058) from one schedule: the `List-Unsubscribe` URL of every scheduled email. */
@ApiTags('scheduled reports')
@Controller('unsubscribe/:network/:token')
export class PublicUnsubscribeController {
  constructor(private readonly links: PublicLinksService) {}

  @Public()
  @Get()
  @ApiOperation({ operationId: 'previewUnsubscribe', summary: 'What the unsubscribe link removes: this recipient from this schedule only' })
  @ApiZodResponse(unsubscribePreviewDtoSchema, { description: 'The schedule and address' })
  @ApiErrorResponses(LIMITED, 503)
  preview(@Param('network') network: string, @Param('token') token: string, @Req() req: AppRequest): Promise<UnsubscribePreviewDto> {
    return this.links.previewUnsubscribe(network, token, req.ip ?? 'unknown');
  }

  @Public()
  @Post()
  @HttpCode(200)
  @ApiConsumes('application/x-www-form-urlencoded', 'application/json')
  @ApiBody({
    required: false,
    description: 'RFC 8058: `List-Unsubscribe=One-Click` (form-encoded), or nothing; the token in the path is all that counts.',
    schema: { type: 'object', properties: { 'List-Unsubscribe': { type: 'string', enum: ['One-Click'] } } },
  })
  @ApiOperation({
    operationId: 'unsubscribe',
    summary: 'Unsubscribe (one click, RFC 8058: mail clients POST List-Unsubscribe=One-Click here); doing it twice is the same as once',
  })
  @ApiZodResponse(unsubscribePreviewDtoSchema, { description: 'Unsubscribed' })
  @ApiErrorResponses(LIMITED, 503)
  unsubscribe(@Param('network') network: string, @Param('token') token: string, @Req() req: AppRequest): Promise<UnsubscribePreviewDto> {
    return this.links.unsubscribe(network, token, req.ip ?? 'unknown');
  }
}
