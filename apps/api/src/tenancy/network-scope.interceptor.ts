import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { can, todayIso, type Permission } from '@plexus/domain';
import { TenantDb, type MemberEntry } from '@plexus/server';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { AppRequest } from '../auth/auth.types';
import { DomainException } from '../core/http/domain.exception';
import type { Response } from 'express';
import { CACHED_READ, cachedAnswer, ReadCache, SerializedJson } from '../core/read-cache/read-cache';
import { REQUIRED_PERMISSION } from './network-route.decorator';

/**
 * Resolves `{network}` from the URL against the caller's memberships — never from a header or body — and
 * runs the handler in one transaction with `app.network_id` set, so RLS and the ORM filter both apply. The
 * transaction's first statement (`plexus_enter`) sets the person, resolves the membership and sets the network.
 *
 * A GET marked `CachedRead` first reads the membership and the data versions in one statement of its own; while
 * the versions are unchanged since its answer was computed for this person, role, day and URL, the answer comes
 * from the read cache without a transaction. Otherwise it runs as any other route and its answer is kept.
 */
@Injectable()
export class NetworkScopeInterceptor implements NestInterceptor {
  constructor(
    private readonly db: TenantDb,
    private readonly reflector: Reflector,
    private readonly cache: ReadCache,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AppRequest>();
    const slug = String(req.params['network'] ?? '');
    const user = req.auth?.user;
    if (!user) throw new DomainException('unauthenticated', 'Sign in to continue');
    const targets = [context.getHandler(), context.getClass()];
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(REQUIRED_PERMISSION, targets);
    const cacheable = req.method === 'GET' && this.reflector.get<boolean | undefined>(CACHED_READ, context.getHandler()) === true;

    const allowed = (entry: MemberEntry | null): MemberEntry => {
      if (!entry) throw DomainException.notFound('network');
      // Closed by default: a route that declares no permission (stopped at start-up anyway) is refused.
      if (!permission || !can(entry.tenant.role, permission)) {
        throw new DomainException('forbidden', `Your role (${entry.tenant.role}) cannot do this`);
      }
      return entry;
    };
    const handle = () =>
      this.db.runAsMember({ userId: user.id, requestId: req.id ?? null }, slug, async (_scope, entry) => {
        allowed(entry);
        return lastValueFrom(next.handle(), { defaultValue: undefined });
      });
    if (!cacheable) return from(handle());

    return from(
      (async () => {
        const entry = allowed(await this.db.memberEntry(user.id, slug));
        const key = ReadCache.key(entry, user.id, todayIso('Europe/London'), req.originalUrl);
        const versions = ReadCache.versions(entry);
        // Computed after the versions were read: an entry is never older than its label.
        const answer = await this.cache.through(key, versions, async () => cachedAnswer(await handle()));
        const res = context.switchToHttp().getResponse<Response>();
        res.setHeader('Vary', 'Accept-Encoding');
        const gzipped = answer.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) ? { bytes: answer.gzip, res } : undefined;
        return new SerializedJson(answer.json, gzipped);
      })(),
    );
  }
}
