import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
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
import { ApiEmptyResponse, ApiErrorResponses, ApiZodResponse } from '../core/http/api-response';
import { ApiZodBody, zod } from '../core/http/zod';
import { NetworkController, RequirePermission } from '../tenancy/network-route.decorator';
import { AnnualReportService } from './annual-report.service';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });
type Out<S extends z.ZodType> = z.output<S>;

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
