import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import {
  agreeReviewReportSchema,
  createReviewReportSchema,
  raisedRiskDtoSchema,
  raiseFindingRiskSchema,
  reviewFindingDtoSchema,
  reviewFindingInputSchema,
  reviewReportDtoSchema,
  reviewReportListDtoSchema,
  updateReviewReportSchema,
  type RaisedRiskDto,
  type ReviewFindingDto,
  type ReviewReportDto,
  type ReviewReportListDto,
} from '@plexus/contracts';
import type { z } from 'zod';
import { ApiEmptyResponse, ApiErrorResponses, ApiZodResponse } from '../../core/http/api-response';
import { ApiZodBody, zod } from '../../core/http/zod';
import { NetworkController, RequirePermission } from '../../tenancy/network-route.decorator';
import { ReviewsService } from './reviews.service';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });
type Out<S extends z.ZodType> = z.output<S>;

const NOT_YOURS: [number, string] = [
  404,
  'No such network among yours, no such review in it — or, for a contributor, a review of another organisation or not yet issued (`not_found`).',
];
const WRONG_STATE: [number, string] = [
  409,
  'The report is not in a state that allows this: agreed (take it back to draft) or issued, read-only (`conflict`).',
];

/**
 * Peer review reports: the review of each organisation in a cycle, its findings and recommendations, the report's
 * states (draft → agreed with the organisation's lead → issued) and raising an immediate risk to the risk register.
 * Managers keep them (`peer-review.manage`); everyone in the network reads them (`network.read`) — a contributor only
 * their own organisation's, once issued (any other answers 404).
 */
@NetworkController('peer-review', 'peer review')
export class ReviewsController {
  constructor(private readonly reviews: ReviewsService) {}

  @Get('cycles/:cycleId/reviews')
  @RequirePermission('network.read')
  @ApiOperation({
    operationId: 'listReviewReports',
    summary: "Each organisation in a cycle's scope with its review, if started (a contributor: their organisation's, once issued)",
  })
  @ApiZodResponse(reviewReportListDtoSchema, { description: 'The organisations and their reviews' })
  @ApiErrorResponses([404, 'No such network or cycle (`not_found`).'])
  list(@Param('cycleId', uuid) cycleId: string): Promise<ReviewReportListDto> {
    return this.reviews.list(cycleId);
  }

  @Post('cycles/:cycleId/reviews')
  @RequirePermission('peer-review.manage')
  @ApiOperation({
    operationId: 'createReviewReport',
    summary: 'Start the review of an organisation in the cycle’s scope (one per organisation: started already, it is answered as it is)',
  })
  @ApiZodBody(createReviewReportSchema)
  @ApiZodResponse(reviewReportDtoSchema, { status: 201, description: 'The review: a new draft, or the one started already' })
  @ApiErrorResponses([
    404,
    'No such network or cycle; an organisation not in its scope or a meeting not in its plan (`not_found`, naming the field).',
  ])
  create(
    @Param('cycleId', uuid) cycleId: string,
    @Body(zod(createReviewReportSchema)) body: Out<typeof createReviewReportSchema>,
  ): Promise<ReviewReportDto> {
    return this.reviews.create(cycleId, body);
  }

  @Get('reviews/:reviewId')
  @RequirePermission('network.read')
  @ApiOperation({ operationId: 'getReviewReport', summary: 'A review with its findings by class (immediate risks first) and recommendations' })
  @ApiZodResponse(reviewReportDtoSchema, { description: 'The review' })
  @ApiErrorResponses(NOT_YOURS)
  get(@Param('reviewId', uuid) id: string): Promise<ReviewReportDto> {
    return this.reviews.get(id);
  }

  @Put('reviews/:reviewId')
  @RequirePermission('peer-review.manage')
  @ApiOperation({ operationId: 'updateReviewReport', summary: 'Change a draft review’s summary and meeting' })
  @ApiZodBody(updateReviewReportSchema)
  @ApiZodResponse(reviewReportDtoSchema, { description: 'The review' })
  @ApiErrorResponses(NOT_YOURS, WRONG_STATE)
  update(
    @Param('reviewId', uuid) id: string,
    @Body(zod(updateReviewReportSchema)) body: Out<typeof updateReviewReportSchema>,
  ): Promise<ReviewReportDto> {
    return this.reviews.update(id, body);
  }

  @Delete('reviews/:reviewId')
  @HttpCode(204)
  @RequirePermission('peer-review.manage')
  @ApiOperation({
    operationId: 'deleteReviewReport',
    summary: 'Delete a draft review with its findings (refused once a finding was raised to the register)',
  })
  @ApiEmptyResponse('Deleted')
  @ApiErrorResponses(NOT_YOURS, WRONG_STATE)
  remove(@Param('reviewId', uuid) id: string): Promise<void> {
    return this.reviews.remove(id);
  }

