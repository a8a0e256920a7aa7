/**
 * npm run bench:schedules — figures for scheduled reports on this machine (not a test: only "duplicates must be 0"
 * makes it exit non-zero). BENCH_NETWORKS networks × BENCH_SCHEDULES schedules (default 50 × 4: 200 reports), each to
 * a list of BENCH_RECIPIENTS recipients (5: 1,000 emails), all due in the same minute (the first of the month, 07:00
 * Europe/London). Real PostgreSQL, a Redis server of its own, Chromium, and an SMTP server on loopback; the workers are
 * in-process Nest application contexts of WorkerModule — 1, then 2 (BENCH_WORKERS=1,2), each with its own BullMQ
 * workers, database pool and Chromium — whose Clock is set to the due minute. Every worker wakes every schedule
 * (`ScheduleRunsService.fire`, as each one's job scheduler would; with two workers every wake-up is duplicated).
 *
 * Printed per round: time until every email is in the SMTP server (and until the last report was rendered), emails
 * per (schedule, recipient) > 1 (duplicates: must be 0), Redis memory (its own server: INFO used_memory sampled every
 * 250 ms, and used_memory_peak), PostgreSQL memory (the PSS of every process of the cluster, sampled from /proc, as
 * the whole cluster holds it: shared buffers counted once) with its peak connections to the bench database and the
 * database's size. Each round is a new month, so a round's runs are new periods. Uses its own database and Redis;
 * leaves nothing behind.
 */
