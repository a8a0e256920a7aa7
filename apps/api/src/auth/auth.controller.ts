import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { loginRequestSchema, type SessionResponse } from '@plexus/contracts';
import type { Response } from 'express';
import { ApiZodBody, zod } from '../core/http/zod';
import { AuthService } from './auth.service';
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
  @ApiOperation({ summary: 'Sign in with email and password; sets the session and XSRF-TOKEN cookies' })
  @ApiZodBody(loginRequestSchema)
  @ApiOkResponse({ description: 'The session: user, memberships, CSRF token' })
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
  @ApiCookieAuth()
  @ApiOperation({ summary: 'The signed-in person, their networks and roles, and the CSRF token' })
  session(@CurrentAuth() auth: AuthContext): Promise<SessionResponse> {
    return this.sessions.describe(auth);
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: ends the session on the server and clears the cookies' })
  async logout(@Req() req: AppRequest, @Res({ passthrough: true }) res: Response): Promise<void> {
    if (req.auth) await this.sessions.destroy(req.auth.sessionId);
    this.sessions.clearCookies(res);
  }
}
