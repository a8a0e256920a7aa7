// Container health check for the worker, which has no HTTP server. The worker refreshes the Redis key
// `${REDIS_PREFIX}:worker:heartbeat:<hostname>:<pid>` every WORKER_HEARTBEAT_SECONDS (TTL 3x that).
// Healthy (exit 0) while a key for THIS container's hostname exists; unhealthy if it has expired or Redis is unreachable.
'use strict';
const { hostname } = require('node:os');
const { Redis } = require('ioredis');

const prefix = process.env.REDIS_PREFIX || 'plexus';
const redis = new Redis(process.env.REDIS_URL || 'redis://127.0.0.1:6379', {
  lazyConnect: true,
  connectTimeout: 3000,
  maxRetriesPerRequest: 1,
  retryStrategy: () => null,
});
redis.on('error', () => undefined); // failures surface as a rejected connect/scan below
const done = (ok) => {
  redis.disconnect();
  process.exit(ok ? 0 : 1);
};
setTimeout(() => done(false), 8000).unref();

let found = false;
redis.connect().then(
  () => {
    const keys = redis.scanStream({ match: `${prefix}:worker:heartbeat:${hostname()}:*`, count: 500 });
    keys.on('data', (batch) => {
      if (batch.length) found = true;
    });
    keys.on('end', () => done(found));
    keys.on('error', () => done(false));
  },
  () => done(false),
);