import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MikroORM } from '@mikro-orm/postgresql';
import { nextRuns, parseRecurrence, parseTimescale, type WorkItemStatus } from '@plexus/domain';
import {
  DistributionList,
  DistributionListMember,
  loadConfig,
  migrate,
  Network,
  NetworkProfile,
  ormConfig,
  Recipient,
  ReportDocument,
  ReportRun,
  ReportSchedule,
  ReportScheduleTarget,
  Risk,
  roleFromUrl,
  TenantDb,
  WorkItem,
  WorkItemLead,
  WorkItemProgress,
  WorkPlan,
  WorkPlanTheme,
  sql,
  type AppConfig,
} from '@plexus/server';
import Redis from 'ioredis';
import { mkdtempSync, rmSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { WorkerModule } from '../../apps/worker/src/app/worker.module';
import { Clock } from '../../apps/worker/src/schedule/clock';
import { ScheduleRunsService } from '../../apps/worker/src/schedule/schedule-runs.service';
import { freePort, RedisServer } from '../faults/stack';
import { createDatabase } from '../support/databases';
import { startSmtpSink, type CaughtMail } from '../support/smtp-sink';

const NETWORKS = Number(process.env['BENCH_NETWORKS'] ?? 50);
const SCHEDULES = Number(process.env['BENCH_SCHEDULES'] ?? 4);
const RECIPIENTS = Number(process.env['BENCH_RECIPIENTS'] ?? 5);
const WORKERS = (process.env['BENCH_WORKERS'] ?? '1,2').split(',').map(Number);
const DELIVERY = process.env['BENCH_DELIVERY'] === 'link' ? 'link' : 'attach';
const PAGE_POOL = process.env['BENCH_PAGE_POOL'] ?? '2';
const TIMEOUT_MS = Number(process.env['BENCH_TIMEOUT_MS'] ?? 30 * 60_000);
const ITEMS = 12;
const RISKS = 8;

const RECURRENCE = parseRecurrence({ kind: 'monthly_on_day', day: 1, time: '07:00' });
const line = (label: string, value: string) => console.log(`  ${label.padEnd(52)} ${value}`);
const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const STATUSES: WorkItemStatus[] = ['on_track', 'complete', 'at_risk', 'off_track', 'not_started', 'on_track'];

interface Bench {
  networkIds: string[];
  /** Every schedule as [networkId, scheduleId]. */
  schedules: Array<[string, string]>;
}

/** One network as a manager would leave it: a profile, a small plan, a risk register, recipients in a list, and its schedules. */
async function makeNetwork(db: TenantDb, n: number, createdAt: Date): Promise<{ networkId: string; scheduleIds: string[] }> {
  return db.run({ userId: null }, async (scope) => {
    const { em } = scope;
    const slug = `bench-${String(n).padStart(3, '0')}`;
    const network = Object.assign(new Network(), { slug, name: `Bench Network ${n}` });
    await db.enterNetwork(scope, { networkId: network.id, networkSlug: slug, role: null, organisationId: null });
    const networkId = network.id;
    em.persist(network);
    em.persist(Object.assign(new NetworkProfile(), { networkId, specialty: 'Major trauma', region: 'Midlands', purpose: `Purpose of ${slug}` }));
    const plan = Object.assign(new WorkPlan(), {
      networkId,
      title: 'Work plan 2026–28',
      periodStart: '2026-04-01',
      periodEnd: '2028-03-31',
      status: 'approved',
      approvedOn: '2026-05-01',
    });
    em.persist(plan);
    const themes = ['Service delivery', 'Workforce', 'Quality'].map((title, position) =>
      Object.assign(new WorkPlanTheme(), { networkId, planId: plan.id, title, description: `${title}: what the network will do`, position }),
    );
    themes.forEach((t) => em.persist(t));
    for (let i = 0; i < ITEMS; i++) {
      const text = ['Q1 2026/27', 'Q3 2026/27', 'Q2 2027/28', 'Ongoing'][i % 4];
      const timescale = parseTimescale(text);
      const status = STATUSES[i % STATUSES.length];
      const item = Object.assign(new WorkItem(), {
        networkId,
        planId: plan.id,
        themeId: themes[i % themes.length].id,
        position: i,
        work: `Work item ${i + 1}: agree and monitor the network's pathway standards with every partner trust`,
        measures: ['Agreed by the board'],
        steps: [],
        timescaleText: text,
        timescale,
        dueOn: timescale.due ?? null,
        originalTimescaleText: text,
        originalDueOn: timescale.due ?? null,
        status,
        statusOn: '2027-02-01',
      });
      em.persist(item);
      em.persist(Object.assign(new WorkItemLead(), { networkId, itemId: item.id, title: 'Network Manager', position: 0 }));
      em.persist(
        Object.assign(new WorkItemProgress(), {
          networkId,
          itemId: item.id,
          onDate: '2027-02-01',
          status,
          narrative: `Update for item ${i + 1}: meetings held with all trusts.`,
          authorName: 'Bench Manager',
        }),
      );
    }
    for (let i = 1; i <= RISKS; i++) {
      const [l, im] = [(i % 5) + 1, ((i * 2) % 5) + 1];
      em.persist(
        Object.assign(new Risk(), {
          networkId,
          number: i,
          reference: `BN/${String(i).padStart(2, '0')}`,
          dateRegistered: '2026-06-01',
          identifiedBy: 'Network',
          description: `Bench risk ${i}: capacity at partner trusts over winter`,
          category: 'Access',
          likelihoodBefore: Math.min(5, l + 1),
          impactBefore: im,
          likelihoodAfter: l,
          impactAfter: im,
          mitigation: 'Escalation plan agreed with the trusts',
          nextReviewDue: '2027-06-01',
        }),
      );
    }
    const list = Object.assign(new DistributionList(), { networkId, name: 'Commissioners', description: '' });
    em.persist(list);
    for (let r = 0; r < RECIPIENTS; r++) {
      const recipient = Object.assign(new Recipient(), {
        networkId,
        name: `Commissioner ${r + 1} of ${slug}`,
        email: `commissioner${r + 1}@${slug}.example.org`,
        role: 'Commissioner',
        organisationName: 'ICB',
      });
      em.persist(recipient);
      em.persist(Object.assign(new DistributionListMember(), { networkId, listId: list.id, recipientId: recipient.id }));
    }
    const scheduleIds: string[] = [];
    for (let s = 0; s < SCHEDULES; s++) {
      const progress = s % 2 === 1;
      const schedule = Object.assign(new ReportSchedule(), {
        networkId,
        name: `${progress ? 'Progress report' : 'Risk register'} ${s + 1}`,
        report: progress ? { kind: 'progress', options: {} } : { kind: 'risk_register', options: { topRisks: 5 + s } },
        recurrence: RECURRENCE as unknown as Record<string, unknown>,
        delivery: DELIVERY,
        createdAt,
        updatedAt: createdAt,
      });
      em.persist(schedule);
      em.persist(Object.assign(new ReportScheduleTarget(), { networkId, scheduleId: schedule.id, listId: list.id }));
      scheduleIds.push(schedule.id);
    }
    await em.flush();
    return { networkId, scheduleIds };
  });
}

/** The PSS (KiB) of every PostgreSQL process (the postmaster and its backends), read from /proc without blocking. */
async function postgresPssKiB(): Promise<number> {
  let total = 0;
  for (const pid of await readdir('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if ((await readFile(`/proc/${pid}/comm`, 'utf8')).trim() !== 'postgres') continue;
      const m = /^Pss:\s+(\d+) kB/m.exec(await readFile(`/proc/${pid}/smaps_rollup`, 'utf8'));
      if (m) total += Number(m[1]);
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

async function redisMemory(redis: Redis): Promise<Record<string, number>> {
  const text = await redis.info('memory');
  return Object.fromEntries(
    text
      .split(/\r?\n/)
      .map((l) => l.split(':'))
      .filter(([k, v]) => k && v !== undefined && /^\d+$/.test(v.trim()))
      .map(([k, v]) => [k, Number(v)]),
  );
}

/** Peaks sampled (every 500 ms, off the event loop's critical path) while a round runs. */
class Sampler {
  redisPeak = 0;
  postgresPeakKiB = 0;
  connectionsPeak = 0;
  private timer: NodeJS.Timeout | null = null;
  private busy = false;

  constructor(
    private readonly redis: Redis,
    private readonly pg: Client,
    private readonly dbName: string,
  ) {}

  async sample(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      this.redisPeak = Math.max(this.redisPeak, (await redisMemory(this.redis))['used_memory'] ?? 0);
      this.postgresPeakKiB = Math.max(this.postgresPeakKiB, await postgresPssKiB());
      const { rows } = await this.pg.query<{ n: string }>('select count(*) as n from pg_stat_activity where datname = $1', [this.dbName]);
      this.connectionsPeak = Math.max(this.connectionsPeak, Number(rows[0].n));
    } finally {
      this.busy = false;
    }
  }

  start(): void {
    this.timer = setInterval(() => void this.sample(), 500);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    while (this.busy) await sleep(20);
    await this.sample();
  }
}

const messageIdOf = (mail: CaughtMail) => /^Message-ID:\s*(<[^>]+>)/im.exec(mail.raw)?.[1] ?? '';

async function round(
  workerCount: number,
  due: Date,
  bench: Bench,
  env: { config: AppConfig; db: TenantDb; smtp: Awaited<ReturnType<typeof startSmtpSink>>; sampler: Sampler },
): Promise<{
  deliveredMs: number;
  renderedMs: number;
  duplicates: number;
  resent: number;
  retried: number;
  runs: number;
  emails: number;
  bytes: number;
}> {
  const { config, db, smtp, sampler } = env;
  const expected = bench.schedules.length * RECIPIENTS;
  const workers: INestApplicationContext[] = [];
  for (let i = 0; i < workerCount; i++) {
    const w = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false });
    await w.init();
    w.get(Clock).set(new Date(due.getTime() + 20_000));
    workers.push(w);
  }
  const before = smtp.mails.length;
  sampler.start();
  const started = performance.now();
  // Every worker wakes every schedule, as each one's job scheduler would in that minute (two workers: every wake-up twice).
  const outcomes = await Promise.all(
    workers.map(async (w) => {
      const runs = w.get(ScheduleRunsService);
      let next = 0;
      let started = 0;
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          while (next < bench.schedules.length) {
            const [networkId, scheduleId] = bench.schedules[next++];
            if ((await runs.fire(networkId, scheduleId)).status === 'started') started++;
          }
        }),
      );
      return started;
    }),
  );
  let renderedMs = NaN;
  let checked = 0;
  const until = Date.now() + TIMEOUT_MS;
  while (smtp.mails.length - before < expected) {
    if (Date.now() > until) throw new Error(`only ${smtp.mails.length - before} of ${expected} emails after ${seconds(TIMEOUT_MS)}`);
    // Every second (one statement per network): whether every report has been rendered yet.
    if (Number.isNaN(renderedMs) && performance.now() - checked >= 1_000) {
      checked = performance.now();
      if ((await unrendered(db, bench, due)) === 0) renderedMs = performance.now() - started;
    }
    await sleep(100);
  }
  const deliveredMs = performance.now() - started;
  if (Number.isNaN(renderedMs)) renderedMs = deliveredMs;
  // A little longer, for any duplicate still on its way.
  await sleep(2_000);
  await sampler.stop();
  for (const w of workers) await w.close();

  const mails = smtp.mails.slice(before);
  // Emails per (schedule, recipient): the SMTP server's messages joined to the deliveries by Message-ID.
  const bySchedule = new Map<string, string>();
  let retried = 0;
  for (const networkId of bench.networkIds) {
    const rows = await db.inNetwork({ userId: null, networkId }, ({ em }) => {
      const q = sql`select e.message_id, e.attempts, r.schedule_id, d.to_address from report_delivery d
        join report_run r on r.id = d.run_id join email_outbox e on e.id = d.email_id
        where r.due_at = ${due}`;
      return em.execute<Array<{ message_id: string; attempts: number; schedule_id: string; to_address: string }>>(q.text, q.params);
    });
    for (const r of rows) {
      bySchedule.set(r.message_id, `${r.schedule_id} ${r.to_address}`);
      if (r.attempts > 1) retried++;
    }
  }
  const perPair = new Map<string, number>();
  const perMessage = new Map<string, number>();
  for (const mail of mails) {
    const id = messageIdOf(mail);
    perMessage.set(id, (perMessage.get(id) ?? 0) + 1);
    const pair = bySchedule.get(id) ?? `unknown ${id} ${mail.to.join(',')}`;
    perPair.set(pair, (perPair.get(pair) ?? 0) + 1);
  }
  const duplicates =
    [...perPair.values()].reduce((n, c) => n + Math.max(0, c - 1), 0) + [...perPair.keys()].filter((k) => k.startsWith('unknown')).length;
  return {
    deliveredMs,
    renderedMs,
    duplicates,
    resent: [...perMessage.values()].reduce((n, c) => n + Math.max(0, c - 1), 0),
    retried,
    runs: outcomes.reduce((a, b) => a + b, 0),
    emails: mails.length,
    bytes: mails.reduce((n, m) => n + m.size, 0),
  };
}

