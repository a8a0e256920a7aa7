import { Injectable } from '@nestjs/common';
import { AppUser, TenantDb } from '@plexus/server';
import type { LoginRequest } from '@plexus/contracts';
import { DomainException } from '../core/http/domain.exception';
import { AttemptLimiter } from '../core/rate-limit/attempt-limiter.service';
import { PasswordService } from './password.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly db: TenantDb,
    private readonly passwords: PasswordService,
    private readonly attempts: AttemptLimiter,
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
}
