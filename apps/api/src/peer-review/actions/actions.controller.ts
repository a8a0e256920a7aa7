import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import {
  carryForwardDtoSchema,
  createReviewActionSchema,
  progressUpdateSchema,
  reviewActionDtoSchema,
  reviewActionInputSchema,
  reviewActionListDtoSchema,
  reviewActionListQuerySchema,
  type CarryForwardDto,
  type ReviewActionDto,
  type ReviewActionListDto,
} from '@plexus/contracts';
import type { z } from 'zod';
import { ApiEmptyResponse, ApiErrorResponses, ApiZodResponse } from '../../core/http/api-response';
import { ApiZodBody, ApiZodQueries, zod } from '../../core/http/zod';
import { NetworkController, RequirePermission } from '../../tenancy/network-route.decorator';
import { ActionsService } from './actions.service';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });
type Out<S extends z.ZodType> = z.output<S>;

const NOT_YOURS: [number, string] = [
  404,
  'No such network among yours, no such action in it — or, for a contributor, an action of another organisation (`not_found`).',
];
const BAD_REFERENCE: [number, string] = [
  404,
  'An owner not of this network, or a criterion newly named that is not in the standard set version of the cycle’s self-assessments (`not_found`, naming the field).',
];

/**
 * Peer review action plans: each organisation's actions in a cycle (from its issued review's recommendations, added by
 * the network, or carried forward), with status, BRAG and dated progress updates as the work plan's. Everyone in the
 * network reads them (`network.read`) — a contributor only their organisation's; managers keep them
 * (`peer-review.manage`); the organisation's contributors and managers record progress (`peer-review.submit`).
 */
@NetworkController('peer-review', 'peer review')
export class ActionsController {
  constructor(private readonly actions: ActionsService) {}

  @Get('cycles/:cycleId/actions')
  @RequirePermission('network.read')
  @ApiOperation({
    operationId: 'listReviewActions',
    summary: "A cycle's action plans, by organisation, status, colour, open or overdue (a contributor: their organisation's)",
  })
  @ApiZodQueries(reviewActionListQuerySchema)
  @ApiZodResponse(reviewActionListDtoSchema, { description: 'The actions' })
  @ApiErrorResponses([
    404,
    'No such network or cycle, or an organisation not in its scope — for a contributor, any organisation but theirs (`not_found`, naming the parameter).',
  ])
  list(
    @Param('cycleId', uuid) cycleId: string,
    @Query(zod(reviewActionListQuerySchema)) query: Out<typeof reviewActionListQuerySchema>,
  ): Promise<ReviewActionListDto> {
    return this.actions.list(cycleId, query);
  }

  @Post('cycles/:cycleId/actions')
  @RequirePermission('peer-review.manage')
  @ApiOperation({
    operationId: 'createReviewAction',
    summary:
      'Add an action to an organisation’s plan, e.g. for a self-assessment criterion’s gap (one per criterion: when the plan has one for it already, that one is answered)',
  })
  @ApiZodBody(createReviewActionSchema)
  @ApiZodResponse(reviewActionDtoSchema, {
    status: 201,
    description: 'The action: new, or the one the organisation’s plan in this cycle has already for the criterion named',
  })
  @ApiErrorResponses([
    404,
    'No such network or cycle; an organisation not in its scope, an owner not of this network, a criterion not in the standard set version of the cycle’s self-assessments (`not_found`, naming the field).',
  ])
  create(
    @Param('cycleId', uuid) cycleId: string,
    @Body(zod(createReviewActionSchema)) body: Out<typeof createReviewActionSchema>,
  ): Promise<ReviewActionDto> {
    return this.actions.create(cycleId, body);
  }

  @Post('cycles/:cycleId/carry-forward')
  @HttpCode(200)
  @RequirePermission('peer-review.manage')
  @ApiOperation({
    operationId: 'carryForwardReviewActions',
    summary:
      'Carry the previous cycle’s open actions into this one for its organisations, each linked to its origin (once: a second call carries nothing more)',
  })
  @ApiZodResponse(carryForwardDtoSchema, { description: 'What was carried' })
  @ApiErrorResponses([404, 'No such network or cycle (`not_found`).'])
  carryForward(@Param('cycleId', uuid) cycleId: string): Promise<CarryForwardDto> {
    return this.actions.carryForward(cycleId);
  }

  @Get('actions/:actionId')
  @RequirePermission('network.read')
  @ApiOperation({ operationId: 'getReviewAction', summary: 'An action with its progress updates, newest first' })
  @ApiZodResponse(reviewActionDtoSchema, { description: 'The action' })
  @ApiErrorResponses(NOT_YOURS)
  get(@Param('actionId', uuid) id: string): Promise<ReviewActionDto> {
    return this.actions.get(id);
  }

  @Put('actions/:actionId')
  @RequirePermission('peer-review.manage')
  @ApiOperation({ operationId: 'updateReviewAction', summary: 'Change an action: its words, owner, due date and criterion' })
  @ApiZodBody(reviewActionInputSchema)
  @ApiZodResponse(reviewActionDtoSchema, { description: 'The action' })
  @ApiErrorResponses(NOT_YOURS, BAD_REFERENCE)
  update(
    @Param('actionId', uuid) id: string,
    @Body(zod(reviewActionInputSchema)) body: Out<typeof reviewActionInputSchema>,
  ): Promise<ReviewActionDto> {
    return this.actions.update(id, body);
  }

  @Delete('actions/:actionId')
  @HttpCode(204)
  @RequirePermission('peer-review.manage')
  @ApiOperation({ operationId: 'deleteReviewAction', summary: 'Remove an action with its progress updates' })
  @ApiEmptyResponse('Removed')
  @ApiErrorResponses(NOT_YOURS)
  remove(@Param('actionId', uuid) id: string): Promise<void> {
    return this.actions.remove(id);
  }

  @Post('actions/:actionId/progress')
  @RequirePermission('peer-review.submit')
  @ApiOperation({
    operationId: 'addReviewActionProgress',
    summary: 'A dated progress update with a status (the organisation’s contributors, managers); the latest by date sets the status',
  })
  @ApiZodBody(progressUpdateSchema)
  @ApiZodResponse(reviewActionDtoSchema, { status: 201, description: 'The action with its new update' })
  @ApiErrorResponses(NOT_YOURS)
  addProgress(
    @Param('actionId', uuid) id: string,
    @Body(zod(progressUpdateSchema)) body: Out<typeof progressUpdateSchema>,
  ): Promise<ReviewActionDto> {
    return this.actions.addProgress(id, body);
  }
}
