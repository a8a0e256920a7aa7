import {
  applyDecorators,
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
  type Type,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  standardCriterionInputSchema,
  standardCriterionOrderSchema,
  standardExportQuerySchema,
  standardImportPreviewDtoSchema,
  standardImportResultDtoSchema,
  standardSectionInputSchema,
  standardSectionOrderSchema,
  standardSetDtoSchema,
  standardSetInputSchema,
  standardSetListDtoSchema,
  standardVersionDtoSchema,
  type StandardImportPreviewDto,
  type StandardImportResultDto,
  type StandardSetDto,
  type StandardSetListDto,
  type StandardVersionDto,
} from '@plexus/contracts';
import type { Response } from 'express';
import { z } from 'zod';
import { OperatorOnly } from '../../auth/public.decorator';
import { ApiEmptyResponse, ApiErrorResponses, ApiFileResponse, ApiZodResponse } from '../../core/http/api-response';
import { ApiZodBody, ApiZodQueries, zod } from '../../core/http/zod';
import { TableUpload, type UploadedTable } from '../../core/upload/table-upload';
import { CachedRead } from '../../core/read-cache/read-cache';
import { NetworkController, RequirePermission } from '../../tenancy/network-route.decorator';
import { OperatorScopeInterceptor } from '../../tenancy/operator-scope.interceptor';
import { StandardTransferService } from './standard-transfer.service';
import { StandardsService } from './standards.service';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const StandardUpload = () =>
  TableUpload({
    maxBytes: 2 * 1024 * 1024,
    description: 'The set as .xlsx or CSV: Section number, Section title, Criterion number, Criterion, Evidence expected, Applies to',
    tooLargeAdvice: 'Split the set, or save it as CSV.',
  });

type SetInput = z.output<typeof standardSetInputSchema>;
type SectionInput = z.output<typeof standardSectionInputSchema>;
type CriterionInput = z.output<typeof standardCriterionInputSchema>;

/** Who keeps the sets a controller serves: a network its own (network routes), or operators the national ones (admin routes). */
interface Keeper {
  /** The controller's class name. */
  name: string;
  controller: ClassDecorator;
  /** Route parameter names: distinct for the admin routes, whose ids are national records. */
  params: { set: string; version: string; section: string; criterion: string };
  /** What a read and a change need: a permission in the network; the operator check (class-wide) for admin routes. */
  read: MethodDecorator;
  manage: MethodDecorator;
  /** `listStandardSets` → `listNationalStandardSets` for the admin routes. */
  op: (id: string) => string;
  /** Reads that may be answered from the read cache (network routes: national edits move every network's shared version). */
  cached: MethodDecorator;
  /** The 403 a change can answer besides the role's: a national set changed from a network. */
  national403: MethodDecorator;
}

const none: MethodDecorator = () => undefined;

/**
 * The routes of standard sets, written once for both keepers: `StandardsController` under
 * /api/networks/{network}/standards (a network's own sets and, read-only, the national ones; `network.read` to read,
 * `standards.manage` to change) and `NationalStandardsController` under /api/admin/standards (operators keep the
 * national sets; the transaction runs in operator mode). The service holds every rule; these are thin.
 */