  @Post('reviews/:reviewId/agree')
  @HttpCode(200)
  @RequirePermission('peer-review.manage')
  @ApiOperation({
    operationId: 'agreeReviewReport',
    summary: 'Record that the draft was agreed with the organisation’s lead (whom; when and by whom is kept)',
  })
  @ApiZodBody(agreeReviewReportSchema)
  @ApiZodResponse(reviewReportDtoSchema, { description: 'The review, agreed' })
  @ApiErrorResponses(NOT_YOURS, WRONG_STATE)
  agree(
    @Param('reviewId', uuid) id: string,
    @Body(zod(agreeReviewReportSchema)) body: Out<typeof agreeReviewReportSchema>,
  ): Promise<ReviewReportDto> {
    return this.reviews.agree(id, body);
  }

  @Post('reviews/:reviewId/reopen')
  @HttpCode(200)
  @RequirePermission('peer-review.manage')
  @ApiOperation({ operationId: 'reopenReviewReport', summary: 'Take an agreed review back to draft to change it (the agreement is cleared)' })
  @ApiZodResponse(reviewReportDtoSchema, { description: 'The review, a draft again' })
  @ApiErrorResponses(NOT_YOURS, WRONG_STATE)
  reopen(@Param('reviewId', uuid) id: string): Promise<ReviewReportDto> {
    return this.reviews.reopen(id);
  }

  @Post('reviews/:reviewId/issue')
  @HttpCode(200)
  @RequirePermission('peer-review.manage')
  @ApiOperation({
    operationId: 'issueReviewReport',
    summary: 'Issue the agreed review: read-only from now on, and each recommendation becomes an action of the organisation’s plan',
  })
  @ApiZodResponse(reviewReportDtoSchema, { description: 'The review, issued' })
  @ApiErrorResponses(NOT_YOURS, WRONG_STATE)
  issue(@Param('reviewId', uuid) id: string): Promise<ReviewReportDto> {
    return this.reviews.issue(id);
  }

  @Post('reviews/:reviewId/findings')
  @RequirePermission('peer-review.manage')
  @ApiOperation({
    operationId: 'addReviewFinding',
    summary: 'Add a finding (a criterion or a theme, its class, text and recommendations) to a draft review',
  })
  @ApiZodBody(reviewFindingInputSchema)
  @ApiZodResponse(reviewFindingDtoSchema, { status: 201, description: 'The finding' })
  @ApiErrorResponses(
    [404, 'No such network or review, or a criterion not in a standard set this network uses (`not_found`, naming criterionId).'],
    WRONG_STATE,
  )
  addFinding(
    @Param('reviewId', uuid) id: string,
    @Body(zod(reviewFindingInputSchema)) body: Out<typeof reviewFindingInputSchema>,
  ): Promise<ReviewFindingDto> {
    return this.reviews.addFinding(id, body);
  }

  @Put('findings/:findingId')
  @RequirePermission('peer-review.manage')
  @ApiOperation({
    operationId: 'updateReviewFinding',
    summary: 'Change a finding of a draft review; its recommendations are replaced by the list given',
  })
  @ApiZodBody(reviewFindingInputSchema)
  @ApiZodResponse(reviewFindingDtoSchema, { description: 'The finding' })
  @ApiErrorResponses([404, 'No such network or finding, or a criterion not in a standard set this network uses (`not_found`).'], WRONG_STATE)
  updateFinding(
    @Param('findingId', uuid) id: string,
    @Body(zod(reviewFindingInputSchema)) body: Out<typeof reviewFindingInputSchema>,
  ): Promise<ReviewFindingDto> {
    return this.reviews.updateFinding(id, body);
  }

  @Delete('findings/:findingId')
  @HttpCode(204)
  @RequirePermission('peer-review.manage')
  @ApiOperation({ operationId: 'deleteReviewFinding', summary: 'Remove a finding of a draft review (refused once raised to the risk register)' })
  @ApiEmptyResponse('Removed')
  @ApiErrorResponses([404, 'No such network or finding (`not_found`).'], WRONG_STATE)
  removeFinding(@Param('findingId', uuid) id: string): Promise<void> {
    return this.reviews.removeFinding(id);
  }

  @Post('findings/:findingId/raise-risk')
  @HttpCode(200)
  @RequirePermission('peer-review.manage')
  @ApiOperation({
    operationId: 'raiseReviewFindingRisk',
    summary:
      'Raise an immediate risk finding to the network’s risk register, prefilled from it and linked both ways; a second call answers the same risk (created false)',
  })
  @ApiZodBody(raiseFindingRiskSchema)
  @ApiZodResponse(raisedRiskDtoSchema, { description: 'The risk, new or raised before' })
  @ApiErrorResponses(
    [404, 'No such network or finding (`not_found`).'],
    [409, 'The finding is not an immediate risk (`conflict`, naming classification).'],
  )
  raiseRisk(
    @Param('findingId', uuid) id: string,
    @Body(zod(raiseFindingRiskSchema)) body: Out<typeof raiseFindingRiskSchema>,
  ): Promise<RaisedRiskDto> {
    return this.reviews.raiseRisk(id, body);
  }
}
