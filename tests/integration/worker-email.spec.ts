import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EmailOutbox, JobQueue, QueueName } from '@plexus/server';
import { QueueEvents } from 'bullmq';
import { WorkerModule } from '../../apps/worker/src/app/worker.module';
import { OutboxSweepJob } from '../../apps/worker/src/jobs/outbox-sweep.job';
import { Heartbeat } from '../../apps/worker/src/app/heartbeat';
import { eventually } from '../support/eventually';
import { createTestDatabase, HttpClient, newNetwork, startApi, testConfig, type Fixture, type TestApi, type TestDatabase } from '../support/harness';
import { startSmtpSink } from '../support/smtp-sink';

describe('worker: email delivery through BullMQ to a real SMTP server', () => {
  let db: TestDatabase;
  let api: TestApi;
  let worker: INestApplicationContext;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let a: Fixture;
  let b: Fixture;
  let events: QueueEvents;

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startSmtpSink();
    api = await startApi(db, { SMTP_URL: smtp.url });
    worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig(db, { SMTP_URL: smtp.url })), { logger: false });
    await worker.init();
    a = await newNetwork(api.db, 'mail-a');
    b = await newNetwork(api.db, 'mail-b');
    events = new QueueEvents(QueueName.Email, { connection: { url: api.config.REDIS_URL }, prefix: api.config.REDIS_PREFIX });
    await events.waitUntilReady();
  });
  afterAll(async () => {
    await events?.close();
    await worker?.close();
    await api?.close();
    await smtp?.close();
    await db?.drop();
  });

  async function outbox(networkId: string): Promise<EmailOutbox[]> {
    return api.db.inNetwork({ userId: null, networkId }, ({ em }) => em.find(EmailOutbox, {}, { orderBy: { createdAt: 'asc' } }));
  }

  it('emails the invite link when a manager invites someone, and records the delivery', async () => {
    const manager = await new HttpClient(api.url).login(a.users.manager.email);
    const invite = await manager.post('/api/networks/mail-a/invites', { email: 'invitee@example.org', displayName: 'Invitee', role: 'viewer' });
    expect(invite.status).toBe(201);
    const [mail] = await smtp.waitFor(1);
    expect(mail.to).toEqual(['invitee@example.org']);
    expect(mail.raw).toContain('Subject: You are invited to Network mail-a on Plexus');
    expect(mail.raw).toContain(invite.body.url);
    // The worker records the delivery just after the SMTP server accepts the message.
    const rows = await eventually(
      () => outbox(a.network.id),
      (r) => r[0]?.status === 'sent',
    );
    expect(rows[0]).toMatchObject({ status: 'sent', attempts: 1, toAddress: 'invitee@example.org' });
    expect(mail.raw).toContain(`Message-ID: ${rows[0].messageId}`);
  });

  it('runs a job only in the network its payload names: another network’s email id finds nothing and is not retried', async () => {
    const [emailOfA] = await outbox(a.network.id);
    const jobs = worker.get(JobQueue);
    const job = await jobs
      .queue(QueueName.Email)
      .add('email.deliver', { networkId: b.network.id, emailId: emailOfA.id }, { jobId: `cross-${emailOfA.id}`, attempts: 3 });
    await expect(job.waitUntilFinished(events, 15_000)).rejects.toThrow(`email ${emailOfA.id} does not exist in network ${b.network.id}`);
    const failed = await jobs.queue(QueueName.Email).getJob(job.id!);
    expect(failed!.attemptsMade).toBe(1); // unrecoverable: no retries
    expect(smtp.mails).toHaveLength(1);
  });

  it('never sends twice: a duplicate job for a delivered email is a no-op, and the same job id is not enqueued again', async () => {
    const [emailOfA] = await outbox(a.network.id);
    const jobs = worker.get(JobQueue);
    expect(await jobs.enqueue('email.deliver', { networkId: a.network.id, emailId: emailOfA.id })).toBe(`email-${emailOfA.id}`);
    const dup = await jobs
      .queue(QueueName.Email)
      .add('email.deliver', { networkId: a.network.id, emailId: emailOfA.id }, { jobId: `dup-${emailOfA.id}` });
    await expect(dup.waitUntilFinished(events, 15_000)).resolves.toEqual({ status: 'already-sent', messageId: emailOfA.messageId });
    // Nothing left that could send: the re-enqueue was a no-op (no job waiting or running), and the duplicate finished.
    expect(await jobs.queue(QueueName.Email).getJobCounts('waiting', 'active', 'delayed', 'prioritized')).toEqual({
      waiting: 0,
      active: 0,
      delayed: 0,
      prioritized: 0,
    });
    expect(smtp.mails).toHaveLength(1);
  });

  it('re-enqueues an email whose enqueue was lost after commit (outbox sweep)', async () => {
    // A row committed without its job, as after a crash between commit and enqueue.
    const lost = await api.db.inNetwork({ userId: null, networkId: b.network.id }, async ({ em }) => {
      const e = Object.assign(new EmailOutbox(), {
        networkId: b.network.id,
        kind: 'test',
        toAddress: 'lost@example.org',
        subject: 'Recovered',
        bodyText: 'hello',
      });
      e.messageId = `<${e.id}@plexus.test>`;
      e.createdAt = new Date(Date.now() - 5 * 60_000);
      em.persist(e);
      await em.flush();
      return e;
    });
    const swept = await worker.get(OutboxSweepJob).sweep();
    expect(swept).toBeGreaterThanOrEqual(1);
    const mails = await smtp.waitFor(2);
    expect(mails[1].to).toEqual(['lost@example.org']);
    const rows = await eventually(
      () => outbox(b.network.id),
      (r) => r.find((e) => e.id === lost.id)?.status === 'sent',
    );
    expect(rows.find((e) => e.id === lost.id)!.status).toBe('sent');
  });

  it('publishes a heartbeat with queue depths', async () => {
    const depths = await worker.get(Heartbeat).beat();
    expect(depths).toHaveProperty(QueueName.Email);
  });
});
