import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res, StreamableFile, UploadedFile } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import {
  complianceSummaryDtoSchema,
  SUBMISSION_FILE_CONTENT_TYPES,
  SUBMISSION_FILE_MAX_BYTES,
  saveSelfAssessmentAnswersSchema,
  selfAssessmentDtoSchema,
  selfAssessmentListDtoSchema,
  selfAssessmentListQuerySchema,
  startSelfAssessmentSchema,
  type ComplianceSummaryDto,
  type SelfAssessmentDto,
  type SelfAssessmentListDto,
} from '@plexus/contracts';
import type { Response } from 'express';
import type { z } from 'zod';
import { ApiErrorResponses, ApiFileResponse, ApiZodResponse } from '../../core/http/api-response';
import { DocumentUpload, type UploadedDocument } from '../../core/upload/document-upload';
import { ApiZodBody, ApiZodQueries, zod } from '../../core/http/zod';
import { NetworkController, RequirePermission } from '../../tenancy/network-route.decorator';
import { SelfAssessmentService } from './self-assessment.service';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });
type Out<S extends z.ZodType> = z.output<S>;

const NOT_YOURS: [number, string] = [
  404,
  'No such network among yours, no such self-assessment in it — or, for a contributor, a self-assessment of another organisation (`not_found`).',
];
const WRONG_STATE: [number, string] = [
  409,
  'The cycle is not active, or the self-assessment is not in a state that allows this; submitting, criteria not rated or carried-forward answers not confirmed (`conflict`, naming `answers`).',
];

/**
 * Self-assessments: each organisation's answers to the criteria of a self-assessment activity's standard set version.
 * Everyone in the network reads them (`network.read`) — a contributor only their own organisation's (another's answers
 * 404); the organisation's contributors and managers start, save and submit them (`peer-review.submit`); managers
 * reopen them and read the compliance summary (`peer-review.manage`).
 */
@NetworkController('peer-review', 'peer review')
export class SelfAssessmentController {
  constructor(private readonly assessments: SelfAssessmentService) {}

  @Get('cycles/:cycleId/self-assessments')
  @RequirePermission('network.read')
  @ApiOperation({
    operationId: 'listSelfAssessments',
    summary: "A cycle's self-assessments per activity and organisation in scope, started or not, with progress (a contributor: their organisation's)",
  })
  @ApiZodQueries(selfAssessmentListQuerySchema)
  @ApiZodResponse(selfAssessmentListDtoSchema, { description: 'The self-assessments' })
  @ApiErrorResponses([
    404,
    'No such network or cycle, or an organisation or activity not in the cycle — for a contributor, any organisation but theirs (`not_found`, naming the parameter).',
  ])
  list(
    @Param('cycleId', uuid) cycleId: string,
    @Query(zod(selfAssessmentListQuerySchema)) query: Out<typeof selfAssessmentListQuerySchema>,
  ): Promise<SelfAssessmentListDto> {
    return this.assessments.list(cycleId, query);
  }

  @Post('activities/:selfAssessmentActivityId/self-assessments')
  @HttpCode(200)
  @RequirePermission('peer-review.submit')
  @ApiOperation({
    operationId: 'startSelfAssessment',
    summary:
      'Start (or open, when started) an organisation’s self-assessment for the activity: the previous cycle’s answers against the same standard set are carried forward',
  })
  @ApiZodResponse(selfAssessmentDtoSchema, { description: 'The self-assessment' })
  @ApiErrorResponses(
    [
      404,
      'No such network or activity, or an organisation not in the cycle’s scope — for a contributor, any organisation but theirs (`not_found`, naming `organisationId`).',
    ],
    [409, 'The activity is not a self-assessment, names no standard set version, or its cycle is not active (`conflict`).'],
  )
  @ApiZodBody(startSelfAssessmentSchema)
  start(
    @Param('selfAssessmentActivityId', uuid) activityId: string,
    @Body(zod(startSelfAssessmentSchema)) body: Out<typeof startSelfAssessmentSchema>,
  ): Promise<SelfAssessmentDto> {
    return this.assessments.start(activityId, body);
  }

  @Get('self-assessments/:selfAssessmentId')
  @RequirePermission('network.read')
  @ApiOperation({
    operationId: 'getSelfAssessment',
    summary: 'A self-assessment: the criteria that apply to the organisation, by section, and its answers',
  })
  @ApiZodResponse(selfAssessmentDtoSchema, { description: 'The self-assessment' })
  @ApiErrorResponses(NOT_YOURS)
  get(@Param('selfAssessmentId', uuid) id: string): Promise<SelfAssessmentDto> {
    return this.assessments.get(id);
  }

  @Put('self-assessments/:selfAssessmentId/answers')
  @RequirePermission('peer-review.submit')
  @ApiOperation({
    operationId: 'saveSelfAssessmentAnswers',
    summary: 'Save answers to the draft (the organisation’s contributors, managers); each one saved is confirmed (no longer carried forward)',
  })
  @ApiZodResponse(selfAssessmentDtoSchema, { description: 'The self-assessment with its answers' })
  @ApiErrorResponses(NOT_YOURS, WRONG_STATE)
  @ApiZodBody(saveSelfAssessmentAnswersSchema)
  save(
    @Param('selfAssessmentId', uuid) id: string,
    @Body(zod(saveSelfAssessmentAnswersSchema)) body: Out<typeof saveSelfAssessmentAnswersSchema>,
  ): Promise<SelfAssessmentDto> {
    return this.assessments.saveAnswers(id, body);
  }

