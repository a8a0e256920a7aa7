import { Body, Delete, Get, Header, HttpCode, Param, ParseUUIDPipe, Post, Put, StreamableFile } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import {
  annualReportDraftDtoSchema,
  createAnnualReportDraftSchema,
  updateAnnualReportDraftSchema,
  type AnnualReportDraftDto,
} from '@plexus/contracts';
import { z } from 'zod';
import type { AuthContext } from '../auth/auth.types';
import { CurrentAuth } from '../auth/current-auth.decorator';
import { ApiEmptyResponse, ApiErrorResponses, ApiFileResponse, ApiZodResponse } from '../core/http/api-response';
import { ApiZodBody, zod } from '../core/http/zod';
import { NetworkController, RequirePermission } from '../tenancy/network-route.decorator';
import { AnnualReportService } from './annual-report.service';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });
type Out<S extends z.ZodType> = z.output<S>;

/** The preview's own policy: its inline styles and data: images (the logo), no script, framed only by Plexus itself. */
const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

const PLAN_NOT_FOUND: [number, string] = [404, 'No such network among yours, no such record in it, or the plan (`planId`) is not one of its plans.'];

/**
 * The annual report's narrative (chair's foreword, highlights, priorities) and settings, one per financial year, kept by
 * managers between sittings (`reports.generate`). The report itself is asked for like any other
 * (`POST /reports` with `{ kind: 'annual_report', options: { fy } }`) and reads the year's draft when it is built.
 */
@NetworkController('annual-reports', 'annual report')
export class AnnualReportController {
  constructor(private readonly annual: AnnualReportService) {}

  @Get()
  @RequirePermission('reports.generate')
  @ApiOperation({ operationId: 'listAnnualReportDrafts', summary: "The network's annual report drafts, newest year first" })
  @ApiZodResponse(z.array(annualReportDraftDtoSchema), { description: 'The drafts' })
  list(): Promise<AnnualReportDraftDto[]> {
    return this.annual.list();
  }

  @Post()
  @RequirePermission('reports.generate')
  @ApiOperation({ operationId: 'createAnnualReportDraft', summary: "Start a financial year's annual report (one per year)" })
  @ApiZodBody(createAnnualReportDraftSchema)
  @ApiZodResponse(annualReportDraftDtoSchema, { status: 201, description: 'The new draft' })
  @ApiErrorResponses(PLAN_NOT_FOUND, [409, 'The year already has an annual report (`conflict`, naming `fy`).'])
  create(
    @Body(zod(createAnnualReportDraftSchema)) body: Out<typeof createAnnualReportDraftSchema>,
    @CurrentAuth() auth: AuthContext,
  ): Promise<AnnualReportDraftDto> {
    return this.annual.create(body, auth.user.displayName);
  }

  @Get(':annualReportId')
  @RequirePermission('reports.generate')
  @ApiOperation({ operationId: 'getAnnualReportDraft', summary: "A year's annual report draft, with the plan it will tell of" })
  @ApiZodResponse(annualReportDraftDtoSchema, { description: 'The draft' })
  get(@Param('annualReportId', uuid) id: string): Promise<AnnualReportDraftDto> {
    return this.annual.get(id);
  }

  @Get(':annualReportId/preview')
  @RequirePermission('reports.generate')
  // A page of its own, shown framed in the annual report's page: its inline styles only, nothing it can load or run.
  @Header('Cache-Control', 'no-store')
  @Header('X-Frame-Options', 'SAMEORIGIN')
  @Header('Content-Security-Policy', PREVIEW_CSP)
  @ApiOperation({
    operationId: 'previewAnnualReportDraft',
    summary:
      'The report as it would be generated from what is saved, as HTML (the PDF’s templates; 503 with Retry-After if no worker answers in time)',
  })
  @ApiFileResponse(['text/html'], 'The pages as HTML', 'inline')
  @ApiErrorResponses([503, 'No worker drew the preview in time (`unavailable`, with Retry-After).'])
  async preview(@Param('annualReportId', uuid) id: string): Promise<StreamableFile> {
    const html = await this.annual.preview(id);
    return new StreamableFile(Buffer.from(html, 'utf8'), { type: 'text/html; charset=utf-8', disposition: 'inline' });
  }

  @Put(':annualReportId')
  @RequirePermission('reports.generate')
  @ApiOperation({
    operationId: 'updateAnnualReportDraft',
    summary: 'Save the narrative and settings (with the version read; a newer one answers 409)',
  })
  @ApiZodBody(updateAnnualReportDraftSchema)
  @ApiZodResponse(annualReportDraftDtoSchema, { description: 'The draft as saved' })
  @ApiErrorResponses(PLAN_NOT_FOUND, [409, 'Someone saved a newer version (`version_conflict`, naming `version`).'])
  update(
    @Param('annualReportId', uuid) id: string,
    @Body(zod(updateAnnualReportDraftSchema)) body: Out<typeof updateAnnualReportDraftSchema>,
    @CurrentAuth() auth: AuthContext,
  ): Promise<AnnualReportDraftDto> {
    return this.annual.update(id, body, auth.user.displayName);
  }

  @Delete(':annualReportId')
  @HttpCode(204)
  @RequirePermission('reports.generate')
  @ApiOperation({ operationId: 'deleteAnnualReportDraft', summary: 'Delete a draft (documents already generated from it stay in the library)' })
  @ApiEmptyResponse('Deleted')
  remove(@Param('annualReportId', uuid) id: string): Promise<void> {
    return this.annual.remove(id);
  }
}
