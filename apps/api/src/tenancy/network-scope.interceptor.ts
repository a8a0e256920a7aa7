import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { can, type Permission } from '@plexus/domain';
import { MembershipRepository, TenantDb } from '@plexus/server';
import { from, lastValueFrom, type Observable } from 'rxjs';
import { DomainException } from '../core/http/domain.exception';
import type { AppRequest } from '../auth/auth.types';
import { REQUIRED_PERMISSION } from './network-route.decorator';

/**
 * Resolves `{network}` from the URL against the caller's memberships — never from a header or body — and
 * runs the handler in one transaction with `app.network_id` set, so RLS and the ORM filter both apply.
 */
@Injectable()
export class NetworkScopeInterceptor implements NestInterceptor {
  // Stateless query holders (they read the request scope): made here so that every feature module can use this interceptor.
  private readonly memberships = new MembershipRepository();

  constructor(
    private readonly db: TenantDb,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AppRequest>();
    const slug = String(req.params['network'] ?? '');
    const user = req.auth?.user;
    if (!user) throw new DomainException('unauthenticated', 'Sign in to continue');
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, [context.getHandler(), context.getClass()]);

    return from(
      this.db.run({ userId: user.id, requestId: req.id ?? null }, async (scope) => {
        // One statement resolves the slug against the caller's memberships and switches the transaction to that network.
        const tenant = await this.memberships.enterAsMember(slug, user.id);
        if (!tenant?.role) throw DomainException.notFound('network');
        scope.tenant = tenant;
        // Closed by default: a route that declares no permission (stopped at start-up anyway) is refused.
        if (!permission || !can(tenant.role, permission)) {
          throw new DomainException('forbidden', `Your role (${tenant.role}) cannot do this`);
        }
        return lastValueFrom(next.handle(), { defaultValue: undefined });
      }),
    );
  }
}
