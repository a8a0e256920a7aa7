import { Injectable } from '@nestjs/common';
import { LockMode } from '@mikro-orm/core';
import { AppUser, JobQueue, PasswordReset, TenantDb, UserSession } from '@plexus/server';
import type { LoginRequest } from '@plexus/contracts';
import { createHash, randomUUID } from 'node:crypto';
import { DomainException } from '../core/http/domain.exception';
import { AttemptLimiter } from '../core/rate-limit/attempt-limiter.service';
import { PasswordService } from './password.service';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** The answer to every "forgot your password?" request, whether or not the address has an account. */
export const PASSWORD_RESET_REQUESTED =
  'If an account exists for that address, we have sent a link to choose a new password. It works once, for a limited time. Check your spam folder if it has not arrived in a few minutes.';

@Injectable()
export class AuthService {
  constructor(
    private readonly db: TenantDb,
    private readonly passwords: PasswordService,
    private readonly attempts: AttemptLimiter,
    private readonly jobs: JobQueue,
  ) {}

  /**
   * Checks an email and password; the same answer for an unknown email and a wrong password. The attempt is
   * counted (per email and per client address) before the password is looked at, so parallel guesses cannot
   * pass the limit; a success forgets the email's failures.
   */
  verifyCredentials(input: Required<LoginRequest>, ip: string): Promise<AppUser> {
    const buckets = [
      { policy: 'login.email', key: input.email },
      { policy: 'login.address', key: ip },
    ] as const;
    return this.attempts.attempt([...buckets], async () => {
      const user = await this.db.run({ userId: null }, ({ em }) => em.findOne(AppUser, { email: input.email }, { populate: ['passwordHash'] }));
      const ok = await this.passwords.verify(user?.passwordHash ?? null, input.password);
      if (!user || !ok) throw new DomainException('invalid_credentials', 'The email address or password is not right');
      return user;
    });
  }

  /**
   * "Forgot your password?": counted per address asked about and per client, then the same work whatever the
   * address: one job enqueued. Whether there is an account is found out by the worker, so neither the answer nor
   * its timing tells the person asking.
   */
  async requestPasswordReset(email: string, ip: string): Promise<void> {
    await this.attempts.attempt(
      [
        { policy: 'reset.email', key: email },
        { policy: 'reset.address', key: ip },
      ],
      () => this.jobs.enqueue('account.password-reset', { requestId: randomUUID(), email }),
    );
  }

  /**
   * Chooses a new password with an emailed link: counted per link and per client before the link is looked up. The
   * link is used up, with every other reset link of the account, and every session of the account ends (signed out
   * everywhere): whoever knew the old password is out.
   */
  resetPassword(input: { token: string; password: string }, ip: string): Promise<void> {
    const buckets = [
      { policy: 'reset-link.token', key: sha256(input.token) },
      { policy: 'reset-link.address', key: ip },
    ] as const;
    return this.attempts.attempt([...buckets], () =>
      this.db.run({ userId: null }, async ({ em }) => {
        const reset = await em.findOne(PasswordReset, { tokenHash: sha256(input.token) }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!reset) {
          throw new DomainException(
            'gone',
            'This link is not valid: it may not have been copied in full. Ask for a new link to choose a new password.',
          );
        }
        if (reset.usedAt)
          throw new DomainException('gone', 'This link has already been used. If you still need to choose a new password, ask for a new link.');
        const now = new Date();
        if (reset.expiresAt <= now) throw new DomainException('gone', 'This link has expired. Ask for a new link to choose a new password.');
        const user = await em.findOneOrFail(AppUser, { id: reset.userId });
        user.passwordHash = await this.passwords.hash(input.password);
        await em.nativeUpdate(PasswordReset, { userId: user.id, usedAt: null }, { usedAt: now });
        await em.nativeDelete(UserSession, { userId: user.id });
        reset.usedAt = now;
        await em.flush();
      }),
    );
  }
}
