import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { nudgeFormDtoSchema, nudgeUpdatedDtoSchema, nudgeUpdateSchema, type NudgeFormDto, type NudgeUpdatedDto } from '@plexus/contracts';
import type { z } from 'zod';
import type { AppRequest } from '../auth/auth.types';
import { Public } from '../auth/public.decorator';
import { ApiErrorResponses, ApiZodResponse } from '../core/http/api-response';
import { ApiZodBody, zod } from '../core/http/zod';
import { NudgeLinksService } from './nudge-links.service';

const LIMITED: [number, string] = [
  429,
  'Too many attempts with update links from this address (`too_many_attempts`): wait for the `Retry-After` seconds.',
];
const GONE: [number, string] = [410, 'The link has been used (it works once) or has expired (`gone`): ask the network for a new one.'];

/** A lead's one-page update form, opened from a nudge's emailed link: no sign-in, no password. */
@ApiTags('nudges')
@Controller('update-links/:network/:token')
export class NudgeLinksController {
  constructor(private readonly links: NudgeLinksService) {}

  @Public()
  @Get()
  @ApiOperation({ operationId: 'previewNudgeLink', summary: 'The items and risks a nudge link asks its lead to update (no sign-in needed)' })
  @ApiZodResponse(nudgeFormDtoSchema, { description: 'The form: items with their status, risks with their scores' })
  @ApiErrorResponses(GONE, LIMITED, 503)
  preview(@Param('network') network: string, @Param('token') token: string, @Req() req: AppRequest): Promise<NudgeFormDto> {
    return this.links.preview(network, token, req.ip ?? 'unknown');
  }

  @Public()
  @Post()
  @HttpCode(200)
  @ApiOperation({
    operationId: 'submitNudgeUpdate',
    summary: 'Send the update (once): a progress update per item, a review per risk, recorded under the lead’s name',
  })
  @ApiZodBody(nudgeUpdateSchema)
  @ApiZodResponse(nudgeUpdatedDtoSchema, { description: 'Recorded; the link is used up' })
  @ApiErrorResponses(GONE, LIMITED, 503)
  submit(
    @Param('network') network: string,
    @Param('token') token: string,
    @Body(zod(nudgeUpdateSchema)) body: z.output<typeof nudgeUpdateSchema>,
    @Req() req: AppRequest,
  ): Promise<NudgeUpdatedDto> {
    return this.links.submit(network, token, body, req.ip ?? 'unknown');
  }
}
