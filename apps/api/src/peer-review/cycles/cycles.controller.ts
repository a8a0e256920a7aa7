import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import {
  createReviewCycleSchema,
  reviewActivityDtoSchema,
  reviewActivityInputSchema,
  reviewCycleDtoSchema,
  reviewCycleListDtoSchema,
  reviewCycleOrganisationsSchema,
  updateReviewCycleSchema,
  type ReviewActivityDto,
  type ReviewCycleDto,
  type ReviewCycleListDto,
} from '@plexus/contracts';
import type { z } from 'zod';
import { ApiEmptyResponse, ApiErrorResponses, ApiZodResponse } from '../../core/http/api-response';
import { ApiZodBody, zod } from '../../core/http/zod';
import { NetworkController, RequirePermission } from '../../tenancy/network-route.decorator';
import { CyclesService } from './cycles.service';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });
type Out<S extends z.ZodType> = z.output<S>;

const IN_USE: [number, string] = [
  409,
  'A name another cycle has, or a change that would take documents organisations have uploaded, or leave activities outside the cycle’s years (`conflict`, naming the field).',
];

/**
 * Peer review programme cycles and their plans of quarterly activities. Everyone in the network reads them
 * (`network.read`; a contributor's counts are their organisation's); managers keep them (`peer-review.manage`).
 * Activities have their own address (`/peer-review/activities/{activityId}`), as agenda items do.
 */
@NetworkController('peer-review', 'peer review')
export class CyclesController {
  constructor(private readonly cycles: CyclesService) {}

  @Get('cycles')
  @RequirePermission('network.read')
  @ApiOperation({ operationId: 'listReviewCycles', summary: "The network's peer review cycles, latest first, with their submissions' states" })
  @ApiZodResponse(reviewCycleListDtoSchema, { description: 'The cycles' })
  list(): Promise<ReviewCycleListDto> {
    return this.cycles.list();
  }

  @Post('cycles')
  @RequirePermission('peer-review.manage')
  @ApiOperation({
    operationId: 'createReviewCycle',
    summary: 'Start a cycle: its years, organisations in scope and reminder days; from the two-year programme template (seed 002) or empty',
  })
  @ApiZodResponse(reviewCycleDtoSchema, { status: 201, description: 'The new cycle with its plan' })
  @ApiErrorResponses(IN_USE, [
    404,
    'No such network among yours, or an organisation that is not one of its member organisations (`not_found`, naming the entry).',
  ])
  @ApiZodBody(createReviewCycleSchema)
  create(@Body(zod(createReviewCycleSchema)) body: Out<typeof createReviewCycleSchema>): Promise<ReviewCycleDto> {
    return this.cycles.create(body);
  }

  @Get('cycles/:cycleId')
  @RequirePermission('network.read')
  @ApiOperation({ operationId: 'getReviewCycle', summary: 'A cycle with its quarters, organisations in scope and plan of activities (the timeline)' })
  @ApiZodResponse(reviewCycleDtoSchema, { description: 'The cycle' })
  get(@Param('cycleId', uuid) id: string): Promise<ReviewCycleDto> {
    return this.cycles.get(id);
  }

  @Put('cycles/:cycleId')
  @RequirePermission('peer-review.manage')
  @ApiOperation({ operationId: 'updateReviewCycle', summary: "Change a cycle's name, years, status (draft, active, closed) or reminder days" })
  @ApiZodResponse(reviewCycleDtoSchema, { description: 'The cycle as changed' })
  @ApiErrorResponses(IN_USE)
  @ApiZodBody(updateReviewCycleSchema)
  update(@Param('cycleId', uuid) id: string, @Body(zod(updateReviewCycleSchema)) body: Out<typeof updateReviewCycleSchema>): Promise<ReviewCycleDto> {
    return this.cycles.update(id, body);
  }

  @Delete('cycles/:cycleId')
  @HttpCode(204)
  @RequirePermission('peer-review.manage')
  @ApiOperation({
    operationId: 'deleteReviewCycle',
    summary: 'Delete a cycle with its plan and submissions (refused once a document was uploaded: close it instead)',
  })
  @ApiEmptyResponse('Deleted')
  @ApiErrorResponses(IN_USE)
  remove(@Param('cycleId', uuid) id: string): Promise<void> {
    return this.cycles.remove(id);
  }

  @Put('cycles/:cycleId/organisations')
  @RequirePermission('peer-review.manage')
  @ApiOperation({
    operationId: 'updateReviewCycleOrganisations',
    summary: 'The member organisations in scope, as a whole: those added owe every required document; one that uploaded documents stays',
  })
  @ApiZodResponse(reviewCycleDtoSchema, { description: 'The cycle with its organisations' })
  @ApiErrorResponses(IN_USE)
  @ApiZodBody(reviewCycleOrganisationsSchema)
  setOrganisations(
    @Param('cycleId', uuid) id: string,
    @Body(zod(reviewCycleOrganisationsSchema)) body: Out<typeof reviewCycleOrganisationsSchema>,
  ): Promise<ReviewCycleDto> {
    return this.cycles.setOrganisations(id, body);
  }

  @Post('cycles/:cycleId/activities')
  @RequirePermission('peer-review.manage')
  @ApiOperation({
    operationId: 'addReviewActivity',
    summary: 'Add an activity to the plan (a submission makes one submission per organisation in scope and required document)',
  })
  @ApiZodResponse(reviewActivityDtoSchema, { status: 201, description: 'The new activity' })
  @ApiErrorResponses(IN_USE)
  @ApiZodBody(reviewActivityInputSchema)
  addActivity(
    @Param('cycleId', uuid) id: string,
    @Body(zod(reviewActivityInputSchema)) body: Out<typeof reviewActivityInputSchema>,
  ): Promise<ReviewActivityDto> {
    return this.cycles.addActivity(id, body);
  }

  @Put('activities/:activityId')
  @RequirePermission('peer-review.manage')
  @ApiOperation({
    operationId: 'updateReviewActivity',
    summary: 'Change an activity: its quarter, due date, documents, meeting or panel (its submissions follow)',
  })
  @ApiZodResponse(reviewActivityDtoSchema, { description: 'The activity as changed' })
  @ApiErrorResponses(IN_USE)
  @ApiZodBody(reviewActivityInputSchema)
  updateActivity(
    @Param('activityId', uuid) id: string,
    @Body(zod(reviewActivityInputSchema)) body: Out<typeof reviewActivityInputSchema>,
  ): Promise<ReviewActivityDto> {
    return this.cycles.updateActivity(id, body);
  }

  @Delete('activities/:activityId')
  @HttpCode(204)
  @RequirePermission('peer-review.manage')
  @ApiOperation({
    operationId: 'deleteReviewActivity',
    summary: 'Take an activity out of the plan, with its submissions (refused once a document was uploaded for it)',
  })
  @ApiEmptyResponse('Removed')
  @ApiErrorResponses(IN_USE)
  removeActivity(@Param('activityId', uuid) id: string): Promise<void> {
    return this.cycles.removeActivity(id);
  }
}
