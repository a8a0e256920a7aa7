import { Body, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res, StreamableFile, UploadedFile } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import {
  mySubmissionsDtoSchema,
  requestMoreInformationSchema,
  SUBMISSION_FILE_CONTENT_TYPES,
  SUBMISSION_FILE_MAX_BYTES,
  submissionDtoSchema,
  submissionListDtoSchema,
  submissionListQuerySchema,
  type MySubmissionsDto,
  type SubmissionDto,
  type SubmissionListDto,
} from '@plexus/contracts';
import type { Response } from 'express';
import type { z } from 'zod';
import { ApiErrorResponses, ApiFileResponse, ApiZodResponse } from '../../core/http/api-response';
import { ApiZodBody, ApiZodQueries, zod } from '../../core/http/zod';
import { DocumentUpload, type UploadedDocument } from '../../core/upload/document-upload';
import { NetworkController, RequirePermission } from '../../tenancy/network-route.decorator';
import { SubmissionsService } from './submissions.service';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });
type Out<S extends z.ZodType> = z.output<S>;

const NOT_YOURS: [number, string] = [
  404,
  'No such network among yours, no such submission in it — or, for a contributor, a submission of another organisation (`not_found`).',
];
const WRONG_STATE: [number, string] = [409, 'The cycle is not active, or the submission is not in a state that allows this (`conflict`).'];

/**
 * Submissions: each organisation's required documents of a cycle's submission activities. Everyone in the network
 * reads them (`network.read`) — a contributor only their own organisation's (another's answers 404); the
 * organisation's contributors and managers upload them (`peer-review.submit`); managers accept them or ask for more
 * information (`peer-review.manage`).
 */
@NetworkController('peer-review', 'peer review')
export class SubmissionsController {
  constructor(private readonly submissions: SubmissionsService) {}

  @Get('cycles/:cycleId/submissions')
  @RequirePermission('network.read')
  @ApiOperation({
    operationId: 'listSubmissions',
    summary: "A cycle's submissions with their due dates and overdue flags, by organisation, activity or state (a contributor: their organisation's)",
  })
  @ApiZodQueries(submissionListQuerySchema)
  @ApiZodResponse(submissionListDtoSchema, { description: 'The submissions' })
  @ApiErrorResponses([
    404,
    'No such network or cycle, or an organisation or activity not in the cycle — for a contributor, any organisation but theirs (`not_found`, naming the parameter).',
  ])
  list(
    @Param('cycleId', uuid) cycleId: string,
    @Query(zod(submissionListQuerySchema)) query: Out<typeof submissionListQuerySchema>,
  ): Promise<SubmissionListDto> {
    return this.submissions.list(cycleId, query);
  }

  @Get('my-submissions')
  @RequirePermission('network.read')
  @ApiOperation({
    operationId: 'listMySubmissions',
    summary: 'What my organisation owes in active cycles, and by when (contributors; empty for other roles)',
  })
  @ApiZodResponse(mySubmissionsDtoSchema, { description: 'The organisation and its submissions' })
  mine(): Promise<MySubmissionsDto> {
    return this.submissions.mine();
  }

  @Get('submissions/:submissionId')
  @RequirePermission('network.read')
  @ApiOperation({ operationId: 'getSubmission', summary: 'A submission with every uploaded version and the reminders sent' })
  @ApiZodResponse(submissionDtoSchema, { description: 'The submission' })
  @ApiErrorResponses(NOT_YOURS)
  get(@Param('submissionId', uuid) id: string): Promise<SubmissionDto> {
    return this.submissions.get(id);
  }

  @Post('submissions/:submissionId/files')
  @RequirePermission('peer-review.submit')
  @DocumentUpload({
    maxBytes: SUBMISSION_FILE_MAX_BYTES,
    description: 'The document: PDF, Word (.docx, .doc) or Excel (.xlsx, .xls), checked by its content',
    tooLargeAdvice: 'Save it as a smaller PDF (fewer or compressed images) and try again.',
  })
  @ApiOperation({
    operationId: 'uploadSubmissionFile',
    summary: 'Upload a version of the document (the organisation’s contributors, managers): the submission becomes submitted',
  })
  @ApiZodResponse(submissionDtoSchema, { status: 201, description: 'The submission with its new version' })
  @ApiErrorResponses(NOT_YOURS, WRONG_STATE)
  upload(@Param('submissionId', uuid) id: string, @UploadedFile() file: UploadedDocument | undefined): Promise<SubmissionDto> {
    return this.submissions.upload(id, file);
  }

  @Get('submissions/:submissionId/files/:fileId/download')
  @RequirePermission('network.read')
  @ApiOperation({ operationId: 'downloadSubmissionFile', summary: 'A version of the document, exactly as uploaded' })
  @ApiFileResponse(Object.values(SUBMISSION_FILE_CONTENT_TYPES), 'The file; its ETag is its SHA-256')
  @ApiErrorResponses(NOT_YOURS)
  async download(
    @Param('submissionId', uuid) id: string,
    @Param('fileId', uuid) fileId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { file, bytes } = await this.submissions.download(id, fileId);
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

  @Post('submissions/:submissionId/accept')
  @HttpCode(200)
  @RequirePermission('peer-review.manage')
  @ApiOperation({ operationId: 'acceptSubmission', summary: 'Accept the document as submitted (managers)' })
  @ApiZodResponse(submissionDtoSchema, { description: 'The submission, accepted' })
  @ApiErrorResponses(NOT_YOURS, WRONG_STATE)
  accept(@Param('submissionId', uuid) id: string): Promise<SubmissionDto> {
    return this.submissions.accept(id);
  }

  @Post('submissions/:submissionId/request-information')
  @HttpCode(200)
  @RequirePermission('peer-review.manage')
  @ApiOperation({
    operationId: 'requestSubmissionInformation',
    summary: 'Ask the organisation for more information, with a reason and optionally a new due date (managers); it submits again',
  })
  @ApiZodResponse(submissionDtoSchema, { description: 'The submission, back with the organisation' })
  @ApiErrorResponses(NOT_YOURS, WRONG_STATE)
  @ApiZodBody(requestMoreInformationSchema)
  requestInformation(
    @Param('submissionId', uuid) id: string,
    @Body(zod(requestMoreInformationSchema)) body: Out<typeof requestMoreInformationSchema>,
  ): Promise<SubmissionDto> {
    return this.submissions.requestInformation(id, body);
  }
}
