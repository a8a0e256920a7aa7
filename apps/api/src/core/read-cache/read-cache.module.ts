import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@plexus/server';
import { ReadCache } from './read-cache';

/** One read cache per API process, for every network route marked `CachedRead` (READ_CACHE_MB). */
@Global()
@Module({
  providers: [{ provide: ReadCache, useFactory: (config: AppConfig) => new ReadCache(config.READ_CACHE_MB * 1024 * 1024), inject: [APP_CONFIG] }],
  exports: [ReadCache],
})
export class ReadCacheModule {}
