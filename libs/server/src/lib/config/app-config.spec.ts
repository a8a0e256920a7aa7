import { Redis } from 'ioredis';
import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('has working defaults for a local machine', () => {
    const cfg = loadConfig({});
    expect(cfg.PORT).toBe(3000);
    expect(cfg.DATABASE_URL).toMatch(/^postgres:\/\/plexus_app/);
    expect(cfg.cookieSecure).toBe(false);
  });
  it('makes cookies Secure in production unless told otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).cookieSecure).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', COOKIE_SECURE: 'false' }).cookieSecure).toBe(false);
  });
  it('names every bad variable', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' });
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const problems = (e as ConfigError).problems.join('\n');
      expect(problems).toContain('PORT');
      expect(problems).toContain('DATABASE_URL');
      expect(problems).toContain('LOG_LEVEL');
      expect((e as Error).message).toContain('README.md');
    }
  });
  it('reads the import thread pool and time limit, refusing values out of range', () => {
    expect(loadConfig({})).toMatchObject({ IMPORT_PARSE_THREADS: 1, IMPORT_PARSE_TIMEOUT_MS: 15_000 });
    expect(loadConfig({ IMPORT_PARSE_THREADS: '2', IMPORT_PARSE_TIMEOUT_MS: '500' })).toMatchObject({
      IMPORT_PARSE_THREADS: 2,
      IMPORT_PARSE_TIMEOUT_MS: 500,
    });
    expect(() => loadConfig({ IMPORT_PARSE_THREADS: '0' })).toThrow(/IMPORT_PARSE_THREADS/);
    expect(() => loadConfig({ IMPORT_PARSE_TIMEOUT_MS: 'soon' })).toThrow(/IMPORT_PARSE_TIMEOUT_MS/);
    expect(() => loadConfig({ IMPORT_PARSE_TIMEOUT_MS: '10' })).toThrow(/IMPORT_PARSE_TIMEOUT_MS/);
  });
  it("takes a Redis key prefix in BullMQ's hash-tag form, for one Redis Cluster slot per queue, and refuses a malformed one", () => {
    expect(loadConfig({}).REDIS_PREFIX).toBe('plexus');
    expect(loadConfig({ REDIS_PREFIX: '{plexus}' }).REDIS_PREFIX).toBe('{plexus}');
    expect(loadConfig({ REDIS_PREFIX: 'plexus-test.1:a' }).REDIS_PREFIX).toBe('plexus-test.1:a');
    for (const bad of ['{plexus', 'plexus}', '{}', '{ple}xus', 'a b', '{a}{b}']) {
      expect(() => loadConfig({ REDIS_PREFIX: bad })).toThrow(/REDIS_PREFIX/);
    }
  });
  it('accepts a rediss:// URL with a user and password, which ioredis then opens with TLS and that authentication', () => {
    const cfg = loadConfig({ REDIS_URL: 'rediss://plexus:p%40ss%2Fword@redis.example.internal:6380/2' });
    expect(cfg.REDIS_URL).toBe('rediss://plexus:p%40ss%2Fword@redis.example.internal:6380/2');
    // As the API, the worker (core.module.ts) and BullMQ (which passes `connection.url` to ioredis) open it.
    const redis = new Redis(cfg.REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 2 });
    try {
      expect(redis.options).toMatchObject({
        tls: expect.anything(),
        host: 'redis.example.internal',
        port: 6380,
        db: 2,
        username: 'plexus',
        password: 'p@ss/word',
      });
      expect(redis.options.tls).toBeTruthy();
    } finally {
      redis.disconnect();
    }
    expect(new Redis('redis://127.0.0.1:6379', { lazyConnect: true }).options.tls).toBeFalsy();
    expect(() => loadConfig({ REDIS_URL: 'https://redis.example.internal' })).toThrow(/REDIS_URL/);
  });
  it('reads WORKER_QUEUES as a list of the real queue names, all of them by default, and refuses anything else', () => {
    expect(loadConfig({}).WORKER_QUEUES).toEqual(['email', 'reports', 'schedules']);
    expect(loadConfig({ WORKER_QUEUES: '' }).WORKER_QUEUES).toEqual(['email', 'reports', 'schedules']);
    expect(loadConfig({ WORKER_QUEUES: 'reports' }).WORKER_QUEUES).toEqual(['reports']);
    // Spaces are allowed; the order is always QueueName's.
    expect(loadConfig({ WORKER_QUEUES: 'schedules, email' }).WORKER_QUEUES).toEqual(['email', 'schedules']);
    const problem = (v: string) => {
      try {
        loadConfig({ WORKER_QUEUES: v });
      } catch (e) {
        return (e as ConfigError).problems.join('\n');
      }
      return 'accepted';
    };
    expect(problem('report')).toMatch(/^WORKER_QUEUES: unknown queue "report": use a comma-separated list of email, reports, schedules/);
    expect(problem('email,,reports')).toMatch(/WORKER_QUEUES: unknown queue ""/);
    expect(problem('email,email')).toMatch(/WORKER_QUEUES: email listed twice/);
    expect(problem('Email')).toMatch(/WORKER_QUEUES: unknown queue "Email"/);
  });
  it('reads REDIS_CLUSTER_NODES as host:port seeds, and refuses a cluster whose prefix is not a hash tag', () => {
    expect(loadConfig({}).REDIS_CLUSTER_NODES).toBeUndefined();
    expect(
      loadConfig({ REDIS_PREFIX: '{plexus}', REDIS_CLUSTER_NODES: 'redis-0.internal:6379, 10.0.0.7:7001,[fd00::1]:6380' }).REDIS_CLUSTER_NODES,
    ).toEqual([
      { host: 'redis-0.internal', port: 6379 },
      { host: '10.0.0.7', port: 7001 },
      { host: 'fd00::1', port: 6380 },
    ]);
    for (const bad of ['redis-0.internal', 'redis-0:0', 'redis-0:70000', 'redis://redis-0:6379', 'a:1,,b:2']) {
      expect(() => loadConfig({ REDIS_PREFIX: '{plexus}', REDIS_CLUSTER_NODES: bad })).toThrow(/REDIS_CLUSTER_NODES: use host:port,host:port/);
    }
    expect(() => loadConfig({ REDIS_CLUSTER_NODES: 'redis-0:6379' })).toThrow(
      'REDIS_PREFIX: a Redis Cluster (REDIS_CLUSTER_NODES is set) needs the prefix in hash-tag form, e.g. {plexus}, so that each queue\'s keys share one slot (got "plexus")',
    );
    expect(() => loadConfig({ REDIS_PREFIX: 'plexus:{a}', REDIS_CLUSTER_NODES: 'redis-0:6379' })).toThrow(/REDIS_PREFIX/);
  });
});
