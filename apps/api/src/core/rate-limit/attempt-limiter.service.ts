import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, REDIS, type AppConfig, type RedisClient } from '@plexus/server';
import { createHash } from 'node:crypto';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { DomainException } from '../http/domain.exception';
import { attemptPolicies, type AttemptPolicy, type AttemptPolicyName } from './attempt-policies';

export interface AttemptBucket {
  policy: AttemptPolicyName;
  /** What the attempts are counted against: an email, a client address, a token. Stored only as a hash. */
  key: string;
}

/** Failures that are not a guess at the secret (a malformed request): their point is given back. */
const NOT_A_GUESS = new Set(['validation_failed']);

/**
 * The one guard in front of every secret check. It consumes a point from each bucket FIRST (one atomic
 * Redis script per bucket, rate-limiter-flexible), and only then lets the secret be checked; so parallel
 * guesses cannot slip between a read and a write. At most `points` checks run per window, whatever the
 * concurrency; the rest answer 429 with Retry-After. When Redis cannot be reached it fails closed (503).
 */
@Injectable()
export class AttemptLimiter {
  private readonly logger = new Logger(AttemptLimiter.name);
  private readonly policies: Record<AttemptPolicyName, AttemptPolicy>;
  private readonly limiters: Record<AttemptPolicyName, RateLimiterRedis>;

  constructor(@Inject(REDIS) redis: RedisClient, @Inject(APP_CONFIG) config: AppConfig) {
    this.policies = attemptPolicies(config);
    const entries = Object.entries(this.policies).map(([name, policy]) => [
      name,
      new RateLimiterRedis({
        storeClient: redis,
        useRedisPackage: false,
        rejectIfRedisNotReady: true,
        keyPrefix: `${config.REDIS_PREFIX}:attempts:${name}`,
        points: policy.points,
        duration: policy.durationSeconds,
      }),
    ]);
    this.limiters = Object.fromEntries(entries) as Record<AttemptPolicyName, RateLimiterRedis>;
  }

  private static hash(key: string): string {
    return createHash('sha256').update(key).digest('hex').slice(0, 32);
  }

  /**
   * Runs `check` (the secret check) only if every bucket has a point left; settles the buckets after. `wasGuess` says
   * whether a failure was a guess at the secret (by default, anything but a malformed request): a check that proves the
   * secret and then refuses what is asked of it (an id out of a link's scope) gives the point back.
   */
  async attempt<T>(buckets: AttemptBucket[], check: () => Promise<T>, wasGuess: (err: unknown) => boolean = () => true): Promise<T> {
    const keyed = buckets.map((b) => ({ ...b, hashed: AttemptLimiter.hash(b.key) }));
    const results = await Promise.allSettled(keyed.map((b) => this.limiters[b.policy].consume(b.hashed)));
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected' && !(r.reason instanceof RateLimiterRes));
    if (failure) {
      this.logger.error({ err: failure.reason }, 'Rate limiter unavailable');
      throw new DomainException('unavailable', 'This cannot be checked just now. Please try again in a moment.', undefined, { 'Retry-After': '5' });
    }
    const blocked = results
      .map((r, i) => (r.status === 'rejected' ? { res: r.reason as RateLimiterRes, policy: this.policies[keyed[i].policy] } : null))
      .filter((x): x is { res: RateLimiterRes; policy: AttemptPolicy } => x !== null)
      .sort((x, y) => y.res.msBeforeNext - x.res.msBeforeNext);
    if (blocked.length) {
      const ms = Math.max(blocked[0].res.msBeforeNext, 1000);
      throw new DomainException('too_many_attempts', blocked[0].policy.message(Math.ceil(ms / 60_000)), undefined, {
        'Retry-After': String(Math.ceil(ms / 1000)),
      });
    }
    let value: T;
    try {
      value = await check();
    } catch (err) {
      if ((err instanceof DomainException && NOT_A_GUESS.has(err.code)) || !wasGuess(err)) await this.settle(keyed, 'refund');
      throw err;
    }
    await this.settle(keyed);
    return value;
  }

  /** After a success: each bucket as its policy says (or all refunded, for a request that guessed nothing). */
  private async settle(buckets: Array<AttemptBucket & { hashed: string }>, force?: 'refund'): Promise<void> {
    await Promise.all(
      buckets.map(async (b) => {
        const limiter = this.limiters[b.policy];
        const how = force ?? this.policies[b.policy].onSuccess;
        if (how === 'keep') return;
        try {
          if (how === 'reset') await limiter.delete(b.hashed);
          else await limiter.reward(b.hashed, 1);
        } catch (err) {
          // The attempt itself succeeded; a lost refund only costs the caller one point.
          this.logger.warn({ err }, 'Could not settle a rate-limit bucket');
        }
      }),
    );
  }
}
