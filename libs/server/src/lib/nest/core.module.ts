import { Global, Inject, Injectable, Module, type OnApplicationShutdown, type OnModuleInit, type DynamicModule } from '@nestjs/common';
import { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from '../config/app-config';
import { assertUnprivilegedRole } from '../db/role-check';
import { ormConfig } from '../db/orm-config';
import { TenantDb } from '../db/tenant-db';
import { JobQueue } from '../jobs/job-queue';
import { DOCUMENT_STORAGE } from '../storage/document-storage';
import { storageFromConfig } from '../storage/storage-factory';
import { openRedis, type RedisClient } from '../redis/redis-connection';
import { APP_CONFIG, REDIS } from './tokens';

@Injectable()
class Lifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly orm: MikroORM,
    @Inject(REDIS) private readonly redis: RedisClient,
    private readonly jobs: JobQueue,
  ) {}

  /** Refuses to serve when connected as a role that RLS would not apply to. */
  async onModuleInit(): Promise<void> {
    await assertUnprivilegedRole(this.orm.em.fork() as never);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.jobs.close();
    await this.orm.close(true);
    this.redis.disconnect();
  }
}

/** Configuration, the database (as the unprivileged app role), Redis and the job queue: shared by the API and the worker. */
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
          useFactory: () => openRedis(config, { maxRetriesPerRequest: 2, lazyConnect: false, enableOfflineQueue: true }),
        },
        { provide: JobQueue, useFactory: (redis: RedisClient) => new JobQueue(redis, config.REDIS_PREFIX), inject: [REDIS] },
        { provide: DOCUMENT_STORAGE, useFactory: () => storageFromConfig(config) },
        Lifecycle,
      ],
      exports: [APP_CONFIG, MikroORM, TenantDb, REDIS, JobQueue, DOCUMENT_STORAGE],
    };
  }
}
