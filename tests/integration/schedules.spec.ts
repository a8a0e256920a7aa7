import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JobQueue, QueueName, ReportDocument, ReportRun, sql } from '@plexus/server';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkerModule } from '../../apps/worker/src/app/worker.module';
import { Clock } from '../../apps/worker/src/schedule/clock';
import { ScheduleRunsService } from '../../apps/worker/src/schedule/schedule-runs.service';
import { eventually } from '../support/eventually';
import { createTestDatabase, HttpClient, newNetwork, startApi, testConfig, type Fixture, type TestApi, type TestDatabase } from '../support/harness';
import { startSmtpSink, type CaughtMail } from '../support/smtp-sink';

/**
 * Scheduled emailed reports end to end: the API keeps schedules and their BullMQ job schedulers; two worker
 * processes wake, record one run per period, render through the report pipeline (real Chromium) and write one
 * email per recipient to the outbox; a real SMTP server on loopback receives them. Time is driven by the workers'
 * Clock, never by waiting.
 */
describe('scheduled reports: schedule → run → document → one email per recipient', () => {
  let db: TestDatabase;
  let api: TestApi;
  let workers: INestApplicationContext[];
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let a: Fixture;
  let b: Fixture;
  let manager: HttpClient;
  let managerB: HttpClient;
  let recipients: Array<{ id: string; email: string; name: string }>;
  let listId: string;
  let twiceYearly: { id: string };
  const storageDir = mkdtempSync(join(tmpdir(), 'plexus-sched-'));

  const base = () => `/api/networks/${a.network.slug}`;
  const setClock = (iso: string | null) => workers.forEach((w) => w.get(Clock).set(iso ? new Date(iso) : null));
  const runs = () => workers[0].get(ScheduleRunsService);
  const mailsTo = (email: string) => smtp.mails.filter((m) => m.to.includes(email));
  const header = (mail: CaughtMail, name: string) =>
    new RegExp(`^${name}: (.+)$`, 'mi').exec(mail.raw.split(/\r?\n\r?\n/)[0].replace(/\r?\n[ \t]+/g, ' '))?.[1]?.trim();

  beforeAll(async () => {
    db = await createTestDatabase();
    smtp = await startSmtpSink();
    const env = { SMTP_URL: smtp.url, STORAGE_DIR: storageDir, REPORT_PAGE_POOL: '1' };
    api = await startApi(db, env);
    workers = [];
    for (let i = 0; i < 2; i++) {
      const w = await NestFactory.createApplicationContext(WorkerModule.forRoot(testConfig(db, env)), { logger: false });
      await w.init();
      workers.push(w);
    }
    a = await newNetwork(api.db, 'sched-a');
    b = await newNetwork(api.db, 'sched-b');
    manager = await new HttpClient(api.url).login(a.users.manager.email);
    managerB = await new HttpClient(api.url).login(b.users.manager.email);
    recipients = [];
    for (const [name, email] of [
      ['Ann Commissioner', 'ann@icb.example.org'],
      ['Bob Commissioner', 'bob@icb.example.org'],
      ['Cat Specialised', 'cat@england.example.org'],
    ]) {
      const r = await manager.post(`${base()}/recipients`, { name, email, organisationName: 'ICB' });
      expect(r.status).toBe(201);
      recipients.push({ id: r.body.id, email, name });
    }
    const list = await manager.post(`${base()}/distribution-lists`, { name: 'Commissioners', recipientIds: [recipients[1].id, recipients[2].id] });
    expect(list.status).toBe(201);
    listId = list.body.id;
  }, 60_000);

  afterAll(async () => {
    for (const w of workers ?? []) await w.close();
    await api?.close();
    await smtp?.close();
    await db?.drop();
  });

  const validBody = () => ({
    name: 'Risk register to commissioners',
    report: { kind: 'risk_register', options: { topRisks: 5 } },
    recurrence: { kind: 'first_working_day', months: [4, 10], time: '07:00' },
    recipientIds: [recipients[0].id],
    listIds: [listId],
  });

  it('refuses a bad schedule naming the field, and another network’s recipients as not found', async () => {
    const cases: Array<[unknown, number, string]> = [
      [{ ...validBody(), recurrence: { kind: 'first_working_day', time: '7am' } }, 400, 'recurrence.time'],
      [{ ...validBody(), recurrence: { kind: 'cron', expression: '61 7 * * *' } }, 400, 'recurrence.expression'],
      [{ ...validBody(), recurrence: { kind: 'fortnightly', time: '07:00' } }, 400, 'recurrence.kind'],
      [{ ...validBody(), recipientIds: [], listIds: [] }, 400, 'recipientIds'],
      [{ ...validBody(), name: 'Bell\u0007' }, 400, 'name'],
      [{ ...validBody(), linkDays: 400 }, 400, 'linkDays'],
      [{ ...validBody(), report: { kind: 'progress', options: {} } }, 409, 'report.options.planId'],
    ];
    for (const [body, status, field] of cases) {
      const res = await manager.post(`${base()}/schedules`, body);
      expect({ field, status: res.status }).toEqual({ field, status });
      expect(res.body.fields?.map((f: { field: string }) => f.field)).toContain(field);
    }
    const otherRecipient = await managerB.post(`/api/networks/${b.network.slug}/recipients`, { name: 'Other', email: 'other@example.org' });
    const res = await manager.post(`${base()}/schedules`, { ...validBody(), recipientIds: [recipients[0].id, otherRecipient.body.id] });
    expect(res.status).toBe(404);
    expect(res.body.fields).toEqual([{ field: 'recipientIds.1', message: 'That recipient is not in this network' }]);
    expect((await manager.get(`${base()}/schedules`)).body).toEqual([]);
  });

  it('creates a schedule in plain words with its next send times, and a job scheduler in Europe/London', async () => {
    const preview = await manager.post(`${base()}/schedules/preview-times`, { recurrence: validBody().recurrence });
    expect(preview.status).toBe(200);
    expect(preview.body.description).toBe('First working day of April and October at 07:00');
    expect(preview.body.nextRuns).toHaveLength(5);
    const created = await manager.post(`${base()}/schedules`, validBody());
    expect({ status: created.status, body: created.status === 201 ? null : created.body }).toEqual({ status: 201, body: null });
    twiceYearly = created.body;
    expect(created.body).toMatchObject({
      status: 'active',
      recurrenceText: 'First working day of April and October at 07:00',
      audience: 3,
      lastRun: null,
      recipients: [{ id: recipients[0].id }],
      lists: [{ id: listId, name: 'Commissioners', memberCount: 2 }],
    });
    expect(new Date(created.body.nextRunAt).getTime()).toBeGreaterThan(Date.now());
    const scheduler = await workers[0].get(JobQueue).queue(QueueName.Schedules).getJobScheduler(`report-schedule-${created.body.id}`);
    expect(scheduler).toMatchObject({ pattern: '0 7 1-7 4,10 *', tz: 'Europe/London' });

    const email = await manager.post(`${base()}/schedules/preview-email`, validBody());
    expect(email.status).toBe(200);
    expect(email.body.to).toEqual([
      'Ann Commissioner <ann@icb.example.org>',
      'Bob Commissioner <bob@icb.example.org>',
      'Cat Specialised <cat@england.example.org>',
    ]);
    expect(email.body.html).toContain('<h1');
    expect(email.body.text).toContain('Unsubscribe from this report');
  });

  it('sends exactly one email per recipient when the schedule is due, across two workers and repeated wake-ups', async () => {
    // Thursday 1 April 2027 07:00 BST (06:00Z), thirty seconds into the minute.
    setClock('2027-04-01T06:00:30Z');
    const outcomes = await Promise.all([0, 1, 0, 1].map((i) => workers[i].get(ScheduleRunsService).fire(a.network.id, twiceYearly.id)));
    expect(outcomes.filter((o) => o.status === 'started')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'already-run')).toHaveLength(3);
    expect(outcomes[0]).toMatchObject({ periodKey: '2027-04' });
    // A sweep (the safety net for missed wake-ups) finds the period taken too.
    expect((await workers[1].get(ScheduleRunsService).sweep()).fired).toBe(0);

    await smtp.waitFor(3, 60_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(smtp.mails.map((m) => m.to[0]).sort()).toEqual(recipients.map((r) => r.email).sort());
    const mail = mailsTo('bob@icb.example.org')[0];
    expect(header(mail, 'List-Unsubscribe')).toMatch(new RegExp(`^<http://[^>]+/api/unsubscribe/${a.network.slug}/[A-Za-z0-9_-]{43}>$`));
    expect(header(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.raw).toMatch(/Content-Type: text\/plain/i);
    expect(mail.raw).toMatch(/Content-Type: text\/html/i);
    expect(mail.raw).toMatch(/Content-Type: application\/pdf; name="?Risk register report 2027-04\.pdf/i);
    expect(mail.raw).toContain('Key figures');
    expect(mail.raw).toContain('Dear Bob Commissioner');
    expect(mail.raw).toContain('Commissioners list');

    const log = await eventually(
      async () => (await manager.get(`${base()}/delivery-log?scheduleId=${twiceYearly.id}`)).body,
      (l) => l.deliveries?.length === 3 && l.deliveries.every((d: { state: string }) => d.state === 'sent'),
    );
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0]).toMatchObject({ periodKey: '2027-04', state: 'sent', trigger: 'schedule', deliveries: { total: 3, sent: 3 } });
    expect(log.runs[0].documentSha256).toMatch(/^[0-9a-f]{64}$/);
    for (const d of log.deliveries) {
      expect(d).toMatchObject({ mode: 'attach', attempts: 1, documentSha256: log.runs[0].documentSha256, link: null });
      expect(d.smtpResponse).toMatch(/^250/);
    }
    // The document is in the library like any other.
    const doc = await manager.get(`${base()}/reports/${log.runs[0].documentId}`);
    expect(doc.body).toMatchObject({ status: 'ready', kind: 'risk_register' });
    const schedule = await manager.get(`${base()}/schedules/${twiceYearly.id}`);
    expect(schedule.body.lastRun).toMatchObject({ state: 'sent', deliveries: { sent: 3 } });
    // Later that day (and the next), nothing more is due for April.
    setClock('2027-04-01T09:00:00Z');
    expect(await runs().fire(a.network.id, twiceYearly.id)).toMatchObject({ status: 'already-run' });
    setClock('2027-04-02T06:00:00Z');
    expect(await runs().fire(a.network.id, twiceYearly.id)).toEqual({ status: 'not-due' });
    expect(smtp.mails).toHaveLength(3);
  }, 90_000);

  let linkSchedule: { id: string };
  let linkMail: CaughtMail;

  it('sends a link instead of the PDF, and skips a period whose content has not changed (logged)', async () => {
    const created = await manager.post(`${base()}/schedules`, {
      name: 'Daily risks by link',
      report: { kind: 'risk_register', options: {} },
      recurrence: { kind: 'cron', expression: '0 7 * * *' },
      recipientIds: [recipients[0].id],
      delivery: 'link',
      linkDays: 30,
      onlyIfChanged: true,
      subject: 'Risks today',
    });
    expect(created.status).toBe(201);
    linkSchedule = created.body;
    setClock('2027-05-03T06:00:05Z');
    expect(await runs().fire(a.network.id, linkSchedule.id)).toMatchObject({ status: 'started', periodKey: '2027-05-03T07:00' });
    await smtp.waitFor(4, 60_000);
    linkMail = smtp.mails[3];
    expect(linkMail.to).toEqual([recipients[0].email]);
    expect(linkMail.raw).toContain('Subject: Risks today');
    expect(linkMail.raw).not.toMatch(/application\/pdf/i);
    expect(linkMail.raw).toMatch(new RegExp(`/links/${a.network.slug}/[A-Za-z0-9_-]{43}`));
    await eventually(
      async () => (await manager.get(`${base()}/delivery-log?scheduleId=${linkSchedule.id}`)).body,
      (l) => l.deliveries?.[0]?.state === 'sent',
    );

    // The next day the register is the same: the run is recorded as skipped, nothing is sent.
    setClock('2027-05-04T06:00:05Z');
    expect(await runs().fire(a.network.id, linkSchedule.id)).toMatchObject({ status: 'started', periodKey: '2027-05-04T07:00' });
    const log = await eventually(
      async () => (await manager.get(`${base()}/delivery-log?scheduleId=${linkSchedule.id}`)).body,
      (l) => l.runs?.[0]?.state === 'skipped_unchanged',
      30_000,
    );
    expect(log.runs[0]).toMatchObject({ periodKey: '2027-05-04T07:00', documentId: null, deliveries: { total: 0 } });
    expect(log.runs[0].reason).toContain('not changed');
    expect(smtp.mails).toHaveLength(4);
    const csv = await manager.get(`${base()}/delivery-log/export?scheduleId=${linkSchedule.id}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.body).toContain('Skipped: unchanged since the last delivery');
    expect(csv.body).toContain(recipients[0].email);
  }, 90_000);

  it('gives the PDF through the link without sign-in, logs each download, and refuses altered, revoked and expired links', async () => {
    const token = new RegExp(`/links/${a.network.slug}/([A-Za-z0-9_-]{43})`).exec(linkMail.raw)![1];
    const anon = new HttpClient(api.url);
    const about = await anon.get(`/api/links/${a.network.slug}/${token}`);
    expect(about.status).toBe(200);
    expect(about.body).toMatchObject({ networkName: a.network.name, title: 'Risk register report' });
    const pdf = await fetch(`${api.url}/api/links/${a.network.slug}/${token}/download`, { headers: { 'user-agent': 'Outlook test' } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const log = (await manager.get(`${base()}/delivery-log?scheduleId=${linkSchedule.id}`)).body;
    const delivery = log.deliveries[0];
    expect(delivery.link.downloads).toHaveLength(1);
    expect(delivery.link.downloads[0].ipAddress).toMatch(/127\.0\.0\.1/);

    // Altered, or tried in another network: not found, like a link that never existed.
    const altered = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect((await anon.get(`/api/links/${a.network.slug}/${altered}`)).status).toBe(404);
    expect((await anon.get(`/api/links/${b.network.slug}/${token}`)).status).toBe(404);
    expect((await anon.get(`/api/links/${a.network.slug}/short`)).status).toBe(404);
    // Another network's manager cannot revoke it; this network's can.
    expect((await managerB.post(`/api/networks/${b.network.slug}/delivery-log/links/${delivery.link.id}/revoke`)).status).toBe(404);
    expect((await manager.post(`${base()}/delivery-log/links/${delivery.link.id}/revoke`)).status).toBe(204);
    const revoked = await anon.get(`/api/links/${a.network.slug}/${token}/download`);
    expect(revoked.status).toBe(410);
    expect(revoked.body.message).toContain('withdrawn');
    // Expired: says so.
    await api.db.inNetwork({ userId: null, networkId: a.network.id }, async ({ em }) => {
      const q = sql`update document_link set revoked_at = null, expires_at = now() - interval '1 day' where id = ${delivery.link.id}`;
      await em.execute(q.text, q.params);
    });
    const expired = await anon.get(`/api/links/${a.network.slug}/${token}`);
    expect(expired.status).toBe(410);
    expect(expired.body.message).toMatch(/expired on/);
  });

  it('unsubscribes one recipient from one schedule with one click (RFC 8058), and the next run leaves them out', async () => {
    const mail = mailsTo('bob@icb.example.org')[0];
    const url = header(mail, 'List-Unsubscribe')!.slice(1, -1);
    const path = new URL(url).pathname;
    const anon = new HttpClient(api.url);
    expect((await anon.get(path)).body).toMatchObject({
      scheduleName: 'Risk register to commissioners',
      email: 'bob@icb.example.org',
      unsubscribed: false,
    });
    // As a mail provider sends it: form-encoded, from another origin, no session.
    const res = await fetch(api.url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://mail.example.com' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ unsubscribed: true });
    expect((await anon.post(path)).status).toBe(200); // twice is once
    const schedule = (await manager.get(`${base()}/schedules/${twiceYearly.id}`)).body;
    expect(schedule.audience).toBe(2);
    expect(schedule.unsubscribed).toEqual([expect.objectContaining({ recipientId: recipients[1].id, email: 'bob@icb.example.org' })]);
    // Other schedules are unchanged: Bob is still in the list.
    const before = smtp.mails.length;
    setClock(null);
    const sent = await manager.post(`${base()}/schedules/${twiceYearly.id}/send-now`);
    expect(sent.status).toBe(202);
    expect((await manager.post(`${base()}/schedules/${twiceYearly.id}/send-now`)).status).toBe(409); // a double click
    await smtp.waitFor(before + 2, 60_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(
      smtp.mails
        .slice(before)
        .map((m) => m.to[0])
        .sort(),
    ).toEqual(['ann@icb.example.org', 'cat@england.example.org']);
    const log = (await manager.get(`${base()}/delivery-log?recipientId=${recipients[1].id}`)).body;
    expect(log.deliveries).toHaveLength(1);
    expect(log.deliveries[0].unsubscribedAt).not.toBeNull();
    expect((await anon.get(path.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A')))).status).toBe(404);
  }, 90_000);

  it('delivers a run whose next step was lost (worker killed between render and send) once, never twice', async () => {
    const [sentRun] = (await manager.get(`${base()}/delivery-log?scheduleId=${twiceYearly.id}`)).body.runs.filter(
      (r: { periodKey: string }) => r.periodKey === '2027-04',
    );
    // A run whose document is ready but whose deliver step never ran (its job lost with the worker).
    const runId = await api.db.inNetwork({ userId: null, networkId: a.network.id }, async ({ em }) => {
      const run = Object.assign(new ReportRun(), {
        networkId: a.network.id,
        scheduleId: twiceYearly.id,
        periodKey: '2027-10',
        dueAt: new Date('2027-10-01T06:00:00Z'),
        state: 'rendering' as const,
        documentId: sentRun.documentId,
        createdAt: new Date(Date.now() - 5 * 60_000),
      });
      em.persist(run);
      await em.flush();
      return run.id;
    });
    const before = smtp.mails.length;
    expect((await workers[1].get(ScheduleRunsService).sweep()).advanced).toBeGreaterThanOrEqual(1);
    await smtp.waitFor(before + 2, 30_000);
    // The step again, by hand and by the other worker: the run has moved on, nothing more is written or sent.
    expect(await workers[0].get(ScheduleRunsService).deliver(a.network.id, runId)).toBe('sent');
    expect(await workers[1].get(ScheduleRunsService).deliver(a.network.id, runId)).toBe('sent');
    await new Promise((r) => setTimeout(r, 1000));
    expect(smtp.mails.length).toBe(before + 2);
    const log = (await manager.get(`${base()}/delivery-log?scheduleId=${twiceYearly.id}`)).body;
    expect(log.runs.find((r: { id: string }) => r.id === runId).deliveries.total).toBe(2);
  }, 60_000);

  it('fails a run whose report could not be generated and tells the managers by email', async () => {
    const runId = await api.db.inNetwork({ userId: null, networkId: a.network.id }, async ({ em }) => {
      const doc = Object.assign(new ReportDocument(), {
        networkId: a.network.id,
        kind: 'risk_register' as const,
        title: 'Risk register report',
        status: 'failed' as const,
        failureReason: 'Chromium could not start',
      });
      const run = Object.assign(new ReportRun(), {
        networkId: a.network.id,
        scheduleId: twiceYearly.id,
        periodKey: '2028-04',
        dueAt: new Date('2028-04-03T06:00:00Z'),
        state: 'rendering' as const,
        documentId: doc.id,
      });
      em.persist(doc);
      em.persist(run);
      await em.flush();
      return run.id;
    });
    expect(await runs().deliver(a.network.id, runId)).toBe('failed');
    const mails = await eventually(
      async () => mailsTo(a.users.manager.email),
      (m) => m.length === 1,
      15_000,
    );
    expect(mails[0].raw).toContain('Subject: Scheduled report not sent: Risk register to commissioners');
    expect(mails[0].raw).toContain('Chromium could not start');
    const schedule = (await manager.get(`${base()}/schedules/${twiceYearly.id}`)).body;
    expect(schedule.lastRun).toMatchObject({ state: 'failed' });
    expect(schedule.lastRun.reason).toContain('Chromium could not start');
  });

  it('keeps schedules to their network and their managers', async () => {
    const viewer = await new HttpClient(api.url).login(a.users.viewer.email);
    expect((await viewer.get(`${base()}/schedules`)).status).toBe(403);
    expect((await viewer.get(`${base()}/delivery-log`)).status).toBe(403);
    for (const [method, path] of [
      ['GET', `/schedules/${twiceYearly.id}`],
      ['PUT', `/schedules/${twiceYearly.id}`],
      ['POST', `/schedules/${twiceYearly.id}/send-now`],
      ['POST', `/schedules/${twiceYearly.id}/pause`],
      ['DELETE', `/schedules/${twiceYearly.id}`],
    ] as const) {
      const res = await managerB.request(method, `/api/networks/${b.network.slug}${path}`, method === 'PUT' ? validBody() : undefined);
      expect({ method, path, status: res.status }).toEqual({ method, path, status: 404 });
    }
    expect((await managerB.get(`/api/networks/${b.network.slug}/delivery-log?scheduleId=${twiceYearly.id}`)).body).toEqual({
      runs: [],
      deliveries: [],
    });
    expect((await managerB.get(`${base()}/schedules`)).status).toBe(404);
  });

  it('pauses, resumes and deletes: the job scheduler follows, the log stays', async () => {
    const queue = workers[0].get(JobQueue).queue(QueueName.Schedules);
    const id = twiceYearly.id;
    expect((await manager.post(`${base()}/schedules/${id}/pause`)).body.status).toBe('paused');
    expect(await queue.getJobScheduler(`report-schedule-${id}`)).toBeUndefined();
    setClock('2028-10-02T06:00:00Z');
    expect(await runs().fire(a.network.id, id)).toEqual({ status: 'inactive' });
    expect((await manager.post(`${base()}/schedules/${id}/resume`)).body.status).toBe('active');
    expect(await queue.getJobScheduler(`report-schedule-${id}`)).toMatchObject({ tz: 'Europe/London' });
    expect((await manager.delete(`${base()}/schedules/${id}`)).status).toBe(204);
    expect(await queue.getJobScheduler(`report-schedule-${id}`)).toBeUndefined();
    expect((await manager.get(`${base()}/schedules`)).body.map((s: { id: string }) => s.id)).not.toContain(id);
    expect((await manager.get(`${base()}/delivery-log?scheduleId=${id}`)).body.runs.length).toBeGreaterThanOrEqual(3);
    setClock(null);
  });
});