  @Post('self-assessments/:selfAssessmentId/criteria/:assessedCriterionId/files')
  @RequirePermission('peer-review.submit')
  @DocumentUpload({
    maxBytes: SUBMISSION_FILE_MAX_BYTES,
    description: 'An evidence file: PDF, Word (.docx, .doc) or Excel (.xlsx, .xls), checked by its content',
    tooLargeAdvice: 'Save it as a smaller PDF (fewer or compressed images) and try again.',
  })
  @ApiOperation({
    operationId: 'uploadSelfAssessmentFile',
    summary: 'Upload an evidence file for one criterion of the draft (the organisation’s contributors, managers)',
  })
  @ApiZodResponse(selfAssessmentDtoSchema, { status: 201, description: 'The self-assessment with the file' })
  @ApiErrorResponses(
    [
      404,
      'No such network or self-assessment, or a criterion not asked of the organisation — for a contributor, another organisation’s (`not_found`).',
    ],
    WRONG_STATE,
  )
  upload(
    @Param('selfAssessmentId', uuid) id: string,
    @Param('assessedCriterionId', uuid) criterionId: string,
    @UploadedFile() file: UploadedDocument | undefined,
  ): Promise<SelfAssessmentDto> {
    return this.assessments.upload(id, criterionId, file);
  }

  @Get('self-assessments/:selfAssessmentId/files/:evidenceFileId/download')
  @RequirePermission('network.read')
  @ApiOperation({ operationId: 'downloadSelfAssessmentFile', summary: 'An evidence file, exactly as uploaded' })
  @ApiFileResponse(Object.values(SUBMISSION_FILE_CONTENT_TYPES), 'The file; its ETag is its SHA-256')
  @ApiErrorResponses(NOT_YOURS)
  async download(
    @Param('selfAssessmentId', uuid) id: string,
    @Param('evidenceFileId', uuid) fileId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { file, bytes } = await this.assessments.download(id, fileId);
    const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
    res.setHeader('ETag', `"${file.sha256}"`);
    res.setHeader('Cache-Control', 'private, max-age=0, must-revalidate');
    res.setHeader('X-Content-Type-Options', 'nosniff');
    return new StreamableFile(bytes, {
      type: file.contentType,
      length: bytes.length,
      disposition: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
    });
  }

  @Delete('self-assessments/:selfAssessmentId/files/:evidenceFileId')
  @RequirePermission('peer-review.submit')
  @ApiOperation({
    operationId: 'removeSelfAssessmentFile',
    summary: 'Take an evidence file off the draft (the organisation’s contributors, managers)',
  })
  @ApiZodResponse(selfAssessmentDtoSchema, { description: 'The self-assessment without the file' })
  @ApiErrorResponses(NOT_YOURS, WRONG_STATE)
  removeFile(@Param('selfAssessmentId', uuid) id: string, @Param('evidenceFileId', uuid) fileId: string): Promise<SelfAssessmentDto> {
    return this.assessments.removeFile(id, fileId);
  }

  @Post('self-assessments/:selfAssessmentId/submit')
  @HttpCode(200)
  @RequirePermission('peer-review.submit')
  @ApiOperation({
    operationId: 'submitSelfAssessment',
    summary: 'Submit the self-assessment: every applicable criterion rated, every carried-forward answer confirmed',
  })
  @ApiZodResponse(selfAssessmentDtoSchema, { description: 'The self-assessment, submitted' })
  @ApiErrorResponses(NOT_YOURS, WRONG_STATE)
  submit(@Param('selfAssessmentId', uuid) id: string): Promise<SelfAssessmentDto> {
    return this.assessments.submit(id);
  }

  @Post('self-assessments/:selfAssessmentId/reopen')
  @HttpCode(200)
  @RequirePermission('peer-review.manage')
  @ApiOperation({
    operationId: 'reopenSelfAssessment',
    summary: 'Reopen a submitted self-assessment as a draft for the organisation to change (managers)',
  })
  @ApiZodResponse(selfAssessmentDtoSchema, { description: 'The self-assessment, a draft again' })
  @ApiErrorResponses(NOT_YOURS, WRONG_STATE)
  reopen(@Param('selfAssessmentId', uuid) id: string): Promise<SelfAssessmentDto> {
    return this.assessments.reopen(id);
  }

  @Get('activities/:selfAssessmentActivityId/compliance')
  @RequirePermission('peer-review.manage')
  @ApiOperation({
    operationId: 'getSelfAssessmentCompliance',
    summary: 'Compliance of a self-assessment activity: per organisation % met, per section, organisations × sections (managers)',
  })
  @ApiZodResponse(complianceSummaryDtoSchema, { description: 'The compliance summary' })
  @ApiErrorResponses([404, 'No such network or activity (`not_found`).'], [409, 'The activity is not a self-assessment (`conflict`).'])
  compliance(@Param('selfAssessmentActivityId', uuid) activityId: string): Promise<ComplianceSummaryDto> {
    return this.assessments.compliance(activityId);
  }
}