/** Runs of this period still waiting for their document (none left: every report rendered). */
async function unrendered(db: TenantDb, bench: Bench, due: Date): Promise<number> {
  let open = 0;
  for (const networkId of bench.networkIds) {
    open += await db.inNetwork({ userId: null, networkId }, ({ em }) =>
      em.count(ReportRun, { dueAt: due, state: { $in: ['pending', 'rendering'] } }),
    );
  }
  return open;
}

async function main(): Promise<void> {
  const redis = new RedisServer(await freePort());
  await redis.start();
  const smtp = await startSmtpSink({ keepBodies: false });
  const database = await createDatabase('plexus_bench_sched', null);
  const storage = mkdtempSync(join(tmpdir(), 'plexus-bench-sched-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.appUrl,
    DATABASE_OWNER_URL: database.ownerUrl,
    REDIS_URL: redis.url,
    REDIS_PREFIX: 'plexus-bench-schedules',
    SMTP_URL: smtp.url,
    STORAGE_DIR: storage,
    LOG_LEVEL: 'silent',
    REPORT_PAGE_POOL: PAGE_POOL,
    CHROMIUM_PATH: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    PUBLIC_URL: 'http://plexus.bench',
  });
  const pg = new Client({ connectionString: database.ownerUrl });
  const redisClient = new Redis(redis.url, { lazyConnect: true });
  let orm: MikroORM | undefined;
  let failed = false;
  try {
    await migrate(config.DATABASE_OWNER_URL, roleFromUrl(config.DATABASE_URL));
    orm = await MikroORM.init(ormConfig({ clientUrl: config.DATABASE_URL, poolMax: 4 }));
    const db = new TenantDb(orm);
    await pg.connect();
    await redisClient.connect();
    // Due instants: the first of the month at 07:00 Europe/London, one month per round, from April 2027.
    const dues = nextRuns(RECURRENCE, new Date('2027-03-15T00:00:00Z'), WORKERS.length);
    const createdAt = new Date('2027-03-01T09:00:00Z');
    const t = performance.now();
    const bench: Bench = { networkIds: [], schedules: [] };
    for (let n = 1; n <= NETWORKS; n++) {
      const made = await makeNetwork(db, n, createdAt);
      bench.networkIds.push(made.networkId);
      bench.schedules.push(...made.scheduleIds.map((id): [string, string] => [made.networkId, id]));
    }
    const setUpMs = performance.now() - t;

    console.log(`\nPlexus scheduled reports benchmark — ${new Date().toISOString()} — node ${process.version}, ${cpus().length} cores`);
    console.log(
      `(${NETWORKS} networks × ${SCHEDULES} schedules = ${bench.schedules.length} reports (risk register and progress, alternating), ` +
        `${RECIPIENTS} recipients each = ${bench.schedules.length * RECIPIENTS} emails, delivery: ${DELIVERY}; ` +
        `REPORT_PAGE_POOL=${PAGE_POOL} per worker; set-up ${seconds(setUpMs)})`,
    );
    for (const [i, workerCount] of WORKERS.entries()) {
      const sampler = new Sampler(redisClient, pg, database.name);
      const baseline = { redis: (await redisMemory(redisClient))['used_memory'] ?? 0, postgres: await postgresPssKiB() };
      const result = await round(workerCount, dues[i], bench, { config, db, smtp, sampler });
      const size = await pg.query<{ n: string }>('select pg_database_size($1) as n', [database.name]);
      const info = await redisMemory(redisClient);
      console.log(`\n${workerCount} worker${workerCount === 1 ? '' : 's'} (in-process WorkerModule contexts), due ${dues[i].toISOString()}`);
      line('runs started (of wake-ups)', `${result.runs} of ${bench.schedules.length * workerCount}`);
      line('time until every report was rendered', seconds(result.renderedMs));
      line('time until every email was in the SMTP server', `${seconds(result.deliveredMs)} (${result.emails} emails, ${mib(result.bytes)})`);
      line('emails per second (whole round)', (result.emails / (result.deliveredMs / 1000)).toFixed(1));
      line('emails that needed more than one attempt', String(result.retried));
      line(
        'duplicates (emails per schedule and recipient > 1)',
        `${result.duplicates}${result.resent ? ` (${result.resent} resent Message-IDs)` : ''}`,
      );
      line('Redis used_memory: before → peak sampled', `${mib(baseline.redis)} → ${mib(sampler.redisPeak)}`);
      line('Redis used_memory_peak (since the server started)', mib(info['used_memory_peak'] ?? 0));
      line('PostgreSQL PSS, whole cluster: before → peak sampled', `${mib(baseline.postgres * 1024)} → ${mib(sampler.postgresPeakKiB * 1024)}`);
      line('PostgreSQL connections to the bench database, peak', String(sampler.connectionsPeak));
      line('bench database size after the round', mib(Number(size.rows[0].n)));
      if (result.duplicates || result.emails !== bench.schedules.length * RECIPIENTS) failed = true;
    }
    const documents = await (async () => {
      let n = 0;
      for (const networkId of bench.networkIds)
        n += await db.inNetwork({ userId: null, networkId }, ({ em }) => em.count(ReportDocument, { status: 'ready' }));
      return n;
    })();
    console.log(
      `\n(${documents} documents rendered in all; PostgreSQL memory is the cluster's, the sum of Pss in /proc/<pid>/smaps_rollup over its processes)`,
    );
  } finally {
    await pg.end().catch(() => undefined);
    redisClient.disconnect();
    await orm?.close(true);
    await database.drop().catch((e: unknown) => console.error('could not drop the bench database', e));
    await smtp.close();
    await redis.stop();
    rmSync(storage, { recursive: true, force: true });
  }
  if (failed) {
    console.error('\nFAILED: duplicates, or not one email per schedule and recipient');
    process.exit(1);
  }
  process.exit(0);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
