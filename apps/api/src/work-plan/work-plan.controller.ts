import { CachedRead } from '../core/read-cache/read-cache';
import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import {
  approveWorkPlanSchema,
  bulkProgressResultDtoSchema,
  bulkProgressSchema,
  type BulkProgressResultDto,
  createWorkItemSchema,
  createWorkPlanSchema,
  deleteWithReasonSchema,
  moveSchema,
  objectiveSchema,
  progressUpdateSchema,
  themeSchema,
  updateObjectiveSchema,
  updateThemeSchema,
  updateWorkItemSchema,
  updateWorkPlanSchema,
  workItemQuerySchema,
  workItemDtoSchema,
  workItemListDtoSchema,
  workPlanChangeDtoSchema,
  workPlanDtoSchema,
  workPlanPeopleDtoSchema,
  workPlanSummaryDtoSchema,
  type WorkItemDto,
  type WorkItemListDto,
  type WorkPlanChangeDto,
  type WorkPlanDto,
  type WorkPlanPeopleDto,
  type WorkPlanSummaryDto,
} from '@plexus/contracts';
import { z } from 'zod';
import { ApiEmptyResponse, ApiZodResponse } from '../core/http/api-response';
import type { AuthContext } from '../auth/auth.types';
import { CurrentAuth } from '../auth/current-auth.decorator';
import { ApiZodBody, ApiZodQueries, zod } from '../core/http/zod';
import { NetworkController, RequirePermission } from '../tenancy/network-route.decorator';
import { WorkItemService } from './work-item.service';
import { WorkPlanService } from './work-plan.service';
import type { Actor } from './work-plan.types';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });
const actorOf = (auth: AuthContext): Actor => ({ userId: auth.user.id, name: auth.user.displayName });
type Out<S extends z.ZodType> = z.output<S>;

@NetworkController('work-plan', 'work plan')
export class WorkPlanController {
  constructor(
    private readonly plans: WorkPlanService,
    private readonly items: WorkItemService,
  ) {}

  // ---- plans --------------------------------------------------------------------------------------

  @Get('plans')
  @RequirePermission('network.read')
  @CachedRead()
  @ApiOperation({ operationId: 'listWorkPlans', summary: "The network's plans, newest period first, with counts by colour" })
  @ApiZodResponse(z.array(workPlanSummaryDtoSchema), { description: 'The plans, newest period first' })
  list(): Promise<WorkPlanSummaryDto[]> {
    return this.plans.list();
  }

  @Post('plans')
  @RequirePermission('plan.edit')
  @ApiOperation({ operationId: 'createWorkPlan', summary: 'Start a plan for a period (a draft until the board approves it)' })
  @ApiZodBody(createWorkPlanSchema)
  @ApiZodResponse(workPlanDtoSchema, { status: 201, description: 'The new plan (a draft)' })
  create(@Body(zod(createWorkPlanSchema)) body: Out<typeof createWorkPlanSchema>, @CurrentAuth() auth: AuthContext): Promise<WorkPlanDto> {
    return this.plans.create(body, actorOf(auth));
  }

  @Get('plans/:planId')
  @RequirePermission('network.read')
  @CachedRead()
  @ApiOperation({ operationId: 'getWorkPlan', summary: 'The plan as a tree: themes, objectives and items, with counts and RAG roll-ups' })
  @ApiZodResponse(workPlanDtoSchema, { description: 'The plan as a tree' })
  get(@Param('planId', uuid) planId: string, @CurrentAuth() auth: AuthContext): Promise<WorkPlanDto> {
    return this.plans.get(planId, actorOf(auth));
  }

  @Patch('plans/:planId')
  @RequirePermission('plan.edit')
  @ApiOperation({ operationId: 'updateWorkPlan', summary: "Change the plan's title or period (with a reason once approved)" })
  @ApiZodBody(updateWorkPlanSchema)
  @ApiZodResponse(workPlanDtoSchema, { description: 'The plan as changed' })
  update(
    @Param('planId', uuid) planId: string,
    @Body(zod(updateWorkPlanSchema)) body: Out<typeof updateWorkPlanSchema>,
    @CurrentAuth() auth: AuthContext,
  ): Promise<WorkPlanDto> {
    return this.plans.update(planId, body, actorOf(auth));
  }

  @Delete('plans/:planId')
  @HttpCode(204)
  @RequirePermission('plan.edit')
  @ApiOperation({ operationId: 'deleteWorkPlan', summary: 'Delete a draft plan with everything in it (an approved plan is kept)' })
  @ApiEmptyResponse('Deleted with everything in it')
  remove(@Param('planId', uuid) planId: string): Promise<void> {
    return this.plans.remove(planId);
  }

