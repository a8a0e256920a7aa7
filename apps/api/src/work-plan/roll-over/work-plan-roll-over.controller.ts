import { Body, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import {
  rollOverPreviewDtoSchema,
  rollOverResultDtoSchema,
  rollOverWorkPlanSchema,
  type RollOverPreviewDto,
  type RollOverResultDto,
} from '@plexus/contracts';
import type { z } from 'zod';
import type { AuthContext } from '../../auth/auth.types';
import { CurrentAuth } from '../../auth/current-auth.decorator';
import { ApiZodResponse } from '../../core/http/api-response';
import { ApiZodBody, zod } from '../../core/http/zod';
import { NetworkController, RequirePermission } from '../../tenancy/network-route.decorator';
import { WorkPlanRollOverService } from './work-plan-roll-over.service';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });
type Out<S extends z.ZodType> = z.output<S>;

@NetworkController('work-plan', 'work plan')
export class WorkPlanRollOverController {
  constructor(private readonly rollOvers: WorkPlanRollOverService) {}

  @Get('plans/:planId/roll-over')
  @RequirePermission('plan.edit')
  @ApiOperation({
    operationId: 'previewWorkPlanRollOver',
    summary: "What rolling this plan over at year end would do: the next period, the items it would carry forward, or why it can't",
  })
  @ApiZodResponse(rollOverPreviewDtoSchema, { description: 'The proposal: period, title and items (open ones chosen)' })
  preview(@Param('planId', uuid) planId: string): Promise<RollOverPreviewDto> {
    return this.rollOvers.preview(planId);
  }

  @Post('plans/:planId/roll-over')
  @HttpCode(200)
  @RequirePermission('plan.edit')
  @ApiOperation({
    operationId: 'rollOverWorkPlan',
    summary:
      "Start next period's plan from this approved one, carrying forward the chosen open items (default: all not complete); done before, answers that plan",
  })
  @ApiZodBody(rollOverWorkPlanSchema)
  @ApiZodResponse(rollOverResultDtoSchema, { description: 'The new plan (a draft), or the one made by an earlier roll-over' })
  rollOver(
    @Param('planId', uuid) planId: string,
    @Body(zod(rollOverWorkPlanSchema)) body: Out<typeof rollOverWorkPlanSchema>,
    @CurrentAuth() auth: AuthContext,
  ): Promise<RollOverResultDto> {
    return this.rollOvers.rollOver(planId, body, { userId: auth.user.id, name: auth.user.displayName });
  }
}
