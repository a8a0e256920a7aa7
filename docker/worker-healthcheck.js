// Container health check for the worker, which has no HTTP server. The worker refreshes the Redis key
// `${REDIS_PREFIX}:worker:heartbeat:<hostname>:<pid>` every WORKER_HEARTBEAT_SECONDS (TTL 3x that).
// Healthy (exit 0) while a key for THIS container's hostname exists; unhealthy if it has expired or Redis is unreachable.
// With REDIS_CLUSTER_NODES set (a Redis Cluster) every primary is scanned: with a hash-tag prefix ({plexus}) the key is
// on the one that holds that slot. Reads the same variables as libs/server/src/lib/config/app-config.ts.
'use strict';
const { hostname } = require('node:os');
const { Cluster, Redis } = require('ioredis');

const prefix = process.env.REDIS_PREFIX || 'plexus';
const url = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const clusterNodes = (process.env.REDIS_CLUSTER_NODES || '')
  .split(',')
  .map((n) => n.trim())
  .filter(Boolean)
  .map((n) => {
    const at = n.lastIndexOf(':');
    return { host: n.slice(0, at).replace(/^\[|\]$/g, ''), port: Number(n.slice(at + 1)) };
  });
const nodeOptions = { connectTimeout: 3000, maxRetriesPerRequest: 1, retryStrategy: () => null };

function open() {
  if (!clusterNodes.length) return new Redis(url, { lazyConnect: true, ...nodeOptions });
  const u = new URL(url);
  const redisOptions = { ...nodeOptions };
  if (u.username) redisOptions.username = decodeURIComponent(u.username);
  if (u.password) redisOptions.password = decodeURIComponent(u.password);
  if (u.protocol === 'rediss:') redisOptions.tls = {};
  return new Cluster(clusterNodes, {
    lazyConnect: true,
    redisOptions,
    clusterRetryStrategy: () => null,
    ...(redisOptions.tls ? { dnsLookup: (address, callback) => callback(null, address) } : {}),
  });
}

const redis = open();
redis.on('error', () => undefined); // failures surface as a rejected connect/scan below
const done = (ok) => {
  redis.disconnect();
  process.exit(ok ? 0 : 1);
};
setTimeout(() => done(false), 8000).unref();

/** Whether one node holds a heartbeat key of this container. */
function scan(node) {
  return new Promise((resolve, reject) => {
    let found = false;
    const keys = node.scanStream({ match: `${prefix}:worker:heartbeat:${hostname()}:*`, count: 500 });
    keys.on('data', (batch) => {
      if (batch.length) found = true;
    });
    keys.on('end', () => resolve(found));
    keys.on('error', reject);
  });
}

redis
  .connect()
  .then(() => Promise.all((clusterNodes.length ? redis.nodes('master') : [redis]).map(scan)))
  .then(
    (found) => done(found.some(Boolean)),
    () => done(false),
  );