  @Post('plans/:planId/approve')
  @HttpCode(200)
  @RequirePermission('plan.edit')
  @ApiOperation({
    operationId: 'approveWorkPlan',
    summary: 'Record that the board approved the plan on a date: from then on, changes are tracked with a reason',
  })
  @ApiZodBody(approveWorkPlanSchema)
  @ApiZodResponse(workPlanDtoSchema, { description: 'The approved plan' })
  approve(
    @Param('planId', uuid) planId: string,
    @Body(zod(approveWorkPlanSchema)) body: Out<typeof approveWorkPlanSchema>,
    @CurrentAuth() auth: AuthContext,
  ): Promise<WorkPlanDto> {
    return this.plans.approve(planId, body, actorOf(auth));
  }

  @Get('plans/:planId/changes')
  @RequirePermission('network.read')
  @ApiOperation({ operationId: 'listWorkPlanChanges', summary: 'Changes made since the board approved the plan, newest first, each with its reason' })
  @ApiZodResponse(z.array(workPlanChangeDtoSchema), { description: 'The changes, newest first' })
  changes(@Param('planId', uuid) planId: string): Promise<WorkPlanChangeDto[]> {
    return this.plans.changes(planId);
  }

  @Get('plans/:planId/items')
  @RequirePermission('network.read')
  @CachedRead()
  @ApiOperation({
    operationId: 'listWorkItems',
    summary: "The plan's items as a list, filtered by lead, status, colour, theme, due quarter (2023-Q4), slipped, flagged, mine or text",
  })
  @ApiZodQueries(workItemQuerySchema)
  @ApiZodResponse(workItemListDtoSchema, { description: 'The items that pass the filters, with the choices for the filters' })
  listItems(
    @Param('planId', uuid) planId: string,
    @Query(zod(workItemQuerySchema)) query: Out<typeof workItemQuerySchema>,
    @CurrentAuth() auth: AuthContext,
  ): Promise<WorkItemListDto> {
    return this.items.list(planId, query, actorOf(auth));
  }

  @Post('plans/:planId/items')
  @RequirePermission('plan.edit')
  @ApiOperation({ operationId: 'createWorkItem', summary: 'Add a work item under a theme (and an objective)' })
  @ApiZodBody(createWorkItemSchema)
  @ApiZodResponse(workItemDtoSchema, { status: 201, description: 'The new item' })
  createItem(
    @Param('planId', uuid) planId: string,
    @Body(zod(createWorkItemSchema)) body: Out<typeof createWorkItemSchema>,
    @CurrentAuth() auth: AuthContext,
  ): Promise<WorkItemDto> {
    return this.items.create(planId, body, actorOf(auth));
  }

  // ---- themes and objectives ----------------------------------------------------------------------

  @Post('plans/:planId/themes')
  @RequirePermission('plan.edit')
  @ApiOperation({ operationId: 'addTheme', summary: 'Add a theme (a function or strategic objective) at the end of the plan; answers with the plan' })
  @ApiZodBody(themeSchema)
  @ApiZodResponse(workPlanDtoSchema, { status: 201, description: 'The plan with the new theme' })
  addTheme(
    @Param('planId', uuid) planId: string,
    @Body(zod(themeSchema)) body: Out<typeof themeSchema>,
    @CurrentAuth() auth: AuthContext,
  ): Promise<WorkPlanDto> {
    return this.plans.addTheme(planId, body, actorOf(auth));
  }

  @Patch('themes/:themeId')
  @RequirePermission('plan.edit')
  @ApiOperation({ operationId: 'updateTheme', summary: 'Change a theme; answers with the plan' })
  @ApiZodBody(updateThemeSchema)
  @ApiZodResponse(workPlanDtoSchema, { description: 'The plan as changed' })
  updateTheme(
    @Param('themeId', uuid) themeId: string,
    @Body(zod(updateThemeSchema)) body: Out<typeof updateThemeSchema>,
    @CurrentAuth() auth: AuthContext,
  ): Promise<WorkPlanDto> {
    return this.plans.updateTheme(themeId, body, actorOf(auth));
  }

