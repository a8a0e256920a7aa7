import { Inject, Injectable } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { AppUser, Membership, Network, sql, TenantDb, UserSession, type AppConfig } from '@plexus/server';
import type { SessionMembership, SessionResponse } from '@plexus/contracts';
import type { Response } from 'express';
import { createHash, randomBytes } from 'node:crypto';
import { APP_CONFIG } from '@plexus/server';
import { CSRF_COOKIE, SESSION_COOKIE, type AuthContext } from './auth.types';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const TOUCH_EVERY_MS = 5 * 60_000;

interface SessionRow {
  csrf_token: string;
  expires_at: Date | string;
  last_seen_at: Date | string;
  id: string;
  email: string;
  display_name: string;
  is_operator: boolean;
}

/** Server-side sessions: the cookie holds a random token, the database its hash, the user and the CSRF token. */
@Injectable()
export class SessionService {
  constructor(
    private readonly db: TenantDb,
    private readonly orm: MikroORM,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get cookieName(): string {
    // __Host- cookies must be Secure, host-only and path=/: the strongest binding a browser offers.
    return this.config.cookieSecure ? `__Host-${SESSION_COOKIE}` : SESSION_COOKIE;
  }

  private ttlMs(): number {
    return this.config.SESSION_TTL_HOURS * 3600_000;
  }

  async create(userId: string, meta: { ip?: string; userAgent?: string }): Promise<{ token: string; csrfToken: string }> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    await this.db.run({ userId }, async ({ em }) => {
      const s = new UserSession();
      s.id = sha256(token);
      s.userId = userId;
      s.csrfToken = csrfToken;
      s.expiresAt = new Date(Date.now() + this.ttlMs());
      s.ip = meta.ip ?? null;
      s.userAgent = meta.userAgent?.slice(0, 300) ?? null;
      em.persist(s);
      await em.flush();
    });
    return { token, csrfToken };
  }

  /**
   * The session of a cookie, with its person: one statement on a pooled connection, no transaction (sessions and
   * accounts are not tenant rows). Every request with a cookie comes through here, so it stays one round trip; a
   * session is touched (its expiry moved on) at most every five minutes.
   */
  async resolve(token: string | undefined): Promise<AuthContext | null> {
    if (!token || token.length > 100) return null;
    const id = sha256(token);
    const found = sql`
      select s.csrf_token, s.expires_at, s.last_seen_at, u.id, u.email, u.display_name, u.is_operator
      from user_session s join app_user u on u.id = s.user_id
      where s.id = ${id}`;
    const [row] = await this.orm.em.getConnection().execute<SessionRow[]>(found.text, found.params);
    if (!row) return null;
    const now = Date.now();
    if (new Date(row.expires_at).getTime() <= now) {
      await this.db.run({ userId: null }, ({ em }) => em.nativeDelete(UserSession, { id }));
      return null;
    }
    if (now - new Date(row.last_seen_at).getTime() > TOUCH_EVERY_MS) {
      await this.db.run({ userId: null }, ({ em }) =>
        em.nativeUpdate(UserSession, { id }, { lastSeenAt: new Date(now), expiresAt: new Date(now + this.ttlMs()) }),
      );
    }
    return {
      sessionId: id,
      csrfToken: row.csrf_token,
      user: { id: row.id, email: row.email, displayName: row.display_name, isOperator: row.is_operator },
    };
  }

  async destroy(sessionId: string): Promise<void> {
    await this.db.run({ userId: null }, ({ em }) => em.nativeDelete(UserSession, { id: sessionId }));
  }

  setCookies(res: Response, token: string, csrfToken: string): void {
    const common = { secure: this.config.cookieSecure, path: '/', maxAge: this.ttlMs() };
    res.cookie(this.cookieName, token, { ...common, httpOnly: true, sameSite: 'lax' });
    res.cookie(CSRF_COOKIE, csrfToken, { ...common, httpOnly: false, sameSite: 'strict' });
  }

  clearCookies(res: Response): void {
    res.clearCookie(this.cookieName, { path: '/', secure: this.config.cookieSecure, httpOnly: true, sameSite: 'lax' });
    res.clearCookie(CSRF_COOKIE, { path: '/', secure: this.config.cookieSecure, sameSite: 'strict' });
  }

  async userSummary(userId: string): Promise<AuthContext['user']> {
    const user = await this.db.run({ userId }, ({ em }) => em.findOneOrFail(AppUser, { id: userId }));
    return { id: user.id, email: user.email, displayName: user.displayName, isOperator: user.isOperator };
  }

  /** The signed-in person and every network they belong to (RLS lets a person read their own memberships). */
  async describe(auth: Pick<AuthContext, 'user' | 'csrfToken'>): Promise<SessionResponse> {
    const memberships = await this.db.run({ userId: auth.user.id }, async ({ em }) => {
      const rows = await em.find(Membership, { userId: auth.user.id }, { filters: { tenant: false } });
      const networks = await em.find(Network, { id: { $in: rows.map((r) => r.networkId) } }, { orderBy: { name: 'asc' } });
      const byNetwork = new Map(rows.map((r) => [r.networkId, r]));
      return networks.flatMap((n): SessionMembership[] => {
        const m = byNetwork.get(n.id);
        return m ? [{ networkId: n.id, slug: n.slug, name: n.name, role: m.role, organisationId: m.organisationId }] : [];
      });
    });
    return { user: auth.user, memberships, csrfToken: auth.csrfToken };
  }
}
