import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { timingSafeEqual } from 'node:crypto';
import { DomainException } from '../core/http/domain.exception';
import { CSRF_HEADER, type AppRequest } from './auth.types';
import { IS_OPERATOR_ONLY, IS_PUBLIC } from './public.decorator';
import { SessionService } from './session.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Global guard: resolves the session cookie; non-public routes need one; every unsafe request made with a
 * session must echo the session's CSRF token in X-XSRF-TOKEN (Angular's HttpClient does this itself).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<AppRequest>();
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets) ?? false;
    const token = (req.cookies ?? {})[this.sessions.cookieName] as string | undefined;
    const auth = await this.sessions.resolve(token);
    if (auth) {
      req.auth = auth;
      if (!SAFE_METHODS.has(req.method)) {
        const header = req.headers[CSRF_HEADER];
        if (typeof header !== 'string' || !sameToken(header, auth.csrfToken)) {
          throw new DomainException('csrf_failed', 'This request is missing its security token (X-XSRF-TOKEN). Reload the page and try again.');
        }
      }
    }
    if (isPublic) return true;
    if (!auth) throw new DomainException('unauthenticated', 'Sign in to continue');
    if (this.reflector.getAllAndOverride<boolean>(IS_OPERATOR_ONLY, targets) && !auth.user.isOperator) {
      throw new DomainException('forbidden', 'Only platform operators can do this');
    }
    return true;
  }
}
