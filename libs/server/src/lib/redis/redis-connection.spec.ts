import { Cluster, Redis } from 'ioredis';
import { lookup } from 'node:dns';
import { loadConfig } from '../config/app-config';
import { bullmqConnection, clusterNodeOptions, openRedis } from './redis-connection';

/** Which connection the configuration opens (no server is contacted: lazyConnect, or BullMQ's own options). */
describe('openRedis / bullmqConnection', () => {
  const opened: Array<Redis | Cluster> = [];
  afterEach(() => {
    for (const c of opened.splice(0)) c.disconnect();
  });

  it('opens one Redis at REDIS_URL when REDIS_CLUSTER_NODES is not set, and lets BullMQ open its own from the URL', () => {
    const cfg = loadConfig({ REDIS_URL: 'rediss://plexus:secret@redis.example.internal:6380/1' });
    const redis = openRedis(cfg, { lazyConnect: true, maxRetriesPerRequest: 2 });
    opened.push(redis);
    expect(redis).toBeInstanceOf(Redis);
    expect(redis.isCluster).toBe(false);
    expect((redis as Redis).options).toMatchObject({
      host: 'redis.example.internal',
      port: 6380,
      db: 1,
      password: 'secret',
      maxRetriesPerRequest: 2,
    });
    expect(bullmqConnection(cfg)).toEqual({ url: cfg.REDIS_URL, maxRetriesPerRequest: null });
  });

  it('opens an ioredis Cluster seeded from REDIS_CLUSTER_NODES, every node with REDIS_URL’s user, password and TLS', () => {
    const cfg = loadConfig({
      REDIS_URL: 'rediss://plexus:p%40ss@ignored.example.internal:6379',
      REDIS_CLUSTER_NODES: 'redis-0.internal:6379,redis-1.internal:6379',
      REDIS_PREFIX: '{plexus}',
    });
    const cluster = openRedis(cfg, { lazyConnect: true, maxRetriesPerRequest: 2 }) as Cluster;
    opened.push(cluster);
    expect(cluster).toBeInstanceOf(Cluster);
    expect(cluster.isCluster).toBe(true);
    expect((cluster as unknown as { startupNodes: unknown }).startupNodes).toEqual([
      { host: 'redis-0.internal', port: 6379 },
      { host: 'redis-1.internal', port: 6379 },
    ]);
    expect(cluster.options.redisOptions).toMatchObject({ username: 'plexus', password: 'p@ss', tls: {}, maxRetriesPerRequest: 2 });
    expect(cluster.options.lazyConnect).toBe(true);
    // TLS: announced node addresses are used as they are (no DNS lookup), for managed clusters' certificates.
    const looked = jest.fn();
    cluster.options.dnsLookup?.('redis-0.internal', looked);
    expect(looked).toHaveBeenCalledWith(null, 'redis-0.internal');

    // BullMQ's workers get a Cluster of their own, with no retry limit (blocking commands), which the caller closes.
    const forBullmq = bullmqConnection(cfg, { lazyConnect: true });
    expect(forBullmq).toBeInstanceOf(Cluster);
    opened.push(forBullmq as Cluster);
    expect((forBullmq as Cluster).options.redisOptions?.maxRetriesPerRequest).toBeNull();
  });

  it('takes no TLS and no credentials for a plain redis:// URL', () => {
    expect(clusterNodeOptions('redis://127.0.0.1:6379')).toEqual({});
    expect(clusterNodeOptions('redis://:only-a-password@127.0.0.1:6379')).toEqual({ password: 'only-a-password' });
    const cluster = openRedis(loadConfig({ REDIS_CLUSTER_NODES: '127.0.0.1:7000', REDIS_PREFIX: '{p}' }), { lazyConnect: true }) as Cluster;
    opened.push(cluster);
    expect(cluster.options.redisOptions?.tls).toBeUndefined();
    expect(cluster.options.dnsLookup).toBe(lookup);
  });
});
