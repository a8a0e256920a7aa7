import type { ConnectionOptions } from 'bullmq';
import { Cluster, Redis, type ClusterOptions, type RedisOptions } from 'ioredis';
import type { AppConfig } from '../config/app-config';

/** A connection to Plexus's Redis: one server (a primary), or a Redis Cluster when REDIS_CLUSTER_NODES is set. */
export type RedisClient = Redis | Cluster;

type RedisConfig = Pick<AppConfig, 'REDIS_URL' | 'REDIS_CLUSTER_NODES'>;

/**
 * Options every cluster node is opened with, taken from REDIS_URL: its user and password, TLS for `rediss:`, and its
 * database (a Redis Cluster has only database 0). Its host and port are not used: the seeds are REDIS_CLUSTER_NODES.
 */
export function clusterNodeOptions(url: string): RedisOptions {
  const u = new URL(url);
  const options: RedisOptions = {};
  if (u.username) options.username = decodeURIComponent(u.username);
  if (u.password) options.password = decodeURIComponent(u.password);
  if (u.protocol === 'rediss:') options.tls = {};
  return options;
}

/**
 * Opens a connection as the configuration says: `new Redis(REDIS_URL)` for one server; an ioredis `Cluster` seeded
 * from REDIS_CLUSTER_NODES otherwise, every node opened with REDIS_URL's user, password and TLS. `options` apply to
 * every connection (for a cluster, to each node's). With TLS, node addresses the cluster announces are used as they are
 * (no DNS lookup of their names), as managed clusters (e.g. ElastiCache) need for their certificates to match.
 */
export function openRedis(config: RedisConfig, options: RedisOptions = {}, clusterOptions: ClusterOptions = {}): RedisClient {
  const nodes = config.REDIS_CLUSTER_NODES;
  if (!nodes?.length) return new Redis(config.REDIS_URL, options);
  const nodeOptions = { ...clusterNodeOptions(config.REDIS_URL), ...options };
  return new Cluster(
    nodes.map((n) => ({ host: n.host, port: n.port })),
    {
      redisOptions: nodeOptions,
      ...(options.lazyConnect !== undefined ? { lazyConnect: options.lazyConnect } : {}),
      ...(options.enableOfflineQueue !== undefined ? { enableOfflineQueue: options.enableOfflineQueue } : {}),
      ...(nodeOptions.tls ? { dnsLookup: (address: string, callback: (err: Error | null, address: string) => void) => callback(null, address) } : {}),
      ...clusterOptions,
    },
  );
}

/**
 * The `connection` for a BullMQ Worker or QueueEvents (blocking commands: no retry limit). For one server, options that
 * BullMQ opens itself; for a cluster, a Cluster that the caller owns and must disconnect after closing the worker (BullMQ
 * does not close a connection it was given).
 */
export function bullmqConnection(config: RedisConfig, options: Pick<RedisOptions, 'lazyConnect'> = {}): ConnectionOptions {
  if (!config.REDIS_CLUSTER_NODES?.length) return { ...options, url: config.REDIS_URL, maxRetriesPerRequest: null };
  return openRedis(config, { ...options, maxRetriesPerRequest: null });
}