  @Delete('themes/:themeId')
  @RequirePermission('plan.edit')
  @ApiOperation({
    operationId: 'deleteTheme',
    summary: 'Delete a theme with its objectives and items (body: reason, once approved); answers with the plan',
  })
  @ApiZodBody(deleteWithReasonSchema)
  @ApiZodResponse(workPlanDtoSchema, { description: 'The plan without the theme' })
  removeTheme(
    @Param('themeId', uuid) themeId: string,
    @Body(zod(deleteWithReasonSchema)) body: Out<typeof deleteWithReasonSchema>,
    @CurrentAuth() auth: AuthContext,
  ): Promise<WorkPlanDto> {
    return this.plans.removeTheme(themeId, body.reason, actorOf(auth));
  }

  @Post('themes/:themeId/move')
  @HttpCode(200)
  @RequirePermission('plan.edit')
  @ApiOperation({ operationId: 'moveTheme', summary: 'Move a theme up or down; answers with the plan' })
  @ApiZodBody(moveSchema)
  @ApiZodResponse(workPlanDtoSchema, { description: 'The plan in its new order' })
  moveTheme(
    @Param('themeId', uuid) themeId: string,
    @Body(zod(moveSchema)) body: Out<typeof moveSchema>,
    @CurrentAuth() auth: AuthContext,
  ): Promise<WorkPlanDto> {
    return this.plans.moveTheme(themeId, body.direction, actorOf(auth));
  }

  @Post('themes/:themeId/objectives')
  @RequirePermission('plan.edit')
  @ApiOperation({ operationId: 'addObjective', summary: 'Add a numbered objective to a theme; answers with the plan' })
  @ApiZodBody(objectiveSchema)
  @ApiZodResponse(workPlanDtoSchema, { status: 201, description: 'The plan with the new objective' })
  addObjective(
    @Param('themeId', uuid) themeId: string,
    @Body(zod(objectiveSchema)) body: Out<typeof objectiveSchema>,
    @CurrentAuth() auth: AuthContext,
  ): Promise<WorkPlanDto> {
    return this.plans.addObjective(themeId, body, actorOf(auth));
  }

  @Patch('objectives/:objectiveId')
  @RequirePermission('plan.edit')
  @ApiOperation({ operationId: 'updateObjective', summary: 'Change an objective; answers with the plan' })
  @ApiZodBody(updateObjectiveSchema)
  @ApiZodResponse(workPlanDtoSchema, { description: 'The plan as changed' })
  updateObjective(
    @Param('objectiveId', uuid) objectiveId: string,
    @Body(zod(updateObjectiveSchema)) body: Out<typeof updateObjectiveSchema>,
    @CurrentAuth() auth: AuthContext,
  ): Promise<WorkPlanDto> {
    return this.plans.updateObjective(objectiveId, body, actorOf(auth));
  }

  @Delete('objectives/:objectiveId')
  @RequirePermission('plan.edit')
  @ApiOperation({
    operationId: 'deleteObjective',
    summary: 'Delete an objective with its items (body: reason, once approved); answers with the plan',
  })
  @ApiZodBody(deleteWithReasonSchema)
  @ApiZodResponse(workPlanDtoSchema, { description: 'The plan without the objective' })
  removeObjective(
    @Param('objectiveId', uuid) objectiveId: string,
    @Body(zod(deleteWithReasonSchema)) body: Out<typeof deleteWithReasonSchema>,
    @CurrentAuth() auth: AuthContext,
  ): Promise<WorkPlanDto> {
    return this.plans.removeObjective(objectiveId, body.reason, actorOf(auth));
  }

  @Post('objectives/:objectiveId/move')
  @HttpCode(200)
  @RequirePermission('plan.edit')
  @ApiOperation({ operationId: 'moveObjective', summary: 'Move an objective up or down within its theme; answers with the plan' })
  @ApiZodBody(moveSchema)
  @ApiZodResponse(workPlanDtoSchema, { description: 'The plan in its new order' })
  moveObjective(
    @Param('objectiveId', uuid) objectiveId: string,
    @Body(zod(moveSchema)) body: Out<typeof moveSchema>,
    @CurrentAuth() auth: AuthContext,
  ): Promise<WorkPlanDto> {
    return this.plans.moveObjective(objectiveId, body.direction, actorOf(auth));
  }

  // ---- items --------------------------------------------------------------------------------------

  @Get('items/:itemId')
  @RequirePermission('network.read')
  @ApiOperation({ operationId: 'getWorkItem', summary: 'A work item with its history: progress updates and tracked changes, newest first' })
  @ApiZodResponse(workItemDtoSchema, { description: 'The item with its history' })
  getItem(@Param('itemId', uuid) itemId: string, @CurrentAuth() auth: AuthContext): Promise<WorkItemDto> {
    return this.items.get(itemId, actorOf(auth));
  }

