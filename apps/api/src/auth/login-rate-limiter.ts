import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '@plexus/server';
import type { Redis } from 'ioredis';
import { createHash } from 'node:crypto';
import { APP_CONFIG, REDIS } from '@plexus/server';
import { DomainException } from '../core/http/domain.exception';

/**
 * Counts failed sign-ins per email and per client address in Redis, with a window that restarts at the
 * first failure. Past the limit, sign-in answers 429 with Retry-After until the window ends.
 */
@Injectable()
export class LoginRateLimiter {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private keys(email: string, ip: string): string[] {
    const h = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 32);
    const p = `${this.config.REDIS_PREFIX}:login-fail`;
    return [`${p}:email:${h(email)}`, `${p}:ip:${h(ip)}`];
  }

  async assertAllowed(email: string, ip: string): Promise<void> {
    const [emailKey, ipKey] = this.keys(email, ip);
    const [[, e], [, i], [, ttlE], [, ttlI]] = (await this.redis
      .multi()
      .get(emailKey)
      .get(ipKey)
      .pttl(emailKey)
      .pttl(ipKey)
      .exec()) as [unknown, string | null][];
    const max = this.config.LOGIN_MAX_FAILURES;
    const blockedByEmail = Number(e ?? 0) >= max;
    const blockedByIp = Number(i ?? 0) >= max * 4;
    if (blockedByEmail || blockedByIp) {
      const ms = Math.max(Number(blockedByEmail ? ttlE : 0), Number(blockedByIp ? ttlI : 0), 1000);
      const minutes = Math.ceil(ms / 60_000);
      throw new DomainException(
        'too_many_attempts',
        `Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}, or ask your network manager to reset your access.`,
        undefined,
        { 'Retry-After': String(Math.ceil(ms / 1000)) },
      );
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const windowMs = this.config.LOGIN_LOCKOUT_MINUTES * 60_000;
    const multi = this.redis.multi();
    for (const key of this.keys(email, ip)) {
      multi.incr(key);
      multi.pexpire(key, windowMs, 'NX');
    }
    await multi.exec();
  }

  async clear(email: string): Promise<void> {
    await this.redis.del(this.keys(email, '')[0]);
  }
}
