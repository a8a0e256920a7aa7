import { Injectable } from '@nestjs/common';
import { AppUser, TenantDb } from '@plexus/server';
import type { LoginRequest } from '@plexus/contracts';
import { DomainException } from '../core/http/domain.exception';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordService } from './password.service';

@Injectable()
export class AuthService {
  constructor(
    private readonly db: TenantDb,
    private readonly passwords: PasswordService,
    private readonly limiter: LoginRateLimiter,
  ) {}

  /** Checks an email and password; the same answer for an unknown email and a wrong password. */
  async verifyCredentials(input: Required<LoginRequest>, ip: string): Promise<AppUser> {
    await this.limiter.assertAllowed(input.email, ip);
    const user = await this.db.run({ userId: null }, ({ em }) =>
      em.findOne(AppUser, { email: input.email }, { populate: ['passwordHash'] }),
    );
    const ok = await this.passwords.verify(user?.passwordHash ?? null, input.password);
    if (!user || !ok) {
      await this.limiter.recordFailure(input.email, ip);
      throw new DomainException('invalid_credentials', 'The email address or password is not right');
    }
    await this.limiter.clear(input.email);
    return user;
  }
}
