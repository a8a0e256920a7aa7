import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  acceptInviteSchema,
  createdInviteDtoSchema,
  createInviteSchema,
  inviteDtoSchema,
  invitePreviewDtoSchema,
  sessionResponseSchema,
  type CreatedInviteDto,
  type InviteDto,
  type InvitePreviewDto,
  type SessionResponse,
} from '@plexus/contracts';
import { RequestScopes } from '@plexus/server';
import type { Response } from 'express';
import { z } from 'zod';
import { ApiEmptyResponse, ApiErrorResponses, ApiZodResponse } from '../core/http/api-response';
import type { AppRequest, AuthContext } from '../auth/auth.types';
import { CurrentAuth } from '../auth/current-auth.decorator';
import { Public } from '../auth/public.decorator';
import { SessionService } from '../auth/session.service';
import { ApiZodBody, zod } from '../core/http/zod';
import { NetworkController, RequirePermission } from '../tenancy/network-route.decorator';
import { NetworkRepository } from '@plexus/server';
import { InviteService, toInviteDto } from './invite.service';

const uuid = new ParseUUIDPipe({ version: '4', errorHttpStatusCode: 404 });

@NetworkController('invites', 'members')
export class InvitesController {
  constructor(
    private readonly invites: InviteService,
    private readonly profiles: NetworkRepository,
  ) {}

  @Get()
  @RequirePermission('members.manage')
  @ApiOperation({ operationId: 'listInvites', summary: 'Invites sent by this network, newest first' })
  @ApiZodResponse(z.array(inviteDtoSchema), { description: 'The invites, newest first' })
  async list(): Promise<InviteDto[]> {
    return (await this.invites.list()).map(toInviteDto);
  }

  @Post()
  @RequirePermission('members.manage')
  @ApiOperation({ operationId: 'createInvite', summary: 'Invite a person; the answer holds the one-time link (also emailed)' })
  @ApiZodResponse(createdInviteDtoSchema, { status: 201, description: 'The invite with its one-time link (shown once)' })
  @ApiZodBody(createInviteSchema)
  @ApiErrorResponses([409, 'The address is already a member, or already has a pending invite to this network (`conflict`, field `email`).'])
  async create(
    @Body(zod(createInviteSchema)) body: z.output<typeof createInviteSchema>,
    @CurrentAuth() auth: AuthContext,
  ): Promise<CreatedInviteDto> {
    const network = await this.profiles.network();
    return this.invites.create(body, auth.user.id, network.name, RequestScopes.tenant().networkSlug);
  }

  @Delete(':inviteId')
  @HttpCode(204)
  @RequirePermission('members.manage')
  @ApiOperation({ operationId: 'withdrawInvite', summary: 'Withdraw a pending invite' })
  @ApiEmptyResponse('Withdrawn: the link no longer works')
  revoke(@Param('inviteId', uuid) id: string): Promise<void> {
    return this.invites.revoke(id);
  }
}

@ApiTags('invites')
@Controller('invites/:network/:token')
export class PublicInvitesController {
  constructor(
    private readonly invites: InviteService,
    private readonly sessions: SessionService,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ operationId: 'previewInvite', summary: 'What an invite link is for (no sign-in needed)' })
  @ApiZodResponse(invitePreviewDtoSchema, { description: 'The network, person and role the link is for' })
  @ApiErrorResponses(
    410,
    [429, 'Too many attempts with invite links from this address (`too_many_attempts`): wait for the `Retry-After` seconds.'],
    503,
  )
  preview(@Param('network') network: string, @Param('token') token: string, @Req() req: AppRequest): Promise<InvitePreviewDto> {
    return this.invites.preview(network, token, req.ip ?? 'unknown');
  }

  @Public()
  @Post('accept')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'acceptInvite',
    summary: 'Accept an invite and sign in',
    description:
      'For an email with no account: send displayName and password to create it. For an email that already has an account: ' +
      'sign in as that account first and send {}; otherwise the answer is 401 sign_in_required (or 403 wrong_account when signed in as someone else).',
  })
  @ApiZodBody(acceptInviteSchema)
  @ApiZodResponse(sessionResponseSchema, { description: 'Accepted and signed in: the session, as after signing in' })
  @ApiErrorResponses(
    [401, 'The email already has an account: sign in to it first, then accept (`sign_in_required`).'],
    [
      403,
      'Signed in as someone else than the invite is for (`wrong_account`); or made with a session but without its X-XSRF-TOKEN header (`csrf_failed`), or sent by another site (`cross_site_request`).',
    ],
    409,
    410,
    [429, 'Too many attempts with this link or from this address (`too_many_attempts`): wait for the `Retry-After` seconds.'],
    503,
  )
  async accept(
    @Param('network') network: string,
    @Param('token') token: string,
    @Body(zod(acceptInviteSchema)) body: z.output<typeof acceptInviteSchema>,
    @Req() req: AppRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponse> {
    const { userId } = await this.invites.accept(network, token, body, req.auth, req.ip ?? 'unknown');
    if (req.auth) await this.sessions.destroy(req.auth.sessionId);
    const { token: sessionToken, csrfToken } = await this.sessions.create(userId, { ip: req.ip, userAgent: req.headers['user-agent'] });
    this.sessions.setCookies(res, sessionToken, csrfToken);
    return this.sessions.describe({ user: await this.sessions.userSummary(userId), csrfToken });
  }
}
