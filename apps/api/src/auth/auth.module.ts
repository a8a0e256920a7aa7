import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { RateLimitModule } from '../core/rate-limit/rate-limit.module';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { PasswordService } from './password.service';
import { SessionService } from './session.service';

@Global()
@Module({
  imports: [RateLimitModule],
  controllers: [AuthController],
  providers: [AuthService, PasswordService, SessionService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [PasswordService, SessionService],
})
export class AuthModule {}
