import type { AppConfig } from '@plexus/server';
import { Redis } from 'ioredis';
import { DomainException } from '../http/domain.exception';
import { AttemptLimiter } from './attempt-limiter.service';
import { attemptPolicies } from './attempt-policies';

const config = { REDIS_PREFIX: 'unit', LOGIN_MAX_FAILURES: 5, LOGIN_LOCKOUT_MINUTES: 15 } as AppConfig;

describe('AttemptLimiter', () => {
  it('fails closed when Redis cannot be reached: 503, and the secret is never checked', async () => {
    // Never connected: the limiter refuses at once rather than letting unlimited guesses through.
    const redis = new Redis('redis://127.0.0.1:1', { lazyConnect: true, maxRetriesPerRequest: 0 });
    const limiter = new AttemptLimiter(redis, config);
    const check = jest.fn(async () => 'checked');
    const error = await limiter.attempt([{ policy: 'login.email', key: 'a@example.org' }], check).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DomainException);
    expect(error).toMatchObject({ code: 'unavailable', headers: { 'Retry-After': '5' } });
    expect(check).not.toHaveBeenCalled();
    redis.disconnect();
  });

  it('derives every limit from LOGIN_MAX_FAILURES and LOGIN_LOCKOUT_MINUTES', () => {
    const policies = attemptPolicies(config);
    expect(policies['login.email']).toMatchObject({ points: 5, durationSeconds: 900, onSuccess: 'reset' });
    expect(policies['login.address']).toMatchObject({ points: 20, durationSeconds: 900, onSuccess: 'refund' });
    expect(policies['invite.token']).toMatchObject({ points: 5, onSuccess: 'refund' });
    expect(policies['invite.address']).toMatchObject({ points: 20, onSuccess: 'refund' });
    expect(policies['login.email'].message(1)).toBe(
      'Too many failed sign-in attempts. Try again in 1 minute, or ask your network manager to reset your access.',
    );
  });
});
