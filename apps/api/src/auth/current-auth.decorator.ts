import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { DomainException } from '../core/http/domain.exception';
import type { AppRequest, AuthContext } from './auth.types';

/** The signed-in person of a non-public route (the AuthGuard has already required a session). */
export const CurrentAuth = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthContext => {
  const auth = ctx.switchToHttp().getRequest<AppRequest>().auth;
  if (!auth) throw new DomainException('unauthenticated', 'Sign in to continue');
  return auth;
});
