import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EmailOutbox, JobQueue, QueueName, ReportDocument, SCHEDULERS, TenantDb } from '@plexus/server';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkerModule } from '../../apps/worker/src/app/worker.module';
import { eventually } from '../support/eventually';
import { createTestDatabase, newNetwork, openDb, testConfig, type Fixture, type TestDatabase } from '../support/harness';
import { startSmtpSink } from '../support/smtp-sink';

/**
 * The sweeps are BullMQ job schedulers: every worker replica registers them at boot, and the cluster still has
 * one scheduler per duty, whose runs go to one worker each — not a timer in every process.
 */
describe('recurring duties: BullMQ job schedulers, one per duty for the whole cluster', () => {
  let db: TestDatabase;
  let tdb: TenantDb;
  let close: () => Promise<void>;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  const workers: INestApplicationContext[] = [];
  let net: Fixture;

  beforeAll(async () => {
    db = await createTestDatabase();
    const opened = await openDb(db);
    tdb = opened.tdb;
    close = () => opened.orm.close(true);
    smtp = await startSmtpSink();
    net = await newNetwork(tdb, 'sweeps');
  });
  afterAll(async () => {
    for (const w of workers) await w.close();
    await close?.();
    await smtp?.close();
    await db?.drop();
  });

  it('two workers register one scheduler per duty, and each sweep runs once and recovers what was lost', async () => {
    // Work committed whose enqueue was lost (a crash between commit and enqueue), older than the sweeps look for.
    const longAgo = new Date(Date.now() - 5 * 60_000);
    const { email, report } = await tdb.inNetwork({ userId: null, networkId: net.network.id }, async ({ em }) => {
      const e = Object.assign(new EmailOutbox(), {
        networkId: net.network.id,
        kind: 'test',
        toAddress: 'swept@example.org',
        subject: 'Swept',
        bodyText: 'hello',
      });
      e.messageId = `<${e.id}@plexus.test>`;
      e.createdAt = longAgo;
      const r = Object.assign(new ReportDocument(), {
        networkId: net.network.id,
        kind: 'risk_register',
        title: 'Swept report',
        options: { kind: 'risk_register', options: { topRisks: 10 } },
        requestedAt: longAgo,
      });
      em.persist([e, r]);
      await em.flush();
      return { email: e, report: r };
    });

    const config = testConfig(db, { SMTP_URL: smtp.url, STORAGE_DIR: mkdtempSync(join(tmpdir(), 'plexus-sweeps-')), REPORT_PAGE_POOL: '1' });
    for (let i = 0; i < 2; i++) {
      const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
      await worker.init();
      workers.push(worker);
    }
    const queue = workers[0].get(JobQueue).queue(QueueName.Schedules);
    const schedulers = await queue.getJobSchedulers();
    expect(schedulers.map((s) => s.key).sort()).toEqual(
      Object.values(SCHEDULERS)
        .map((s) => s.id)
        .sort(),
    );
    expect(schedulers.map((s) => s.every).sort()).toEqual([30_000, 300_000, 300_000, 3_600_000, 60_000]);

    // The sweeps ran (their first run is at registration): the email is delivered, the report rendered.
    const [mail] = await smtp.waitFor(1);
    expect(mail.to).toEqual(['swept@example.org']);
    const read = () =>
      tdb.inNetwork({ userId: null, networkId: net.network.id }, async ({ em }) => ({
        email: await em.findOneOrFail(EmailOutbox, { id: email.id }, { refresh: true }),
        report: await em.findOneOrFail(ReportDocument, { id: report.id }, { refresh: true }),
      }));
    const done = await eventually(read, (r) => r.email.status === 'sent' && (r.report.status === 'ready' || r.report.status === 'failed'), 30_000);
    expect({ email: done.email.status, report: done.report.status, attempts: done.report.attempts }).toEqual({
      email: 'sent',
      report: 'ready',
      attempts: 1,
    });

    // Once per duty, though two workers registered it: one finished run each, and the next one waiting its turn.
    const completed = await eventually(
      () => queue.getJobs(['completed']),
      (jobs) => jobs.length >= 5,
    );
    expect(completed.map((j) => j.name).sort()).toEqual([
      'email.sweep-outbox',
      'nudge.sweep',
      'peer-review.chase',
      'report.sweep-queued',
      'schedule.sweep',
    ]);
    expect(completed.filter((j) => j.name.endsWith('.sweep-outbox') || j.name.endsWith('.sweep-queued')).map((j) => j.returnvalue)).toEqual([
      { enqueued: 1 },
      { enqueued: 1 },
    ]);
    // No report schedules here: the schedules' sweep had nothing to register, start or move on.
    expect(completed.find((j) => j.name === 'schedule.sweep')!.returnvalue).toEqual({ registered: 0, removed: 0, fired: 0, advanced: 0 });
    // No peer review cycles either: the chasers looked at the one network and sent nothing.
    expect(completed.find((j) => j.name === 'peer-review.chase')!.returnvalue).toEqual({ networks: 1, chasers: 0, emails: 0, failed: 0 });
    // No nudge rounds: the nudge sweep found none due.
    expect(completed.find((j) => j.name === 'nudge.sweep')!.returnvalue).toEqual({ rounds: 0, failed: 0 });
    const next = await queue.getJobs(['delayed']);
    expect(next.map((j) => j.name).sort()).toEqual([
      'email.sweep-outbox',
      'nudge.sweep',
      'peer-review.chase',
      'report.sweep-queued',
      'schedule.sweep',
    ]);
    expect(smtp.mails).toHaveLength(1);
  });
});
