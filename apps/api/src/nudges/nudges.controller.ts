import { Body, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { createNudgeRoundSchema, nudgeRoundDtoSchema, nudgeRoundListDtoSchema, type NudgeRoundDto, type NudgeRoundListDto } from '@plexus/contracts';
import type { z } from 'zod';
import { ApiEmptyResponse, ApiErrorResponses, ApiZodResponse } from '../core/http/api-response';
import { ApiZodBody, zod } from '../core/http/zod';
import { NetworkController, RequirePermission } from '../tenancy/network-route.decorator';
import { NudgesService } from './nudges.service';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

/** Nudge rounds: managers send them (now, at a chosen time, before a board meeting) and follow who has updated. */
@NetworkController('nudges', 'nudges')
export class NudgesController {
  constructor(private readonly nudges: NudgesService) {}

  @Get('rounds')
  @RequirePermission('nudges.manage')
  @ApiOperation({ operationId: 'listNudgeRounds', summary: 'The nudge rounds, the latest first, with how many leads were nudged and have updated' })
  @ApiZodResponse(nudgeRoundListDtoSchema, { description: 'The rounds' })
  list(): Promise<NudgeRoundListDto> {
    return this.nudges.list();
  }

  @Post('rounds')
  @RequirePermission('nudges.manage')
  @ApiOperation({
    operationId: 'createNudgeRound',
    summary: 'Send nudges to leads now, or at a day and time (UK time), optionally for a board meeting',
    description:
      'When the round runs, each lead with items of the current approved plan needing a progress update, or open risks due for a review, gets one email with a single-use link (NUDGE_LINK_TTL_HOURS) to update them.',
  })
  @ApiZodResponse(nudgeRoundDtoSchema, { status: 201, description: 'The round, to be sent at its time' })
  @ApiZodBody(createNudgeRoundSchema)
  create(@Body(zod(createNudgeRoundSchema)) body: z.output<typeof createNudgeRoundSchema>): Promise<NudgeRoundDto> {
    return this.nudges.create(body);
  }

  @Get('rounds/:roundId')
  @RequirePermission('nudges.manage')
  @ApiOperation({ operationId: 'getNudgeRound', summary: 'A round: each lead nudged, their email sent or failed, and whether they have updated' })
  @ApiZodResponse(nudgeRoundDtoSchema, { description: 'The round' })
  get(@Param('roundId', uuid) id: string): Promise<NudgeRoundDto> {
    return this.nudges.get(id);
  }

  @Delete('rounds/:roundId')
  @HttpCode(204)
  @RequirePermission('nudges.manage')
  @ApiOperation({ operationId: 'deleteNudgeRound', summary: 'Withdraw a round not yet sent (a sent round stays as the record)' })
  @ApiEmptyResponse('Withdrawn')
  @ApiErrorResponses([409, 'The round has been sent (`conflict`): it stays as the record of who was nudged.'])
  remove(@Param('roundId', uuid) id: string): Promise<void> {
    return this.nudges.remove(id);
  }
}
