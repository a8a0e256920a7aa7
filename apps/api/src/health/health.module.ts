import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';

/** `GET /api/health`: database and Redis reachability. */
@Module({ controllers: [HealthController] })
export class HealthModule {}