function standardsController(k: Keeper): Type<unknown> {
  const p = k.params;
  // Route order is the OpenAPI document's: a section's criterion order comes before adding to it, so that a sweep's
  // control (the order of a section holding one criterion) runs before its control adds a second.

  @k.controller
  class StandardsRoutes {
    constructor(
      readonly standards: StandardsService,
      readonly transfer: StandardTransferService,
    ) {}

    @Get('sets')
    @k.read
    @k.cached
    @ApiOperation({
      operationId: k.op('listStandardSets'),
      summary: 'The standard sets: national ones first (kept by the platform operator), then the network’s own',
    })
    @ApiZodResponse(standardSetListDtoSchema, { description: 'The sets, each with its versions' })
    list(): Promise<StandardSetListDto> {
      return this.standards.list();
    }

    @Post('sets')
    @k.manage
    @ApiOperation({ operationId: k.op('createStandardSet'), summary: 'Create a standard set; its version 1 starts as an empty draft' })
    @ApiZodBody(standardSetInputSchema)
    @ApiZodResponse(standardSetDtoSchema, { status: 201, description: 'The new set, with its draft version 1' })
    @ApiErrorResponses(409)
    create(@Body(zod(standardSetInputSchema)) body: SetInput): Promise<StandardSetDto> {
      return this.standards.createSet(body);
    }

    @Get(`sets/:${p.set}`)
    @k.read
    @ApiOperation({ operationId: k.op('getStandardSet'), summary: 'A standard set with its versions' })
    @ApiZodResponse(standardSetDtoSchema, { description: 'The set' })
    get(@Param(p.set, uuid) id: string): Promise<StandardSetDto> {
      return this.standards.getSet(id);
    }

    @Put(`sets/:${p.set}`)
    @k.national403
    @k.manage
    @ApiOperation({ operationId: k.op('updateStandardSet'), summary: 'Change a set’s code, name, kind, answer scale or description' })
    @ApiZodBody(standardSetInputSchema)
    @ApiZodResponse(standardSetDtoSchema, { description: 'The set as changed' })
    @ApiErrorResponses(409)
    update(@Param(p.set, uuid) id: string, @Body(zod(standardSetInputSchema)) body: SetInput): Promise<StandardSetDto> {
      return this.standards.updateSet(id, body);
    }

    @Delete(`sets/:${p.set}`)
    @HttpCode(204)
    @k.national403
    @k.manage
    @ApiOperation({ operationId: k.op('deleteStandardSet'), summary: 'Delete a set with its versions (not once a peer review cycle uses one: 409)' })
    @ApiEmptyResponse('Deleted')
    @ApiErrorResponses(409)
    remove(@Param(p.set, uuid) id: string): Promise<void> {
      return this.standards.removeSet(id);
    }

    @Post(`sets/:${p.set}/versions`)
    @k.national403
    @k.manage
    @ApiOperation({
      operationId: k.op('createStandardVersion'),
      summary: 'Create the set’s next version as a draft copy of its newest (409 while one is a draft)',
    })
    @ApiZodResponse(standardVersionDtoSchema, { status: 201, description: 'The new draft version' })
    @ApiErrorResponses(409)
    createVersion(@Param(p.set, uuid) id: string): Promise<StandardVersionDto> {
      return this.standards.createVersion(id);
    }

    @Get(`versions/:${p.version}`)
    @k.read
    @k.cached
    @ApiOperation({ operationId: k.op('getStandardVersion'), summary: 'A version of a standard set with its sections and criteria in order' })
    @ApiZodResponse(standardVersionDtoSchema, { description: 'The version' })
    getVersion(@Param(p.version, uuid) id: string): Promise<StandardVersionDto> {
      return this.standards.getVersion(id);
    }

    @Delete(`versions/:${p.version}`)
    @HttpCode(204)
    @k.national403
    @k.manage
    @ApiOperation({
      operationId: k.op('deleteStandardVersion'),
      summary: 'Delete a draft version (published ones stay; a set’s only version goes with the set)',
    })
    @ApiEmptyResponse('Deleted')
    @ApiErrorResponses(409)
    removeVersion(@Param(p.version, uuid) id: string): Promise<void> {
      return this.standards.removeVersion(id);
    }

    @Post(`versions/:${p.version}/publish`)
    @HttpCode(200)
    @k.national403
    @k.manage
    @ApiOperation({ operationId: k.op('publishStandardVersion'), summary: 'Publish a draft version, so that peer review cycles may use it' })
    @ApiZodResponse(standardVersionDtoSchema, { description: 'The published version' })
    @ApiErrorResponses(409)
    publish(@Param(p.version, uuid) id: string): Promise<StandardVersionDto> {
      return this.standards.publish(id);
    }

    @Post(`versions/:${p.version}/sections`)
    @k.national403
    @k.manage
    @ApiOperation({ operationId: k.op('addStandardSection'), summary: 'Add a section at the end of a version (409 once the version is frozen)' })
    @ApiZodBody(standardSectionInputSchema)
    @ApiZodResponse(standardVersionDtoSchema, { status: 201, description: 'The version with the new section' })
    @ApiErrorResponses(409)
    addSection(@Param(p.version, uuid) id: string, @Body(zod(standardSectionInputSchema)) body: SectionInput): Promise<StandardVersionDto> {
      return this.standards.addSection(id, body);
    }

    @Put(`versions/:${p.version}/section-order`)
    @k.national403
    @k.manage
    @ApiOperation({
      operationId: k.op('updateStandardSectionOrder'),
      summary: 'Put a version’s sections in a new order: every section once, applied whole or not at all',
    })
    @ApiZodBody(standardSectionOrderSchema)
    @ApiZodResponse(standardVersionDtoSchema, { description: 'The version in its new order' })
    @ApiErrorResponses(409)
    reorderSections(
      @Param(p.version, uuid) id: string,
      @Body(zod(standardSectionOrderSchema)) body: z.output<typeof standardSectionOrderSchema>,
    ): Promise<StandardVersionDto> {
      return this.standards.reorderSections(id, body);
    }

    @Post(`versions/:${p.version}/import/preview`)
    @HttpCode(200)
    @k.national403
    @k.manage
    @StandardUpload()
    @ApiOperation({
      operationId: k.op('previewStandardImport'),
      summary: 'Check a file (.xlsx or CSV, 2 MB at most) to import into this version: every row with its problems; nothing is saved',
    })
    @ApiZodResponse(standardImportPreviewDtoSchema, { description: 'Every row with its problems, and what the version holds now; nothing saved' })
    @ApiErrorResponses(409)
    preview(@Param(p.version, uuid) id: string, @UploadedFile() file: UploadedTable | undefined): Promise<StandardImportPreviewDto> {
      return this.transfer.preview(id, file);
    }

    @Post(`versions/:${p.version}/import`)
    @k.national403
    @k.manage
    @StandardUpload()
    @ApiOperation({
      operationId: k.op('importStandardVersion'),
      summary: 'Replace the version’s sections and criteria with a file’s: all rows or, if any row is bad, none (400 naming every bad row)',
    })
    @ApiZodResponse(standardImportResultDtoSchema, { status: 201, description: 'Imported: how many sections and criteria, and the version' })
    @ApiErrorResponses(409)
    import(@Param(p.version, uuid) id: string, @UploadedFile() file: UploadedTable | undefined): Promise<StandardImportResultDto> {
      return this.transfer.import(id, file);
    }

    @Get(`versions/:${p.version}/export`)
    @k.read
    @ApiZodQueries(standardExportQuerySchema)
    @ApiOperation({ operationId: k.op('exportStandardVersion'), summary: 'A version as .xlsx or CSV, in the columns the import reads' })
    @ApiFileResponse([XLSX, 'text/csv'], 'The version as a workbook (format=xlsx) or CSV (format=csv)')
    async export(
      @Param(p.version, uuid) id: string,
      @Query(zod(standardExportQuerySchema)) q: z.output<typeof standardExportQuerySchema>,
      @Res({ passthrough: true }) res: Response,
    ): Promise<StreamableFile> {
      const { bytes, fileName } = await this.transfer.export(id, q.format);
      res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
      return new StreamableFile(bytes, { type: q.format === 'xlsx' ? XLSX : 'text/csv; charset=utf-8', length: bytes.length });
    }

    @Put(`sections/:${p.section}`)
    @k.national403
    @k.manage
    @ApiOperation({ operationId: k.op('updateStandardSection'), summary: 'Change a section’s number or title' })
    @ApiZodBody(standardSectionInputSchema)
    @ApiZodResponse(standardVersionDtoSchema, { description: 'The version with the section as changed' })
    @ApiErrorResponses(409)
    updateSection(@Param(p.section, uuid) id: string, @Body(zod(standardSectionInputSchema)) body: SectionInput): Promise<StandardVersionDto> {
      return this.standards.updateSection(id, body);
    }

    @Delete(`sections/:${p.section}`)
    @HttpCode(204)
    @k.national403
    @k.manage
    @ApiOperation({ operationId: k.op('deleteStandardSection'), summary: 'Delete a section and its criteria; the sections after it move up' })
    @ApiEmptyResponse('Deleted')
    @ApiErrorResponses(409)
    removeSection(@Param(p.section, uuid) id: string): Promise<void> {
      return this.standards.removeSection(id);
    }

    @Put(`sections/:${p.section}/criterion-order`)
    @k.national403
    @k.manage
    @ApiOperation({
      operationId: k.op('updateStandardCriterionOrder'),
      summary: 'Put a section’s criteria in a new order: every criterion once, applied whole or not at all',
    })
    @ApiZodBody(standardCriterionOrderSchema)
    @ApiZodResponse(standardVersionDtoSchema, { description: 'The version with the section in its new order' })
    @ApiErrorResponses(409)
    reorderCriteria(
      @Param(p.section, uuid) id: string,
      @Body(zod(standardCriterionOrderSchema)) body: z.output<typeof standardCriterionOrderSchema>,
    ): Promise<StandardVersionDto> {
      return this.standards.reorderCriteria(id, body);
    }

    @Post(`sections/:${p.section}/criteria`)
    @k.national403
    @k.manage
    @ApiOperation({ operationId: k.op('addStandardCriterion'), summary: 'Add a criterion at the end of a section' })
    @ApiZodBody(standardCriterionInputSchema)
    @ApiZodResponse(standardVersionDtoSchema, { status: 201, description: 'The version with the new criterion' })
    @ApiErrorResponses(409)
    addCriterion(@Param(p.section, uuid) id: string, @Body(zod(standardCriterionInputSchema)) body: CriterionInput): Promise<StandardVersionDto> {
      return this.standards.addCriterion(id, body);
    }

    @Put(`criteria/:${p.criterion}`)
    @k.national403
    @k.manage
    @ApiOperation({
      operationId: k.op('updateStandardCriterion'),
      summary: 'Change a criterion; with a sectionId, move it to the end of that section',
    })
    @ApiZodBody(standardCriterionInputSchema)
    @ApiZodResponse(standardVersionDtoSchema, { description: 'The version with the criterion as changed' })
    @ApiErrorResponses(409)
    updateCriterion(
      @Param(p.criterion, uuid) id: string,
      @Body(zod(standardCriterionInputSchema)) body: CriterionInput,
    ): Promise<StandardVersionDto> {
      return this.standards.updateCriterion(id, body);
    }

    @Delete(`criteria/:${p.criterion}`)
    @HttpCode(204)
    @k.national403
    @k.manage
    @ApiOperation({ operationId: k.op('deleteStandardCriterion'), summary: 'Delete a criterion; those after it in its section move up' })
    @ApiEmptyResponse('Deleted')
    @ApiErrorResponses(409)
    removeCriterion(@Param(p.criterion, uuid) id: string): Promise<void> {
      return this.standards.removeCriterion(id);
    }
  }
  Object.defineProperty(StandardsRoutes, 'name', { value: k.name });
  return StandardsRoutes;
}

