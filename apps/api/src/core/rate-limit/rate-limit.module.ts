import { Global, Module } from '@nestjs/common';
import { AttemptLimiter } from './attempt-limiter.service';

/** The shared attempt limiter for every endpoint that checks a secret (sign-in, invites, later resets and signed links). */
@Global()
@Module({
  providers: [AttemptLimiter],
  exports: [AttemptLimiter],
})
export class RateLimitModule {}