  @Patch('items/:itemId')
  @RequirePermission('plan.edit')
  @ApiOperation({ operationId: 'updateWorkItem', summary: 'Change a work item (with a reason once the plan is approved: recorded in its history)' })
  @ApiZodBody(updateWorkItemSchema)
  @ApiZodResponse(workItemDtoSchema, { description: 'The item as changed' })
  updateItem(
    @Param('itemId', uuid) itemId: string,
    @Body(zod(updateWorkItemSchema)) body: Out<typeof updateWorkItemSchema>,
    @CurrentAuth() auth: AuthContext,
  ): Promise<WorkItemDto> {
    return this.items.update(itemId, body, actorOf(auth));
  }

  @Delete('items/:itemId')
  @HttpCode(204)
  @RequirePermission('plan.edit')
  @ApiOperation({ operationId: 'deleteWorkItem', summary: 'Delete a work item (body: reason, once the plan is approved)' })
  @ApiZodBody(deleteWithReasonSchema)
  @ApiEmptyResponse('Deleted')
  removeItem(
    @Param('itemId', uuid) itemId: string,
    @Body(zod(deleteWithReasonSchema)) body: Out<typeof deleteWithReasonSchema>,
    @CurrentAuth() auth: AuthContext,
  ): Promise<void> {
    return this.items.remove(itemId, body.reason, actorOf(auth));
  }

  @Post('items/:itemId/move')
  @HttpCode(200)
  @RequirePermission('plan.edit')
  @ApiOperation({ operationId: 'moveWorkItem', summary: 'Move an item up or down among its siblings; answers with the plan' })
  @ApiZodBody(moveSchema)
  @ApiZodResponse(workPlanDtoSchema, { description: 'The plan in its new order' })
  moveItem(
    @Param('itemId', uuid) itemId: string,
    @Body(zod(moveSchema)) body: Out<typeof moveSchema>,
    @CurrentAuth() auth: AuthContext,
  ): Promise<WorkPlanDto> {
    return this.items.move(itemId, body.direction, actorOf(auth));
  }

  @Post('items/:itemId/progress')
  @RequirePermission('plan.progress')
  @ApiOperation({ operationId: 'addProgressUpdate', summary: 'Add a dated progress update (managers; leads on the items they lead)' })
  @ApiZodBody(progressUpdateSchema)
  @ApiZodResponse(workItemDtoSchema, { status: 201, description: 'The item with the update first in its history' })
  addProgress(
    @Param('itemId', uuid) itemId: string,
    @Body(zod(progressUpdateSchema)) body: Out<typeof progressUpdateSchema>,
    @CurrentAuth() auth: AuthContext,
  ): Promise<WorkItemDto> {
    return this.items.addProgress(itemId, body, actorOf(auth));
  }

  @Post('plans/:planId/progress')
  @RequirePermission('plan.progress')
  @ApiOperation({
    operationId: 'addProgressUpdates',
    summary: 'Add dated progress updates to several items of a plan at once, one per item (managers; leads on the items they lead): all or none',
  })
  @ApiZodBody(bulkProgressSchema)
  @ApiZodResponse(bulkProgressResultDtoSchema, { status: 201, description: 'The updates added, one per item, in the order sent' })
  addProgressToMany(
    @Param('planId', uuid) planId: string,
    @Body(zod(bulkProgressSchema)) body: Out<typeof bulkProgressSchema>,
    @CurrentAuth() auth: AuthContext,
  ): Promise<BulkProgressResultDto> {
    return this.items.addProgressToMany(planId, body, actorOf(auth));
  }

  // ---- people -------------------------------------------------------------------------------------

  @Get('my-items')
  @RequirePermission('network.read')
  @CachedRead()
  @ApiOperation({ operationId: 'listMyWorkItems', summary: 'The items the caller leads, across plans (same filters as a plan’s items)' })
  @ApiZodQueries(workItemQuerySchema)
  @ApiZodResponse(workItemListDtoSchema, { description: 'The items the caller leads that pass the filters' })
  mine(@Query(zod(workItemQuerySchema)) query: Out<typeof workItemQuerySchema>, @CurrentAuth() auth: AuthContext): Promise<WorkItemListDto> {
    return this.items.mine(query, actorOf(auth));
  }

  @Get('people')
  @RequirePermission('network.read')
  @ApiOperation({ operationId: 'listWorkPlanPeople', summary: 'Members and leadership roles who can lead work' })
  @ApiZodResponse(workPlanPeopleDtoSchema, { description: 'Members and leadership roles' })
  people(): Promise<WorkPlanPeopleDto> {
    return this.plans.people();
  }
}