/** A network's standard sets, and the national ones read-only: /api/networks/{network}/standards/…. */
export const StandardsController = standardsController({
  name: 'StandardsController',
  controller: NetworkController('standards', 'standard sets'),
  params: { set: 'standardSetId', version: 'standardVersionId', section: 'standardSectionId', criterion: 'criterionId' },
  read: RequirePermission('network.read'),
  manage: RequirePermission('standards.manage'),
  op: (id) => id,
  cached: CachedRead(),
  national403: ApiErrorResponses([
    403,
    'Your role cannot change standard sets (it needs `standards.manage`), or the set is a national one, kept by the platform operator (`forbidden`); or an unsafe request without the X-XSRF-TOKEN header (`csrf_failed`), or sent by another site (`cross_site_request`).',
  ]),
});

/** The national standard sets, kept by platform operators for every network: /api/admin/standards/…. */
export const NationalStandardsController = standardsController({
  name: 'NationalStandardsController',
  controller: applyDecorators(
    OperatorOnly(),
    Controller('admin/standards'),
    UseInterceptors(OperatorScopeInterceptor),
    ApiTags('national standard sets'),
  ) as ClassDecorator,
  params: { set: 'nationalSetId', version: 'nationalVersionId', section: 'nationalSectionId', criterion: 'nationalCriterionId' },
  read: none,
  manage: none,
  op: (id) => id.replace('Standard', 'NationalStandard'),
  cached: none,
  national403: none,
});
