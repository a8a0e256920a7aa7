import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EmailOutbox, JobQueue, openRedis, QueueName, REDIS, type RedisClient } from '@plexus/server';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { Cluster } from 'ioredis';
import { WorkerModule } from '../../apps/worker/src/app/worker.module';
import { Heartbeat } from '../../apps/worker/src/app/heartbeat';
import { eventually } from '../support/eventually';
import { createTestDatabase, HttpClient, newNetwork, startApi, testConfig, type Fixture, type TestApi, type TestDatabase } from '../support/harness';
import { LocalRedisCluster } from '../support/redis-cluster';
import { startSmtpSink } from '../support/smtp-sink';

const HEALTHCHECK = resolve(__dirname, '../../docker/worker-healthcheck.js');

/**
 * REDIS_CLUSTER_NODES: the API and the worker on a Redis Cluster (3 primaries on loopback, started here) — sign-in
 * (its rate limiter), an invite's email job enqueued by the API, taken by the worker's BullMQ worker and delivered over
 * SMTP, the heartbeat and the container health check — with every key of the `{…}` prefix in one slot.
 */
describe('Redis Cluster: the API and the worker through ioredis Cluster connections', () => {
  let cluster: LocalRedisCluster;
  let db: TestDatabase;
  let api: TestApi;
  let worker: INestApplicationContext | undefined;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let net: Fixture;
  let env: Record<string, string>;

  beforeAll(async () => {
    cluster = new LocalRedisCluster(3);
    await cluster.start();
    db = await createTestDatabase();
    smtp = await startSmtpSink();
    env = { REDIS_CLUSTER_NODES: cluster.nodes, REDIS_PREFIX: `{plexus-cluster-${db.name}}`, SMTP_URL: smtp.url, WORKER_QUEUES: 'email,schedules' };
    api = await startApi(db, env);
    net = await newNetwork(api.db, 'cluster-net');
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp?.close();
    await db?.drop();
    await cluster?.stop();
  });

  it('opens Cluster connections for the API', () => {
    const redis = api.app.get<RedisClient>(REDIS);
    expect(redis).toBeInstanceOf(Cluster);
  });

  it('delivers an invite: API enqueue → BullMQ on the cluster → worker → SMTP, with its heartbeat and health check', async () => {
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig(db, env)), { logger: false });
    await worker.init();

    const manager = await new HttpClient(api.url).login(net.users.manager.email);
    const invite = await manager.post('/api/networks/cluster-net/invites', {
      email: 'clustered@example.org',
      displayName: 'Clustered',
      role: 'viewer',
    });
    expect(invite.status).toBe(201);
    const [mail] = await smtp.waitFor(1);
    expect(mail?.to).toEqual(['clustered@example.org']);
    const sent = await eventually(
      () => api.db.inNetwork({ userId: null, networkId: net.network.id }, ({ em }) => em.find(EmailOutbox, {})),
      (rows) => rows[0]?.status === 'sent',
    );
    expect(sent.map((r) => r.status)).toEqual(['sent']);
    expect((await api.app.get(JobQueue).queue(QueueName.Email).getJobCounts('completed'))['completed']).toBe(1);

    // The heartbeat is written through the cluster, and the container's health check finds it there.
    const heartbeat = worker.get(Heartbeat);
    await heartbeat.beat();
    expect(JSON.parse((await worker.get<RedisClient>(REDIS).get(heartbeat.key)) ?? '{}').queues).toEqual(['email', 'schedules']);
    const health = await new Promise<number>((done) => {
      const child = execFile(process.execPath, [HEALTHCHECK], {
        env: {
          PATH: process.env['PATH'],
          REDIS_URL: 'redis://127.0.0.1:6379',
          REDIS_CLUSTER_NODES: cluster.nodes,
          REDIS_PREFIX: env['REDIS_PREFIX'],
        },
      });
      child.on('exit', (code) => done(code ?? -1));
    });
    expect(health).toBe(0);
  });

  it('keeps every key of the hash-tag prefix in one slot, on one primary', async () => {
    const redis = openRedis(testConfig(db, env), { lazyConnect: true }) as Cluster;
    try {
      await redis.connect();
      const holders: number[] = [];
      for (const node of redis.nodes('master')) {
        const keys = await node.keys(`${env['REDIS_PREFIX']}:*`);
        if (keys.length) holders.push(Number(node.options.port));
      }
      expect(holders).toHaveLength(1);
      const slots = new Set(
        await Promise.all(
          [`${env['REDIS_PREFIX']}:email:wait`, `${env['REDIS_PREFIX']}:schedules:meta`, `${env['REDIS_PREFIX']}:worker:heartbeat:x`].map((k) =>
            redis.cluster('KEYSLOT', k),
          ),
        ),
      );
      expect(slots.size).toBe(1);
    } finally {
      redis.disconnect();
    }
  });
});
