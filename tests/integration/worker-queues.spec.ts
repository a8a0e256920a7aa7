import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EmailOutbox, JobQueue, QueueName, REDIS, type RedisClient } from '@plexus/server';
import { WorkerModule } from '../../apps/worker/src/app/worker.module';
import { Heartbeat } from '../../apps/worker/src/app/heartbeat';
import { JOB_HANDLERS, type JobHandlers } from '../../apps/worker/src/jobs/job-runner';
import { WorkerMetrics } from '../../apps/worker/src/metrics/worker-metrics';
import { eventually } from '../support/eventually';
import { createTestDatabase, HttpClient, newNetwork, startApi, testConfig, type Fixture, type TestApi, type TestDatabase } from '../support/harness';
import { startSmtpSink } from '../support/smtp-sink';

/**
 * WORKER_QUEUES: a worker process consumes only the queues it is given, so that report rendering and email (with the
 * schedules) run, and scale, as separate Deployments (infra/k8s/base/worker-*.yaml). A reports worker renders and
 * leaves email waiting; an email+schedules worker sends and leaves reports waiting. Both keep their heartbeat.
 */
describe('worker: WORKER_QUEUES splits the queues between processes', () => {
  /** Long enough for an idle BullMQ worker to have picked a waiting job up (it blocks on the wait list). */
  const SETTLE_MS = 2_000;
  let db: TestDatabase;
  let api: TestApi;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let net: Fixture;
  let manager: HttpClient;
  let worker: INestApplicationContext | undefined;
  let jobs: JobQueue;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startSmtpSink();
    api = await startApi(db, { SMTP_URL: smtp.url });
    jobs = api.app.get(JobQueue);
    net = await newNetwork(api.db, 'queues-net');
    manager = await new HttpClient(api.url).login(net.users.manager.email);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp?.close();
    await db?.drop();
  });

  async function startWorker(queues: string): Promise<INestApplicationContext> {
    const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig(db, { SMTP_URL: smtp.url, WORKER_QUEUES: queues })), {
      logger: false,
    });
    await app.init();
    return app;
  }

  const waiting = async (queue: QueueName) => (await jobs.queue(queue).getJobCounts('wait'))['wait'] ?? 0;
  const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

  async function outboxStatus(): Promise<string[]> {
    return api.db.inNetwork({ userId: null, networkId: net.network.id }, async ({ em }) => (await em.find(EmailOutbox, {})).map((e) => e.status));
  }

  async function heartbeatQueues(app: INestApplicationContext): Promise<string[]> {
    const heartbeat = app.get(Heartbeat);
    await heartbeat.beat();
    const value = await app.get<RedisClient>(REDIS).get(heartbeat.key);
    return JSON.parse(value ?? '{}').queues;
  }

  it('a reports worker renders reports, registers no recurring duty, and leaves email jobs waiting', async () => {
    worker = await startWorker('reports');
    expect([...worker.get<JobHandlers>(JOB_HANDLERS).keys()].sort()).toEqual(['report.preview', 'report.render']);

    const invite = await manager.post('/api/networks/queues-net/invites', { email: 'waits@example.org', displayName: 'Waits', role: 'viewer' });
    expect(invite.status).toBe(201);
    const report = await manager.post('/api/networks/queues-net/reports', { kind: 'risk_register', title: 'Rendered by the reports worker' });
    expect(report.status).toBe(202);
    const doc = await eventually(
      async () => (await manager.get(`/api/networks/queues-net/reports/${report.body.id}`)).body,
      (d) => d.status === 'ready' || d.status === 'failed',
      30_000,
    );
    expect(doc.status).toBe('ready');

    // The invite's email job was enqueued (after the API's commit) and nobody took it.
    expect(
      await eventually(
        () => waiting(QueueName.Email),
        (n) => n === 1,
      ),
    ).toBe(1);
    await settle();
    expect(await waiting(QueueName.Email)).toBe(1);
    expect(smtp.mails).toHaveLength(0);
    expect(await outboxStatus()).toEqual(['pending']);
    // The recurring duties run in the schedules queue: not this worker's to register.
    expect(await jobs.queue(QueueName.Schedules).getJobSchedulersCount()).toBe(0);
    expect(await heartbeatQueues(worker)).toEqual(['reports']);

    await worker.close();
    worker = undefined;
  });

  it('an email+schedules worker sends the waiting email, runs the duties and leaves report jobs waiting', async () => {
    worker = await startWorker('email,schedules');
    const handled = [...worker.get<JobHandlers>(JOB_HANDLERS).keys()];
    expect(handled).toEqual(expect.arrayContaining(['email.deliver', 'account.password-reset', 'schedule.fire', 'report-run.advance']));
    expect(handled.filter((n) => n.startsWith('report.'))).toEqual(['report.sweep-queued']);

    // The email the reports worker left is sent now.
    const [mail] = await smtp.waitFor(1);
    expect(mail?.to).toEqual(['waits@example.org']);
    expect(
      await eventually(
        () => outboxStatus(),
        (s) => s[0] === 'sent',
      ),
    ).toEqual(['sent']);
    expect(await jobs.queue(QueueName.Schedules).getJobSchedulersCount()).toBeGreaterThan(0);

    const report = await manager.post('/api/networks/queues-net/reports', { kind: 'risk_register', title: 'Waits for a reports worker' });
    expect(report.status).toBe(202);
    expect(
      await eventually(
        () => waiting(QueueName.Reports),
        (n) => n === 1,
      ),
    ).toBe(1);
    await settle();
    expect(await waiting(QueueName.Reports)).toBe(1);
    expect((await manager.get(`/api/networks/queues-net/reports/${report.body.id}`)).body.status).toBe('queued');
    expect(await heartbeatQueues(worker)).toEqual(['email', 'schedules']);
    // No render here, so no Chromium (launched by the first render only): the email workers need no /dev/shm.
    const launches = await worker.get(WorkerMetrics).chromiumLaunches.get();
    expect(launches.values.reduce((n, v) => n + v.value, 0)).toBe(0);
  });
});
