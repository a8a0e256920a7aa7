import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  loginRequestSchema,
  passwordResetConfirmSchema,
  passwordResetRequestedDtoSchema,
  passwordResetRequestSchema,
  sessionResponseSchema,
  type PasswordResetRequestedDto,
  type SessionResponse,
} from '@plexus/contracts';
import { ApiEmptyResponse, ApiErrorResponses, ApiZodResponse } from '../core/http/api-response';
import type { Response } from 'express';
import { ApiZodBody, zod } from '../core/http/zod';
import { AuthService, PASSWORD_RESET_REQUESTED } from './auth.service';
import type { AppRequest, AuthContext } from './auth.types';
import { CurrentAuth } from './current-auth.decorator';
import { Public } from './public.decorator';
import { SessionService } from './session.service';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly sessions: SessionService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({ operationId: 'signIn', summary: 'Sign in with email and password; sets the session and XSRF-TOKEN cookies' })
  @ApiZodBody(loginRequestSchema)
  @ApiZodResponse(sessionResponseSchema, {
    description: 'Signed in: the person, their networks and roles, and the CSRF token to send back as X-XSRF-TOKEN',
  })
  @ApiErrorResponses(
    [401, 'The email and password do not match an account (`invalid_credentials`).'],
    [429, 'Too many failed attempts for this email or from this address (`too_many_attempts`): wait for the `Retry-After` seconds.'],
    503,
  )
  async login(
    @Body(zod(loginRequestSchema)) body: { email: string; password: string },
    @Req() req: AppRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<SessionResponse> {
    const user = await this.auth.verifyCredentials(body, req.ip ?? 'unknown');
    if (req.auth) await this.sessions.destroy(req.auth.sessionId);
    const { token, csrfToken } = await this.sessions.create(user.id, { ip: req.ip, userAgent: req.headers['user-agent'] });
    this.sessions.setCookies(res, token, csrfToken);
    return this.sessions.describe({
      user: { id: user.id, email: user.email, displayName: user.displayName, isOperator: user.isOperator },
      csrfToken,
    });
  }

  @Get('session')
  @ApiOperation({ operationId: 'getSession', summary: 'The signed-in person, their networks and roles, and the CSRF token' })
  @ApiZodResponse(sessionResponseSchema, { description: 'The session' })
  session(@CurrentAuth() auth: AuthContext): Promise<SessionResponse> {
    return this.sessions.describe(auth);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ operationId: 'signOut', summary: 'Sign out: ends the session on the server and clears the cookies' })
  @ApiEmptyResponse('Signed out (also when there was no session)')
  async logout(@Req() req: AppRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    if (req.auth) await this.sessions.destroy(req.auth.sessionId);
    this.sessions.clearCookies(res);
  }

  @Public()
  @Post('password-reset')
  @HttpCode(202)
  @ApiOperation({
    operationId: 'requestPasswordReset',
    summary: 'Forgot your password: email a link to choose a new one',
    description:
      'Always the same answer, whether or not the address has an account; for an account, the worker emails a single-use link that expires after PASSWORD_RESET_TTL_MINUTES.',
  })
  @ApiZodBody(passwordResetRequestSchema)
  @ApiZodResponse(passwordResetRequestedDtoSchema, { status: 202, description: 'Asked for (the same answer for every address)' })
  @ApiErrorResponses([429, 'Too many requests for this address or from this client (`too_many_attempts`): wait for the `Retry-After` seconds.'], 503)
  async requestPasswordReset(
    @Body(zod(passwordResetRequestSchema)) body: { email: string },
    @Req() req: AppRequest,
  ): Promise<PasswordResetRequestedDto> {
    await this.auth.requestPasswordReset(body.email, req.ip ?? 'unknown');
    return { message: PASSWORD_RESET_REQUESTED };
  }

  @Public()
  @Post('password-reset/confirm')
  @HttpCode(204)
  @ApiOperation({
    operationId: 'saveNewPassword',
    summary: 'Choose a new password with an emailed link; signs the account out everywhere',
  })
  @ApiZodBody(passwordResetConfirmSchema)
  @ApiEmptyResponse('The password is changed, the link used up and every session of the account ended: sign in with the new password')
  @ApiErrorResponses(
    [410, 'The link is not valid, has already been used, or has expired (`gone`): ask for a new one.'],
    [429, 'Too many attempts with reset links (`too_many_attempts`): wait for the `Retry-After` seconds.'],
    503,
  )
  async resetPassword(
    @Body(zod(passwordResetConfirmSchema)) body: { token: string; password: string },
    @Req() req: AppRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.auth.resetPassword(body, req.ip ?? 'unknown');
    if (req.auth) await this.sessions.destroy(req.auth.sessionId);
    this.sessions.clearCookies(res);
  }
}
