import { Global, Inject, Injectable, Module, type OnApplicationShutdown, type OnModuleInit, type DynamicModule } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import { assertUnprivilegedRole, ormConfig, TenantDb, type AppConfig } from '@plexus/server';
import { Redis } from 'ioredis';
import { APP_CONFIG, REDIS } from './tokens';

@Injectable()
class Lifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly orm: MikroORM,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  /** Refuses to serve when connected as a role that RLS would not apply to. */
  async onModuleInit(): Promise<void> {
    await assertUnprivilegedRole(this.orm.em.fork() as never);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.orm.close(true);
    this.redis.disconnect();
  }
}

/** Configuration, the database (as the unprivileged app role) and Redis, for every module. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        {
          provide: MikroORM,
          useFactory: () => MikroORM.init(ormConfig({ clientUrl: config.DATABASE_URL, poolMax: config.DATABASE_POOL_MAX })),
        },
        { provide: TenantDb, useFactory: (orm: MikroORM) => new TenantDb(orm), inject: [MikroORM] },
        {
          provide: REDIS,
          useFactory: () => new Redis(config.REDIS_URL, { maxRetriesPerRequest: 2, lazyConnect: false, enableOfflineQueue: true }),
        },
        Lifecycle,
      ],
      exports: [APP_CONFIG, MikroORM, TenantDb, REDIS],
    };
  }
}
