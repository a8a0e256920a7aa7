import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { MikroORM } from '@mikro-orm/postgresql';
import { healthDtoSchema, type HealthDto } from '@plexus/contracts';
import { ApiZodResponse } from '../core/http/api-response';
import type { Response } from 'express';
import { Public } from '../auth/public.decorator';
import { EventLoopLag } from '../core/event-loop/event-loop-lag';
import { REDIS, type RedisClient } from '@plexus/server';
import { APP_VERSION } from '@plexus/server';

async function within<T>(ms: number, p: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([p, new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly orm: MikroORM,
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly eventLoop: EventLoopLag,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ operationId: 'getHealth', summary: 'Database and Redis reachability; 503 when either is down' })
  @ApiZodResponse(healthDtoSchema, { description: 'The database and Redis answer' })
  @ApiZodResponse(healthDtoSchema, { status: 503, description: 'The database or Redis does not answer (`degraded`)' })
  async health(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    const database = await within(2000, this.orm.em.getConnection().execute('select 1')).then(
      () => 'up' as const,
      () => 'down' as const,
    );
    const redis = await within(2000, this.redis.ping()).then(
      (r) => (r === 'PONG' ? ('up' as const) : ('down' as const)),
      () => 'down' as const,
    );
    const status = database === 'up' && redis === 'up' ? 'ok' : 'degraded';
    if (status !== 'ok') res.status(503);
    return { status, database, redis, version: APP_VERSION, eventLoopLagMs: this.eventLoop.p99Ms() };
  }
}
