import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { TenantDb } from '@plexus/server';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { AppRequest } from '../auth/auth.types';
import { DomainException } from '../core/http/domain.exception';

/**
 * For operator routes that keep what every network shares (national standard sets): runs the handler in one
 * transaction in operator mode (`TenantDb.asOperator`: `app.operator` on, no network), where RLS lets the person write
 * national rows only because `app_user.is_operator` says they are an operator. The route is `OperatorOnly` too, so a
 * person who is not an operator is refused (403) before this runs.
 */
@Injectable()
export class OperatorScopeInterceptor implements NestInterceptor {
  constructor(private readonly db: TenantDb) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AppRequest>();
    const user = req.auth?.user;
    if (!user) throw new DomainException('unauthenticated', 'Sign in to continue');
    if (!user.isOperator) throw new DomainException('forbidden', 'Only platform operators can do this');
    return from(this.db.asOperator({ userId: user.id, requestId: req.id ?? null }, () => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }
}
